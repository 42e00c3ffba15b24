import type { ReceiptLine, ReceiptRow, ReceiptView } from '../../../shared/contract/fees-counter';
import { DEPOSIT_BILL_SOURCE, changeFor, lineCategory, type LineKind, type PaymentMethod, type ReceiptKind, type ReceiptState } from '../../../shared/fees-counter';
import { fenToCapitals, formatYuan, MAX_FEN } from '../../../shared/money';
import { fail } from '../../../shared/result';
import type { SeriesKey } from '../../../shared/serials';
import type { CommandContext, Db } from '../../context';
import { nextSerial } from '../../serials';
import { printCount } from '../../print/log';
import { lateFeesOf, prepayBills } from './billing-link';

/** The print register's form keys: a receipt (and its reversal) and a refund slip. */
export const RECEIPT_FORM = 'fee-receipt';
export const REFUND_FORM = 'refund-slip';

/** Two windows, one bill: whoever commits second finds it paid. */
export const ALREADY_PAID = '账单已被其他窗口收取，请刷新后重试';

export interface Payment {
  unitId: number;
  billIds: number[];
  prepay: { feeItemId: number; months: number }[];
  method: PaymentMethod;
  reference: string;
  cashReceivedFen: number | null;
  payerName: string;
  discounts: { billId: number | null; amountFen: number; reason: string }[];
}

interface NewLine {
  kind: LineKind;
  bill_id: number | null;
  item: string;
  period: string | null;
  category: string;
  amount_fen: number;
  note: string;
}

interface NewReceipt {
  kind: ReceiptKind;
  series: SeriesKey;
  unitId: number;
  payerName: string;
  method: PaymentMethod;
  reference: string;
  cashReceivedFen: number | null;
  changeFen: number;
  lines: NewLine[];
  discountApproverId?: number | null;
  originalId?: number | null;
  reason?: string;
}

/**
 * Writes one receipt and its lines, numbered in this transaction: a command that fails after
 * this point rolls the number back with everything else, so the series has no gap.
 */
export async function writeReceipt(ctx: CommandContext, r: NewReceipt): Promise<number> {
  const totalFen = r.lines.reduce((sum, l) => sum + l.amount_fen, 0);
  if (Math.abs(totalFen) > MAX_FEN) throw fail.validation(`合计金额不能超过 ${formatYuan(MAX_FEN)}`);
  const values = {
    // Receipts follow the office's receipt book (feeRules.receiptStart); refund slips their own yearly series.
    no: await nextSerial(ctx, r.series, r.series === 'SJ' ? { start: ctx.settings.feeRules.receiptStart } : undefined),
    kind: r.kind,
    unit_id: r.unitId,
    payer_name: r.payerName,
    method: r.method,
    reference: r.reference,
    cash_received_fen: r.method === 'cash' ? r.cashReceivedFen : null,
    change_fen: r.changeFen,
    total_fen: totalFen,
    cashier_id: ctx.requireOperator().id,
    created_at: ctx.nowIso,
    discount_approver_id: r.discountApproverId ?? null,
    original_id: r.originalId ?? null,
    reason: r.reason ?? '',
  };
  const { id } = await ctx.db.insertInto('receipts').values(values).returning('id').executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('receipt_lines')
    .values(r.lines.map((l) => ({ ...l, receipt_id: id })))
    .execute();
  await ctx.audit({ entity: 'receipt', entityId: id, after: { ...values, lines: r.lines } });
  return id;
}

/**
 * 收费: the unit's selected unpaid bills (each with its late fee as of today), prepaid months
 * billed now, discounts approved by a supervisor → one receipt. Every bill is taken from unpaid
 * to paid by a conditional update whose count is checked, so a bill another window has just
 * settled fails this whole payment (nothing half-written, the number given back).
 */
