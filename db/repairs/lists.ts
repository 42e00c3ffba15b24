import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../schema';
import type { OrderRow, RepairAttention } from '../../shared/contract/repairs';
import type { Page } from '../../shared/contract/paging';
import type { ParsedInput } from '../../shared/contract';
import { addMinutes, officeDayOf, officeDayRange } from '../../shared/office-time';
import { OPEN_ORDER_STATES } from '../../shared/repairs';
import type { CommandContext, SignedInOperator } from '../context';
import { mineCondition, orderQuery, toOrderRow } from './orders';

type ListInput = ParsedInput<'repairs.list'>;

/**
 * The paged list, like reception's: every filter maps to an indexed column of the order itself, so
 * the count and the page's ids come from the orders alone; names are joined for the page only.
 */
export async function listOrders(ctx: CommandContext, input: ListInput): Promise<Page<OrderRow>> {
  const where = orderFilters(ctx, input.filters);
  // Unfiltered, the total is the trigger-kept count (migration 0014), not a scan of every order.
  const unfiltered = Object.values(input.filters).every((v) => v === undefined);
  const total = unfiltered
    ? (await ctx.db.selectFrom('repair_order_count').select('n').executeTakeFirstOrThrow()).n
    : Number(
        (
          await ctx.db
            .selectFrom('repair_orders as o')
            .where(where)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
  const byDeadline = input.filters.due !== undefined || input.filters.callback !== undefined;
  const sort = input.sort ?? (byDeadline ? { field: 'nextDueAt' as const, desc: false } : { field: 'openedAt' as const, desc: true });
  const column = sort.field === 'nextDueAt' ? 'o.next_due_at' : 'o.opened_at';
  const dir = sort.desc ? 'desc' : 'asc';
  const pageIds = await ctx.db
    .selectFrom('repair_orders as o')
    .where(where)
    .select('o.id')
    .orderBy(column, dir)
    .orderBy('o.id', dir)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  if (!pageIds.length) return { rows: [], total };
  // The page's ids as a list of values, not a subquery: with ORDER BY on the outer query the planner
  // may walk the whole opened_at index testing each order against the subquery (500,000 of them).
  const rows = await orderQuery(ctx.db)
    .where(
      'o.id',
      'in',
      pageIds.map((r) => r.id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: pageIds.map((r) => toOrderRow(ctx, byId.get(r.id)!)), total };
}

type OrdersOnly = ExpressionBuilder<Database & { o: Database['repair_orders'] }, 'o'>;

function orderFilters(ctx: CommandContext, f: ListInput['filters']) {
  return (eb: OrdersOnly) => {
    const all: Expression<SqlBool>[] = [];
    if (f.from) all.push(eb('o.opened_at', '>=', officeDayRange(f.from).start));
    if (f.to) all.push(eb('o.opened_at', '<', officeDayRange(f.to).end));
    if (f.state) all.push(eb('o.state', '=', f.state));
    if (f.open) all.push(eb('o.state', 'in', OPEN_ORDER_STATES));
    if (f.technicianId) all.push(eb('o.technician_id', '=', f.technicianId));
    if (f.unitId) all.push(eb('o.unit_id', '=', f.unitId));
    if (f.category) all.push(eb('o.category', '=', f.category));
    if (f.scope) all.push(eb('o.scope', '=', f.scope));
    // next_due_at is null for paused, closed and voided orders: a range on it is the whole condition.
    if (f.due === 'overdue') all.push(eb('o.next_due_at', '<', ctx.nowIso));
    if (f.due === 'due_soon') {
      all.push(eb('o.next_due_at', '>=', ctx.nowIso), eb('o.next_due_at', '<=', addMinutes(ctx.nowIso, ctx.settings.repairLimits.dueSoonMinutes)));
    }
    if (f.callback) {
      all.push(eb('o.state', '=', 'completed'), eb('o.callback_due_at', 'is not', null));
      if (f.callback === 'overdue') all.push(eb('o.callback_due_at', '<', ctx.nowIso));
      else {
        const today = officeDayRange(officeDayOf(ctx.now));
        all.push(eb('o.callback_due_at', '>=', today.start), eb('o.callback_due_at', '<', today.end));
      }
    }
    if (f.mine) all.push(mineCondition(ctx.requireOperator()));
    return eb.and(all);
  };
}

/** The desk's badge: overdue and due-soon orders (the operator's own, or all for supervisors), call-backs due today and overdue, orders awaiting dispatch. */
export async function attentionFor(ctx: CommandContext, operator: SignedInOperator, wholeDesk: boolean): Promise<RepairAttention> {
  const soon = addMinutes(ctx.nowIso, ctx.settings.repairLimits.dueSoonMinutes);
  const today = officeDayRange(officeDayOf(ctx.now));
  const counts = await ctx.db
    .selectFrom('repair_orders as o')
    .select([
      sql<number>`coalesce(sum(o.next_due_at < ${ctx.nowIso}), 0)`.as('overdue'),
      sql<number>`coalesce(sum(o.next_due_at >= ${ctx.nowIso} AND o.next_due_at <= ${soon}), 0)`.as('due_soon'),
    ])
    .where('o.next_due_at', '<=', soon)
    .$if(!wholeDesk, (q) => q.where(mineCondition(operator)))
    .executeTakeFirstOrThrow();
  const callbacks = await ctx.db
    .selectFrom('repair_orders as o')
    .select([
      sql<number>`coalesce(sum(o.callback_due_at >= ${today.start} AND o.callback_due_at < ${today.end}), 0)`.as('today'),
      sql<number>`coalesce(sum(o.callback_due_at < ${ctx.nowIso}), 0)`.as('overdue'),
    ])
    .where('o.state', '=', 'completed')
    .where('o.callback_due_at', '<', today.end)
    .executeTakeFirstOrThrow();
  const pending = await ctx.db
    .selectFrom('repair_orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'pending')
    .executeTakeFirstOrThrow();
  return {
    overdue: Number(counts.overdue),
    dueSoon: Number(counts.due_soon),
    callbacksDueToday: Number(callbacks.today),
    callbacksOverdue: Number(callbacks.overdue),
    pending: Number(pending.n),
  };
}
