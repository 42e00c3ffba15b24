import { z } from 'zod';
import { COPIES_MAX, PRINT_OUTPUTS, printFormSettingsSchema, ROLL_MAX_HEIGHT_MM } from './print';

/**
 * What the print preview asks of the desktop app's print bridge and hears back (electron/bridge.ts
 * carries it; electron/print-jobs.ts checks every request against these schemas before a job runs).
 */

const HASH_MISMATCH = '单据与打印页面不一致';

/** `#/print/<form>?<query>`, the query in the characters URLSearchParams itself writes. */
export const PRINT_HASH = /^#\/print\/([a-z0-9-]{1,40})(?:\?([A-Za-z0-9%*._+=&-]{0,400}))?$/;

const jobFields = {
  formKey: z.string().regex(/^[a-z0-9-]{1,40}$/, '格式不正确'),
  hash: z.string().max(460, '格式不正确').regex(PRINT_HASH, '格式不正确'),
  /** The form's paper, copies, printer and offsets as the preview resolved them. */
  form: printFormSettingsSchema,
  /** The preview's measured roll height (mm); the print window measures again and its figure wins. */
  rollHeightMm: z.number().positive().max(ROLL_MAX_HEIGHT_MM).nullable(),
};
const sameForm = (r: { formKey: string; hash: string }) => PRINT_HASH.exec(r.hash)?.[1] === r.formKey;

export const printRequestSchema = z
  .strictObject({
    ...jobFields,
    /** true: straight to the form's printer (the dialog when it has none); false: always the dialog. */
    silent: z.boolean(),
  })
  .refine(sameForm, { path: ['hash'], message: HASH_MISMATCH });

export const pdfRequestSchema = z
  .strictObject({ ...jobFields, fileName: z.string().trim().min(1).max(120) })
  .refine(sameForm, { path: ['hash'], message: HASH_MISMATCH });

export type PrintRequest = z.input<typeof printRequestSchema>;
export type PdfRequest = z.input<typeof pdfRequestSchema>;

export type PrintOutcome = { status: 'printed'; printer: string | null; copies: number } | { status: 'cancelled' };
export type PdfOutcome = { status: 'saved'; path: string } | { status: 'cancelled' };
export interface PrinterChoice {
  /** What deviceName wants and settings store. */
  name: string;
  displayName: string;
  description: string;
}


/**
 * A desk's "printed" command takes these with the form and record: what the job reported, sent by
 * the preview once it did (never when the preview opens).
 */
export const printedJobFields = {
  copies: z.number().int().min(1).max(COPIES_MAX),
  output: z.enum(PRINT_OUTPUTS),
};