export async function pay(ctx: CommandContext, p: Payment): Promise<ReceiptView> {
  const unit = await ctx.db.selectFrom('units').select(['id']).where('id', '=', p.unitId).executeTakeFirst();
  if (!unit) throw fail.notFound('房屋不存在');
  const prepaid = await prepayBills(ctx, p.unitId, p.prepay);
  // A month chosen among the unpaid bills and prepaid as well is one bill.
  const billIds = [...new Set([...p.billIds, ...prepaid])];
  const bills = billIds.length
    ? await ctx.db.selectFrom('bills').leftJoin('fee_items', 'fee_items.id', 'bills.fee_item_id').selectAll('bills').select('fee_items.kind as fee_kind').where('bills.id', 'in', billIds).execute()
    : [];
  const byId = new Map(bills.map((b) => [b.id, b]));
  for (const billId of billIds) {
    const bill = byId.get(billId);
    if (!bill || bill.unit_id !== p.unitId) throw fail.validation('所选账单不属于该房屋，请刷新后重试', { billIds: '账单不属于该房屋' });
    if (bill.state === 'paid') throw fail.conflict(ALREADY_PAID);
    if (bill.state === 'voided') throw fail.conflict(`账单“${bill.item}”已作废，不能收取`);
  }
  const lateFees = await lateFeesOf(ctx, p.unitId);

  const lines: NewLine[] = [];
  const dueByBill = new Map<number, number>();
  for (const billId of billIds) {
    const bill = byId.get(billId)!;
    const kind: LineKind = isDeposit(bill) ? 'deposit' : 'bill';
    lines.push({ kind, bill_id: bill.id, item: bill.item, period: bill.period, category: lineCategory(kind, bill.source, bill.item), amount_fen: bill.amount_fen, note: '' });
    const late = lateFees.get(bill.id) ?? 0;
    if (late > 0) lines.push({ kind: 'late_fee', bill_id: bill.id, item: `${bill.item} 滞纳金`.slice(0, 60), period: bill.period, category: lineCategory('late_fee', bill.source, bill.item), amount_fen: late, note: '' });
    dueByBill.set(bill.id, bill.amount_fen + late);
  }
  for (const d of p.discounts) {
    if (d.billId !== null) {
      const due = dueByBill.get(d.billId);
      if (due === undefined) throw fail.validation('优惠只能针对本次收取的账单', { discounts: '优惠对应的账单不在本次收费中' });
      if (d.amountFen > due) throw fail.validation(`优惠 ${formatYuan(d.amountFen)} 超过该账单应收 ${formatYuan(due)}`, { discounts: '优惠超过账单金额' });
    }
    lines.push({ kind: 'discount', bill_id: d.billId, item: '优惠减免', period: null, category: lineCategory('discount', null, ''), amount_fen: -d.amountFen, note: d.reason });
  }
  const dueFen = lines.reduce((sum, l) => sum + l.amount_fen, 0);
  if (dueFen <= 0) throw fail.validation('优惠后实收金额必须大于 0', { discounts: '优惠不能等于或超过应收合计' });
  const change = changeFor(p.method, dueFen, p.cashReceivedFen);
  if (!change.ok) throw fail.validation(change.message, { cashReceivedFen: change.message });

  const id = await writeReceipt(ctx, {
    kind: 'payment',
    series: 'SJ',
    unitId: p.unitId,
    payerName: p.payerName,
    method: p.method,
    reference: p.reference,
    cashReceivedFen: p.cashReceivedFen,
    changeFen: change.changeFen,
    lines,
    discountApproverId: p.discounts.length ? (ctx.approver?.id ?? null) : null,
  });
  for (const billId of billIds) {
    const paid = await ctx.db
      .updateTable('bills')
      .set({ state: 'paid', paid_at: ctx.nowIso, updated_at: ctx.nowIso })
      .where('id', '=', billId)
      .where('state', '=', 'unpaid')
      .executeTakeFirst();
    if (Number(paid.numUpdatedRows) !== 1) throw fail.conflict(ALREADY_PAID);
  }
  const deposits = billIds.map((b) => byId.get(b)!).filter(isDeposit);
  if (deposits.length) {
    await ctx.db
      .insertInto('deposits')
      .values(deposits.map((b) => ({ unit_id: b.unit_id, bill_id: b.id, receipt_id: id, item: b.item, amount_fen: b.amount_fen, collected_at: ctx.nowIso })))
      .execute();
  }
  return loadReceipt(ctx.db, { id });
}

/** A deposit collected at the counter (fees.collectDeposit), or a bill of a 保证金 fee item. */
function isDeposit(bill: { source: string; fee_kind: string | null }): boolean {
  return bill.source === DEPOSIT_BILL_SOURCE || bill.fee_kind === 'deposit';
}

/**
 * Bills a receipt settled (its bill and deposit lines), to return them to unpaid on a void or
 * reversal — and which of them the payment itself made: a prepayment bills its months in the same
 * command (db/fees/counter/billing-link.ts), so such a bill carries the receipt's own time and cashier.
 */
