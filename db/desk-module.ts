import type { AuditEntityKind, DeskRegistry, ServerDesk } from './context';

export type { AttentionProvider, BenchScenario, DeskBench, DemoGenerator, DeskRegistry, OpenItemsProvider, SearchProvider, ServerDesk } from './context';

/**
 * Combine the desks' modules, refusing a list where two claim the same desk, command, search
 * kind or audited record kind, or a desk handles a command not named after it (`<desk>.<verb>`).
 */
export function combineServerDesks(
  desks: readonly ServerDesk<never>[],
  core: { commands: readonly string[]; searchKinds?: readonly string[]; auditEntities?: Readonly<Record<string, AuditEntityKind>> },
): DeskRegistry {
  const seenDesks = new Set<string>();
  const commands = new Set(core.commands);
  const kinds = new Set(core.searchKinds ?? []);
  const handlers: Record<string, unknown> = {};
  const auditEntities: Record<string, AuditEntityKind> = { ...core.auditEntities };
  for (const d of desks) {
    if (seenDesks.has(d.desk)) throw new Error(`desk listed twice: ${d.desk}`);
    seenDesks.add(d.desk);
    for (const [name, handler] of Object.entries(d.handlers)) {
      if (!name.startsWith(`${d.desk}.`)) throw new Error(`${d.desk} handles ${name}: a desk's commands are named ${d.desk}.…`);
      if (commands.has(name)) throw new Error(`command claimed twice: ${name}`);
      commands.add(name);
      handlers[name] = handler;
    }
    for (const p of d.searchProviders ?? []) {
      if (kinds.has(p.kind)) throw new Error(`search kind claimed twice: ${p.kind}`);
      kinds.add(p.kind);
    }
    for (const [entity, kind] of Object.entries(d.auditEntities ?? {})) {
      if (entity in auditEntities) throw new Error(`audit entity claimed twice: ${entity}`);
      auditEntities[entity] = kind;
    }
  }
  return {
    desks,
    handlers,
    searchProviders: desks.flatMap((d) => d.searchProviders ?? []),
    openItems: desks.flatMap((d) => d.openItems ?? []),
    attention: desks.flatMap((d) => (d.attention ? [{ ...d.attention, desk: d.desk }] : [])),
    demo: desks.flatMap((d) => (d.demo ? [{ ...d.demo, desk: d.desk }] : [])),
    bench: desks.flatMap((d) => (d.bench ? [{ ...d.bench, desk: d.desk }] : [])),
    auditEntities,
  };
}
