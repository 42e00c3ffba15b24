import type { Selectable } from 'kysely';
import type { DepositView, KeyDetail, KeyEventView, KeyRow, LoanBrief, LoanRow } from '../../shared/contract/keys';
import {
  KEY_MACHINE,
  keyPosition,
  keyRecordNo,
  keyTarget,
  loanStatus,
  type BorrowerType,
  type KeyAction,
  type KeyClass,
  type KeyEventKind,
  type KeyPlace,
  type KeyState,
} from '../../shared/keys';
import { fail } from '../../shared/result';
import { checkTransition } from '../../shared/state-machine';
import type { CommandContext, Db } from '../context';
import { phoneFor, seesMobiles } from '../estate/people';
import type { KeyLoansTable, KeysTable } from '../schema';

export type KeyRecord = Selectable<KeysTable>;
export type LoanRecord = Selectable<KeyLoansTable>;

/** print_log's form keys for the desk's forms. */
export const KEY_FORMS = { label: 'key-label', loan: 'key-loan-slip', issue: 'key-issue-slip', audit: 'key-audit' } as const;

/** Keys with the unit's code, the open loan (at most one: the partial unique index) and the re-cut links. */
export function keyQuery(db: Db) {
  return db
    .selectFrom('keys as k')
    .leftJoin('units', 'units.id', 'k.unit_id')
    .leftJoin('key_loans as l', (join) => join.onRef('l.key_id', '=', 'k.id').on('l.returned_at', 'is', null))
    .leftJoin('keys as prev', 'prev.id', 'k.replaces_key_id')
    .selectAll('k')
    .select([
      'units.code as unit_code',
      'prev.tag as replaces_tag',
      (eb) => eb.selectFrom('keys as nxt').select('nxt.tag').whereRef('nxt.replaces_key_id', '=', 'k.id').limit(1).as('replaced_by_tag'),
      'l.id as loan_id',
      'l.borrower_type as loan_borrower_type',
      'l.borrower_name as loan_borrower_name',
      'l.organisation as loan_organisation',
      'l.lent_at as loan_lent_at',
      'l.due_at as loan_due_at',
    ]);
}

export type KeyJoined = KeyRecord & {
  unit_code: string | null;
  replaces_tag: string | null;
  replaced_by_tag: string | null;
  loan_id: number | null;
  loan_borrower_type: string | null;
  loan_borrower_name: string | null;
  loan_organisation: string | null;
  loan_lent_at: string | null;
  loan_due_at: string | null;
};

export function targetOf(r: { unit_code: string | null; place: string | null; place_note: string }): string {
  return keyTarget({ unitCode: r.unit_code, place: r.place as KeyPlace | null, placeNote: r.place_note });
}

export function toKeyRow(ctx: CommandContext, r: KeyJoined): KeyRow {
  const openLoan: LoanBrief | null =
    r.loan_id === null
      ? null
      : {
          id: r.loan_id,
          no: keyRecordNo('loan', r.loan_id),
          borrowerType: r.loan_borrower_type as BorrowerType,
          borrowerName: r.loan_borrower_name!,
          organisation: r.loan_organisation!,
          lentAt: r.loan_lent_at!,
          dueAt: r.loan_due_at!,
          status: loanStatus({ dueAt: r.loan_due_at!, returnedAt: null }, ctx.now, ctx.settings.keyRules).kind,
        };
  return {
    id: r.id,
    tag: r.tag,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    place: r.place as KeyPlace | null,
    placeNote: r.place_note,
    target: targetOf(r),
    keyClass: r.key_class as KeyClass,
    keyCount: r.key_count,
    shortCount: r.short_count,
    cabinet: r.cabinet,
    hook: r.hook,
    position: keyPosition(r),
    state: r.state as KeyState,
    needsRelabel: r.needs_relabel === 1,
    note: r.note,
    replacesTag: r.replaces_tag,
    replacedByTag: r.replaced_by_tag,
    openLoan,
    registeredAt: r.registered_at,
  };
}

export async function findKey(ctx: CommandContext, where: { keyId?: number; tag?: string }): Promise<KeyJoined | undefined> {
  let q = keyQuery(ctx.db);
  q = where.keyId !== undefined ? q.where('k.id', '=', where.keyId) : q.where('k.tag', '=', where.tag!);
  return (await q.executeTakeFirst()) as KeyJoined | undefined;
}

