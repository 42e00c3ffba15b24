import type { ParsedInput } from '../../shared/contract';
import type { KeyAttention, KeyHandover, LoanRow, PersonHistory, ScanResult } from '../../shared/contract/keys';
import {
  BORROWER_TYPE_LABELS,
  CHASE_METHOD_LABELS,
  KEY_STATES,
  borrowerKeyOf,
  borrowerLimitProblem,
  dueBounds,
  dueProblem,
  latestDue,
  loanApprovalReason,
  nonOwnerProblems,
  proposedDue,
  scanNext,
  type BorrowerType,
  type KeyClass,
  type KeyState,
} from '../../shared/keys';
import { officeDateTime } from '../../shared/office-time';
import { listLoans } from './lists';
import { fail } from '../../shared/result';
import type { CommandContext } from '../context';
import { runDeskCommand } from '../desk-calls';
import { phoneFor } from '../estate/people';
import { lastAuditSummary } from './audits';
import { addKeyEvent, changeKey, depositOf, keyForAction, keyQuery, loadLoan, loanQuery, openLoanOf, requireKey, requireLoanRecord, targetOf, toKeyRow, toLoanRow, type KeyJoined, type LoanJoined } from './records';

type LendInput = ParsedInput<'keys.lend'>;

/** The scan: the key, its open loan and what the desk does next. */
export async function byTag(ctx: CommandContext, tag: string): Promise<ScanResult> {
  const key = await requireKey(ctx, { tag });
  const rules = ctx.settings.keyRules;
  const deposit = key.key_class === 'deposited' ? await depositOf(ctx, key.id) : null;
  return {
    key: toKeyRow(ctx, key),
    loan: key.loan_id === null ? null : await loadLoan(ctx, key.loan_id),
    next: scanNext(key.state as KeyState),
    approvalReason: rules.depositedNeedApproval && key.key_class === 'deposited' ? loanApprovalReason(rules, 'deposited', 'owner') : null,
    allowedCollectors: deposit?.allowedCollectors ?? [],
    proposedDueAt: proposedDue(rules, 'other', ctx.now)!,
  };
}

/**
 * keys.lend and keys.lendWithApproval: one handler. Every rule is checked before anything is
 * written; a deposited key's loan then logs its reception entry in the same transaction, so a
 * refused loan leaves none.
 */
export async function lend(ctx: CommandContext, input: LendInput): Promise<LoanRow> {
  const rules = ctx.settings.keyRules;
  const { key, to } = await keyForAction(ctx, input.keyId, 'lend');
  const keyClass = key.key_class as KeyClass;
  const approvalReason = loanApprovalReason(rules, keyClass, input.borrowerType);
  if (approvalReason && !ctx.approver) throw fail.conflict(`${approvalReason}：须主管审批，请用“主管审批借出”办理`);

  const dueAt = input.dueAt ? new Date(input.dueAt).toISOString() : proposedDue(rules, input.borrowerType, ctx.now);
  if (dueAt === null) {
    const refusal = latestDue(rules, input.borrowerType, ctx.now);
    throw fail.conflict(refusal.ok ? '请填写归还时间' : refusal.message);
  }
  const dueRefusal = dueProblem(rules, input.borrowerType, ctx.now, dueAt);
  if (dueRefusal) throw fail.validation(dueRefusal, { dueAt: dueRefusal });

  const deposit = keyClass === 'deposited' ? await depositOf(ctx, key.id) : null;
  const collection = nonOwnerProblems(rules, keyClass, input, deposit?.allowedCollectors ?? []);
  if (Object.keys(collection).length) throw fail.validation(Object.values(collection)[0]!, collection);

  const borrowerKey = borrowerKeyOf({ personId: input.personId, name: input.borrowerName, phone: input.borrowerPhone, organisation: input.organisation });
  const holding = await ctx.db
    .selectFrom('key_loans')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('borrower_key', '=', borrowerKey)
    .where('returned_at', 'is', null)
    .executeTakeFirstOrThrow();
  const limit = borrowerLimitProblem(rules, Number(holding.n));
  if (limit) throw fail.conflict(limit);

  const operator = ctx.requireOperator();
  const keyCount = key.key_count - key.short_count;
  const who = `${input.borrowerName}（${BORROWER_TYPE_LABELS[input.borrowerType]}${input.organisation ? ` · ${input.organisation}` : ''}）`;
  let entryId: number | null = null;
  if (keyClass === 'deposited') {
    // The owner's key left the cabinet: the reception log keeps it with the unit's other matters.
    const entry = await runDeskCommand(ctx, 'reception.log', {
      channel: 'visit',
      category: 'other',
      unitId: key.unit_id,
      contactName: input.borrowerName,
      contactPhone: input.borrowerPhone,
      content: `借用业主寄存钥匙 ${key.tag}（${targetOf(key)}）：${who}，用途：${input.purpose}，归还时间 ${officeDateTime(dueAt)}${ctx.approver ? `，${ctx.approver.displayName} 审批` : ''}`,
      answeredNow: '钥匙已借出，归还时在钥匙管理销账',
    });
    entryId = entry.id;
  }
  const values = {
    key_id: key.id,
    borrower_type: input.borrowerType,
    person_id: input.personId,
    borrower_key: borrowerKey,
    borrower_name: input.borrowerName,
    borrower_phone: input.borrowerPhone,
    organisation: input.organisation,
    id_tail: input.idTail,
    purpose: input.purpose,
    key_count: keyCount,
    lent_at: ctx.nowIso,
    first_due_at: dueAt,
    due_at: dueAt,
    authorisation: input.authorisation,
    confirm_phone: input.phoneConfirmation?.phone ?? '',
    confirm_at: input.phoneConfirmation ? new Date(input.phoneConfirmation.at).toISOString() : null,
    confirm_by: input.phoneConfirmation?.confirmedBy ?? '',
    entry_id: entryId,
    operator_id: operator.id,
    approver_id: ctx.approver?.id ?? null,
  };
  const { id } = await ctx.db.insertInto('key_loans').values(values).returning('id').executeTakeFirstOrThrow();
  await ctx.audit({ entity: 'key_loan', entityId: id, after: values });
  await changeKey(ctx, key, { state: to });
  await addKeyEvent(ctx, key.id, { kind: 'lent', loanId: id, text: `借给 ${who}，${keyCount} 把，归还时间 ${officeDateTime(dueAt)}；用途：${input.purpose}` });
  return loadLoan(ctx, id);
}

