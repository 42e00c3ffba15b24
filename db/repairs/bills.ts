import { formatYuan } from '../../shared/money';
import type { CommandContext } from '../context';
import type { OrderRecord } from './orders';

/** What a bill made by a repair is called on the unit's list and the receipt. */
export const REPAIR_BILL_SOURCE = 'repair';

/**
 * A chargeable completion puts the charge on the unit as an unpaid bill (the fees desk settles it).
 * One live bill per order (a partial unique index says so too): a later round that finds its bill
 * still unpaid voids it and bills the new total; one already paid stands, and the rework is not
 * charged again. Returns what the timeline says about it ('' for a free order).
 */
export async function billForCompletion(ctx: CommandContext, order: OrderRecord, totalFen: number): Promise<string> {
  if (order.chargeable !== 1 || order.unit_id === null) return '';
  const live = await ctx.db
    .selectFrom('bills')
    .select(['id', 'state', 'amount_fen'])
    .where('source', '=', REPAIR_BILL_SOURCE)
    .where('source_id', '=', order.id)
    .where('state', '<>', 'voided')
    .executeTakeFirst();
  if (live?.state === 'paid') return `已缴账单 ${formatYuan(live.amount_fen)} 保留，返工不另收费`;
  if (live) {
    const voided = { state: 'voided', voided_at: ctx.nowIso, void_reason: '重新回单，按本次材料和人工重开账单', updated_at: ctx.nowIso };
    await ctx.db.updateTable('bills').set(voided).where('id', '=', live.id).execute();
    await ctx.audit({ entity: 'bill', entityId: live.id, before: { state: live.state }, after: voided });
  }
  if (totalFen === 0) return '有偿维修本次无费用';
  const values = {
    unit_id: order.unit_id,
    source: REPAIR_BILL_SOURCE,
    source_id: order.id,
    item: `维修费 ${order.no}`,
    period: null,
    amount_fen: totalFen,
    state: 'unpaid',
    created_at: ctx.nowIso,
    created_by: ctx.requireOperator().id,
    updated_at: ctx.nowIso,
  };
  const { id } = await ctx.db.insertInto('bills').values(values).returning('id').executeTakeFirstOrThrow();
  await ctx.audit({ entity: 'bill', entityId: id, after: values });
  return `生成账单 ${formatYuan(totalFen)}（未缴）`;
}