export async function requireKey(ctx: CommandContext, where: { keyId?: number; tag?: string }): Promise<KeyJoined> {
  const key = await findKey(ctx, where);
  if (!key) throw fail.notFound(where.tag ? `没有标签号为 ${where.tag} 的钥匙，请核对标签` : '找不到这把钥匙');
  return key;
}

/** The key, checked against the machine for this action (state and the operator's roles). */
export async function keyForAction(ctx: CommandContext, keyId: number, action: KeyAction, reason?: string): Promise<{ key: KeyJoined; to: KeyState }> {
  const key = await requireKey(ctx, { keyId });
  const check = checkTransition(KEY_MACHINE, key.state as KeyState, action, ctx.requireOperator().roles, reason);
  if (!check.ok) throw check.refused === 'reason' ? fail.validation(check.message, { reason: check.message }) : fail.conflict(check.message);
  return { key, to: check.to };
}

/** Loans with the key's tag and target and the names of who lent, approved and which entry it logged. */
export function loanQuery(db: Db) {
  return db
    .selectFrom('key_loans as l')
    .innerJoin('keys as k', 'k.id', 'l.key_id')
    .leftJoin('units', 'units.id', 'k.unit_id')
    .innerJoin('operators as op', 'op.id', 'l.operator_id')
    .leftJoin('operators as ap', 'ap.id', 'l.approver_id')
    .leftJoin('reception_entries as re', 're.id', 'l.entry_id')
    .selectAll('l')
    .select([
      'k.tag',
      'k.place',
      'k.place_note',
      'units.code as unit_code',
      'op.display_name as operator_name',
      'ap.display_name as approver_name',
      're.no as entry_no',
      (eb) => eb.selectFrom('key_events as e').select((e) => e.fn.countAll<number>().as('n')).whereRef('e.loan_id', '=', 'l.id').where('e.kind', '=', 'extended').as('extensions'),
      (eb) => eb.selectFrom('key_events as e').select((e) => e.fn.countAll<number>().as('n')).whereRef('e.loan_id', '=', 'l.id').where('e.kind', '=', 'chased').as('chases'),
    ]);
}

export type LoanJoined = LoanRecord & {
  tag: string;
  place: string | null;
  place_note: string;
  unit_code: string | null;
  operator_name: string;
  approver_name: string | null;
  entry_no: string | null;
  extensions: number | null;
  chases: number | null;
};

/** borrowerKeyOf's prefix for a borrower known by phone (shared/keys.ts). */
const PHONE_KEY = 't:';

export function toLoanRow(ctx: CommandContext, r: LoanJoined): LoanRow {
  const status = loanStatus({ dueAt: r.due_at, returnedAt: r.returned_at }, ctx.now, ctx.settings.keyRules);
  return {
    id: r.id,
    no: keyRecordNo('loan', r.id),
    keyId: r.key_id,
    tag: r.tag,
    target: targetOf(r),
    keyCount: r.key_count,
    borrowerType: r.borrower_type as BorrowerType,
    borrowerName: r.borrower_name,
    borrowerPhone: phoneFor(ctx.operator, r.borrower_phone),
    borrowerKey: seesMobiles(ctx.operator) || !r.borrower_key.startsWith(PHONE_KEY) ? r.borrower_key : null,
    organisation: r.organisation,
    idTail: r.id_tail,
    purpose: r.purpose,
    lentAt: r.lent_at,
    dueAt: r.due_at,
    firstDueAt: r.first_due_at,
    returnedAt: r.returned_at,
    outcome: r.outcome as LoanRow['outcome'],
    returnedCount: r.returned_count,
    partial: r.returned_count !== null && r.returned_count < r.key_count,
    condition: r.condition,
    status: status.kind,
    deadline: status.deadline,
    extensions: Number(r.extensions ?? 0),
    chases: Number(r.chases ?? 0),
    operatorName: r.operator_name,
    approverName: r.approver_name ?? '',
    authorisation: r.authorisation,
    phoneConfirmation: r.confirm_at ? { phone: phoneFor(ctx.operator, r.confirm_phone), at: r.confirm_at, confirmedBy: r.confirm_by } : null,
    entryNo: r.entry_no,
  };
}

