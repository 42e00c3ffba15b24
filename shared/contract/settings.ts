import { z } from 'zod';
import { defineCommand, returns } from './define';
import { requiredText } from '../zod-zh';

/** Office-wide settings. Later desks add their own keys (time limits, printers…). */
export const settingsSchema = z.strictObject({
  officeName: requiredText(60),
  lockMinutes: z.number().int().min(1, '至少 1 分钟').max(240, '最多 240 分钟'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { officeName: '物业管理处', lockMinutes: 10 };

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
