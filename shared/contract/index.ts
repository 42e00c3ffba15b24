import type { z } from 'zod';
import { installChineseErrors } from '../zod-zh';
import { authCommands } from './auth';
import { operatorCommands } from './operators';
import { settingsCommands } from './settings';
import { auditCommands } from './audit';
import { searchCommands } from './search';
import { staffCommands } from './staff';
import { shellCommands } from './shell';
import { checkDeskContracts, deskCommandsOf, DESK_CONTRACTS, type DeskCommands } from './desks';
import { officeSettingsSchema } from './settings';
import { accessAllows, type CommandDef } from './define';
import type { Role } from '../roles';

installChineseErrors();

/** The commands below the desks: signing in, operators, settings, the log, the counter search, staff, the shell. */
const coreCommands = {
  ...authCommands,
  ...operatorCommands,
  ...settingsCommands,
  ...auditCommands,
  ...searchCommands,
  ...staffCommands,
  ...shellCommands,
} as const;

checkDeskContracts(DESK_CONTRACTS, { commands: Object.keys(coreCommands), settingsKeys: Object.keys(officeSettingsSchema.shape) });

/**
 * Every command the UI can run, by name. The single source of truth for the dispatcher,
 * the preload's allow-list, the HTTP host's /api/commands and the renderer's typed client.
 * The desks' commands come from their contracts, listed in ./desks.ts.
 */
export const commands = { ...coreCommands, ...deskCommandsOf(DESK_CONTRACTS) } as typeof coreCommands & DeskCommands;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
export type ParsedInput<N extends CommandName> = z.output<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = Commands[N] extends CommandDef<string, z.ZodType, infer O> ? O : never;

export const COMMAND_NAMES = Object.keys(commands) as CommandName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name);
}

export function getCommand(name: CommandName): CommandDef {
  return commands[name] as CommandDef;
}

/**
 * Whether these roles may run the command: also what decides who sees that command's data when
 * another desk shows it (the counter search, the unit card).
 */
export function mayRun(roles: readonly Role[] | null, name: CommandName): boolean {
  return accessAllows(getCommand(name).access, roles);
}

export type { CommandDef, Access } from './define';
