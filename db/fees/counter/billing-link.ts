import { addMonths, officeMonthOf } from '../../../shared/office-time';
import type { CommandContext } from '../../context';
import { createPeriodBills, planPeriodBills, unpaidBillsOf } from '../billing/bills';
import type { PrepayPreview } from '../../../shared/contract/fees-counter';

/**
 * Where the counter meets the billing side (db/fees/billing): the late fee a bill carries today,
 * and the future months a prepayment bills. The billing side owns both rules; this is the one
 * place the counter asks it.
 */

/** Late fee (滞纳金) per unpaid bill of the unit as of today, by 设置 → 收费规则; only bills that carry one. */
export async function lateFeesOf(ctx: CommandContext, unitId: number): Promise<Map<number, number>> {
  const unpaid = await unpaidBillsOf(ctx, unitId);
  return new Map(unpaid.bills.filter((b) => b.lateFeeFen > 0).map((b) => [b.id, b.lateFeeFen]));
}

/**
 * 预交: `months` months of a periodic item, from the month after the unit's last paid one (never
 * before this month) — the months a prepayment covers, the same for its preview and its payment.
 */
async function prepayPeriods(ctx: CommandContext, unitId: number, feeItemId: number, months: number): Promise<string[]> {
  const lastPaid = await ctx.db
    .selectFrom('bills')
    .select((eb) => eb.fn.max('period').as('period'))
    .where('unit_id', '=', unitId)
    .where('fee_item_id', '=', feeItemId)
    .where('state', '=', 'paid')
    .executeTakeFirst();
  const thisMonth = officeMonthOf(ctx.nowIso);
  const afterPaid = lastPaid?.period ? addMonths(lastPaid.period, 1) : thisMonth;
  const first = afterPaid > thisMonth ? afterPaid : thisMonth;
  return Array.from({ length: months }, (_, i) => addMonths(first, i));
}

/** The prepayment's bills, billed now through the billing side's own rules; their ids, to be paid on this receipt. */
export async function prepayBills(ctx: CommandContext, unitId: number, prepay: readonly { feeItemId: number; months: number }[]): Promise<number[]> {
  const ids: number[] = [];
  for (const p of prepay) ids.push(...(await createPeriodBills(ctx, unitId, p.feeItemId, await prepayPeriods(ctx, unitId, p.feeItemId, p.months))).map((b) => b.id));
  return ids;
}

/** What a prepayment would bill, nothing written: the months, each amount and basis, the total (the counter shows it before taking the money). */
export async function previewPrepay(ctx: CommandContext, input: { unitId: number; feeItemId: number; months: number }): Promise<PrepayPreview> {
  const plan = await planPeriodBills(ctx, input.unitId, input.feeItemId, await prepayPeriods(ctx, input.unitId, input.feeItemId, input.months));
  return {
    feeItemId: input.feeItemId,
    item: plan.itemName,
    months: plan.months.map((m) => ({ period: m.period, amountFen: m.amountFen, basis: m.basis, billId: m.existingId })),
    totalFen: plan.months.reduce((sum, m) => sum + m.amountFen, 0),
  };
}
