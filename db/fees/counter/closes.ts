import type { CloseRow, CloseView, ShiftFigures, ShiftView } from '../../../shared/contract/fees-counter';
import type { Page } from '../../../shared/contract/paging';
import type { ParsedInput } from '../../../shared/contract';
import { cashDifference, closeTotals, type MethodTotals, type PaymentMethod, type ReceiptKind, type ReceiptState } from '../../../shared/fees-counter';
import { officeDayOf, officeDayRange } from '../../../shared/office-time';
import { rolesMay } from '../../../shared/permissions';
import { fail } from '../../../shared/result';
import type { CommandContext, Db } from '../../context';
import { nextSerial } from '../../serials';
import { printCount } from '../../print/log';

export const CLOSE_FORM = 'cashier-close';

/** The last receipt id a cashier's closes have taken (0: never closed). */
async function closedThrough(db: Db, cashierId: number): Promise<{ through: number; no: string | null; closedAt: string | null }> {
  const last = await db
    .selectFrom('cashier_closes')
    .select(['through_receipt_id', 'no', 'closed_at'])
    .where('cashier_id', '=', cashierId)
    .orderBy('through_receipt_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { through: last?.through_receipt_id ?? 0, no: last?.no ?? null, closedAt: last?.closed_at ?? null };
}

/**
 * A shift is the cashier's receipts after their last close, in the order they were numbered:
 * payments (voided ones too: they stay in the series and are subtracted), the reversals and
 * refunds they made. A void counts in the shift of the receipt it voids — it is only allowed
 * before that shift is closed — so a closed shift never changes.
 */
async function shiftFigures(db: Db, cashier: { id: number; name: string }, after: number, through?: number): Promise<ShiftFigures & { lastId: number; firstId: number }> {
  let q = db
    .selectFrom('receipts')
    .select(['id', 'method', 'kind', 'state', 'total_fen', 'created_at'])
    .where('cashier_id', '=', cashier.id)
    .where('id', '>', after);
  if (through !== undefined) q = q.where('id', '<=', through);
  const receipts = await q.orderBy('id').execute();
  const totals = closeTotals(receipts.map((r) => ({ method: r.method as PaymentMethod, kind: r.kind as ReceiptKind, state: r.state as ReceiptState, totalFen: r.total_fen })));
  return {
    ...totals,
    cashierId: cashier.id,
    cashierName: cashier.name,
    firstAt: receipts[0]?.created_at ?? null,
    lastAt: receipts.at(-1)?.created_at ?? null,
    firstId: receipts[0]?.id ?? 0,
    lastId: receipts.at(-1)?.id ?? 0,
  };
}

async function cashierOf(ctx: CommandContext, cashierId: number | undefined): Promise<{ id: number; name: string }> {
  const me = ctx.requireOperator();
  if (cashierId === undefined || cashierId === me.id) return { id: me.id, name: me.displayName };
  if (!rolesMay(me.roles, 'seesWholeDeskLists')) throw fail.forbidden('只能查看本人的班次');
  const other = await ctx.db.selectFrom('operators').select(['id', 'display_name']).where('id', '=', cashierId).executeTakeFirst();
  if (!other) throw fail.notFound('收费员不存在');
  return { id: other.id, name: other.display_name };
}

/** 本班次: what the drawer and the accounts should hold now. */
export async function openShift(ctx: CommandContext, cashierId?: number): Promise<ShiftView> {
  const cashier = await cashierOf(ctx, cashierId);
  const last = await closedThrough(ctx.db, cashier.id);
  const { lastId: _l, firstId: _f, ...figures } = await shiftFigures(ctx.db, cashier, last.through);
  return { ...figures, lastCloseNo: last.no, lastClosedAt: last.closedAt };
}

/**
 * 日结: the signed-in cashier's shift, closed with the cash they counted. The figures are stored as
 * they are now (a close is never rewritten); receipts taken afterwards open the next shift.
 */
export async function closeShift(ctx: CommandContext, input: ParsedInput<'fees.closeShift'>): Promise<CloseView> {
  const me = ctx.requireOperator();
  const last = await closedThrough(ctx.db, me.id);
  const figures = await shiftFigures(ctx.db, { id: me.id, name: me.displayName }, last.through);
  if (figures.receiptCount === 0) throw fail.conflict('本班次还没有收据，无需日结');
  const values = {
    no: await nextSerial(ctx, 'RJ'),
    cashier_id: me.id,
    closed_at: ctx.nowIso,
    through_receipt_id: figures.lastId,
    first_at: figures.firstAt,
    last_at: figures.lastAt,
    receipt_count: figures.receiptCount,
    expected_fen: figures.expectedFen,
    expected_cash_fen: figures.expectedCashFen,
    counted_cash_fen: input.countedCashFen,
    difference_fen: cashDifference(input.countedCashFen, figures.expectedCashFen),
    methods: JSON.stringify(figures.methods),
    note: input.note,
  };
  const { id } = await ctx.db.insertInto('cashier_closes').values(values).returning('id').executeTakeFirstOrThrow();
  await ctx.audit({ entity: 'cashier_close', entityId: id, after: values });
  return loadClose(ctx.db, { id });
}

export async function loadClose(db: Db, key: { id?: number; no?: string }): Promise<CloseView> {
  let q = db.selectFrom('cashier_closes as k').innerJoin('operators as o', 'o.id', 'k.cashier_id').selectAll('k').select('o.display_name');
  if (key.id !== undefined) q = q.where('k.id', '=', key.id);
  if (key.no !== undefined) q = q.where('k.no', '=', key.no);
  const k = await q.executeTakeFirst();
  if (!k) throw fail.notFound('日结记录不存在');
  const previous = await db
    .selectFrom('cashier_closes')
    .select((eb) => eb.fn.max('through_receipt_id').as('through'))
    .where('cashier_id', '=', k.cashier_id)
    .where('through_receipt_id', '<', k.through_receipt_id)
    .executeTakeFirst();
  const span = await db
    .selectFrom('receipts')
    .select((eb) => [eb.fn.min('no').as('first'), eb.fn.max('no').as('last')])
    .where('cashier_id', '=', k.cashier_id)
    .where('kind', '<>', 'refund')
    .where('id', '>', Number(previous?.through ?? 0))
    .where('id', '<=', k.through_receipt_id)
    .executeTakeFirst();
  return {
    id: k.id,
    no: k.no,
    cashierId: k.cashier_id,
    cashierName: k.display_name,
    closedAt: k.closed_at,
    firstAt: k.first_at,
    lastAt: k.last_at,
    methods: JSON.parse(k.methods) as MethodTotals[],
    expectedFen: k.expected_fen,
    expectedCashFen: k.expected_cash_fen,
    receiptCount: k.receipt_count,
    countedCashFen: k.counted_cash_fen,
    differenceFen: k.difference_fen,
    note: k.note,
    firstNo: span?.first ?? null,
    lastNo: span?.last ?? null,
    printCount: await printCount(db, CLOSE_FORM, k.no),
  };
}

export async function listCloses(ctx: CommandContext, input: ParsedInput<'fees.closes'>): Promise<Page<CloseRow>> {
  const f = input.filters;
  const me = ctx.requireOperator();
  // A cashier sees their own closes; supervisors every cashier's.
  const cashierId = rolesMay(me.roles, 'seesWholeDeskLists') ? f.cashierId : me.id;
  let q = ctx.db.selectFrom('cashier_closes as k');
  if (cashierId) q = q.where('k.cashier_id', '=', cashierId);
  if (f.from) q = q.where('k.closed_at', '>=', officeDayRange(f.from).start);
  if (f.to) q = q.where('k.closed_at', '<', officeDayRange(f.to).end);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const dir = input.sort?.desc === false ? 'asc' : 'desc';
  const rows = await q
    .innerJoin('operators as o', 'o.id', 'k.cashier_id')
    .select(['k.id', 'k.no', 'o.display_name', 'k.closed_at', 'k.receipt_count', 'k.expected_fen', 'k.expected_cash_fen', 'k.counted_cash_fen', 'k.difference_fen'])
    .orderBy('k.closed_at', dir)
    .orderBy('k.id', dir)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      no: r.no,
      cashierName: r.display_name,
      closedAt: r.closed_at,
      receiptCount: r.receipt_count,
      expectedFen: r.expected_fen,
      expectedCashFen: r.expected_cash_fen,
      countedCashFen: r.counted_cash_fen,
      differenceFen: r.difference_fen,
    })),
  };
}

/** The cashier's open shift started on an earlier office day: the close was forgotten. */
export async function staleShift(ctx: CommandContext): Promise<boolean> {
  const me = ctx.requireOperator();
  const last = await closedThrough(ctx.db, me.id);
  const first = await ctx.db
    .selectFrom('receipts')
    .select('created_at')
    .where('cashier_id', '=', me.id)
    .where('id', '>', last.through)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return first !== undefined && first.created_at < officeDayRange(officeDayOf(ctx.now)).start;
}

