import type { Selectable } from 'kysely';
import type { receptionCommands, VisitorView } from '../../shared/contract/reception';
import { officeDayRange } from '../../shared/office-time';
import { fail } from '../../shared/result';
import type { CommandContext, Db, Handlers } from '../context';
import { phoneFor } from '../estate/people';
import type { ReceptionVisitorsTable } from '../schema';
import { nextSerial } from '../serials';

/** 访客登记: non-residents in and out. Never deleted; a wrong line is voided with a reason. */

const CLOCK_SLACK_MS = 60_000;

function visitorQuery(db: Db) {
  return db
    .selectFrom('reception_visitors as v')
    .leftJoin('units', 'units.id', 'v.unit_id')
    .leftJoin('operators', 'operators.id', 'v.created_by') // LEFT keeps the planner on v's indexes (see entryQuery)
    .selectAll('v')
    .select(['units.code as unit_code', 'operators.display_name as created_by_name']);
}

function toVisitorView(ctx: CommandContext, r: Selectable<ReceptionVisitorsTable> & { unit_code: string | null; created_by_name: string | null }): VisitorView {
  return {
    id: r.id,
    no: r.no,
    name: r.name,
    phone: phoneFor(ctx.operator, r.phone),
    unitId: r.unit_id,
    unitCode: r.unit_code,
    reason: r.reason,
    plate: r.plate,
    companions: r.companions,
    inAt: r.in_at,
    outAt: r.out_at,
    voided: r.voided_at !== null,
    voidReason: r.void_reason,
    createdByName: r.created_by_name ?? '',
  };
}

async function loadVisitor(ctx: CommandContext, id: number): Promise<VisitorView> {
  const r = await visitorQuery(ctx.db).where('v.id', '=', id).executeTakeFirst();
  if (!r) throw fail.notFound('找不到这条访客记录');
  return toVisitorView(ctx, r);
}

function notAhead(ctx: CommandContext, iso: string | null, field: string): string {
  const at = iso ? new Date(iso).toISOString() : ctx.nowIso;
  if (Date.parse(at) > ctx.now.getTime() + CLOCK_SLACK_MS) throw fail.validation('时间不能晚于现在', { [field]: '时间不能晚于现在' });
  return at;
}

export async function openVisitors(ctx: CommandContext): Promise<VisitorView[]> {
  const rows = await visitorQuery(ctx.db).where('v.out_at', 'is', null).where('v.voided_at', 'is', null).orderBy('v.in_at').limit(500).execute();
  return rows.map((r) => toVisitorView(ctx, r));
}

type VisitorCommands = Pick<typeof receptionCommands, 'reception.visitorIn' | 'reception.visitorOut' | 'reception.voidVisitor' | 'reception.visitors'>;

export const visitorHandlers: Handlers<keyof VisitorCommands> = {
  'reception.visitorIn': async (ctx, input) => {
    const operator = ctx.requireOperator();
    if (input.unitId !== null) {
      const unit = await ctx.db.selectFrom('units').select('id').where('id', '=', input.unitId).executeTakeFirst();
      if (!unit) throw fail.notFound('找不到这个房屋');
    }
    const values = {
      no: await nextSerial(ctx, 'FK'),
      name: input.name,
      phone: input.phone,
      unit_id: input.unitId,
      reason: input.reason,
      plate: input.plate.toUpperCase().replace(/[\s·•\-_]/g, ''),
      companions: input.companions,
      in_at: notAhead(ctx, input.inAt, 'inAt'),
      out_at: null,
      voided_at: null,
      created_by: operator.id,
      created_at: ctx.nowIso,
    };
    const id = (await ctx.db.insertInto('reception_visitors').values(values).returning('id').executeTakeFirstOrThrow()).id;
    await ctx.audit({ entity: 'reception_visitor', entityId: id, after: values });
    return loadVisitor(ctx, id);
  },

  'reception.visitorOut': async (ctx, input) => {
    const before = await ctx.db.selectFrom('reception_visitors').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!before) throw fail.notFound('找不到这条访客记录');
    if (before.voided_at !== null) throw fail.conflict('这条访客记录已作废');
    if (before.out_at !== null) throw fail.conflict('这位访客已登记离开');
    const outAt = notAhead(ctx, input.outAt, 'outAt');
    if (outAt < before.in_at) throw fail.validation('离开时间不能早于来访时间', { outAt: '离开时间不能早于来访时间' });
    await ctx.db.updateTable('reception_visitors').set({ out_at: outAt }).where('id', '=', input.id).execute();
    await ctx.audit({ entity: 'reception_visitor', entityId: input.id, before: { out_at: null }, after: { out_at: outAt } });
    return loadVisitor(ctx, input.id);
  },

  'reception.voidVisitor': async (ctx, input) => {
    const before = await ctx.db.selectFrom('reception_visitors').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!before) throw fail.notFound('找不到这条访客记录');
    if (before.voided_at !== null) throw fail.conflict('这条访客记录已作废');
    const after = { voided_at: ctx.nowIso, void_reason: input.reason };
    await ctx.db.updateTable('reception_visitors').set(after).where('id', '=', input.id).execute();
    await ctx.audit({ entity: 'reception_visitor', entityId: input.id, before: { voided_at: null }, after });
    return loadVisitor(ctx, input.id);
  },

  'reception.visitors': async (ctx, input) => {
    const f = input.filters;
    let q = visitorQuery(ctx.db);
    if (f.open) q = q.where('v.out_at', 'is', null).where('v.voided_at', 'is', null);
    if (f.from) q = q.where('v.in_at', '>=', officeDayRange(f.from).start);
    if (f.to) q = q.where('v.in_at', '<', officeDayRange(f.to).end);
    if (f.unitId) q = q.where('v.unit_id', '=', f.unitId);
    if (f.q) {
      const text = f.q.replace(/[\\%_]/g, '');
      q = q.where((eb) => eb.or([eb('v.name', 'like', `${text}%`), eb('v.phone', 'like', `%${text}`), eb('v.plate', 'like', `%${text.toUpperCase()}%`), eb('v.no', '=', text.toUpperCase())]));
    }
    const total = Number(
      (
        await q
          .clearSelect()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const desc = input.sort?.desc ?? true;
    // Visitors still inside come first: they are the ones the guard asks about.
    const rows = await q
      .orderBy((eb) => eb.case().when(eb.and([eb('v.out_at', 'is', null), eb('v.voided_at', 'is', null)])).then(0).else(1).end())
      .orderBy('v.in_at', desc ? 'desc' : 'asc')
      .orderBy('v.id', desc ? 'desc' : 'asc')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute();
    return { rows: rows.map((r) => toVisitorView(ctx, r)), total };
  },
};
