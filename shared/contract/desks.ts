import type { z } from 'zod';
import type { CommandDef } from './define';
import type { DeskSettingsSection } from './desk-settings';
import type { DeskKey } from '../desks';
import { estateCommands } from './estate';
import { receptionCommands, receptionSettings } from './reception';
import { repairsCommands, repairSettings } from './repairs';
import { feesCommands } from './fees';
import { feeRulesSettings } from './fees-billing';
import { keysCommands } from './keys';
import { passesCommands, passRulesSettings } from './passes';

/**
 * The desks' contracts, one line per desk: the shared side of a desk module (the server's list
 * is db/desks.ts, the renderer's renderer/desks.ts). A desk's commands are named `<desk>.<verb>`,
 * so two desks cannot claim the same command; checkDeskContracts says so if one tries.
 */
export const DESK_CONTRACTS = [
  { desk: 'estate', commands: estateCommands },
  { desk: 'reception', commands: receptionCommands, settings: receptionSettings },
  { desk: 'repairs', commands: repairsCommands, settings: repairSettings },
  { desk: 'fees', commands: feesCommands, settings: feeRulesSettings },
  { desk: 'keys', commands: keysCommands },
  { desk: 'passes', commands: passesCommands, settings: passRulesSettings },
] as const satisfies readonly DeskContract[];

export interface DeskContract {
  desk: DeskKey;
  commands: Record<string, CommandDef>;
  settings?: DeskSettingsSection;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type Contracts = (typeof DESK_CONTRACTS)[number];

/** Every desk's commands, merged (a missing desk is a type error in the dispatcher's handlers). */
export type DeskCommands = UnionToIntersection<Contracts['commands']>;

type SectionOf<C> = C extends { settings: DeskSettingsSection<infer Key, infer Schema> } ? { [K in Key]: z.output<Schema> } : never;
/** Every desk's settings section, by its key (`receptionLimits`). */
export type DeskSettings = UnionToIntersection<SectionOf<Contracts>>;

/** The desks' settings sections, in desk order. */
export const DESK_SETTINGS: DeskSettingsSection[] = DESK_CONTRACTS.flatMap((c) => ('settings' in c ? [c.settings as DeskSettingsSection] : []));

/**
 * Refuses a list in which a desk appears twice, a command is not named after its desk, or two
 * settings sections share a key (and, through `reserved`, a key or command the core already uses).
 */
export function checkDeskContracts(contracts: readonly DeskContract[], reserved: { commands: readonly string[]; settingsKeys: readonly string[] }): void {
  const desks = new Set<string>();
  const commands = new Set(reserved.commands);
  const settingsKeys = new Set(reserved.settingsKeys);
  for (const c of contracts) {
    if (desks.has(c.desk)) throw new Error(`desk listed twice: ${c.desk}`);
    desks.add(c.desk);
    for (const name of Object.keys(c.commands)) {
      if (!name.startsWith(`${c.desk}.`)) throw new Error(`${c.desk} declares ${name}: a desk's commands are named ${c.desk}.…`);
      if (commands.has(name)) throw new Error(`command claimed twice: ${name}`);
      commands.add(name);
    }
    if (c.settings) {
      if (settingsKeys.has(c.settings.key)) throw new Error(`settings key claimed twice: ${c.settings.key}`);
      settingsKeys.add(c.settings.key);
    }
  }
}

export function deskCommandsOf(contracts: readonly DeskContract[]): Record<string, CommandDef> {
  return Object.assign({}, ...contracts.map((c) => c.commands)) as Record<string, CommandDef>;
}
