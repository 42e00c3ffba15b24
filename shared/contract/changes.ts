import { commands, type CommandName } from './index';
import { deskOf, type DeskOf } from './define';

/** A command's desk, for change events: the prefixes of the contract's command names (`reception`, `estate`, `settings`…). */
export type Desk = DeskOf<CommandName>;

/**
 * The desks a successful run of this command changes: none for a read; for a write its own desk,
 * then the desks it declares it `affects`. The client announces them (renderer/api/desk-changes.ts).
 */
export function changedDesks(name: CommandName): Desk[] {
  const def = commands[name];
  if (!def.writes) return [];
  // Also the check that every `affects` names a desk in use: a typo fails to compile here.
  const affects: readonly Desk[] = def.affects ?? [];
  return [deskOf(name), ...affects];
}