async function settledBills(ctx: CommandContext, receiptId: number): Promise<{ id: number; madeByPayment: boolean }[]> {
  const rows = await ctx.db
    .selectFrom('receipt_lines as l')
    .innerJoin('receipts as r', 'r.id', 'l.receipt_id')
    .innerJoin('bills as b', 'b.id', 'l.bill_id')
    .select(['b.id', 'b.created_at', 'b.created_by', 'r.created_at as paid_at', 'r.cashier_id'])
    .where('l.receipt_id', '=', receiptId)
    .where('l.kind', 'in', ['bill', 'deposit'])
    .execute();
  return rows.map((r) => ({ id: r.id, madeByPayment: r.created_at === r.paid_at && r.created_by === r.cashier_id }));
}

/**
 * A void or reversal takes the money back: the bills it settled are owed again. Bills only the
 * payment made are voided instead — a deposit it collected (still held, voided with its deposit
 * bill), and the months a prepayment billed ahead: nothing was owed for them before, and the monthly
 * run bills each month when it comes (a voided bill does not hold its month).
 */
async function unsettle(ctx: CommandContext, receiptId: number, reason: string): Promise<void> {
  const deposits = await ctx.db.selectFrom('deposits').select(['id', 'bill_id', 'state']).where('receipt_id', '=', receiptId).execute();
  if (deposits.some((d) => d.state === 'refunded')) throw fail.conflict('保证金已退还，不能作废或红冲其收据');
  const depositBills = new Set(deposits.map((d) => d.bill_id));
  for (const d of deposits) {
    await ctx.db.updateTable('deposits').set({ state: 'voided' }).where('id', '=', d.id).execute();
    await ctx.audit({ entity: 'deposit', entityId: d.id, before: { state: d.state }, after: { state: 'voided' } });
  }
  for (const { id: billId, madeByPayment } of await settledBills(ctx, receiptId)) {
    const voided = depositBills.has(billId) || madeByPayment;
    const change = voided
      ? { state: 'voided', voided_at: ctx.nowIso, void_reason: `收据作废/红冲：${reason}`.slice(0, 200), updated_at: ctx.nowIso }
      : { state: 'unpaid', paid_at: null, updated_at: ctx.nowIso };
    await ctx.db.updateTable('bills').set(change).where('id', '=', billId).where('state', '=', 'paid').execute();
    await ctx.audit({ entity: 'bill', entityId: billId, before: { state: 'paid' }, after: change });
  }
}

