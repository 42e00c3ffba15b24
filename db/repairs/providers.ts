import { ORDER_STATE_LABELS, OPEN_ORDER_STATES, orderTime, repairCategoryLabel, type OrderState } from '../../shared/repairs';
import { ORDER_NO_PATTERN } from '../../shared/contract/repairs';
import type { AttentionProvider, DemoGenerator, OpenItemsProvider, SearchProvider } from '../desk-module';
import { attentionFor } from './lists';
import { clockOf, seesWholeDesk } from './orders';
import { DEMO_REPAIRS, generateRepairOrders } from './demo';

/** Order numbers typed or scanned from the slip's QR at the counter (WX202611250007). */
export const repairsSearchProvider: SearchProvider = {
  kind: 'repairs',
  label: '维修单',
  shows: 'repairs.get',
  async search(ctx, q, limit) {
    if (!ORDER_NO_PATTERN.test(q.compact)) return [];
    const rows = await ctx.db
      .selectFrom('repair_orders as o')
      .leftJoin('units', 'units.id', 'o.unit_id')
      .select(['o.id', 'o.no', 'o.category', 'o.state', 'o.location', 'o.unit_id', 'units.code'])
      .where('o.no', '=', q.compact)
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      kind: 'repairs',
      id: r.id,
      title: r.no,
      subtitle: [repairCategoryLabel(ctx.settings.repairLimits.categories, r.category), r.code ?? r.location, ORDER_STATE_LABELS[r.state as OrderState]].filter(Boolean).join(' · '),
      unitId: r.unit_id,
    }));
  },
};

/** The unit card: the unit's orders still being worked on. */
export const repairsOpenItems: OpenItemsProvider = {
  shows: 'repairs.get',
  list: async (ctx, unitId) => {
    const orders = await ctx.db
      .selectFrom('repair_orders')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('state', 'in', OPEN_ORDER_STATES)
      .orderBy('opened_at', 'desc')
      .limit(50)
      .execute();
    if (!orders.length) return null;
    // A repair's unpaid charge is listed by the fees desk with the unit's other bills (fees.unpaid).
    return {
      desk: 'repairs',
      label: '维修单（未完成）',
      items: orders.map((r) => ({
        id: String(r.id),
        title: `${r.no} ${repairCategoryLabel(ctx.settings.repairLimits.categories, r.category)} · ${ORDER_STATE_LABELS[r.state as OrderState]}`,
        detail: `${r.description.slice(0, 60)} · ${orderTime(clockOf(r), ctx.now, ctx.settings.repairLimits).text}`,
        at: r.opened_at,
      })),
    };
  },
};

/** The sidebar's number: orders past a deadline now, call-backs due today or overdue, orders awaiting dispatch. */
export const repairsAttention: AttentionProvider = {
  shows: 'repairs.list',
  count: async (ctx) => {
    const operator = ctx.requireOperator();
    const counts = await attentionFor(ctx, operator, seesWholeDesk(operator));
    return { badge: counts.overdue + counts.callbacksDueToday + counts.callbacksOverdue + counts.pending, counts: { ...counts } };
  },
};

export const repairsDemo: DemoGenerator = {
  label: '近一个月维修单',
  generate: async (ctx) => (await generateRepairOrders(ctx.db, ctx.bulkInsert, DEMO_REPAIRS, ctx.now, ctx.requireOperator().id)).orders,
};
