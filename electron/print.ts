/**
 * Options for `webContents.print` and `webContents.printToPDF`, built from the paper data the
 * renderer lays out with. Pure and typed only against Electron's declarations, so it is tested
 * in Node (tests/electron/print.test.ts); nothing here has run inside Electron yet.
 *
 * Electron ignores the printer's paper default, so the page size always goes explicitly:
 * `print` wants microns, `printToPDF` inches. Margins are set to none here because the page's
 * own CSS `@page { margin }` (renderer/print/pageCss.ts) already places the content; giving both
 * would add them twice.
 */
import type { PrintToPDFOptions, WebContentsPrintOptions } from 'electron';
import type { PrintFormSettings } from '../shared/contract/settings';
import { COPIES_MAX, PAPERS, ROLL_MAX_HEIGHT_MM, mmToInches, mmToMicrons, type Paper } from '../shared/print';

/** A roll's page is as long as its content (measured by the renderer), within sane bounds. */
function pageHeightMm(paper: Paper, rollHeightMm: number | null): number {
  if (paper.heightMm !== null) return paper.heightMm;
  return Math.min(ROLL_MAX_HEIGHT_MM, Math.max(20, Math.ceil(rollHeightMm ?? 100)));
}

export interface PrintJob {
  form: PrintFormSettings;
  /** Measured content height for rolls, mm. */
  rollHeightMm?: number | null;
  /** true: straight to the chosen printer; false: the system dialog. */
  silent: boolean;
}

export function printOptions(job: PrintJob): WebContentsPrintOptions {
  const paper = PAPERS[job.form.paper];
  const printer = job.form.printer.trim();
  const options: WebContentsPrintOptions = {
    // Without a printer name there is nobody to print to silently: show the dialog instead.
    silent: job.silent && printer !== '',
    printBackground: true,
    color: false,
    copies: Math.min(COPIES_MAX, Math.max(1, Math.floor(job.form.copies))),
    collate: true,
    // Portrait-sized page with the real width and height: landscape is already in the paper data.
    landscape: false,
    pageSize: { width: mmToMicrons(paper.widthMm), height: mmToMicrons(pageHeightMm(paper, job.rollHeightMm ?? null)) },
    margins: { marginType: 'none' },
    header: '',
    footer: '',
  };
  if (printer) options.deviceName = printer;
  return options;
}

export function pdfOptions(form: Pick<PrintFormSettings, 'paper'>, rollHeightMm: number | null = null): PrintToPDFOptions {
  const paper = PAPERS[form.paper];
  return {
    printBackground: true,
    landscape: false,
    displayHeaderFooter: false,
    preferCSSPageSize: true,
    pageSize: { width: mmToInches(paper.widthMm), height: mmToInches(pageHeightMm(paper, rollHeightMm)) },
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  };
}
