/**
 * What the preload hands to the page, built without 'electron' so tests can exercise it in Node.
 * The allow-list comes from the contract (bundled into preload.cjs by esbuild): a command added
 * to shared/contract is callable at once, and nothing else ever is. Printing has three more
 * narrow functions of its own; the main process validates what they carry (print-jobs.ts).
 */
import { COMMAND_NAMES } from '../shared/contract';
import type { QiantaiBridge } from '../shared/bridge';
import type { Result } from '../shared/result';
import type { PdfOutcome, PdfRequest, PrinterChoice, PrintOutcome, PrintRequest } from '../shared/print-jobs';

export const INVOKE_CHANNEL = 'qiantai:invoke';
export const PRINT_CHANNEL = 'qiantai:print';
export const SAVE_PDF_CHANNEL = 'qiantai:save-pdf';
export const PRINTERS_CHANNEL = 'qiantai:printers';
/** Every channel the preload may use, and so every ipcMain handler main registers. */
export const CHANNELS = [INVOKE_CHANNEL, PRINT_CHANNEL, SAVE_PDF_CHANNEL, PRINTERS_CHANNEL] as const;

export function buildAllowList(names: readonly string[] = COMMAND_NAMES): ReadonlySet<string> {
  return new Set(names);
}

/** The functions the page gets, exactly (tests compare against it). */
export const BRIDGE_FUNCTIONS = ['invoke', 'print', 'savePdf', 'printers'] as const satisfies readonly (keyof QiantaiBridge)[];

/**
 * `send` is ipcRenderer.invoke bound by the preload; the page only ever gets these functions:
 * `invoke` refuses names outside the contract before anything crosses to the main process, and
 * each print function always uses its own channel, whatever the page passes.
 */
export function createBridge(
  send: (channel: (typeof CHANNELS)[number], ...args: unknown[]) => Promise<unknown>,
  allowList: ReadonlySet<string> = buildAllowList(),
): QiantaiBridge {
  return Object.freeze({
    invoke(command: string, input: unknown): Promise<unknown> {
      if (typeof command !== 'string' || !allowList.has(command)) {
        return Promise.reject(new Error(`没有这个命令 / unknown command: ${String(command).slice(0, 64)}`));
      }
      return send(INVOKE_CHANNEL, command, input);
    },
    print: (request: PrintRequest) => send(PRINT_CHANNEL, request) as Promise<Result<PrintOutcome>>,
    savePdf: (request: PdfRequest) => send(SAVE_PDF_CHANNEL, request) as Promise<Result<PdfOutcome>>,
    // No argument crosses: nothing the page passes reaches the main process.
    printers: () => send(PRINTERS_CHANNEL) as Promise<Result<PrinterChoice[]>>,
  });
}
