import { sql } from 'kysely';
import type { MonthlySummary, RuleRate, SummaryRow } from '../../shared/contract/repairs';
import { officeMonthRange } from '../../shared/office-time';
import { ORDER_DEADLINE_KEYS, type OrderDeadlineKey, type OrderScope, type RepairCategory, repairCategoryLabel, type RepairCategoryDef } from '../../shared/repairs';
import type { CommandContext } from '../context';

/** Sums per group, so the total row adds them up and averages are taken once, at the end. */
interface Sums {
  category: string | null;
  scope: string | null;
  count: number;
  completed: number;
  responseN: number;
  responseMinutes: number;
  completionN: number;
  completionMinutes: number;
  rated: number;
  satisfied: number;
  callbacksOwed: number;
  callbacksDone: number;
  ruleTotal: Record<OrderDeadlineKey, number>;
  ruleOnTime: Record<OrderDeadlineKey, number>;
}

const minutesBetween = (later: string, earlier: string) => sql<number>`(julianday(${sql.ref(later)}) - julianday(${sql.ref(earlier)})) * 1440`;

/**
 * 维修月度汇总: the orders opened in the office month, by category and 入户/公共. One GROUP BY over
 * the month's orders on the opened_at index; each time rule's on-time count comes from the
 * lateness kept on the order (the latest round's), so the summary never walks the timeline.
 */
export async function monthlySummary(ctx: CommandContext, month: string): Promise<MonthlySummary> {
  const range = officeMonthRange(month);
  const ruleColumns = ORDER_DEADLINE_KEYS.flatMap((key) => [
    sql<number>`coalesce(sum(${sql.ref(`${key}_late_minutes`)} IS NOT NULL), 0)`.as(`${key}_total`),
    sql<number>`coalesce(sum(${sql.ref(`${key}_late_minutes`)} = 0), 0)`.as(`${key}_on_time`),
  ]);
  const rows = await ctx.db
    .selectFrom('repair_orders')
    .select([
      'category',
      'scope',
      sql<number>`count(*)`.as('count'),
      sql<number>`coalesce(sum(completed_at IS NOT NULL), 0)`.as('completed'),
      sql<number>`count(first_arrived_at)`.as('response_n'),
      sql<number>`coalesce(sum(${minutesBetween('first_arrived_at', 'opened_at')}), 0)`.as('response_minutes'),
      sql<number>`count(completed_at)`.as('completion_n'),
      sql<number>`coalesce(sum(${minutesBetween('completed_at', 'opened_at')}), 0)`.as('completion_minutes'),
      sql<number>`count(satisfaction)`.as('rated'),
      sql<number>`coalesce(sum(satisfaction IN ('satisfied','fair')), 0)`.as('satisfied'),
      sql<number>`coalesce(sum(scope = 'in_home' AND (completed_at IS NOT NULL OR called_back_at IS NOT NULL)), 0)`.as('callbacks_owed'),
      sql<number>`coalesce(sum(scope = 'in_home' AND called_back_at IS NOT NULL), 0)`.as('callbacks_done'),
      ...ruleColumns,
    ])
    .where('opened_at', '>=', range.start)
    .where('opened_at', '<', range.end)
    .where('state', '<>', 'voided')
    .groupBy(['category', 'scope'])
    .orderBy('category')
    .orderBy('scope')
    .execute();
  const voided = await ctx.db
    .selectFrom('repair_orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('opened_at', '>=', range.start)
    .where('opened_at', '<', range.end)
    .where('state', '=', 'voided')
    .executeTakeFirstOrThrow();
  const sums: Sums[] = rows.map((r) => {
    const raw = r as unknown as Record<string, number>;
    return {
      category: r.category,
      scope: r.scope,
      count: Number(r.count),
      completed: Number(r.completed),
      responseN: Number(r.response_n),
      responseMinutes: Number(r.response_minutes),
      completionN: Number(r.completion_n),
      completionMinutes: Number(r.completion_minutes),
      rated: Number(r.rated),
      satisfied: Number(r.satisfied),
      callbacksOwed: Number(r.callbacks_owed),
      callbacksDone: Number(r.callbacks_done),
      ruleTotal: Object.fromEntries(ORDER_DEADLINE_KEYS.map((k) => [k, Number(raw[`${k}_total`])])) as Record<OrderDeadlineKey, number>,
      ruleOnTime: Object.fromEntries(ORDER_DEADLINE_KEYS.map((k) => [k, Number(raw[`${k}_on_time`])])) as Record<OrderDeadlineKey, number>,
    };
  });
  const v = Number(voided.n);
  return {
    month,
    generatedAt: ctx.nowIso,
    rows: sums.map((s) => toRow(s, ctx.settings.repairLimits.categories)),
    total: toRow(addUp(sums), ctx.settings.repairLimits.categories),
    voided: v,
    countRule: `统计口径：按登记时间统计本月开出的维修单；作废的不计入（本月作废 ${v} 张）；返修的工单按最近一轮计时；满意度按回单签字评价，“满意”和“基本满意”计为满意。`,
  };
}

function addUp(all: Sums[]): Sums {
  const zero = () => Object.fromEntries(ORDER_DEADLINE_KEYS.map((k) => [k, 0])) as Record<OrderDeadlineKey, number>;
  const total: Sums = {
    category: null,
    scope: null,
    count: 0,
    completed: 0,
    responseN: 0,
    responseMinutes: 0,
    completionN: 0,
    completionMinutes: 0,
    rated: 0,
    satisfied: 0,
    callbacksOwed: 0,
    callbacksDone: 0,
    ruleTotal: zero(),
    ruleOnTime: zero(),
  };
  for (const s of all) {
    for (const k of ['count', 'completed', 'responseN', 'responseMinutes', 'completionN', 'completionMinutes', 'rated', 'satisfied', 'callbacksOwed', 'callbacksDone'] as const) total[k] += s[k];
    for (const k of ORDER_DEADLINE_KEYS) {
      total.ruleTotal[k] += s.ruleTotal[k];
      total.ruleOnTime[k] += s.ruleOnTime[k];
    }
  }
  return total;
}

const rate = (onTime: number, total: number): RuleRate => ({ total, onTime, rate: total === 0 ? null : onTime / total });
const average = (sum: number, n: number) => (n === 0 ? null : Math.round(sum / n));

function toRow(s: Sums, categories: readonly RepairCategoryDef[]): SummaryRow {
  return {
    category: s.category as RepairCategory | null,
    categoryLabel: s.category === null ? '合计' : repairCategoryLabel(categories, s.category),
    scope: s.scope as OrderScope | null,
    count: s.count,
    completed: s.completed,
    avgResponseMinutes: average(s.responseMinutes, s.responseN),
    avgCompletionMinutes: average(s.completionMinutes, s.completionN),
    onTime: Object.fromEntries(ORDER_DEADLINE_KEYS.map((k) => [k, rate(s.ruleOnTime[k], s.ruleTotal[k])])) as Record<OrderDeadlineKey, RuleRate>,
    satisfaction: rate(s.satisfied, s.rated),
    callbacks: rate(s.callbacksDone, s.callbacksOwed),
  };
}
