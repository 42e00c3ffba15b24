import type { Result } from './result';
import type { PdfOutcome, PdfRequest, PrinterChoice, PrintOutcome, PrintRequest } from './print-jobs';

/**
 * What the Electron preload hands to the page as `window.qiantai` (built in electron/bridge.ts).
 * It lives in shared/ because both sides name it: the renderer may not import electron/.
 */
export interface QiantaiBridge {
  invoke(command: string, input: unknown): Promise<unknown>;
  /** Prints a `#/print/…` route in a hidden window: to the form's printer, or through the system dialog. */
  print(request: PrintRequest): Promise<Result<PrintOutcome>>;
  /** The same route as a PDF file, where the operator chooses in the save dialog. */
  savePdf(request: PdfRequest): Promise<Result<PdfOutcome>>;
  /** The printers the system knows, for Settings → 打印. */
  printers(): Promise<Result<PrinterChoice[]>>;
}