export async function returnKey(ctx: CommandContext, input: ParsedInput<'keys.return'>): Promise<LoanRow> {
  const { key, to } = await keyForAction(ctx, input.keyId, 'return');
  const loan = await openLoanOf(ctx, key.id);
  if (!loan) throw fail.conflict('该钥匙没有未归还的借用记录');
  if (input.returnedCount > loan.key_count) {
    throw fail.validation(`借出 ${loan.key_count} 把，归还数量不能更多`, { returnedCount: `借出 ${loan.key_count} 把` });
  }
  if (input.returnedCount === 0) throw fail.validation('归还数量为 0：钥匙没有还回，请办理遗失', { returnedCount: '至少归还 1 把' });
  const partial = input.returnedCount < loan.key_count;
  if (partial && !input.condition) {
    throw fail.validation(`只还回 ${input.returnedCount} 把（借出 ${loan.key_count} 把），请在状况中说明缺少的钥匙`, { condition: '请说明缺少的钥匙' });
  }
  const closing = { returned_at: ctx.nowIso, outcome: 'returned', returned_count: input.returnedCount, condition: input.condition, closed_by: ctx.requireOperator().id };
  await ctx.db.updateTable('key_loans').set(closing).where('id', '=', loan.id).execute();
  await ctx.audit({ entity: 'key_loan', entityId: loan.id, after: closing });
  await changeKey(ctx, key, { state: to, short_count: key.short_count + (loan.key_count - input.returnedCount) });
  const text = partial ? `部分归还：还回 ${input.returnedCount} 把，缺 ${loan.key_count - input.returnedCount} 把` : `归还 ${input.returnedCount} 把`;
  await addKeyEvent(ctx, key.id, { kind: 'returned', loanId: loan.id, text: input.condition ? `${text}；${input.condition}` : text });
  return loadLoan(ctx, loan.id);
}

async function openLoan(ctx: CommandContext, loanId: number) {
  const loan = await requireLoanRecord(ctx, loanId);
  if (loan.returned_at !== null) throw fail.conflict('这次借用已归还，不能再延期或催还');
  return loan;
}

/** 延期: the due time moves (so no false overdue), the first due time stays on the record. */
export async function extendLoan(ctx: CommandContext, input: ParsedInput<'keys.extend'>): Promise<LoanRow> {
  const loan = await openLoan(ctx, input.loanId);
  const dueAt = new Date(input.dueAt).toISOString();
  const refusal = dueProblem(ctx.settings.keyRules, loan.borrower_type as BorrowerType, ctx.now, dueAt);
  if (refusal) throw fail.validation(refusal, { dueAt: refusal });
  if (dueAt === loan.due_at) throw fail.validation('新的归还时间与原来相同', { dueAt: '与原来相同' });
  await ctx.db.updateTable('key_loans').set({ due_at: dueAt }).where('id', '=', loan.id).execute();
  await ctx.audit({ entity: 'key_loan', entityId: loan.id, before: { due_at: loan.due_at }, after: { due_at: dueAt, reason: input.reason } });
  await addKeyEvent(ctx, loan.key_id, { kind: 'extended', loanId: loan.id, text: `归还时间 ${officeDateTime(loan.due_at)} → ${officeDateTime(dueAt)}；原因：${input.reason}` });
  return loadLoan(ctx, loan.id);
}

