import type { AssignmentRow, FeeItemRow, VacancyRow } from '../../../shared/contract/fees-billing';
import type { ParsedInput } from '../../../shared/contract';
import { UNIT_TYPES, UNIT_TYPE_LABELS, type UnitType } from '../../../shared/estate';
import { VACANCY_MIN_MONTHS, monthsBetween, type AssignmentScope, type FeeKind, type FeeMethod, type Meter } from '../../../shared/fees';
import { addMonths, officeMonthOf } from '../../../shared/office-time';
import { fail } from '../../../shared/result';
import type { CommandContext, Db } from '../../context';
import { repriceUnpaid } from './bills';

/** Fee items, their assignments and vacancies: the records the monthly run reads. */

export async function listItems(db: Db, month: string): Promise<FeeItemRow[]> {
  const rows = await db
    .selectFrom('fee_items as i')
    .selectAll('i')
    .select((eb) =>
      eb
        .selectFrom('fee_assignments as a')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('a.fee_item_id', '=', 'i.id')
        .where('a.start_month', '<=', month)
        .where((w) => w.or([w('a.end_month', 'is', null), w('a.end_month', '>=', month)]))
        .as('active'),
    )
    .orderBy('i.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as FeeKind,
    method: r.method as FeeMethod,
    rateFen: r.rate_fen,
    meter: r.meter as Meter | null,
    enabled: r.enabled === 1,
    activeAssignments: Number(r.active ?? 0),
    updatedAt: r.updated_at,
  }));
}

async function itemRow(ctx: CommandContext, id: number): Promise<FeeItemRow> {
  const item = (await listItems(ctx.db, officeMonthOf(ctx.nowIso))).find((i) => i.id === id);
  if (!item) throw fail.notFound('收费项目不存在');
  return item;
}

/**
 * A new item, or a change to one. Its kind and method are what its bills were computed by, so they
 * are fixed once it exists; a changed rate re-prices the item's unpaid run bills (paid ones stand).
 */
export async function saveItem(ctx: CommandContext, input: ParsedInput<'fees.saveItem'>): Promise<{ item: FeeItemRow; repriced: number }> {
  const clash = await ctx.db.selectFrom('fee_items').select('id').where('name', '=', input.name).executeTakeFirst();
  if (clash && clash.id !== input.id) throw fail.conflict(`已有名为「${input.name}」的收费项目`, { name: '名称重复' });
  const values = { name: input.name, kind: input.kind, method: input.method, rate_fen: input.rateFen, meter: input.meter, enabled: input.enabled ? 1 : 0, updated_at: ctx.nowIso };
  if (input.id === undefined) {
    const { id } = await ctx.db
      .insertInto('fee_items')
      .values({ ...values, created_at: ctx.nowIso })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.audit({ entity: 'fee_item', entityId: id, after: values });
    return { item: await itemRow(ctx, id), repriced: 0 };
  }
  const before = await ctx.db.selectFrom('fee_items').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!before) throw fail.notFound('收费项目不存在');
  if (before.kind !== input.kind || before.method !== input.method || before.meter !== input.meter)
    throw fail.conflict('已有收费项目的类别、计算方式和表不能修改：请停用后新建一个项目', { method: '不能修改' });
  await ctx.db.updateTable('fee_items').set(values).where('id', '=', input.id).execute();
  await ctx.audit({ entity: 'fee_item', entityId: input.id, before, after: values });
  const repriced = before.rate_fen !== input.rateFen ? await repriceUnpaid(ctx, input.id) : 0;
  return { item: await itemRow(ctx, input.id), repriced };
}

// ---------- assignments ----------

