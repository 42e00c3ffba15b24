import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { ParsedInput } from '../../shared/contract';
import type { KeyRow, LoanRow } from '../../shared/contract/keys';
import type { Page } from '../../shared/contract/paging';
import { dueBounds } from '../../shared/keys';
import { officeDayRange } from '../../shared/office-time';
import type { CommandContext } from '../context';
import type { Database } from '../schema';
import { keyQuery, loanQuery, toKeyRow, toLoanRow, type KeyJoined, type LoanJoined } from './records';

type KeysInput = ParsedInput<'keys.list'>;
type LoansInput = ParsedInput<'keys.loans'>;
type KeysOnly = ExpressionBuilder<Database & { k: Database['keys'] }, 'k'>;
type LoansOnly = ExpressionBuilder<Database & { l: Database['key_loans'] }, 'l'>;

function keyFilters(f: KeysInput['filters']) {
  return (eb: KeysOnly) => {
    const all: Expression<SqlBool>[] = [];
    if (f.state) all.push(eb('k.state', '=', f.state));
    if (f.keyClass) all.push(eb('k.key_class', '=', f.keyClass));
    if (f.cabinet) all.push(eb('k.cabinet', '=', f.cabinet));
    if (f.unitId !== undefined) all.push(eb('k.unit_id', '=', f.unitId));
    if (f.buildingId !== undefined) all.push(eb('k.unit_id', 'in', eb.selectFrom('units').select('units.id').where('units.building_id', '=', f.buildingId)));
    if (f.needsRelabel !== undefined) all.push(eb('k.needs_relabel', '=', f.needsRelabel ? 1 : 0));
    if (f.text) {
      const like = `%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      all.push(
        eb.or([
          eb('k.tag', '=', f.text.toUpperCase()),
          eb('k.place_note', 'like', like),
          eb('k.note', 'like', like),
          eb('k.unit_id', 'in', eb.selectFrom('units').select('units.id').where('units.code', 'like', like)),
        ]),
      );
    }
    return eb.and(all);
  };
}

/** The register, paged: filters on the keys' own columns; names joined for the page only. */
export async function listKeys(ctx: CommandContext, input: KeysInput): Promise<Page<KeyRow>> {
  const where = keyFilters(input.filters);
  const { n } = await ctx.db.selectFrom('keys as k').where(where).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const sort = input.sort ?? { field: 'position' as const, desc: false };
  const dir = sort.desc ? 'desc' : 'asc';
  let page = ctx.db.selectFrom('keys as k').where(where).select('k.id');
  page = sort.field === 'position' ? page.orderBy('k.cabinet', dir).orderBy('k.hook', dir) : page.orderBy(sort.field === 'tag' ? 'k.tag' : 'k.registered_at', dir);
  const ids = (await page.orderBy('k.id', dir).limit(input.pageSize).offset((input.page - 1) * input.pageSize).execute()).map((r) => r.id);
  if (!ids.length) return { rows: [], total: Number(n) };
  const rows = (await keyQuery(ctx.db).where('k.id', 'in', ids).execute()) as KeyJoined[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: ids.map((id) => toKeyRow(ctx, byId.get(id)!)), total: Number(n) };
}

function loanFilters(ctx: CommandContext, f: LoansInput['filters']) {
  const { overdueBefore, dueSoonUntil } = dueBounds(ctx.now, ctx.settings.keyRules);
  return (eb: LoansOnly) => {
    const all: Expression<SqlBool>[] = [];
    if (f.status === 'returned') all.push(eb('l.returned_at', 'is not', null));
    else if (f.status) all.push(eb('l.returned_at', 'is', null));
    // Open loans' due_at is indexed (key_loans_due): overdue and due soon are range scans of it.
    if (f.status === 'overdue') all.push(eb('l.due_at', '<', overdueBefore));
    if (f.status === 'due_soon') all.push(eb('l.due_at', '>=', overdueBefore), eb('l.due_at', '<=', dueSoonUntil));
    if (f.borrowerKey) all.push(eb('l.borrower_key', '=', f.borrowerKey));
    if (f.borrowerType) all.push(eb('l.borrower_type', '=', f.borrowerType));
    if (f.keyId !== undefined) all.push(eb('l.key_id', '=', f.keyId));
    if (f.from) all.push(eb('l.lent_at', '>=', officeDayRange(f.from).start));
    if (f.to) all.push(eb('l.lent_at', '<', officeDayRange(f.to).end));
    return eb.and(all);
  };
}

export async function listLoans(ctx: CommandContext, input: LoansInput): Promise<Page<LoanRow>> {
  const f = input.filters;
  const where = loanFilters(ctx, f);
  const { n } = await ctx.db.selectFrom('key_loans as l').where(where).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  // Loans still out read soonest due first; the rest newest first.
  const open = f.status !== undefined && f.status !== 'returned';
  const sort = input.sort ?? (open ? { field: 'dueAt' as const, desc: false } : { field: 'lentAt' as const, desc: true });
  const dir = sort.desc ? 'desc' : 'asc';
  const ids = (
    await ctx.db
      .selectFrom('key_loans as l')
      .where(where)
      .select('l.id')
      .orderBy(sort.field === 'dueAt' ? 'l.due_at' : 'l.lent_at', dir)
      .orderBy('l.id', dir)
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute()
  ).map((r) => r.id);
  if (!ids.length) return { rows: [], total: Number(n) };
  const rows = (await loanQuery(ctx.db).where('l.id', 'in', ids).execute()) as LoanJoined[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: ids.map((id) => toLoanRow(ctx, byId.get(id)!)), total: Number(n) };
}