export async function chaseLoan(ctx: CommandContext, input: ParsedInput<'keys.chase'>): Promise<LoanRow> {
  const loan = await openLoan(ctx, input.loanId);
  await addKeyEvent(ctx, loan.key_id, { kind: 'chased', loanId: loan.id, text: `${CHASE_METHOD_LABELS[input.method]}催还：${input.result}` });
  await ctx.audit({ entity: 'key_loan', entityId: loan.id, after: { chase: input.method, result: input.result } });
  return loadLoan(ctx, loan.id);
}

export async function personHistory(ctx: CommandContext, input: ParsedInput<'keys.personHistory'>): Promise<PersonHistory> {
  const borrowerKey = input.personId !== undefined ? `p:${input.personId}` : input.borrowerKey!;
  const rows = (await loanQuery(ctx.db).where('l.borrower_key', '=', borrowerKey).orderBy('l.lent_at', 'desc').orderBy('l.id', 'desc').limit(200).execute()) as LoanJoined[];
  const loans = rows.map((r) => toLoanRow(ctx, r));
  const latest = loans[0];
  let name = latest?.borrowerName ?? '';
  let phone = latest?.borrowerPhone ?? '';
  if (!latest && input.personId !== undefined) {
    const person = await ctx.db.selectFrom('people').select(['name', 'mobile']).where('id', '=', input.personId).executeTakeFirst();
    if (!person) throw fail.notFound('找不到这位住户');
    name = person.name;
    phone = phoneFor(ctx.operator, person.mobile ?? '');
  }
  const { n } = await ctx.db
    .selectFrom('key_loans')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('borrower_key', '=', borrowerKey)
    .where('returned_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { borrowerKey, name, borrowerType: latest?.borrowerType ?? null, phone, organisation: latest?.organisation ?? '', holding: Number(n), loans };
}

/** Overdue and due-soon counts: range scans of the open loans' due time. */
export async function keyAttention(ctx: CommandContext): Promise<KeyAttention> {
  const { overdueBefore, dueSoonUntil } = dueBounds(ctx.now, ctx.settings.keyRules);
  const count = async (from: string | null, until: string, inclusive: boolean) => {
    let q = ctx.db.selectFrom('key_loans').select((eb) => eb.fn.countAll<number>().as('n')).where('returned_at', 'is', null);
    if (from) q = q.where('due_at', '>=', from);
    q = q.where('due_at', inclusive ? '<=' : '<', until);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  return { overdue: await count(null, overdueBefore, false), dueSoon: await count(overdueBefore, dueSoonUntil, true) };
}

const HANDOVER_LIST = 100;
const LOST_RECENT_DAYS = 30;

export async function handover(ctx: CommandContext): Promise<KeyHandover> {
  const states = await ctx.db.selectFrom('keys').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('state').execute();
  const byState = Object.fromEntries(KEY_STATES.map((s) => [s, 0])) as Record<KeyState, number>;
  for (const s of states) byState[s.state as KeyState] = Number(s.n);
  const page = async (status: 'overdue' | 'due_soon') => (await listLoans(ctx, { page: 1, pageSize: HANDOVER_LIST, filters: { status } })).rows;
  const since = new Date(ctx.now.getTime() - LOST_RECENT_DAYS * 86_400_000).toISOString();
  const lost = (await keyQuery(ctx.db)
    .where('k.state', '=', 'lost')
    .where('k.id', 'in', (eb) => eb.selectFrom('key_events').select('key_id').where('kind', '=', 'lost').where('at', '>=', since))
    .orderBy('k.updated_at', 'desc')
    .limit(HANDOVER_LIST)
    .execute()) as KeyJoined[];
  const relabel = await ctx.db.selectFrom('keys').select((eb) => eb.fn.countAll<number>().as('n')).where('needs_relabel', '=', 1).executeTakeFirstOrThrow();
  return {
    at: ctx.nowIso,
    byState,
    keysOut: byState.lent,
    overdue: await page('overdue'),
    dueSoon: await page('due_soon'),
    lostRecently: lost.map((k) => toKeyRow(ctx, k)),
    needsRelabel: Number(relabel.n),
    lastAudit: await lastAuditSummary(ctx),
  };
}