export async function listAssignments(db: Db, filters: { feeItemId?: number; unitId?: number; id?: number }): Promise<AssignmentRow[]> {
  let q = db.selectFrom('fee_assignments as a').innerJoin('fee_items as i', 'i.id', 'a.fee_item_id').selectAll('a').select('i.name as item_name');
  if (filters.id !== undefined) q = q.where('a.id', '=', filters.id);
  if (filters.feeItemId !== undefined) q = q.where('a.fee_item_id', '=', filters.feeItemId);
  if (filters.unitId !== undefined) {
    const unit = await db.selectFrom('units').select(['id', 'building_id', 'type']).where('id', '=', filters.unitId).executeTakeFirst();
    if (!unit) return [];
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('a.scope', '=', 'unit'), eb('a.target', '=', String(unit.id))]),
        eb.and([eb('a.scope', '=', 'building'), eb('a.target', '=', String(unit.building_id))]),
        eb.and([eb('a.scope', '=', 'unit_type'), eb('a.target', '=', unit.type)]),
      ]),
    );
  }
  const rows = await q.orderBy('a.fee_item_id').orderBy('a.start_month').orderBy('a.id').execute();
  const unitIds = rows.filter((r) => r.scope === 'unit').map((r) => Number(r.target));
  const buildingIds = rows.filter((r) => r.scope === 'building').map((r) => Number(r.target));
  const [units, buildings] = await Promise.all([
    unitIds.length ? db.selectFrom('units').select(['id', 'code']).where('id', 'in', unitIds).execute() : [],
    buildingIds.length ? db.selectFrom('buildings').select(['id', 'name', 'code']).where('id', 'in', buildingIds).execute() : [],
  ]);
  const unitCode = new Map(units.map((u) => [String(u.id), u.code]));
  const buildingName = new Map(buildings.map((b) => [String(b.id), b.name || `${b.code}栋`]));
  return rows.map((r) => ({
    id: r.id,
    feeItemId: r.fee_item_id,
    feeItemName: r.item_name,
    scope: r.scope as AssignmentScope,
    target: r.target,
    targetLabel:
      r.scope === 'unit' ? (unitCode.get(r.target) ?? r.target) : r.scope === 'building' ? (buildingName.get(r.target) ?? r.target) : UNIT_TYPE_LABELS[r.target as UnitType],
    startMonth: r.start_month,
    endMonth: r.end_month,
    rateFen: r.rate_fen,
  }));
}

async function assignmentRow(db: Db, id: number): Promise<AssignmentRow> {
  const [row] = await listAssignments(db, { id });
  if (!row) throw fail.notFound('收费范围不存在');
  return row;
}

async function checkTarget(db: Db, scope: AssignmentScope, target: string): Promise<void> {
  if (scope === 'unit_type') {
    if (!(UNIT_TYPES as readonly string[]).includes(target)) throw fail.validation('房屋类型不正确', { target: '请选择房屋类型' });
    return;
  }
  const table = scope === 'unit' ? 'units' : 'buildings';
  const found = /^[1-9]\d{0,9}$/.test(target) && (await db.selectFrom(table).select('id').where('id', '=', Number(target)).executeTakeFirst());
  if (!found) throw fail.validation(scope === 'unit' ? '房屋不存在' : '楼栋不存在', { target: '请重新选择' });
}

/** An assignment set or changed. Bills already made stand (a changed rate of one unit applies from the next run). */
export async function saveAssignment(ctx: CommandContext, input: ParsedInput<'fees.saveAssignment'>): Promise<AssignmentRow> {
  const item = await ctx.db.selectFrom('fee_items').select(['id', 'method']).where('id', '=', input.feeItemId).executeTakeFirst();
  if (!item) throw fail.notFound('收费项目不存在');
  await checkTarget(ctx.db, input.scope, input.target);
  const values = {
    fee_item_id: input.feeItemId,
    scope: input.scope,
    target: input.target,
    start_month: input.startMonth,
    end_month: input.endMonth,
    rate_fen: input.rateFen,
    updated_at: ctx.nowIso,
  };
  if (input.id === undefined) {
    const { id } = await ctx.db
      .insertInto('fee_assignments')
      .values({ ...values, created_at: ctx.nowIso, created_by: ctx.requireOperator().id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.audit({ entity: 'fee_assignment', entityId: id, after: values });
    return assignmentRow(ctx.db, id);
  }
  const before = await ctx.db.selectFrom('fee_assignments').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!before) throw fail.notFound('收费范围不存在');
  await ctx.db.updateTable('fee_assignments').set(values).where('id', '=', input.id).execute();
  await ctx.audit({ entity: 'fee_assignment', entityId: input.id, before, after: values });
  return assignmentRow(ctx.db, input.id);
}

export async function endAssignment(ctx: CommandContext, input: { id: number; endMonth: string }): Promise<AssignmentRow> {
  const before = await ctx.db.selectFrom('fee_assignments').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!before) throw fail.notFound('收费范围不存在');
  if (input.endMonth < before.start_month) throw fail.validation('结束月份不能早于开始月份', { endMonth: `不早于 ${before.start_month}` });
  const after = { end_month: input.endMonth, updated_at: ctx.nowIso };
  await ctx.db.updateTable('fee_assignments').set(after).where('id', '=', input.id).execute();
  await ctx.audit({ entity: 'fee_assignment', entityId: input.id, before: { end_month: before.end_month }, after });
  return assignmentRow(ctx.db, input.id);
}

