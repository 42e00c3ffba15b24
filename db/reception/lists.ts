import { sql } from 'kysely';
import type { Attention, EntryRow } from '../../shared/contract/reception';
import type { Page } from '../../shared/contract/paging';
import type { ParsedInput } from '../../shared/contract';
import { addHours, officeDayRange } from '../../shared/office-time';
import type { CommandContext, SignedInOperator } from '../context';
import { entryQuery, mineCondition, toEntryRow } from './entries';

type ListInput = ParsedInput<'reception.list'>;

/**
 * The paged list. Every filter maps to an indexed column (received_at, state+next_due_at,
 * unit_id, category, handler) so a page stays a few milliseconds at 200,000 entries.
 */
export async function listEntries(ctx: CommandContext, input: ListInput): Promise<Page<EntryRow>> {
  const f = input.filters;
  let q = entryQuery(ctx.db);
  if (f.from) q = q.where('e.received_at', '>=', officeDayRange(f.from).start);
  if (f.to) q = q.where('e.received_at', '<', officeDayRange(f.to).end);
  if (f.unitId) q = q.where('e.unit_id', '=', f.unitId);
  if (f.category) q = q.where('e.category', '=', f.category);
  if (f.channel) q = q.where('e.channel', '=', f.channel);
  if (f.urgency) q = q.where('e.urgency', '=', f.urgency);
  if (f.state) q = q.where('e.state', '=', f.state);
  if (f.handlerStaffId) q = q.where('e.handler_staff_id', '=', f.handlerStaffId);
  if (f.handlerDepartmentId) q = q.where('e.handler_department_id', '=', f.handlerDepartmentId);
  if (f.due === 'overdue') q = q.where('e.state', '=', 'open').where('e.next_due_at', '<', ctx.nowIso);
  if (f.due === 'due_soon') {
    q = q
      .where('e.state', '=', 'open')
      .where('e.next_due_at', '>=', ctx.nowIso)
      .where('e.next_due_at', '<=', addHours(ctx.nowIso, ctx.settings.receptionLimits.dueSoonHours));
  }
  if (f.mine) q = q.where(mineCondition(ctx.requireOperator()));

  const total = Number(
    (
      await q
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  // Deadline lists read best soonest-first; everything else newest-first.
  const sort = input.sort ?? (f.due ? { field: 'nextDueAt' as const, desc: false } : { field: 'receivedAt' as const, desc: true });
  const column = sort.field === 'nextDueAt' ? 'e.next_due_at' : 'e.received_at';
  const dir = sort.desc ? 'desc' : 'asc';
  const rows = await q
    .orderBy(column, dir)
    .orderBy('e.id', dir)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return { rows: rows.map((r) => toEntryRow(ctx, r)), total };
}

/** The shell's badge: overdue and due-soon counts, and major matters awaiting a supervisor. */
export async function attentionFor(ctx: CommandContext, operator: SignedInOperator, wholeDesk: boolean): Promise<Attention> {
  const soon = addHours(ctx.nowIso, ctx.settings.receptionLimits.dueSoonHours);
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
  return { overdue: Number(counts.overdue), dueSoon: Number(counts.due_soon), majorPending };
}
