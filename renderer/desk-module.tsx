import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import type { SearchHit } from '../shared/contract/search';
import type { UnitCard } from '../shared/contract/estate';
import type { DeskAttention } from '../shared/contract/shell';
import { DESKS, type DeskKey } from '../shared/desks';
import { usesDesk } from '../shared/permissions';
import type { Role } from '../shared/roles';
import type { PrintFormDef } from './print/registry';

/** What fills the main area for a desk; `section` is the route's second part (`#/settings/print`). */
export interface DeskViewProps {
  section: string | undefined;
  onSection(section: string): void;
}

/** A tab of 设置 that a desk brings (reception's 接待时限). */
export interface SettingsTab {
  key: string;
  label: string;
  /** Who sees the tab; the server checks the same roles on every command behind it. */
  roles: readonly Role[] | 'all';
  render(): ReactNode;
}

/**
 * The renderer side of a desk: everything the shell, the counter search, the unit card, 设置 and
 * the print route know of it. A desk exports one from renderer/<desk>/module.tsx;
 * renderer/desks.ts lists them. Those lower pieces read the combined list through useDesks(),
 * never by importing a desk.
 */
export interface RendererDesk {
  key: DeskKey;
  icon: ReactNode;
  /** The desk's own routes are `#/<key>/…`: its view reads the rest. */
  view: ComponentType<DeskViewProps>;
  /** Beside the operator's name in the header: the desk's reminders, from its shell.attention counts. */
  headerBadge?: ComponentType<{ attention: DeskAttention }>;
  /** How the counter search opens this desk's hits, by hit kind. */
  openers?: Record<string, (hit: SearchHit) => void>;
  /** The forms this desk prints (`#/print/<key>`). */
  printForms?: readonly PrintFormDef<unknown>[];
  settingsTabs?: readonly SettingsTab[];
  /** Buttons on the unit card (reception's 登记接待, F4). */
  unitCardActions?: readonly ComponentType<{ card: UnitCard }>[];
  /** Where an open item this desk listed on the unit card links to. */
  openItemHref?(itemId: string): string;
  /** Keys the desk handles itself, listed in the F1 help. */
  shortcuts?: readonly { id: string; keys: string; description: string }[];
}

export interface DeskRegistry {
  /** Every desk of the product, in sidebar order, with its module when it is built. */
  all: readonly { key: DeskKey; title: string; module: RendererDesk | null }[];
  modules: readonly RendererDesk[];
  openers: Readonly<Record<string, (hit: SearchHit) => void>>;
  /** Every printable form: the print engine's own, then the desks'. */
  printForms: readonly PrintFormDef<unknown>[];
  printForm(key: string): PrintFormDef<unknown> | undefined;
  settingsTabs: readonly SettingsTab[];
  unitCardActions: readonly ComponentType<{ card: UnitCard }>[];
  openItemHref(desk: string, itemId: string): string | null;
  shortcuts: readonly { id: string; keys: string; description: string }[];
}

function claim(seen: Set<string>, what: string, key: string) {
  if (seen.has(key)) throw new Error(`${what} claimed twice: ${key}`);
  seen.add(key);
}

/** Combine the desks' modules, refusing two that claim the same desk (its routes), search kind, print form or settings tab. */
export function combineDesks(modules: readonly RendererDesk[], core: { settingsTabs?: readonly string[]; printForms?: readonly PrintFormDef<unknown>[] } = {}): DeskRegistry {
  const desks = new Set<string>();
  const kinds = new Set<string>();
  const forms = new Set<string>();
  const printForms = [...(core.printForms ?? []), ...modules.flatMap((m) => m.printForms ?? [])];
  for (const f of printForms) {
    if (!/^[a-z0-9-]{1,40}$/.test(f.key)) throw new Error(`bad form key: ${f.key}`);
    claim(forms, 'print form', f.key);
  }
  const tabs = new Set(core.settingsTabs ?? []);
  for (const m of modules) {
    claim(desks, 'desk', m.key);
    for (const kind of Object.keys(m.openers ?? {})) claim(kinds, 'search kind', kind);
    for (const t of m.settingsTabs ?? []) claim(tabs, 'settings tab', t.key);
  }
  const byKey = new Map(modules.map((m) => [m.key as string, m]));
  return {
    all: DESKS.map((d) => ({ key: d.key, title: d.title, module: byKey.get(d.key) ?? null })),
    modules,
    openers: Object.assign({}, ...modules.map((m) => m.openers ?? {})) as Record<string, (hit: SearchHit) => void>,
    printForms,
    printForm: (key) => printForms.find((f) => f.key === key),
    settingsTabs: modules.flatMap((m) => m.settingsTabs ?? []),
    unitCardActions: modules.flatMap((m) => m.unitCardActions ?? []),
    openItemHref: (desk, itemId) => byKey.get(desk)?.openItemHref?.(itemId) ?? null,
    shortcuts: modules.flatMap((m) => m.shortcuts ?? []),
  };
}

export type DeskEntry = DeskRegistry['all'][number];

/** The desks this operator works at (shared/permissions.ts), in sidebar order. */
export function desksFor(registry: DeskRegistry, roles: readonly Role[]): DeskEntry[] {
  return registry.all.filter((d) => usesDesk(roles, d.key));
}

const DesksContext = createContext<DeskRegistry | null>(null);
export const DesksProvider = DesksContext.Provider;

/** The combined desk modules, provided once at the top (renderer/main.tsx). */
export function useDesks(): DeskRegistry {
  const registry = useContext(DesksContext);
  if (!registry) throw new Error('useDesks outside DesksProvider');
  return registry;
}
