/**
 * Printing in the desktop app, without 'electron': which requests are accepted, how the print
 * route is opened and waited for, the options webContents.print / printToPDF get, and what the
 * page hears back. print-ipc.ts binds this to ipcMain and real windows; tests/electron run it
 * with stand-ins in Node. None of it has run inside Electron yet.
 *
 * A job renders the same `#/print/…` route the preview shows, in a hidden window of its own, so
 * a desk can also print without a preview; the job's paper and offsets are written into that
 * route so the page lays out exactly what the printer is told.
 */
import { z } from 'zod';
import type { PrintToPDFOptions, WebContentsPrintOptions } from 'electron';
import type { PrintFormSettings } from '../shared/contract/settings';
import { PRINT_HASH, pdfRequestSchema, printRequestSchema, type PdfOutcome, type PrintOutcome, type PrinterChoice } from '../shared/print-jobs';
import type { CommandError, Result } from '../shared/result';
import { fieldErrors, installChineseErrors } from '../shared/zod-zh';
import { FORBIDDEN, isTrustedSender, type InvokeEventLike, type SenderLike } from './invoke';
import { pdfOptions, printOptions } from './print';
import { APP_INDEX_URL } from './security';
import { PS } from './strings';

installChineseErrors();

/** The part of Electron's PrinterInfo we read. */
export interface PrinterInfoLike {
  name: string;
  displayName?: string;
  description?: string;
}

/** The print window as print-jobs sees it (a BrowserWindow's webContents in print-ipc.ts). */
export interface PrintPage {
  /** webContents.executeJavaScript */
  evaluate(script: string): Promise<unknown>;
  print(options: WebContentsPrintOptions): Promise<{ success: boolean; failureReason: string }>;
  printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
  close(): void;
}

export interface PrintDeps {
  isOurWindow(sender: SenderLike): boolean;
  /** Loads `url` in a hidden window that borrows `opener`'s sign-in; resolves once it has loaded. */
  openPage(url: string, opener: SenderLike): Promise<PrintPage>;
  listPrinters(sender: SenderLike): Promise<PrinterInfoLike[]>;
  /** The system save dialog; null when the operator cancels it. */
  choosePdfPath(sender: SenderLike, defaultName: string): Promise<string | null>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  readyTimeoutMs?: number;
  pollMs?: number;
  sleep?(ms: number): Promise<void>;
  now?(): number;
  onError?(error: unknown): void;
}

export interface PrintService {
  print(event: InvokeEventLike, request: unknown): Promise<Result<PrintOutcome>>;
  savePdf(event: InvokeEventLike, request: unknown): Promise<Result<PdfOutcome>>;
  printers(event: InvokeEventLike): Promise<Result<PrinterChoice[]>>;
}

/** The app URL a job opens: its route, with the job's paper and offsets in place of the saved ones. */
export function printPageUrl(hash: string, form: PrintFormSettings): string {
  const m = PRINT_HASH.exec(hash);
  if (!m) throw new Error('not a print route');
  const q = new URLSearchParams(m[2] ?? '');
  q.set('paper', form.paper);
  q.set('dx', String(form.offsetXmm));
  q.set('dy', String(form.offsetYmm));
  return `${APP_INDEX_URL}#/print/${m[1]}?${q.toString()}`;
}

/** Windows and Linux refuse these in file names; the rest of a form title and serial is kept. */
export function pdfFileName(name: string): string {
  const base = [...name.replace(/\.pdf$/i, '')]
    .map((c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 100);
  return `${base || '单据'}.pdf`;
}

/**
 * Run in the print window: is the form laid out (PrintPreview sets data-print-ready once
 * settings, record, fonts and images are in), or did the page end somewhere else?
 */
export const READY_PROBE = `(() => {
  const ready = document.querySelector('[data-print-ready="1"]');
  if (ready) return { state: 'ready', rollMm: Number(ready.getAttribute('data-roll-mm')) || null };
  const error = document.querySelector('[data-testid="print-error"]');
  if (error) return { state: 'error', message: (error.textContent || '').trim().slice(0, 200) };
  if (document.querySelector('[data-testid="print-form-list"]')) return { state: 'unknown-form' };
  if (document.querySelector('[data-testid="login-page"], [data-testid="setup-page"]')) return { state: 'signed-out' };
  return { state: 'pending' };
})()`;

const probeSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready'), rollMm: z.number().positive().nullable() }),
  z.object({ state: z.literal('error'), message: z.string().max(300) }),
  z.object({ state: z.literal('unknown-form') }),
  z.object({ state: z.literal('signed-out') }),
  z.object({ state: z.literal('pending') }),
]);

class JobFailure extends Error {
  constructor(readonly error: CommandError) {
    super(error.message);
  }
}
const failure = (kind: CommandError['kind'], message: string) => new JobFailure({ kind, message });

export const READY_TIMEOUT_MS = 15_000;