// ---------- vacancies ----------

function vacancyState(row: { state: string; end_month: string }, month: string): VacancyRow['state'] {
  if (row.state === 'ended') return 'ended';
  return row.end_month < month ? 'expired' : 'active';
}

export async function listVacancies(ctx: CommandContext, input: ParsedInput<'fees.vacancies'>): Promise<{ rows: VacancyRow[]; total: number }> {
  const month = officeMonthOf(ctx.nowIso);
  let q = ctx.db.selectFrom('vacancies as v').innerJoin('units as u', 'u.id', 'v.unit_id');
  if (input.filters.unitId !== undefined) q = q.where('v.unit_id', '=', input.filters.unitId);
  if (input.filters.active !== undefined)
    q = input.filters.active
      ? q.where('v.state', '=', 'active').where('v.end_month', '>=', month)
      : q.where((eb) => eb.or([eb('v.state', '=', 'ended'), eb('v.end_month', '<', month)]));
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const column = { startMonth: 'v.start_month', endMonth: 'v.end_month', unitCode: 'u.code' } as const;
  const sort = input.sort ?? { field: 'startMonth', desc: true };
  const rows = await q
    .selectAll('v')
    .select('u.code')
    .orderBy(column[sort.field], sort.desc ? 'desc' : 'asc')
    .orderBy('v.id', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return { rows: rows.map((r) => vacancyView(r, month)), total: Number(total) };
}

function vacancyView(
  r: { id: number; unit_id: number; code: string; start_month: string; end_month: string; state: string; note: string; end_reason: string; created_at: string },
  month: string,
): VacancyRow {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitCode: r.code,
    startMonth: r.start_month,
    endMonth: r.end_month,
    months: monthsBetween(r.start_month, r.end_month),
    state: vacancyState(r, month),
    note: r.note,
    endReason: r.end_reason,
    createdAt: r.created_at,
  };
}

async function vacancyRow(ctx: CommandContext, id: number): Promise<VacancyRow> {
  const r = await ctx.db.selectFrom('vacancies as v').innerJoin('units as u', 'u.id', 'v.unit_id').selectAll('v').select('u.code').where('v.id', '=', id).executeTakeFirst();
  if (!r) throw fail.notFound('空置登记不存在');
  return vacancyView(r, officeMonthOf(ctx.nowIso));
}

async function refuseOverlap(db: Db, unitId: number, start: string, end: string, except?: number): Promise<void> {
  const overlap = await db
    .selectFrom('vacancies')
    .select(['start_month', 'end_month'])
    .where('unit_id', '=', unitId)
    .where('start_month', '<=', end)
    .where('end_month', '>=', start)
    .$if(except !== undefined, (q) => q.where('id', '<>', except!))
    .executeTakeFirst();
  if (overlap) throw fail.conflict(`该户已登记空置 ${overlap.start_month} 至 ${overlap.end_month}，与所填月份重叠`, { startMonth: '与已有空置重叠' });
}

