import { commands, type CommandInput, type CommandName, type CommandOutput } from '../../shared/contract';
import type { CommandError, Result } from '../../shared/result';
import type { ApprovalInput } from '../../shared/contract/define';
import { announceSuccess } from './desk-changes';

/**
 * The typed client: `call('operators.list', {...})`. It picks the transport by itself —
 * the Electron preload when present, otherwise the loopback HTTP host of browser mode.
 * Either way the answer is the contract's envelope; this function never throws. A write that
 * succeeded announces the desks it changed (desk-changes.ts), so the lists and cards showing them refresh.
 */
export async function call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<Result<CommandOutput<N>>> {
  let result = (await transport(name, input)) as Result<CommandOutput<N>>;
  // Dual control: a supervisor approves at this counter, then the same command goes again with
  // their credentials added. Cancelling the dialog answers the original approval_required error.
  if (!result.ok && result.error.kind === 'approval_required' && approvalPrompt) {
    result = (await approvalPrompt(result.error, (approval) => transport(name, { ...(input as object), approval }) as Promise<Result<unknown>>)) as Result<CommandOutput<N>>;
  }
  // Public commands (login, setup, session) answer "unauthenticated" for a wrong password;
  // that is the form's business, not a lost session.
  if (!result.ok && result.error.kind === 'unauthenticated' && commands[name].access !== 'public') {
    for (const listener of unauthenticatedListeners) listener();
  }
  if (result.ok) announceSuccess(name);
  return result;
}

/**
 * Asks a supervisor for their approval (renderer/components/ApprovalDialog.tsx) and re-sends the
 * command through `resend` until it answers something other than approval_required, or the
 * dialog is cancelled (then `refused` is the answer).
 */
export type ApprovalPrompt = (refused: CommandError, resend: (approval: ApprovalInput) => Promise<Result<unknown>>) => Promise<Result<unknown>>;
let approvalPrompt: ApprovalPrompt | null = null;

/** The approval dialog registers itself once mounted; without it an approval_required error is simply returned. */
export function setApprovalPrompt(prompt: ApprovalPrompt | null): void {
  approvalPrompt = prompt;
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called whenever a signed-in command finds the session gone or locked; the app re-reads auth.session. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

const OFFLINE: Result<never> = {
  ok: false,
  error: { kind: 'internal', message: '无法连接到本机服务，请确认程序仍在运行' },
};

function transport(name: CommandName, input: unknown): Promise<unknown> {
  const bridge = typeof window !== 'undefined' ? window.qiantai : undefined;
  if (bridge?.invoke) return bridge.invoke(name, input).catch(() => OFFLINE);
  return postCommand(name, input);
}

// ---- browser mode -------------------------------------------------------------------------

let csrf: Promise<string | null> | null = null;

/** GET /api/session sets the HttpOnly session cookie and tells us the matching CSRF token. */
function fetchCsrf(): Promise<string | null> {
  csrf = fetch('/api/session', { credentials: 'same-origin', cache: 'no-store' })
    .then(async (res) => {
      if (!res.ok) return null;
      const body = (await res.json()) as { csrf?: unknown };
      return typeof body.csrf === 'string' ? body.csrf : null;
    })
    .catch(() => null);
  return csrf;
}

async function postCommand(name: CommandName, input: unknown, retried = false): Promise<unknown> {
  const token = await (csrf ?? fetchCsrf());
  if (token === null) {
    csrf = null; // try again on the next call: the host may just be starting
    return OFFLINE;
  }
  let res: Response;
  try {
    res = await fetch(`/api/${name}`, {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return OFFLINE;
  }
  // The host rotates the cookie at login and logout; the token follows it.
  const rotated = res.headers.get('x-csrf-token');
  if (rotated) csrf = Promise.resolve(rotated);
  if (res.status === 403 && res.headers.get('x-csrf') === 'invalid' && !retried) {
    await fetchCsrf();
    return postCommand(name, input, true);
  }
  try {
    const body: unknown = await res.json();
    if (isEnvelope(body)) return body;
  } catch {
    /* fall through */
  }
  const unreadable: CommandError = { kind: 'internal', message: `本机服务的回答无法识别（HTTP ${res.status}）` };
  return { ok: false, error: unreadable };
}

function isEnvelope(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const b = body as { ok: unknown; error?: { message?: unknown } };
  return b.ok === true || (b.ok === false && typeof b.error?.message === 'string');
}
