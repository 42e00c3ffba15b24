import { sql, type Expression, type SqlBool } from 'kysely';
import type { DailyReport, Handover } from '../../shared/contract/reception';
import { officeDayRange } from '../../shared/office-time';
import { CATEGORIES, CHANNELS, dailyCountRule, type Category } from '../../shared/reception';
import type { CommandContext } from '../context';
import { entryQuery, toEntryRow } from './entries';
import { attentionFor } from './lists';
import { openVisitors } from './visitors';

/** A day's register is a page or two; this only guards against a runaway report. */
const REPORT_ROWS_MAX = 2000;

/**
 * 客服中心日报表. Counts are of the day's entries; voided ones are listed (marked) and counted
 * only in 作废 — the rule the report states (dailyCountRule). Open/overdue
 * figures are as of the end of the day — or now, for today. For past days they are read from
 * the stored answer and close times, so an entry reopened later counts by its latest round.
 */
export async function dailyReport(ctx: CommandContext, day: string): Promise<DailyReport> {
  const { start, end } = officeDayRange(day);
  // For today, "now" includes what happened in this very instant (the tests' clock stands still).
  const justAfterNow = new Date(ctx.now.getTime() + 1).toISOString();
  const asOf = end < justAfterNow ? end : justAfterNow;
  const rows = await entryQuery(ctx.db)
    .where('e.received_at', '>=', start)
    .where('e.received_at', '<', end)
    .orderBy('e.received_at')
    .orderBy('e.id')
    .limit(REPORT_ROWS_MAX)
    .execute();
  const live = rows.filter((r) => r.state !== 'voided');
  const grid = CHANNELS.map((channel) => {
    const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
    for (const r of live) if (r.channel === channel) counts[r.category as Category]++;
    return { channel, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
  });

  // Open at T: received before T, not voided, and either still open or closed at/after T. Two
  // index range counts (state+received_at, closed_at) rather than one scan of the whole log.
  const openAt = (at: string, filter?: Expression<SqlBool>) => {
    const base = () => ctx.db.selectFrom('reception_entries as e').where('e.received_at', '<', at).where(filter ?? sql<SqlBool>`1`);
    const count = (q: ReturnType<typeof base>) => q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
    return Promise.all([
      count(base().where('e.state', '=', 'open')),
      // `+e.state` keeps SQLite off the state index here: "closed before T" is nearly the whole
      // log, "closed after T" is a short range of reception_closed.
      count(base().where(sql<SqlBool>`+e.state = 'closed'`).where('e.closed_at', '>=', at)),
    ]).then(([a, b]) => a + b);
  };
  const pastDeadline = sql<SqlBool>`((e.handler_due_at < ${asOf} AND (e.handler_answered_at IS NULL OR e.handler_answered_at >= ${asOf}))
    OR (e.owner_due_at < ${asOf} AND (e.owner_answered_at IS NULL OR e.owner_answered_at >= ${asOf})))`;

  const [carriedOver, stillOpen, overdue, visitors] = await Promise.all([
    openAt(start),
    openAt(asOf),
    openAt(asOf, pastDeadline),
    ctx.db
      .selectFrom('reception_visitors')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('in_at', '>=', start)
      .where('in_at', '<', end)
      .where('voided_at', 'is', null)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n)),
  ]);

  return {
    day,
    generatedAt: ctx.nowIso,
    total: live.length,
    // Row and column totals of the grid.
    byChannel: grid.map((g) => ({ channel: g.channel, count: g.total })),
    byCategory: CATEGORIES.map((category) => ({ category, count: grid.reduce((n, g) => n + g.counts[category], 0) })),
    grid,
    repairs: {
      inHome: live.filter((r) => r.category === 'repair' && r.repair_scope === 'in_home').length,
      public: live.filter((r) => r.category === 'repair' && r.repair_scope === 'public').length,
    },
    complaints: {
      complaints: live.filter((r) => r.category === 'complaint').length,
      suggestions: live.filter((r) => r.category === 'suggestion').length,
    },
    closedSameDay: live.filter((r) => r.state === 'closed' && r.closed_at !== null && r.closed_at < end).length,
    major: live.filter((r) => r.urgency === 'major').length,
    voided: rows.length - live.length,
    overdue,
    carriedOver,
    stillOpen,
    visitors,
    entries: rows.map((r) => toEntryRow(ctx, r)),
    countRule: dailyCountRule(rows.length, rows.length - live.length),
  };
}

/** 交班: what the next shift takes over — open entries by their next deadline, visitors still in. */
export async function handover(ctx: CommandContext): Promise<Handover> {
  const operator = ctx.requireOperator();
  const rows = await entryQuery(ctx.db)
    .where('e.state', '=', 'open')
    .orderBy(sql`e.next_due_at IS NULL`)
    .orderBy('e.next_due_at')
    .orderBy('e.received_at')
    .limit(REPORT_ROWS_MAX)
    .execute();
  const open = rows.map((r) => toEntryRow(ctx, r));
  const attention = await attentionFor(ctx, operator, true);
  return {
    generatedAt: ctx.nowIso,
    operatorName: operator.displayName,
    open,
    openVisitors: await openVisitors(ctx),
    counts: { open: open.length, overdue: attention.overdue, dueSoon: attention.dueSoon, majorPending: attention.majorPending },
  };
}
