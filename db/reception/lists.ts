import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../schema';
import type { Attention, EntryRow } from '../../shared/contract/reception';
import type { Page } from '../../shared/contract/paging';
import type { ParsedInput } from '../../shared/contract';
import { addMinutes, officeDayRange } from '../../shared/office-time';
import type { CommandContext, SignedInOperator } from '../context';
import { awaitingAnswerFrom, entryQuery, mineCondition, toEntryRow } from './entries';

type ListInput = ParsedInput<'reception.list'>;

/**
 * The paged list. Every filter maps to an indexed column (received_at, state+next_due_at,
 * unit_id, category, handler) so a page stays a few milliseconds at 200,000 entries.
 */
export async function listEntries(ctx: CommandContext, input: ListInput): Promise<Page<EntryRow>> {
  const where = entryFilters(ctx, input.filters);
  // Counted on the entries alone: the joins only add names, and a count over 200,000 joined
  // rows would cost more than the page itself.
  const total = Number(
    (
      await ctx.db
        .selectFrom('reception_entries as e')
        .where(where)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  // Deadline lists read best soonest-first; everything else newest-first.
  const sort = input.sort ?? (input.filters.due ? { field: 'nextDueAt' as const, desc: false } : { field: 'receivedAt' as const, desc: true });
  const column = sort.field === 'nextDueAt' ? 'e.next_due_at' : 'e.received_at';
  const dir = sort.desc ? 'desc' : 'asc';
  // The page's ids first, on the entries' own indexes (deep pages skip index entries, not joined
  // rows); then names for just those rows.
  const pageIds = ctx.db
    .selectFrom('reception_entries as e')
    .where(where)
    .select('e.id')
    .orderBy(column, dir)
    .orderBy('e.id', dir)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const rows = await entryQuery(ctx.db).where('e.id', 'in', pageIds).orderBy(column, dir).orderBy('e.id', dir).execute();
  return { rows: rows.map((r) => toEntryRow(ctx, r)), total };
}

type EntriesOnly = ExpressionBuilder<Database & { e: Database['reception_entries'] }, 'e'>;

/** Every filter maps to an indexed column of the entry itself, so it serves the count and the page alike. */
function entryFilters(ctx: CommandContext, f: ListInput['filters']) {
  return (eb: EntriesOnly) => {
    const all: Expression<SqlBool>[] = [];
    if (f.from) all.push(eb('e.received_at', '>=', officeDayRange(f.from).start));
    if (f.to) all.push(eb('e.received_at', '<', officeDayRange(f.to).end));
    if (f.unitId) all.push(eb('e.unit_id', '=', f.unitId));
    if (f.category) all.push(eb('e.category', '=', f.category));
    if (f.channel) all.push(eb('e.channel', '=', f.channel));
    if (f.urgency) all.push(eb('e.urgency', '=', f.urgency));
    if (f.state) all.push(eb('e.state', '=', f.state));
    if (f.handlerStaffId) all.push(eb('e.handler_staff_id', '=', f.handlerStaffId));
    if (f.handlerDepartmentId) all.push(eb('e.handler_department_id', '=', f.handlerDepartmentId));
    if (f.due === 'overdue') all.push(eb('e.state', '=', 'open'), eb('e.next_due_at', '<', ctx.nowIso));
    if (f.due === 'due_soon') {
      all.push(
        eb('e.state', '=', 'open'),
        eb('e.next_due_at', '>=', ctx.nowIso),
        eb('e.next_due_at', '<=', addMinutes(ctx.nowIso, ctx.settings.receptionLimits.dueSoonMinutes)),
      );
    }
    if (f.mine) all.push(mineCondition(ctx.requireOperator()));
    if (f.escalatedToMe) all.push(awaitingAnswerFrom(ctx.requireOperator()));
    return eb.and(all);
  };
}

/**
 * The shell's badge: overdue and due-soon counts, major matters awaiting a supervisor, and what
 * was escalated to this operator and still waits for their answer.
 */
export async function attentionFor(ctx: CommandContext, operator: SignedInOperator, wholeDesk: boolean): Promise<Attention> {
  const soon = addMinutes(ctx.nowIso, ctx.settings.receptionLimits.dueSoonMinutes);
  let q = ctx.db
    .selectFrom('reception_entries as e')
    .select([
      sql<number>`coalesce(sum(e.next_due_at < ${ctx.nowIso}), 0)`.as('overdue'),
      sql<number>`coalesce(sum(e.next_due_at >= ${ctx.nowIso} AND e.next_due_at <= ${soon}), 0)`.as('due_soon'),
    ])
    .where('e.state', '=', 'open')
    .where('e.next_due_at', '<=', soon);
  if (!wholeDesk) q = q.where(mineCondition(operator));
  const counts = await q.executeTakeFirstOrThrow();
  let majorPending = 0;
  if (wholeDesk) {
    const row = await ctx.db
      .selectFrom('reception_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('urgency', '=', 'major')
      .where('supervisor_ack_at', 'is', null)
      .where('state', '<>', 'voided')
      .executeTakeFirstOrThrow();
    majorPending = Number(row.n);
  }
  const escalated = await ctx.db
    .selectFrom('reception_entries as e')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(awaitingAnswerFrom(operator))
    .executeTakeFirstOrThrow();
  return { overdue: Number(counts.overdue), dueSoon: Number(counts.due_soon), majorPending, escalated: Number(escalated.n) };
}
