import { z } from 'zod';
/**
 * Paper the office prints on, as plain data: the renderer turns it into CSS `@page`, Electron
 * into `pageSize` in microns (Electron ignores the printer's own paper default, so it is always
 * passed explicitly). Pure: no DOM, no Electron.
 */

export const PAPER_KEYS = [
  'a4-portrait',
  'a4-landscape',
  'a5-portrait',
  'a5-landscape',
  'roll-80',
  'cont-241-full',
  'cont-241-half',
  'cont-241-third',
  'label-40x30',
  'label-50x30',
  'label-60x40',
] as const;
export type PaperKey = (typeof PAPER_KEYS)[number];

export interface Paper {
  key: PaperKey;
  /** Chinese name shown in settings. */
  label: string;
  widthMm: number;
  /** null: a roll, the page is as long as its content. */
  heightMm: number | null;
  /** Printable-area margins, mm (top, right, bottom, left). */
  marginMm: { top: number; right: number; bottom: number; left: number };
}

const m = (top: number, right = top, bottom = top, left = right) => ({ top, right, bottom, left });

export const PAPERS: Record<PaperKey, Paper> = {
  'a4-portrait': { key: 'a4-portrait', label: 'A4 纵向', widthMm: 210, heightMm: 297, marginMm: m(12) },
  'a4-landscape': { key: 'a4-landscape', label: 'A4 横向', widthMm: 297, heightMm: 210, marginMm: m(12) },
  'a5-portrait': { key: 'a5-portrait', label: 'A5 纵向', widthMm: 148, heightMm: 210, marginMm: m(8) },
  'a5-landscape': { key: 'a5-landscape', label: 'A5 横向', widthMm: 210, heightMm: 148, marginMm: m(8) },
  // 80 mm rolls print about 72 mm wide; the thermal head cannot reach the outer 4 mm.
  'roll-80': { key: 'roll-80', label: '80 mm 小票', widthMm: 80, heightMm: null, marginMm: m(3, 4) },
  // 241 mm (9.5 in) continuous forms; sprocket strips take ~13 mm each side.
  'cont-241-full': { key: 'cont-241-full', label: '241 mm 连续纸（整张 241×279.4）', widthMm: 241, heightMm: 279.4, marginMm: m(8, 15) },
  'cont-241-half': { key: 'cont-241-half', label: '241 mm 连续纸（二等分 241×139.7）', widthMm: 241, heightMm: 139.7, marginMm: m(6, 15) },
  'cont-241-third': { key: 'cont-241-third', label: '241 mm 连续纸（三等分 241×93.1）', widthMm: 241, heightMm: 93.1, marginMm: m(5, 15) },
  // Label printers (key tags, asset tags): one label per page; the die-cut gap needs a small margin.
  'label-40x30': { key: 'label-40x30', label: '标签 40×30 mm', widthMm: 40, heightMm: 30, marginMm: m(1.5) },
  'label-50x30': { key: 'label-50x30', label: '标签 50×30 mm', widthMm: 50, heightMm: 30, marginMm: m(1.5) },
  'label-60x40': { key: 'label-60x40', label: '标签 60×40 mm', widthMm: 60, heightMm: 40, marginMm: m(2) },
};

/** Label stock (key tags): one small label per page, for forms made for it alone. */
export const LABEL_PAPERS = PAPER_KEYS.filter((k) => k.startsWith('label-'));
/** Sheets and rolls: what a page of text is printed on. */
export const DOCUMENT_PAPERS = PAPER_KEYS.filter((k) => !k.startsWith('label-'));

export function isPaperKey(value: unknown): value is PaperKey {
  return typeof value === 'string' && (PAPER_KEYS as readonly string[]).includes(value);
}

/** 1 mm = 1000 µm, rounded: Electron's pageSize wants integer microns. */
export const mmToMicrons = (mm: number) => Math.round(mm * 1000);
/** PDF points: 1 in = 72 pt = 25.4 mm. */
export const mmToPoints = (mm: number) => (mm * 72) / 25.4;
export const mmToInches = (mm: number) => mm / 25.4;

/** A roll has no fixed height; for PDF / driver purposes it is given this much at most. */
export const ROLL_MAX_HEIGHT_MM = 1000;

/** Per-form offset bounds (mm): enough to line up pre-printed paper, not to print off the sheet. */
export const OFFSET_LIMIT_MM = 20;
export const COPIES_MAX = 9;

/**
 * A record's form as the server gives it (one print read per form kind): its printed number, how
 * many copies went out before (n > 0 prints 补打（第 n 次）), whether it is voided (作废), and the
 * data — masked and role-checked as the desk's own read does. Never taken from the print URL.
 */
export interface PrintRecord<Data> {
  serial: string;
  reprint: number;
  voided: boolean;
  data: Data;
}

/** How a copy went out: the printer (desktop), a saved PDF, or the browser's print dialog. */
export const PRINT_OUTPUTS = ['printer', 'pdf', 'dialog'] as const;
export type PrintOutput = (typeof PRINT_OUTPUTS)[number];

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
