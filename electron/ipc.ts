/** Binds the command transport to Electron's IPC. The rules live in invoke.ts (tested in Node). */
import { ipcMain, type BrowserWindow } from 'electron';
import type { Dispatcher } from '../db/dispatcher';
import type { Logger } from '../db/log';
import { INVOKE_CHANNEL } from './bridge';
import { createInvokeHandler, type SessionLenders } from './invoke';

export function registerIpc(deps: { dispatcher: Dispatcher; log: Logger; window: () => BrowserWindow | null; lenders: SessionLenders }): () => void {
  const handler = createInvokeHandler({
    dispatcher: deps.dispatcher,
    lenders: deps.lenders,
    isOurWindow: (sender) => {
      const win = deps.window();
      return win !== null && !win.isDestroyed() && win.webContents.id === sender.id;
    },
    onError: (e) =>
      deps.log.error('ipc_failed', { error: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : String(e) }),
  });
  ipcMain.handle(INVOKE_CHANNEL, (event, name: unknown, input: unknown) => handler(event, name, input));
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}