/** The close that took a cashier's receipt, if its shift is closed. */
export async function closeOf(db: Db, cashierId: number, receiptId: number): Promise<{ id: number; no: string } | null> {
  const row = await db
    .selectFrom('cashier_closes')
    .select(['id', 'no'])
    .where('cashier_id', '=', cashierId)
    .where('through_receipt_id', '>=', receiptId)
    .orderBy('through_receipt_id')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

async function paymentToCorrect(ctx: CommandContext, id: number) {
  const receipt = await ctx.db.selectFrom('receipts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!receipt) throw fail.notFound('收据不存在');
  if (receipt.kind !== 'payment') throw fail.conflict('红冲收据和退款单不能作废或红冲');
  if (receipt.state === 'voided') throw fail.conflict(`收据 ${receipt.no} 已作废`);
  const reversed = await ctx.db.selectFrom('receipts').select('no').where('original_id', '=', id).where('kind', '=', 'reversal').executeTakeFirst();
  if (reversed) throw fail.conflict(`收据 ${receipt.no} 已红冲（${reversed.no}）`);
  return { receipt, close: await closeOf(ctx.db, receipt.cashier_id, receipt.id) };
}

/** 作废: before its shift's close only; the receipt keeps its number and prints 作废. */
export async function voidReceipt(ctx: CommandContext, id: number, reason: string): Promise<ReceiptView> {
  const { receipt, close } = await paymentToCorrect(ctx, id);
  if (close) throw fail.conflict(`收据 ${receipt.no} 所在班次已日结（${close.no}），不能作废，请红冲`);
  const change = { state: 'voided', voided_at: ctx.nowIso, void_reason: reason, voided_by: ctx.requireOperator().id, void_approver_id: ctx.approver!.id };
  await ctx.db.updateTable('receipts').set(change).where('id', '=', id).execute();
  await ctx.audit({ entity: 'receipt', entityId: id, before: { state: 'valid' }, after: change });
  await unsettle(ctx, id, reason);
  return loadReceipt(ctx.db, { id });
}

/** 红冲: after the close, a negative receipt in the current shift, every line negated. */
export async function reverseReceipt(ctx: CommandContext, id: number, reason: string): Promise<ReceiptView> {
  const { receipt, close } = await paymentToCorrect(ctx, id);
  if (!close) throw fail.conflict(`收据 ${receipt.no} 所在班次尚未日结，请直接作废`);
  const lines = await ctx.db.selectFrom('receipt_lines').selectAll().where('receipt_id', '=', id).orderBy('id').execute();
  const reversalId = await writeReceipt(ctx, {
    kind: 'reversal',
    series: 'SJ',
    unitId: receipt.unit_id,
    payerName: receipt.payer_name,
    method: receipt.method as PaymentMethod,
    reference: receipt.reference,
    cashReceivedFen: null,
    changeFen: 0,
    lines: lines.map((l) => ({ kind: l.kind as LineKind, bill_id: l.bill_id, item: l.item, period: l.period, category: l.category, amount_fen: -l.amount_fen, note: l.note })),
    originalId: id,
    reason,
  });
  await unsettle(ctx, id, reason);
  return loadReceipt(ctx.db, { id: reversalId });
}

/** A receipt as lists show it, from its row with the unit's code, the cashier's and the original's names joined. */
export function receiptRowOf(r: {
  id: number;
  no: string;
  kind: string;
  state: string;
  unit_id: number;
  unit_code: string;
  payer_name: string;
  method: string;
  total_fen: number;
  cashier_name: string;
  created_at: string;
  original_no: string | null;
}): ReceiptRow {
  return {
    id: r.id,
    no: r.no,
    kind: r.kind as ReceiptKind,
    state: r.state as ReceiptState,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    payerName: r.payer_name,
    method: r.method as PaymentMethod,
    totalFen: r.total_fen,
    cashierName: r.cashier_name,
    createdAt: r.created_at,
    originalNo: r.original_no,
  };
}

/** One receipt as the screens and the printed form show it. */
export async function loadReceipt(db: Db, key: { id?: number; no?: string }): Promise<ReceiptView> {
  let q = db
    .selectFrom('receipts as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .innerJoin('operators as c', 'c.id', 'r.cashier_id')
    .leftJoin('operators as da', 'da.id', 'r.discount_approver_id')
    .leftJoin('operators as vb', 'vb.id', 'r.voided_by')
    .leftJoin('operators as va', 'va.id', 'r.void_approver_id')
    .leftJoin('receipts as o', 'o.id', 'r.original_id')
    .selectAll('r')
    .select(['u.code as unit_code', 'c.display_name as cashier_name', 'da.display_name as discount_approver_name', 'vb.display_name as voided_by_name', 'va.display_name as void_approver_name', 'o.no as original_no']);
  if (key.id !== undefined) q = q.where('r.id', '=', key.id);
  if (key.no !== undefined) q = q.where('r.no', '=', key.no);
  const r = await q.executeTakeFirst();
  if (!r) throw fail.notFound('收据不存在');
  const [lines, reversal, close, prints] = await Promise.all([
    db.selectFrom('receipt_lines').selectAll().where('receipt_id', '=', r.id).orderBy('id').execute(),
    db.selectFrom('receipts').select('no').where('original_id', '=', r.id).where('kind', '=', 'reversal').executeTakeFirst(),
    closeOf(db, r.cashier_id, r.id),
    printCount(db, r.kind === 'refund' ? REFUND_FORM : RECEIPT_FORM, r.no),
  ]);
  return {
    ...receiptRowOf(r),
    reference: r.reference,
    cashReceivedFen: r.cash_received_fen,
    changeFen: r.change_fen,
    totalCapitals: fenToCapitals(Math.abs(r.total_fen)),
    cashierId: r.cashier_id,
    discountApproverName: r.discount_approver_name ?? '',
    lines: lines.map(
      (l): ReceiptLine => ({ id: l.id, kind: l.kind as LineKind, billId: l.bill_id, item: l.item, period: l.period, amountFen: l.amount_fen, note: l.note }),
    ),
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
    voidedByName: r.voided_by_name ?? '',
    voidApproverName: r.void_approver_name ?? '',
    reversedByNo: reversal?.no ?? null,
    closeNo: close?.no ?? null,
    printCount: prints,
  };
}
