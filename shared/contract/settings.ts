import { z } from 'zod';
import { defineCommand, returns } from './define';
import { requiredText } from '../zod-zh';
import { COPIES_MAX, OFFSET_LIMIT_MM, PAPER_KEYS } from '../print';

/** How one printed form goes out: its paper, copies, printer (empty: ask / system default), alignment. */
export const printFormSettingsSchema = z.strictObject({
  paper: z.enum(PAPER_KEYS),
  copies: z.number().int().min(1).max(COPIES_MAX),
  printer: z.string().trim().max(120),
  offsetXmm: z.number().min(-OFFSET_LIMIT_MM).max(OFFSET_LIMIT_MM),
  offsetYmm: z.number().min(-OFFSET_LIMIT_MM).max(OFFSET_LIMIT_MM),
});
export type PrintFormSettings = z.infer<typeof printFormSettingsSchema>;

/** Keyed by form key (`test-page`, later `repair-order`…); forms without an entry use their own defaults. */
export const printFormsSchema = z
  .record(z.string().max(40).regex(/^[a-z0-9-]{1,40}$/, '格式不正确'), printFormSettingsSchema)
  .refine((r) => Object.keys(r).length <= 50, '最多 50 种单据');

/** Office-wide settings. Later desks add their own keys (time limits, printers…). */
export const settingsSchema = z.strictObject({
  officeName: requiredText(60),
  lockMinutes: z.number().int().min(1, '至少 1 分钟').max(240, '最多 240 分钟'),
  printForms: printFormsSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { officeName: '物业管理处', lockMinutes: 10, printForms: {} };

export const settingsCommands = {
  'settings.get': defineCommand({
    name: 'settings.get',
    summary: '读取系统设置',
    input: z.strictObject({}),
    output: returns<Settings>(),
    access: 'signed_in',
    writes: false,
  }),
  'settings.update': defineCommand({
    name: 'settings.update',
    summary: '修改系统设置',
    input: settingsSchema.partial(),
    output: returns<Settings>(),
    access: ['admin'],
    writes: true,
  }),
} as const;
