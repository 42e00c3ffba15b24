import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../schema';
import type { PassRow } from '../../shared/contract/passes';
import type { Page } from '../../shared/contract/paging';
import type { ParsedInput } from '../../shared/contract';
import { officeDayRange } from '../../shared/office-time';
import type { CommandContext } from '../context';
import { prefixRange } from '../search/query';
import { passQuery, toPassRow } from './records';

type ListInput = ParsedInput<'passes.list'>;
type PassesOnly = ExpressionBuilder<Database & { p: Database['passes'] }, 'p'>;

/**
 * The state as of now as a condition on stored columns, so it stays an index range (passes_live):
 * 已过期 is a stored expiry or a live pass past its window; 待审批/已批准 are live ones still within it.
 */
export function stateIs(eb: PassesOnly, state: NonNullable<ListInput['filters']['state']>, now: string): Expression<SqlBool> {
  if (state === 'expired') return eb.or([eb('p.state', '=', 'expired'), eb.and([eb('p.state', 'in', ['pending', 'approved']), eb('p.valid_until', '<=', now)])]);
  if (state === 'pending' || state === 'approved') return eb.and([eb('p.state', '=', state), eb('p.valid_until', '>', now)]);
  return eb('p.state', '=', state);
}

function passFilters(ctx: CommandContext, f: ListInput['filters']) {
  return (eb: PassesOnly) => {
    const all: Expression<SqlBool>[] = [];
    if (f.state) all.push(stateIs(eb, f.state, ctx.nowIso));
    if (f.from) all.push(eb('p.planned_at', '>=', officeDayRange(f.from).start));
    if (f.to) all.push(eb('p.planned_at', '<', officeDayRange(f.to).end));
    if (f.unitId) all.push(eb('p.unit_id', '=', f.unitId));
    // Prefixes as ranges, so the name and number indexes serve them (and % or _ typed in mean themselves).
    for (const [column, prefix] of [['p.applicant_name', f.applicant], ['p.no', f.no]] as const) {
      if (!prefix) continue;
      const [from, to] = prefixRange(prefix);
      all.push(eb(column, '>=', from), eb(column, '<', to));
    }
    return eb.and(all);
  };
}

/** The paged list: the count and the page's ids from the passes alone, the unit joined for the page only. */
export async function listPasses(ctx: CommandContext, input: ListInput): Promise<Page<PassRow>> {
  const where = passFilters(ctx, input.filters);
  // Unfiltered, the total is the trigger-kept count (migration 0017), not a scan of every pass.
  const unfiltered = Object.values(input.filters).every((v) => v === undefined || v === '');
  const total = unfiltered
    ? (await ctx.db.selectFrom('pass_count').select('n').executeTakeFirstOrThrow()).n
    : Number(
        (
          await ctx.db
            .selectFrom('passes as p')
            .where(where)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
  const sort = input.sort ?? { field: 'createdAt' as const, desc: true };
  const column = sort.field === 'plannedAt' ? 'p.planned_at' : 'p.created_at';
  const dir = sort.desc ? 'desc' : 'asc';
  const pageIds = await ctx.db
    .selectFrom('passes as p')
    .where(where)
    .select('p.id')
    .orderBy(column, dir)
    .orderBy('p.id', dir)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  if (!pageIds.length) return { rows: [], total };
  const rows = await passQuery(ctx.db)
    .where(
      'p.id',
      'in',
      pageIds.map((r) => r.id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: pageIds.map((r) => toPassRow(ctx, byId.get(r.id)!)), total };
}
