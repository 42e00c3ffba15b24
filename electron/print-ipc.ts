/**
 * Binds printing to Electron: hidden print windows, webContents.print / printToPDF, the save
 * dialog and the system printer list. The rules live in print-jobs.ts (tested in Node); this
 * glue has not run inside Electron (the binary cannot be installed where it was written).
 */
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../db/log';
import { PRINTERS_CHANNEL, PRINT_CHANNEL, SAVE_PDF_CHANNEL } from './bridge';
import type { SessionLenders } from './invoke';
import { createPrintService, type PrintPage } from './print-jobs';
import { printWindowOptions } from './security';
import { PS } from './strings';

export function registerPrintIpc(deps: {
  window: () => BrowserWindow | null;
  preload: string;
  devTools: boolean;
  lenders: SessionLenders;
  log: Logger;
}): () => void {
  const ourWindow = (): BrowserWindow | null => {
    const win = deps.window();
    return win && !win.isDestroyed() ? win : null;
  };

  const service = createPrintService({
    isOurWindow: (sender) => ourWindow()?.webContents.id === sender.id,

    async openPage(url, opener): Promise<PrintPage> {
      const win = new BrowserWindow(printWindowOptions(deps.preload, { devTools: deps.devTools }));
      const contents = win.webContents;
      const id = contents.id;
      // Lent before the page loads: its first command (auth.session) already needs the sign-in.
      deps.lenders.lend(id, opener.id);
      win.once('closed', () => deps.lenders.release(id));
      const close = () => {
        deps.lenders.release(id);
        if (!win.isDestroyed()) win.destroy();
      };
      try {
        await win.loadURL(url);
      } catch (e) {
        close();
        throw e;
      }
      return {
        evaluate: (script) => contents.executeJavaScript(script),
        print: (options) => new Promise((resolve) => contents.print(options, (success, failureReason) => resolve({ success, failureReason }))),
        printToPDF: (options) => contents.printToPDF(options),
        close,
      };
    },

    listPrinters: async () => {
      const win = ourWindow();
      return win ? win.webContents.getPrintersAsync() : [];
    },

    async choosePdfPath(_sender, defaultName) {
      const options = {
        title: PS.saveTitle,
        defaultPath: join(app.getPath('documents'), defaultName),
        filters: [{ name: PS.pdfFilter, extensions: ['pdf'] }],
      };
      const win = ourWindow();
      const answer = await (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options));
      return answer.canceled || !answer.filePath ? null : answer.filePath;
    },

    writeFile: (path, data) => writeFile(path, data),

    onError: (e) =>
      deps.log.error('print_failed', { error: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : String(e) }),
  });

  ipcMain.handle(PRINT_CHANNEL, (event, request: unknown) => service.print(event, request));
  ipcMain.handle(SAVE_PDF_CHANNEL, (event, request: unknown) => service.savePdf(event, request));
  ipcMain.handle(PRINTERS_CHANNEL, (event) => service.printers(event));
  return () => {
    for (const channel of [PRINT_CHANNEL, SAVE_PDF_CHANNEL, PRINTERS_CHANNEL]) ipcMain.removeHandler(channel);
  };
}
