/**
 * The IPC transport's logic without 'electron': who may call, which session token goes with the
 * call, and what the page gets back (the envelope, never the token). ipc.ts binds it to ipcMain.
 */
import type { Dispatcher } from '../db/dispatcher';
import type { Result } from '../shared/result';
import { isAppUrl } from './security';

/** The parts of Electron's WebFrameMain / WebContents / IpcMainInvokeEvent we rely on. */
export interface FrameLike {
  url: string;
  processId: number;
  routingId: number;
  parent: FrameLike | null;
}
export interface SenderLike {
  id: number;
  mainFrame: FrameLike;
  once(event: 'destroyed', listener: () => void): unknown;
}
export interface InvokeEventLike {
  sender: SenderLike;
  senderFrame: FrameLike | null;
}

export const FORBIDDEN: Result<never> = {
  ok: false,
  error: { kind: 'forbidden', message: '拒绝来自未知页面的请求' },
};

const INTERNAL: Result<never> = {
  ok: false,
  error: { kind: 'internal', message: '系统出错，操作未保存。请重试；如果仍然出错，请联系管理员（详情已记入日志）。' },
};

/** Only our window's top frame, showing our own app:// page, may run commands. */
export function isTrustedSender(event: InvokeEventLike, isOurWindow: (sender: SenderLike) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const main = event.sender.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isAppUrl(frame.url) && isOurWindow(event.sender);
}

export interface InvokeHandler {
  (event: InvokeEventLike, name: unknown, input: unknown): Promise<Result<unknown>>;
  /** How many windows currently hold a session (for tests). */
  readonly sessions: number;
}

export function createInvokeHandler(deps: {
  dispatcher: Dispatcher;
  isOurWindow(sender: SenderLike): boolean;
  onError?(error: unknown): void;
}): InvokeHandler {
  // webContents id → session token. Lives only in the main process: the page cannot read or
  // forge it, and it dies with the window.
  const tokens = new Map<number, string>();
  const watched = new Set<number>();

  const handler = async (event: InvokeEventLike, name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, deps.isOurWindow)) return FORBIDDEN;
    const id = event.sender.id;
    if (!watched.has(id)) {
      watched.add(id);
      event.sender.once('destroyed', () => {
        tokens.delete(id);
        watched.delete(id);
      });
    }
    try {
      const outcome = await deps.dispatcher.run(name, input, { sessionToken: tokens.get(id) ?? null });
      if (outcome.session) {
        if (outcome.session.token === null) tokens.delete(id);
        else tokens.set(id, outcome.session.token);
      }
      return outcome.response;
    } catch (e) {
      // The dispatcher answers with envelopes; a throw here is a bug. Never let Electron turn it
      // into a bare message on the page.
      deps.onError?.(e);
      return INTERNAL;
    }
  };
  Object.defineProperty(handler, 'sessions', { get: () => tokens.size });
  return handler as InvokeHandler;
}