/** 空置 registered for at least three months (the contract checks the span), from this month or later. */
export async function registerVacancy(ctx: CommandContext, input: ParsedInput<'fees.registerVacancy'>): Promise<VacancyRow> {
  const unit = await ctx.db.selectFrom('units').select('id').where('id', '=', input.unitId).executeTakeFirst();
  if (!unit) throw fail.notFound('房屋不存在');
  const month = officeMonthOf(ctx.nowIso);
  // Months already billed are settled as billed; a vacancy starts this month at the earliest.
  if (input.startMonth < month) throw fail.validation(`空置从本月（${month}）或以后开始登记`, { startMonth: `不早于 ${month}` });
  await refuseOverlap(ctx.db, input.unitId, input.startMonth, input.endMonth);
  const values = { unit_id: input.unitId, start_month: input.startMonth, end_month: input.endMonth, state: 'active', note: input.note, created_at: ctx.nowIso, created_by: ctx.requireOperator().id, updated_at: ctx.nowIso };
  const { id } = await ctx.db.insertInto('vacancies').values(values).returning('id').executeTakeFirstOrThrow();
  await ctx.audit({ entity: 'vacancy', entityId: id, after: values });
  return vacancyRow(ctx, id);
}

/** The owner moved in: the vacancy ends after `lastMonth` (not before this month's start, not after its end). */
export async function endVacancy(ctx: CommandContext, input: { id: number; lastMonth: string; reason: string }): Promise<VacancyRow> {
  const before = await ctx.db.selectFrom('vacancies').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!before) throw fail.notFound('空置登记不存在');
  if (before.state === 'ended') throw fail.conflict('该空置登记已结束');
  const earliest = addMonths(officeMonthOf(ctx.nowIso), -1) < before.start_month ? before.start_month : addMonths(officeMonthOf(ctx.nowIso), -1);
  if (input.lastMonth > before.end_month || input.lastMonth < earliest)
    throw fail.validation(`最后空置月份应在 ${earliest} 至 ${before.end_month} 之间`, { lastMonth: '月份不在登记期内' });
  const after = { state: 'ended', end_month: input.lastMonth, end_reason: input.reason, updated_at: ctx.nowIso };
  await ctx.db.updateTable('vacancies').set(after).where('id', '=', input.id).execute();
  await ctx.audit({ entity: 'vacancy', entityId: input.id, before: { state: before.state, end_month: before.end_month }, after });
  return vacancyRow(ctx, input.id);
}

/** 续登: the term extended by at least three more months; otherwise it returns to 100 % at expiry. */
export async function renewVacancy(ctx: CommandContext, input: { id: number; endMonth: string }): Promise<VacancyRow> {
  const before = await ctx.db.selectFrom('vacancies').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!before) throw fail.notFound('空置登记不存在');
  if (before.state === 'ended') throw fail.conflict('该空置登记已提前结束，请重新登记');
  // Months after an expiry were billed in full; a lapsed registration is registered anew.
  if (before.end_month < officeMonthOf(ctx.nowIso)) throw fail.conflict(`该空置登记已于 ${before.end_month} 到期，请重新登记`);
  const firstNew = addMonths(before.end_month, 1);
  if (input.endMonth < firstNew || monthsBetween(firstNew, input.endMonth) < VACANCY_MIN_MONTHS)
    throw fail.validation(`续登至少 ${VACANCY_MIN_MONTHS} 个月（至 ${addMonths(before.end_month, VACANCY_MIN_MONTHS)} 或以后）`, { endMonth: `续期至少 ${VACANCY_MIN_MONTHS} 个月` });
  await refuseOverlap(ctx.db, before.unit_id, firstNew, input.endMonth, before.id);
  const after = { end_month: input.endMonth, updated_at: ctx.nowIso };
  await ctx.db.updateTable('vacancies').set(after).where('id', '=', input.id).execute();
  await ctx.audit({ entity: 'vacancy', entityId: input.id, before: { end_month: before.end_month }, after });
  return vacancyRow(ctx, input.id);
}
