import type { Role } from './roles';

/**
 * The one envelope every command returns, over IPC and HTTP alike. Errors thrown across
 * ipcMain.handle arrive as a bare message, so commands never throw to the transport.
 */
/**
 * `rate_limited`: the operator (or this client) asked too often; the message says when to try again.
 * `approval_required`: the command needs a supervisor's approval that is missing or was refused;
 * the interface opens the approval dialog (fields say what to correct in it).
 */
export const ERROR_KINDS = [
  'validation',
  'not_found',
  'conflict',
  'forbidden',
  'unauthenticated',
  'rate_limited',
  'approval_required',
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface CommandError {
  kind: ErrorKind;
  /** Chinese, ready to show to the operator. */
  message: string;
  /** Field path (dot-joined) → Chinese message, for forms. */
  fields?: Record<string, string>;
  /** approval_required: who may approve, and what (Chinese), for the approval dialog. */
  approval?: { roles: readonly Role[]; summary: string };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CommandError };

/** Thrown by services; the dispatcher turns it into an error envelope and rolls back. */
export class CommandFailure extends Error {
  constructor(
    readonly kind: Exclude<ErrorKind, 'internal'>,
    message: string,
    readonly fields?: Record<string, string>,
    readonly approval?: CommandError['approval'],
  ) {
    super(message);
    this.name = 'CommandFailure';
  }
}

export const fail = {
  validation: (message: string, fields?: Record<string, string>) => new CommandFailure('validation', message, fields),
  notFound: (message: string) => new CommandFailure('not_found', message),
  conflict: (message: string, fields?: Record<string, string>) => new CommandFailure('conflict', message, fields),
  forbidden: (message: string) => new CommandFailure('forbidden', message),
  unauthenticated: (message: string) => new CommandFailure('unauthenticated', message),
  rateLimited: (message: string) => new CommandFailure('rate_limited', message),
  approvalRequired: (message: string, approval: NonNullable<CommandError['approval']>, fields?: Record<string, string>) =>
    new CommandFailure('approval_required', message, fields, approval),
};
