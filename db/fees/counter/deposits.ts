import type { DepositRow, ReceiptView } from '../../../shared/contract/fees-counter';
import type { Page } from '../../../shared/contract/paging';
import type { ParsedInput } from '../../../shared/contract';
import { DEPOSIT_BILL_SOURCE, refundAmount, type DepositState, type PaymentMethod } from '../../../shared/fees-counter';
import { fail } from '../../../shared/result';
import type { CommandContext } from '../../context';
import { loadReceipt, pay, writeReceipt } from './receipts';

/**
 * 收保证金: the deposit becomes a bill of the unit (source 'deposit') paid at once through the
 * same payment as any bill, so it is numbered, printed, voided and closed like every receipt.
 */
export async function collectDeposit(ctx: CommandContext, input: ParsedInput<'fees.collectDeposit'>): Promise<ReceiptView> {
  const unit = await ctx.db.selectFrom('units').select('id').where('id', '=', input.unitId).executeTakeFirst();
  if (!unit) throw fail.notFound('房屋不存在');
  const bill = {
    unit_id: input.unitId,
    source: DEPOSIT_BILL_SOURCE,
    source_id: null,
    item: input.item,
    period: null,
    amount_fen: input.amountFen,
    state: 'unpaid',
    created_at: ctx.nowIso,
    created_by: ctx.requireOperator().id,
    updated_at: ctx.nowIso,
  };
  const { id } = await ctx.db.insertInto('bills').values(bill).returning('id').executeTakeFirstOrThrow();
  await ctx.audit({ entity: 'bill', entityId: id, after: bill });
  const { unitId, method, reference, cashReceivedFen, payerName } = input;
  return pay(ctx, { unitId, billIds: [id], prepay: [], method, reference, cashReceivedFen, payerName, discounts: [] });
}

/**
 * 退保证金: a refund slip (TK…) paying back the deposit less each deduction, referencing the
 * receipt that collected it. Never more than the deposit; a deposit is refunded once.
 */
export async function refundDeposit(ctx: CommandContext, input: ParsedInput<'fees.refundDeposit'>): Promise<ReceiptView> {
  const deposit = await ctx.db.selectFrom('deposits').selectAll().where('id', '=', input.depositId).executeTakeFirst();
  if (!deposit) throw fail.notFound('保证金记录不存在');
  if (deposit.state !== 'held') throw fail.conflict(deposit.state === 'refunded' ? '该保证金已退还' : '该保证金的收据已作废，无需退还');
  const refund = refundAmount(
    deposit.amount_fen,
    input.deductions.map((d) => d.amountFen),
  );
  if (!refund.ok) throw fail.validation(refund.message, { deductions: refund.message });
  const id = await writeReceipt(ctx, {
    kind: 'refund',
    series: 'TK',
    unitId: deposit.unit_id,
    payerName: input.payeeName,
    method: input.method as PaymentMethod,
    reference: input.reference,
    cashReceivedFen: null,
    changeFen: 0,
    lines: [
      { kind: 'deposit', bill_id: deposit.bill_id, item: `退${deposit.item}`.slice(0, 60), period: null, category: '保证金', amount_fen: -deposit.amount_fen, note: '' },
      ...input.deductions.map((d) => ({ kind: 'deduction' as const, bill_id: null, item: '扣款', period: null, category: '保证金扣款', amount_fen: d.amountFen, note: d.reason })),
    ],
    originalId: deposit.receipt_id,
  });
  const change = { state: 'refunded', refund_receipt_id: id, refunded_at: ctx.nowIso, refunded_fen: refund.refundFen };
  await ctx.db.updateTable('deposits').set(change).where('id', '=', deposit.id).execute();
  await ctx.audit({ entity: 'deposit', entityId: deposit.id, before: { state: 'held' }, after: change });
  return loadReceipt(ctx.db, { id });
}

export async function listDeposits(ctx: CommandContext, input: ParsedInput<'fees.deposits'>): Promise<Page<DepositRow>> {
  let q = ctx.db.selectFrom('deposits as d');
  if (input.filters.unitId) q = q.where('d.unit_id', '=', input.filters.unitId);
  if (input.filters.state) q = q.where('d.state', '=', input.filters.state);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const sort = input.sort ?? { field: 'collectedAt' as const, desc: true };
  const column = sort.field === 'amountFen' ? 'd.amount_fen' : 'd.collected_at';
  const dir = sort.desc ? 'desc' : 'asc';
  const rows = await q
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .innerJoin('receipts as r', 'r.id', 'd.receipt_id')
    .leftJoin('receipts as t', 't.id', 'd.refund_receipt_id')
    .select(['d.id', 'd.unit_id', 'u.code', 'd.item', 'd.amount_fen', 'd.state', 'r.payer_name', 'r.no as receipt_no', 'd.collected_at', 't.no as refund_no', 'd.refunded_at', 'd.refunded_fen'])
    .orderBy(column, dir)
    .orderBy('d.id', dir)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      unitCode: r.code,
      item: r.item,
      amountFen: r.amount_fen,
      state: r.state as DepositState,
      payerName: r.payer_name,
      receiptNo: r.receipt_no,
      collectedAt: r.collected_at,
      refundNo: r.refund_no ?? null,
      refundedAt: r.refunded_at,
      refundedFen: r.refunded_fen,
    })),
  };
}
