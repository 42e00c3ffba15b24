import type { SearchHit } from '../shared/contract/search';
import type { OpenItemGroup } from '../shared/contract/estate';
import type { DeskAttention } from '../shared/contract/shell';
import type { CommandName } from '../shared/contract';
import type { DeskKey } from '../shared/desks';
import type { CommandContext, Handlers } from './context';
import type { CounterQuery } from './search/query';

/**
 * The server side of a desk: everything the lower layers (the counter search, the unit card,
 * the shell's badges, the demo office, the bench) know of it. A desk exports one of these from
 * db/<desk>/module.ts; db/desks.ts lists them. Lower layers read the combined list through
 * `ctx.services.desks`, never by importing a desk.
 */
export interface ServerDesk<Names extends CommandName = CommandName> {
  desk: DeskKey;
  handlers: Handlers<Names>;
  /** What the counter search (F2) finds of this desk: entry numbers, key tags, pass numbers… */
  searchProviders?: readonly SearchProvider[];
  /** What the unit card lists as still open for a unit (entries being handled, keys out…). */
  openItems?: readonly OpenItemsProvider[];
  /** The desk's counts for the signed-in operator (the sidebar badge, the shell's reminders). */
  attention?: AttentionProvider;
  /** Adds the desk's part of the demo office once the estate exists (estate.generateDemo). */
  demo?: DemoGenerator;
}

/** One provider per kind of thing the counter looks up; the box groups hits by provider. */
export interface SearchProvider {
  kind: string;
  label: string;
  /** The command whose roles may see these hits (they show that command's data). */
  shows: CommandName;
  search(ctx: CommandContext, q: CounterQuery, limit: number): Promise<SearchHit[]>;
}

export interface OpenItemsProvider {
  /** The command whose roles may see these items (they show that command's data). */
  shows: CommandName;
  list(ctx: CommandContext, unitId: number): Promise<OpenItemGroup | null>;
}

export interface AttentionProvider {
  /** The command whose roles may see these counts. */
  shows: CommandName;
  count(ctx: CommandContext): Promise<DeskAttention>;
}

export interface DemoGenerator {
  /** Chinese, how the count reads: '近一个月接待登记'. */
  label: string;
  generate(ctx: CommandContext): Promise<number>;
}

/** The desks' pieces, combined once at start (db/desks.ts). */
export interface DeskRegistry {
  desks: readonly ServerDesk<never>[];
  handlers: Record<string, unknown>;
  searchProviders: readonly SearchProvider[];
  openItems: readonly OpenItemsProvider[];
  attention: readonly (AttentionProvider & { desk: DeskKey })[];
  demo: readonly (DemoGenerator & { desk: DeskKey })[];
}

/**
 * Combine the desks' modules, refusing a list where two claim the same desk, command or search
 * kind, or a desk handles a command not named after it (`<desk>.<verb>`).
 */
export function combineServerDesks(desks: readonly ServerDesk<never>[], core: { commands: readonly string[]; searchKinds?: readonly string[] }): DeskRegistry {
  const seenDesks = new Set<string>();
  const commands = new Set(core.commands);
  const kinds = new Set(core.searchKinds ?? []);
  const handlers: Record<string, unknown> = {};
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
  }
  return {
    desks,
    handlers,
    searchProviders: desks.flatMap((d) => d.searchProviders ?? []),
    openItems: desks.flatMap((d) => d.openItems ?? []),
    attention: desks.flatMap((d) => (d.attention ? [{ ...d.attention, desk: d.desk }] : [])),
    demo: desks.flatMap((d) => (d.demo ? [{ ...d.demo, desk: d.desk }] : [])),
  };
}
