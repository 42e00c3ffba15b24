/**
 * The IPC transport's logic without 'electron': who may call, which session token goes with the
 * call, and what the page gets back (the envelope, never the token). ipc.ts binds it to ipcMain.
 */
import type { Dispatcher } from '../db/dispatcher';
import { getCommand, isCommandName } from '../shared/contract';
import type { Result } from '../shared/result';
import { isAppUrl } from './security';
import { PS } from './strings';

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

/** The call comes from a window's top frame showing our own app:// page (whose window, not yet asked). */
export function isAppTopFrame(event: InvokeEventLike): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const main = event.sender.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isAppUrl(frame.url);
}

/** Only our window's top frame, showing our own app:// page, may run commands. */
export function isTrustedSender(event: InvokeEventLike, isOurWindow: (sender: SenderLike) => boolean): boolean {
  return isAppTopFrame(event) && isOurWindow(event.sender);
}

/**
 * Hidden print windows (print-ipc.ts) render a form with the sign-in of the window that asked
 * for it: webContents id of the print window → id of the lending window. A separate login per
 * print job would be absurd, and a token handed to the page would be readable by it.
 */
export interface SessionLenders {
  lend(borrowerId: number, lenderId: number): void;
  release(borrowerId: number): void;
  lenderOf(borrowerId: number): number | null;
  readonly size: number;
}

export function createSessionLenders(): SessionLenders {
  const lent = new Map<number, number>();
  return {
    lend: (borrower, lender) => void lent.set(borrower, lender),
    release: (borrower) => void lent.delete(borrower),
    lenderOf: (borrower) => lent.get(borrower) ?? null,
    get size() {
      return lent.size;
    },
  };
}

const PRINT_WINDOW_READ_ONLY: Result<never> = { ok: false, error: { kind: 'forbidden', message: PS.printWindowReadOnly } };

/** A print window only lays out a record: it may read, never write (the contract says which commands write). */
function readOnlyCommand(name: unknown): boolean {
  return isCommandName(name) && !getCommand(name).writes;
}

export interface InvokeHandler {
  (event: InvokeEventLike, name: unknown, input: unknown): Promise<Result<unknown>>;
  /** How many windows currently hold a session (for tests). */
  readonly sessions: number;
}

export function createInvokeHandler(deps: {
  dispatcher: Dispatcher;
  isOurWindow(sender: SenderLike): boolean;
  /** Print windows and whose sign-in they use; without it only our window may call. */
  lenders?: SessionLenders;
  onError?(error: unknown): void;
}): InvokeHandler {
  // webContents id → session token. Lives only in the main process: the page cannot read or
  // forge it, and it dies with the window.
  const tokens = new Map<number, string>();
  const watched = new Set<number>();

  const handler = async (event: InvokeEventLike, name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isAppTopFrame(event)) return FORBIDDEN;
    if (!deps.isOurWindow(event.sender)) {
      const lender = deps.lenders?.lenderOf(event.sender.id) ?? null;
      if (lender === null) return FORBIDDEN;
      if (!readOnlyCommand(name)) return PRINT_WINDOW_READ_ONLY;
      return run(name, input, tokens.get(lender) ?? null, `window:${lender}`);
    }
    const id = event.sender.id;
    if (!watched.has(id)) {
      watched.add(id);
      event.sender.once('destroyed', () => {
        tokens.delete(id);
        watched.delete(id);
      });
    }
    return run(name, input, tokens.get(id) ?? null, `window:${id}`, (token) => {
      if (token === null) tokens.delete(id);
      else tokens.set(id, token);
    });
  };

  /** `onSession` is left out for borrowed sign-ins: a print window never changes its lender's session. */
  async function run(
    name: unknown,
    input: unknown,
    sessionToken: string | null,
    clientId: string,
    onSession?: (token: string | null) => void,
  ): Promise<Result<unknown>> {
    try {
      const outcome = await deps.dispatcher.run(name, input, { sessionToken, clientId });
      if (outcome.session) onSession?.(outcome.session.token);
      return outcome.response;
    } catch (e) {
      // The dispatcher answers with envelopes; a throw here is a bug. Never let Electron turn it
      // into a bare message on the page.
      deps.onError?.(e);
      return INTERNAL;
    }
  }
  Object.defineProperty(handler, 'sessions', { get: () => tokens.size });
  return handler as InvokeHandler;
}
