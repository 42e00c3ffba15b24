import { addMonths, officeMonthOf } from '../../../shared/office-time';
import type { CommandContext } from '../../context';
import { createPeriodBills, unpaidBillsOf } from '../billing/bills';

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
 * before this month), billed now through the billing side's own rules (an unpaid bill already
 * made for a month is taken as it is). Their ids, to be paid on this receipt.
 */
export async function prepayBills(ctx: CommandContext, unitId: number, prepay: readonly { feeItemId: number; months: number }[]): Promise<number[]> {
  const ids: number[] = [];
  for (const p of prepay) {
    const lastPaid = await ctx.db
      .selectFrom('bills')
      .select((eb) => eb.fn.max('period').as('period'))
      .where('unit_id', '=', unitId)
      .where('fee_item_id', '=', p.feeItemId)
      .where('state', '=', 'paid')
      .executeTakeFirst();
    const thisMonth = officeMonthOf(ctx.nowIso);
    const afterPaid = lastPaid?.period ? addMonths(lastPaid.period, 1) : thisMonth;
    const first = afterPaid > thisMonth ? afterPaid : thisMonth;
    const periods = Array.from({ length: p.months }, (_, i) => addMonths(first, i));
    ids.push(...(await createPeriodBills(ctx, unitId, p.feeItemId, periods)).map((b) => b.id));
  }
  return ids;
}
