import { z } from 'zod';
import { defineCommand, returns } from './define';
import { requiredText } from '../zod-zh';
import { printFormsSchema } from '../print';

// Declared with the print engine (shared/print.ts); named here too, where settings are read.
export { printFormSettingsSchema, printFormsSchema, type PrintFormSettings } from '../print';
import { DESK_SETTINGS, type DeskSettings } from './desks';

/**
 * The office logo printed beside its name: a PNG or JPEG as a data: URL ('' for none). A logo,
 * not a photo: 200 KB is plenty for 30 mm at 300 dpi, and the value travels with every
 * settings.get. Checked here (client and server alike) down to the file's own magic bytes, so
 * a renamed file is refused whatever its extension says.
 */
export const OFFICE_LOGO_MAX_BYTES = 200 * 1024;
export const OFFICE_LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
const LOGO_HEAD = /^data:(image\/png|image\/jpeg);base64,/;
/**
 * Each format's first bytes as base64: PNG 89 50 4E 47 0D 0A 1A 0A (only the first 10
 * characters are those bytes alone; the 11th mixes in the next one), JPEG FF D8 FF.
 */
const LOGO_MAGIC: Record<(typeof OFFICE_LOGO_TYPES)[number], string> = { 'image/png': 'iVBORw0KGg', 'image/jpeg': '/9j/' };
const LOGO_MAX_CHARS = 'data:image/jpeg;base64,'.length + Math.ceil(OFFICE_LOGO_MAX_BYTES / 3) * 4;
export const LOGO_TOO_LARGE = `图片不能大于 ${OFFICE_LOGO_MAX_BYTES / 1024} KB`;
export const LOGO_WRONG_TYPE = '只能使用 PNG 或 JPEG 图片';

export const officeLogoSchema = z
  .string()
  .max(LOGO_MAX_CHARS, LOGO_TOO_LARGE)
  .superRefine((value, ctx) => {
    if (value === '') return;
    const head = LOGO_HEAD.exec(value);
    if (!head) {
      ctx.addIssue({ code: 'custom', message: LOGO_WRONG_TYPE });
      return;
    }
    const body = value.slice(head[0].length);
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0) {
      ctx.addIssue({ code: 'custom', message: '图片数据不完整，请重新选择文件' });
      return;
    }
    if (!body.startsWith(LOGO_MAGIC[head[1] as keyof typeof LOGO_MAGIC])) {
      ctx.addIssue({ code: 'custom', message: LOGO_WRONG_TYPE });
      return;
    }
    const bytes = (body.length / 4) * 3 - (body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0);
    if (bytes > OFFICE_LOGO_MAX_BYTES) ctx.addIssue({ code: 'custom', message: LOGO_TOO_LARGE });
  });

/** The office's name, in the header and on every print (asked at first-run setup). */
export const officeNameSchema = requiredText(60);

/** The office-wide settings, changed by the admin through settings.update. */
export const officeSettingsSchema = z.strictObject({
  officeName: officeNameSchema,
  lockMinutes: z.number().int().min(1, '至少 1 分钟').max(240, '最多 240 分钟'),
  printForms: printFormsSchema,
  officeLogo: officeLogoSchema,
});
export type OfficeSettings = z.infer<typeof officeSettingsSchema>;

/** What settings.get answers and commands read as ctx.settings: the office's and every desk's section. */
export type Settings = OfficeSettings & DeskSettings;

const DEFAULT_OFFICE_SETTINGS: OfficeSettings = {
  officeName: '物业管理处',
  lockMinutes: 10,
  printForms: {},
  officeLogo: '',
};

export const DEFAULT_SETTINGS: Settings = {
  ...DEFAULT_OFFICE_SETTINGS,
  ...(Object.fromEntries(DESK_SETTINGS.map((s) => [s.key, s.defaults])) as DeskSettings),
};

/** Each stored key's schema: the office's own and each desk section's (a stored value that no longer validates falls back to its default). */
export const SETTINGS_SCHEMAS: Record<string, z.ZodType> = {
  ...officeSettingsSchema.shape,
  ...Object.fromEntries(DESK_SETTINGS.map((s) => [s.key, s.schema])),
};

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
    input: officeSettingsSchema.partial(),
    output: returns<Settings>(),
    access: ['admin'],
    writes: true,
    // The time limits behind every entry's time left, on the reception lists and the unit card's open items.
    affects: ['reception', 'estate'],
    // The office logo alone may be ~270 KB as a data: URL, over the host's 256 KB default.
    inputLimitBytes: 512 * 1024,
  }),
} as const;