/** Polls the page until the form is ready; a Chinese JobFailure otherwise. Returns the page's own roll height. */
export async function waitUntilReady(
  page: PrintPage,
  formKey: string,
  opts: { timeoutMs?: number; pollMs?: number; sleep?: (ms: number) => Promise<void>; now?: () => number } = {},
): Promise<{ rollMm: number | null }> {
  const timeoutMs = opts.timeoutMs ?? READY_TIMEOUT_MS;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = opts.now ?? Date.now;
  const deadline = now() + timeoutMs;
  for (;;) {
    let answer: unknown;
    try {
      answer = await page.evaluate(READY_PROBE);
    } catch {
      answer = null; // the page is still navigating: ask again
    }
    const probe = probeSchema.safeParse(answer);
    if (probe.success) {
      const p = probe.data;
      if (p.state === 'ready') return { rollMm: p.rollMm };
      if (p.state === 'error') throw failure('conflict', PS.pageError(p.message));
      if (p.state === 'unknown-form') throw failure('not_found', PS.unknownForm(formKey));
      if (p.state === 'signed-out') throw failure('conflict', PS.signedOut);
    }
    if (now() >= deadline) throw failure('internal', PS.readyTimeout(Math.round(timeoutMs / 1000)));
    await sleep(opts.pollMs ?? 100);
  }
}

export function createPrintService(deps: PrintDeps): PrintService {
  // One job at a time: two hidden windows racing for the same printer help nobody, and a
  // double click must not print twice in parallel (it prints twice in a row, as asked).
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };

  const guard = async <T>(event: InvokeEventLike, body: () => Promise<Result<T>>): Promise<Result<T>> => {
    if (!isTrustedSender(event, deps.isOurWindow)) return FORBIDDEN;
    try {
      return await body();
    } catch (e) {
      if (e instanceof JobFailure) return { ok: false, error: e.error };
      deps.onError?.(e);
      return { ok: false, error: { kind: 'internal', message: PS.internal } };
    }
  };

  const invalid = (error: z.ZodError): Result<never> => ({ ok: false, error: { kind: 'validation', message: PS.badRequest, fields: fieldErrors(error) } });

  /** Renders the job's route in a print window, hands it to `use`, and always closes it. */
  async function withPage<T>(event: InvokeEventLike, job: z.output<typeof printRequestSchema> | z.output<typeof pdfRequestSchema>, use: (page: PrintPage, rollMm: number | null) => Promise<T>): Promise<T> {
    const page = await deps.openPage(printPageUrl(job.hash, job.form), event.sender);
    try {
      const ready = await waitUntilReady(page, job.formKey, { timeoutMs: deps.readyTimeoutMs, pollMs: deps.pollMs, sleep: deps.sleep, now: deps.now });
      return await use(page, ready.rollMm ?? job.rollHeightMm);
    } finally {
      page.close();
    }
  }

  return {
    print: (event, raw) =>
      guard(event, async (): Promise<Result<PrintOutcome>> => {
        const parsed = printRequestSchema.safeParse(raw);
        if (!parsed.success) return invalid(parsed.error);
        const job = parsed.data;
        const printer = job.form.printer.trim();
        let form = job.form;
        if (printer) {
          const installed = (await deps.listPrinters(event.sender)).some((p) => p.name === printer);
          if (!installed && job.silent) throw failure('conflict', PS.printerMissing(printer));
          // Asking anyway: let the dialog offer what there is rather than insist on a printer that is gone.
          if (!installed) form = { ...form, printer: '' };
        }
        return oneAtATime(() =>
          withPage(event, job, async (page, rollMm): Promise<Result<PrintOutcome>> => {
            const options = printOptions({ form, rollHeightMm: rollMm, silent: job.silent });
            const done = await page.print(options);
            if (!done.success) {
              if (done.failureReason === 'cancelled') return { ok: true, value: { status: 'cancelled' } };
              if (/deviceName/i.test(done.failureReason)) throw failure('conflict', PS.printerMissing(printer));
              throw failure('conflict', PS.printFailed(done.failureReason || PS.unknownReason));
            }
            return { ok: true, value: { status: 'printed', printer: options.silent ? (options.deviceName ?? null) : null, copies: options.copies ?? 1 } };
          }),
        );
      }),

    savePdf: (event, raw) =>
      guard(event, async (): Promise<Result<PdfOutcome>> => {
        const parsed = pdfRequestSchema.safeParse(raw);
        if (!parsed.success) return invalid(parsed.error);
        const job = parsed.data;
        // Ask where first: a cancelled dialog costs no rendering.
        const path = await deps.choosePdfPath(event.sender, pdfFileName(job.fileName));
        if (!path) return { ok: true, value: { status: 'cancelled' } };
        const data = await oneAtATime(() =>
          withPage(event, job, async (page, rollMm) => {
            try {
              return await page.printToPDF(pdfOptions(job.form, rollMm));
            } catch (e) {
              deps.onError?.(e);
              throw failure('internal', PS.pdfFailed);
            }
          }),
        );
        try {
          await deps.writeFile(path, data);
        } catch (e) {
          throw failure('conflict', PS.writeFailed(e instanceof Error ? e.message : String(e)));
        }
        return { ok: true, value: { status: 'saved', path } };
      }),

    printers: (event) =>
      guard(event, async (): Promise<Result<PrinterChoice[]>> => {
        let list: PrinterInfoLike[];
        try {
          list = await deps.listPrinters(event.sender);
        } catch (e) {
          deps.onError?.(e);
          throw failure('internal', PS.printersFailed);
        }
        return {
          ok: true,
          value: list
            .filter((p) => typeof p.name === 'string' && p.name !== '')
            .map((p) => ({ name: p.name, displayName: p.displayName || p.name, description: p.description ?? '' })),
        };
      }),
  };
}
