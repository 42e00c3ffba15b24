import { z } from 'zod';
import type { Role } from '../roles';

/**
 * Who may run a command:
 * - a list of roles: a signed-in, unlocked operator holding one of them;
 * - 'signed_in': any signed-in, unlocked operator;
 * - 'public': anyone, even before signing in (setup, login, session status).
 */
export type Access = readonly Role[] | 'signed_in' | 'public';

/** Whether an operator holding `roles` (null: not signed in) may run a command with this access. */
export function accessAllows(access: Access, roles: readonly Role[] | null): boolean {
  if (access === 'public') return true;
  if (roles === null) return false;
  return access === 'signed_in' || roles.some((r) => access.includes(r));
}

/**
 * A command's desk: the part of its name before the dot (`reception.log` → `reception`). The desks
 * in use are the prefixes of the contract's command names (`Desk` in shared/contract/changes.ts).
 */
export type DeskOf<Name extends string> = Name extends `${infer Desk}.${string}` ? Desk : string;

export function deskOf<const Name extends string>(name: Name): DeskOf<Name> {
  return name.split('.')[0] as DeskOf<Name>;
}

export interface CommandDef<Name extends string = string, In extends z.ZodType = z.ZodType, Out = unknown, Affects extends string = string> {
  name: Name;
  /** One line in Chinese, shown in GET /api/commands and the help panel. */
  summary: string;
  input: In;
  access: Access;
  /** Writes must append at least one audit row; the dispatcher enforces it. */
  writes: boolean;
  /** A larger request body than the host's default cap (file uploads such as the roster import). */
  inputLimitBytes?: number;
  /** Commands a locked session may still run (unlock, sign out, status). */
  allowedWhenLocked?: boolean;
  /**
   * Polled by the interface on a timer (the shell's overdue badge): not the operator's activity,
   * so it never keeps a session from locking when idle.
   */
  background?: boolean;
  /**
   * Dual control: the command runs only with a second person's approval — a signed-in operator
   * cannot approve their own command. Its input is `withApproval(...)`; the dispatcher verifies the
   * approver's login and password before the transaction and records them on every audit row.
   */
  approval?: ApprovalRule;
  /**
   * Writes only: the other desks whose views show what this command changes (reception.log puts an
   * entry on the unit card's open items, so it affects estate). After the write succeeds the
   * client announces its own desk and these, and the lists and cards reading them refresh.
   * Each must be a desk in use: shared/contract/changes.ts fails to compile on a name no command has.
   */
  affects?: readonly Affects[];
  /** Phantom: carries the result type to the typed client. Never read at run time. */
  output?: Out;
}

/** Who may approve a command that needs a supervisor's approval (voids, sales-department key loans, arrears overrides). */
export interface ApprovalRule {
  roles: readonly Role[];
  /** Chinese, what is being approved, shown in the approval dialog (the command's summary when absent). */
  summary?: string;
}

/** The approver's credentials as they come with a command's input: typed by the approver at this counter. */
export const approvalInput = z.strictObject({
  login: z.string().trim().min(1, '请输入核准人账号').max(32),
  password: z.string().min(1, '请输入核准人密码').max(128),
});
export type ApprovalInput = z.infer<typeof approvalInput>;

/**
 * The input of a command that declares `approval`: its own strict fields plus an optional
 * `approval`. Optional so that the first try without it is answered `approval_required`, which
 * opens the approval dialog; the dispatcher strips it before the handler sees the input.
 */
export function withApproval<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  return schema.extend({ approval: approvalInput.optional() });
}

/** Declare a command; the result type is given as the type argument of `returns<T>()`. */
export function defineCommand<const Name extends string, In extends z.ZodType, Out, const Affects extends string = never>(
  def: Omit<CommandDef<Name, In, Out, Affects>, 'output'> & { output: Returns<Out> },
): CommandDef<Name, In, Out, Affects> {
  const { output: _phantom, ...rest } = def;
  return rest as CommandDef<Name, In, Out, Affects>;
}

declare const returnsBrand: unique symbol;
export type Returns<T> = { readonly [returnsBrand]: T };
export function returns<T>(): Returns<T> {
  return undefined as unknown as Returns<T>;
}