export async function loadLoan(ctx: CommandContext, loanId: number): Promise<LoanRow> {
  const r = (await loanQuery(ctx.db).where('l.id', '=', loanId).executeTakeFirst()) as LoanJoined | undefined;
  if (!r) throw fail.notFound('找不到这条借用记录');
  return toLoanRow(ctx, r);
}

export async function requireLoanRecord(ctx: CommandContext, loanId: number): Promise<LoanRecord> {
  const loan = await ctx.db.selectFrom('key_loans').selectAll().where('id', '=', loanId).executeTakeFirst();
  if (!loan) throw fail.notFound('找不到这条借用记录');
  return loan;
}

export async function openLoanOf(ctx: CommandContext, keyId: number): Promise<LoanRecord | undefined> {
  return ctx.db.selectFrom('key_loans').selectAll().where('key_id', '=', keyId).where('returned_at', 'is', null).executeTakeFirst();
}

/** The latest deposit of the key (业主寄存), with the people the owner allows to collect it. */
export async function depositOf(ctx: CommandContext, keyId: number): Promise<DepositView | null> {
  const d = await ctx.db.selectFrom('key_deposits').selectAll().where('key_id', '=', keyId).orderBy('deposited_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!d) return null;
  return {
    id: d.id,
    depositorName: d.depositor_name,
    depositorPhone: phoneFor(ctx.operator, d.depositor_phone),
    authorisation: d.authorisation,
    allowedCollectors: JSON.parse(d.allowed_collectors) as string[],
    depositedAt: d.deposited_at,
  };
}

/** One line of the key's history, in the command's transaction. */
export async function addKeyEvent(ctx: CommandContext, keyId: number, event: { kind: KeyEventKind; text: string; loanId?: number | null }): Promise<void> {
  await ctx.db
    .insertInto('key_events')
    .values({
      key_id: keyId,
      loan_id: event.loanId ?? null,
      kind: event.kind,
      at: ctx.nowIso,
      operator_id: ctx.requireOperator().id,
      approver_id: ctx.approver?.id ?? null,
      text: event.text.slice(0, 500),
    })
    .execute();
}

/** Changes a key's row and audits before and after. */
export async function changeKey(ctx: CommandContext, before: KeyRecord, changes: Partial<Pick<KeyRecord, 'state' | 'key_class' | 'key_count' | 'short_count' | 'cabinet' | 'hook' | 'needs_relabel' | 'note'>>): Promise<void> {
  const values = { ...changes, updated_at: ctx.nowIso };
  await ctx.db.updateTable('keys').set(values).where('id', '=', before.id).execute();
  const { id: _id, ...was } = before;
  await ctx.audit({ entity: 'key', entityId: before.id, before: pick(was, Object.keys(changes)), after: values });
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, o[k]]));
}

export async function keyHistory(ctx: CommandContext, keyId: number): Promise<KeyEventView[]> {
  const rows = await ctx.db
    .selectFrom('key_events as e')
    .innerJoin('operators as op', 'op.id', 'e.operator_id')
    .leftJoin('operators as ap', 'ap.id', 'e.approver_id')
    .select(['e.id', 'e.kind', 'e.at', 'e.text', 'e.loan_id', 'op.display_name as operator_name', 'ap.display_name as approver_name'])
    .where('e.key_id', '=', keyId)
    .orderBy('e.at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(500)
    .execute();
  return rows.map((e) => ({ id: e.id, kind: e.kind as KeyEventKind, at: e.at, operatorName: e.operator_name, approverName: e.approver_name ?? '', text: e.text, loanId: e.loan_id }));
}

/** keys.get: the key, its open loan, the last deposit, the recent loans and the whole history. */
export async function loadKey(ctx: CommandContext, where: { keyId?: number; tag?: string }): Promise<KeyDetail> {
  const key = await requireKey(ctx, where);
  const recent = (await loanQuery(ctx.db).where('l.key_id', '=', key.id).orderBy('l.lent_at', 'desc').orderBy('l.id', 'desc').limit(20).execute()) as LoanJoined[];
  const loans = recent.map((r) => toLoanRow(ctx, r));
  return {
    ...toKeyRow(ctx, key),
    loan: loans.find((l) => l.returnedAt === null) ?? null,
    deposit: key.key_class === 'deposited' ? await depositOf(ctx, key.id) : null,
    history: await keyHistory(ctx, key.id),
    recentLoans: loans,
  };
}
