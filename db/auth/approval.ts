import type { ApprovalInput } from '../../shared/contract/define';
import { ROLE_LABELS } from '../../shared/roles';
import { fail, type CommandError, type CommandFailure } from '../../shared/result';
import type { Db, PrepareContext, SignedInOperator } from '../context';
import { loadOperator, passwordHashOf } from '../operators/service';
import { checkLoginPassword } from './login-check';

/**
 * Dual control: a second person approves a command at the operator's counter by typing their own
 * login and password. Every refusal is `approval_required`, so the approval dialog stays open and
 * shows what to correct (field errors on approval.login / approval.password).
 */
export interface ApprovalProof {
  approver: SignedInOperator;
  /** The hash the password was verified against: the transaction checks it has not changed since. */
  passwordHash: string;
}

export const APPROVAL_REQUIRED = '此操作需要主管核准';
const SELF_APPROVAL = '不能核准自己的操作，请另一位主管核准';

/** Who may approve the command and what it is, in Chinese (the contract's rule, its summary filled in). */
export type Approval = NonNullable<CommandError['approval']>;

function refusal(rule: Approval, message: string, field?: 'approval.login' | 'approval.password') {
  return fail.approvalRequired(message, rule, field ? { [field]: message } : undefined);
}

/** Who may approve, beyond the password: another person, still enabled, holding one of the rule's roles. */
function refuseApprover(rule: Approval, operator: SignedInOperator, approver: { id: number; disabled: boolean; roles: readonly string[] }): CommandFailure | null {
  if (approver.id === operator.id) return refusal(rule, SELF_APPROVAL, 'approval.login');
  if (approver.disabled) return refusal(rule, '该核准人账号已停用', 'approval.login');
  if (!rule.roles.some((r) => approver.roles.includes(r))) {
    return refusal(rule, `该账号无权核准此操作，请由${rule.roles.map((r) => ROLE_LABELS[r]).join('或')}核准`, 'approval.login');
  }
  return null;
}

/**
 * Before the command's transaction (scrypt is slow): check the approver's login and password.
 * Wrong passwords count exactly like sign-in attempts for the approver's login from this client
 * (db/auth/throttle.ts), so approval is no side door for guessing — and, as at sign-in, a stranger's
 * wrong approvals never slow the approver's own trusted clients.
 */
export async function verifyApproval(pre: PrepareContext, rule: Approval, typed: ApprovalInput | undefined): Promise<ApprovalProof> {
  const operator = pre.operator;
  if (!operator) throw fail.unauthenticated('请先登录');
  if (!typed) throw refusal(rule, APPROVAL_REQUIRED);
  // One's own login needs no password to be refused, and says nothing the operator does not know.
  // Logins compare without case, as the operators table does (COLLATE NOCASE; logins are ASCII).
  if (typed.login.toLowerCase() === operator.login.toLowerCase()) throw refusal(rule, SELF_APPROVAL, 'approval.login');

  const checked = await checkLoginPassword(pre, typed, 'approval_failed', { command: pre.command, operator: operator.login });
  if (!checked) throw refusal(rule, '核准人账号或密码不正确', 'approval.password');
  pre.services.loginThrottle.succeeded(checked.attempt);
  // Roles and the disabled mark only after the right password: otherwise anyone could probe who holds which role.
  const found = checked.operator;
  const refused = refuseApprover(rule, operator, found);
  if (refused) throw refused;
  return {
    approver: { id: found.id, login: found.login, displayName: found.displayName, roles: found.roles },
    passwordHash: found.passwordHash,
  };
}

/** Inside the transaction: the approver was not disabled, stripped of the role or given a new password meanwhile. */
export async function confirmApproval(db: Db, operator: SignedInOperator, rule: Approval, proof: ApprovalProof): Promise<SignedInOperator> {
  const now = await loadOperator(db, proof.approver.id);
  if (!now || (await passwordHashOf(db, now.id)) !== proof.passwordHash) throw refusal(rule, '核准人账号或密码不正确', 'approval.password');
  const refused = refuseApprover(rule, operator, now);
  if (refused) throw refused;
  return { id: now.id, login: now.login, displayName: now.displayName, roles: now.roles };
}
