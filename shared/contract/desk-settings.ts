import type { z } from 'zod';
import { defineCommand, returns, type CommandDef } from './define';
import type { Role } from '../roles';

/**
 * One desk's part of the office settings (reception's time limits, later the key desk's loan
 * rules): its schema, its defaults and who may change it. Declared by the desk in its contract
 * and listed in shared/contract/desks.ts; stored under `key` beside the office-wide settings, read
 * by everyone through settings.get, and changed only through the desk's own
 * `<desk>.updateSettings` command, whose access list is `editRoles`.
 */
export interface DeskSettingsSection<Key extends string = string, Schema extends z.ZodType = z.ZodType> {
  key: Key;
  schema: Schema;
  defaults: z.output<Schema>;
  editRoles: readonly [Role, ...Role[]];
  /** Chinese, e.g. '修改接待时限' (the update command's summary in the operation log). */
  summary: string;
}

export function deskSettings<const Key extends string, Schema extends z.ZodType>(section: DeskSettingsSection<Key, Schema>): DeskSettingsSection<Key, Schema> {
  return section;
}

/** The desk's command that changes its section; it answers the section as now stored. */
export function updateSettingsCommand<const Name extends string, Schema extends z.ZodType>(
  name: Name,
  section: DeskSettingsSection<string, Schema>,
): CommandDef<Name, Schema, z.output<Schema>, never> {
  return defineCommand({
    name,
    summary: section.summary,
    input: section.schema,
    output: returns<z.output<Schema>>(),
    access: section.editRoles,
    writes: true,
  });
}
