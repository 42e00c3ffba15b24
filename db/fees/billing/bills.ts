import type { BillView, RunItemLine, RunSummary, UnitUnpaid, UnpaidBill } from '../../../shared/contract/fees-billing';
import {
  PERIODIC_METHODS,
  SKIP_LABELS,
  dueDateOf,
  effectiveAssignment,
  lateFee,
  monthCharge,
  monthsOverdue,
  type AssignmentRule,
  type AssignmentScope,
  type BillState,
  type FeeItemRule,
  type FeeKind,
  type FeeMethod,
  type FeeRules,
  type Meter,
  type MonthUsage,
} from '../../../shared/fees';
import { officeDayOf } from '../../../shared/office-time';
import { fail } from '../../../shared/result';
import type { CommandContext, Db } from '../../context';
import type { BillsTable } from '../../schema';
import type { Insertable, Selectable } from 'kysely';

/**
 * Bills, the fees desk's side: what the monthly run, a prepayment and a rate change create (one
 * planner for all three, so they cannot disagree), and what a unit owes (the one query the
 * counter, the goods-pass check and the unit card read).
 */

/** Bills of a fee item for a month (the run, prepayment, re-pricing). */
export const FEE_BILL_SOURCE = 'fee';
/** An ad-hoc charge on one unit. */
export const CHARGE_BILL_SOURCE = 'charge';
const SOURCE_LABELS: Record<string, string> = { fee: '月度账单', charge: '临时收费', repair: '维修费' };

type BillRow = Selectable<BillsTable> & { kind: string | null };

export function billView(row: BillRow): BillView {
  return {
    id: row.id,
    unitId: row.unit_id,
    item: row.item,
    feeItemId: row.fee_item_id,
    kind: row.kind as FeeKind | null,
    period: row.period,
    basis: row.basis,
    amountFen: row.amount_fen,
    state: row.state as BillState,
    dueDate: row.due_date,
    vacancyApplied: row.vacancy === 1,
    source: row.source,
    sourceLabel: SOURCE_LABELS[row.source] ?? row.source,
    sourceId: row.source_id,
    createdAt: row.created_at,
  };
}

function billsWithKind(db: Db) {
  return db.selectFrom('bills').leftJoin('fee_items', 'fee_items.id', 'bills.fee_item_id').selectAll('bills').select('fee_items.kind');
}

export async function loadBill(db: Db, id: number): Promise<BillView> {
  const row = await billsWithKind(db).where('bills.id', '=', id).executeTakeFirst();
  if (!row) throw fail.notFound('账单不存在');
  return billView(row);
}

/** A bill as owed today: months overdue and the late fee by 设置 → 收费规则. */
export function owed(bill: BillView, today: string, rules: FeeRules): UnpaidBill {
  const due = bill.dueDate ?? today;
  return { ...bill, monthsOverdue: monthsOverdue(due, today), lateFeeFen: lateFee(bill.amountFen, due, today, rules.lateFee) };
}

/** What a unit owes: its unpaid bills of every source (the run, charges, repairs), oldest first. */
export async function unpaidBillsOf(ctx: Pick<CommandContext, 'db' | 'now' | 'settings'>, unitId: number): Promise<UnitUnpaid> {
  const unit = await ctx.db.selectFrom('units').select(['id', 'code']).where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw fail.notFound('房屋不存在');
  const rows = await billsWithKind(ctx.db)
    .where('bills.unit_id', '=', unitId)
    .where('bills.state', '=', 'unpaid')
    .orderBy('bills.due_date')
    .orderBy('bills.id')
    .execute();
  const today = officeDayOf(ctx.now);
  const bills = rows.map((r) => owed(billView(r), today, ctx.settings.feeRules));
  const overdue = bills.filter((b) => b.monthsOverdue > 0);
  return {
    unitId,
    unitCode: unit.code,
    today,
    bills,
    totalFen: sum(bills.map((b) => b.amountFen)),
    lateFeeFen: sum(bills.map((b) => b.lateFeeFen)),
    overdueFen: sum(overdue.map((b) => b.amountFen)),
    monthsOverdue: new Set(overdue.map(arrearsMonth)).size,
  };
}

/** The month a bill counts in for arrears: its period, or its due date's month (charges, repairs). */
export function arrearsMonth(bill: Pick<BillView, 'period' | 'dueDate' | 'createdAt'>): string {
  return bill.period ?? (bill.dueDate ?? officeDayOf(bill.createdAt)).slice(0, 7);
}

export const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

// ---------- the planner ----------

interface PlannedBill {
  unitId: number;
  feeItemId: number;
  item: string;
  amountFen: number;
  basis: string;
  vacancy: boolean;
}

interface Plan {
  month: string;
  bills: PlannedBill[];
  /** Live bills of the month already there, by `${unitId}:${feeItemId}`. */
  existing: Map<string, { id: number; amount_fen: number; basis: string; state: string }>;
  alreadyBilled: number;
  skipped: Map<string, number>;
  itemNames: Map<number, string>;
}

const key = (unitId: number, feeItemId: number) => `${unitId}:${feeItemId}`;

/**
 * The bills a month should have: every enabled periodic item × every unit its most specific
 * assignment covers, computed by shared/fees monthCharge with the month's vacancy and usage.
 * `scope` narrows it to one item and/or some units (re-pricing, prepayment). Bills already live
 * for the month are counted, not planned again (unless `replan`, which plans them all).
 */
export async function planMonth(db: Db, month: string, rules: FeeRules, scope: { feeItemId?: number; unitIds?: readonly number[]; replan?: boolean } = {}): Promise<Plan> {
  let itemsQuery = db.selectFrom('fee_items').selectAll().where('enabled', '=', 1).where('method', 'in', PERIODIC_METHODS);
  if (scope.feeItemId !== undefined) itemsQuery = itemsQuery.where('id', '=', scope.feeItemId);
  const items = await itemsQuery.orderBy('id').execute();
  const plan: Plan = { month, bills: [], existing: new Map(), alreadyBilled: 0, skipped: new Map(), itemNames: new Map(items.map((i) => [i.id, i.name])) };
  if (!items.length || scope.unitIds?.length === 0) return plan;
  const itemIds = items.map((i) => i.id);

  const assignments: AssignmentRule[] = (
    await db
      .selectFrom('fee_assignments')
      .selectAll()
      .where('fee_item_id', 'in', itemIds)
      .where('start_month', '<=', month)
      .where((eb) => eb.or([eb('end_month', 'is', null), eb('end_month', '>=', month)]))
      .execute()
  ).map((a) => ({ id: a.id, feeItemId: a.fee_item_id, scope: a.scope as AssignmentScope, target: a.target, startMonth: a.start_month, endMonth: a.end_month, rateFen: a.rate_fen }));
  if (!assignments.length) return plan;

  const some = scope.unitIds;
  const [units, vacancies, readings, existing] = await Promise.all([
    db
      .selectFrom('units')
      .select(['id', 'building_id', 'type', 'area_dm2'])
      .$if(some !== undefined, (q) => q.where('id', 'in', some!))
      .orderBy('id')
      .execute(),
    db
      .selectFrom('vacancies')
      .select('unit_id')
      .where('start_month', '<=', month)
      .where('end_month', '>=', month)
      .$if(some !== undefined, (q) => q.where('unit_id', 'in', some!))
      .execute(),
    db
      .selectFrom('meter_readings')
      .select(['unit_id', 'meter', 'usage'])
      .where('month', '=', month)
      .$if(some !== undefined, (q) => q.where('unit_id', 'in', some!))
      .execute(),
    db
      .selectFrom('bills')
      .select(['id', 'unit_id', 'fee_item_id', 'amount_fen', 'basis', 'state'])
      .where('period', '=', month)
      .where('source', '=', FEE_BILL_SOURCE)
      .where('state', '<>', 'voided')
      .where('fee_item_id', 'in', itemIds)
      .$if(some !== undefined, (q) => q.where('unit_id', 'in', some!))
      .execute(),
  ]);
  const vacant = new Set(vacancies.map((v) => v.unit_id));
  const usage = new Map<number, MonthUsage>();
  for (const r of readings) {
    const u = usage.get(r.unit_id) ?? { water: null, electricity: null };
    u[r.meter as Meter] = r.usage;
    usage.set(r.unit_id, u);
  }
  for (const b of existing) plan.existing.set(key(b.unit_id, b.fee_item_id!), b);

  const byItem = new Map<number, AssignmentRule[]>();
  for (const a of assignments) byItem.set(a.feeItemId, [...(byItem.get(a.feeItemId) ?? []), a]);
  const noUsage: MonthUsage = { water: null, electricity: null };

  for (const item of items) {
    const itemAssignments = byItem.get(item.id);
    if (!itemAssignments) continue;
    const rule: FeeItemRule = { kind: item.kind as FeeKind, method: item.method as FeeMethod, rateFen: item.rate_fen, meter: item.meter as Meter | null };
    for (const u of units) {
      const assignment = effectiveAssignment(itemAssignments, { id: u.id, buildingId: u.building_id, type: u.type }, item.id, month);
      if (!assignment) continue;
      if (!scope.replan && plan.existing.has(key(u.id, item.id))) {
        plan.alreadyBilled++;
        continue;
      }
      const charge = monthCharge(rule, assignment.rateFen ?? item.rate_fen, { areaDm2: u.area_dm2, vacant: vacant.has(u.id), usage: usage.get(u.id) ?? noUsage }, rules);
      if (!charge.ok) {
        const label = SKIP_LABELS[charge.reason];
        plan.skipped.set(label, (plan.skipped.get(label) ?? 0) + 1);
        continue;
      }
      plan.bills.push({ unitId: u.id, feeItemId: item.id, item: item.name, amountFen: charge.amountFen, basis: charge.basis, vacancy: charge.vacancyApplied });
    }
  }
  return plan;
}

export function summarize(plan: Plan, done: boolean): RunSummary {
  const lines = new Map<number, RunItemLine>();
  for (const b of plan.bills) {
    const line = lines.get(b.feeItemId) ?? { feeItemId: b.feeItemId, name: b.item, count: 0, totalFen: 0, vacancyCount: 0 };
    line.count++;
    line.totalFen += b.amountFen;
    if (b.vacancy) line.vacancyCount++;
    lines.set(b.feeItemId, line);
  }
  const items = [...lines.values()];
  const count = plan.bills.length;
  const totalFen = sum(items.map((l) => l.totalFen));
  const [y, m] = plan.month.split('-');
  const monthText = `${y}年${Number(m)}月`;
  const message =
    count === 0
      ? plan.alreadyBilled > 0
        ? `${monthText}账单已生成（${plan.alreadyBilled} 笔），本次没有新增账单`
        : `${monthText}没有可生成的账单（请检查收费项目和适用范围）`
      : `${done ? '已生成' : '将生成'}${monthText}账单 ${count} 笔，合计 ¥${(totalFen / 100).toFixed(2)}${plan.alreadyBilled ? `；已有 ${plan.alreadyBilled} 笔不重复生成` : ''}`;
  return {
    month: plan.month,
    items,
    count,
    totalFen,
    alreadyBilled: plan.alreadyBilled,
    skipped: [...plan.skipped].map(([reason, n]) => ({ reason, count: n })),
    message,
  };
}

/** Who makes bills and when: the command's operator and clock, or the demo / bench generator's. */
export interface BillStamp {
  nowIso: string;
  operatorId: number;
  dueDay: number;
}
const stampOf = (ctx: CommandContext): BillStamp => ({ nowIso: ctx.nowIso, operatorId: ctx.requireOperator().id, dueDay: ctx.settings.feeRules.dueDay });

/** A planned bill as stored: unpaid, due on its month's due day. */
export function billRow(stamp: BillStamp, month: string, b: PlannedBill): Insertable<BillsTable> {
  return {
    unit_id: b.unitId,
    source: FEE_BILL_SOURCE,
    source_id: null,
    item: b.item,
    period: month,
    amount_fen: b.amountFen,
    state: 'unpaid',
    created_at: stamp.nowIso,
    created_by: stamp.operatorId,
    paid_at: null,
    voided_at: null,
    void_reason: '',
    updated_at: stamp.nowIso,
    fee_item_id: b.feeItemId,
    basis: b.basis,
    vacancy: b.vacancy ? 1 : 0,
    due_date: dueDateOf(month, stamp.dueDay),
  };
}

/** How many ids one statement names (SQLite allows 32,766 variables; kept well under). */
const ID_CHUNK = 500;

/** One planned bill written and audited (re-pricing, prepayment); the unique live index refuses a duplicate. */
async function insertBill(ctx: CommandContext, month: string, b: PlannedBill): Promise<number> {
  const values = billRow(stampOf(ctx), month, b);
  const { id } = await ctx.db.insertInto('bills').values(values).returning('id').executeTakeFirstOrThrow();
  await ctx.audit({ entity: 'bill', entityId: id, after: values });
  return id;
}

/** The monthly run: the month's missing bills, written and audited as one run (per item counts and totals). */
export async function runMonth(ctx: CommandContext, month: string): Promise<RunSummary> {
  const plan = await planMonth(ctx.db, month, ctx.settings.feeRules);
  const summary = summarize(plan, true);
  const stamp = stampOf(ctx);
  await ctx.bulkInsert('bills', plan.bills.map((b) => billRow(stamp, month, b)));
  // The run is one act of the cashier's: one audit row says what it made (20,000 rows of "made a bill" would say less).
  await ctx.audit({ entity: 'fee_run', entityId: month, after: { count: summary.count, totalFen: summary.totalFen, alreadyBilled: summary.alreadyBilled, items: summary.items } });
  return summary;
}

export async function voidBill(ctx: CommandContext, bill: { id: number; state: string }, reason: string): Promise<void> {
  const voided = { state: 'voided', voided_at: ctx.nowIso, void_reason: reason, updated_at: ctx.nowIso };
  await ctx.db.updateTable('bills').set(voided).where('id', '=', bill.id).where('state', '=', 'unpaid').execute();
  await ctx.audit({ entity: 'bill', entityId: bill.id, before: { state: bill.state }, after: voided });
}

/**
 * A changed rate: each unpaid run bill of the item whose amount the new rate changes is voided
 * with a reason and billed again at the new rate (a bill's amount is fixed by trigger). Paid
 * bills stand. Returns how many were re-priced.
 */
export async function repriceUnpaid(ctx: CommandContext, feeItemId: number): Promise<number> {
  const unpaid = await ctx.db
    .selectFrom('bills')
    .select(['unit_id', 'period'])
    .where('fee_item_id', '=', feeItemId)
    .where('source', '=', FEE_BILL_SOURCE)
    .where('state', '=', 'unpaid')
    .execute();
  const unitsByPeriod = new Map<string, number[]>();
  for (const b of unpaid) unitsByPeriod.set(b.period!, [...(unitsByPeriod.get(b.period!) ?? []), b.unit_id]);
  const voidedIds: number[] = [];
  const reissued: ReturnType<typeof billRow>[] = [];
  const stamp = stampOf(ctx);
  for (const [period, unitIds] of unitsByPeriod) {
    const plan = await planMonth(ctx.db, period, ctx.settings.feeRules, { feeItemId, unitIds, replan: true });
    for (const b of plan.bills) {
      const old = plan.existing.get(key(b.unitId, b.feeItemId));
      if (old?.state !== 'unpaid' || (old.amount_fen === b.amountFen && old.basis === b.basis)) continue;
      voidedIds.push(old.id);
      reissued.push(billRow(stamp, period, b));
    }
  }
  if (!voidedIds.length) return 0;
  // A whole estate's bills at once: set-wise statements and one audit row for the act (as the
  // monthly run does) — bill by bill, 24,000 of them held the write lock for over a minute.
  const voided = { state: 'voided', voided_at: ctx.nowIso, void_reason: '收费标准调整，按新单价重开', updated_at: ctx.nowIso };
  for (let i = 0; i < voidedIds.length; i += ID_CHUNK) {
    const chunk = voidedIds.slice(i, i + ID_CHUNK);
    const { numUpdatedRows } = await ctx.db.updateTable('bills').set(voided).where('id', 'in', chunk).where('state', '=', 'unpaid').executeTakeFirst();
    if (Number(numUpdatedRows) !== chunk.length) throw fail.conflict('账单刚被其他窗口收取，请重新保存收费标准');
  }
  await ctx.bulkInsert('bills', reissued);
  await ctx.audit({
    entity: 'fee_item',
    entityId: feeItemId,
    after: { repriced: voidedIds.length, reason: voided.void_reason, voidedBillIds: voidedIds, totalFen: reissued.reduce((sum, b) => sum + b.amount_fen, 0) },
  });
  return voidedIds.length;
}

/** One month of a prepayment: the unpaid bill already made for it, or the bill the run would make. */
export interface PeriodBillPlan {
  period: string;
  existingId: number | null;
  planned: PlannedBill | null;
  amountFen: number;
  basis: string;
}

/**
 * Prepayment (预交) planned, nothing written: the months of a periodic item for one unit as the run
 * would bill them. A month already billed and unpaid is taken as it is; a paid one, a metered or
 * disabled item, or a unit outside the item's scope is refused in Chinese.
 */
export async function planPeriodBills(ctx: CommandContext, unitId: number, feeItemId: number, periods: readonly string[]): Promise<{ itemName: string; months: PeriodBillPlan[] }> {
  const item = await ctx.db.selectFrom('fee_items').select(['name', 'method', 'enabled']).where('id', '=', feeItemId).executeTakeFirst();
  if (!item) throw fail.notFound('收费项目不存在');
  if (item.enabled !== 1) throw fail.conflict(`收费项目「${item.name}」已停用`);
  if (item.method === 'metered') throw fail.validation(`「${item.name}」按表计量，抄表后才能出账，不能预交`);
  if (!PERIODIC_METHODS.includes(item.method as FeeMethod)) throw fail.validation(`「${item.name}」不是按月收费的项目，不能预交`);
  const months: PeriodBillPlan[] = [];
  for (const period of [...new Set(periods)].sort()) {
    const plan = await planMonth(ctx.db, period, ctx.settings.feeRules, { feeItemId, unitIds: [unitId] });
    const live = plan.existing.get(key(unitId, feeItemId));
    if (live?.state === 'paid') throw fail.conflict(`${period} 的「${item.name}」已缴，不能重复缴费`);
    if (live) {
      months.push({ period, existingId: live.id, planned: null, amountFen: live.amount_fen, basis: live.basis });
      continue;
    }
    const planned = plan.bills[0];
    if (!planned) {
      const reason = [...plan.skipped.keys()][0];
      throw fail.validation(reason ? `${period}「${item.name}」无法出账：${reason}` : `该户 ${period} 没有「${item.name}」（不在收费范围内）`);
    }
    months.push({ period, existingId: null, planned, amountFen: planned.amountFen, basis: planned.basis });
  }
  return { itemName: item.name, months };
}

/**
 * Prepayment (预交) made: the bills of those months, written now as the run would write them (same
 * amount, same unique live bill, so the run later finds them and makes nothing). For the counter:
 * call inside its payment command.
 */
export async function createPeriodBills(ctx: CommandContext, unitId: number, feeItemId: number, periods: readonly string[]): Promise<BillView[]> {
  const { months } = await planPeriodBills(ctx, unitId, feeItemId, periods);
  const bills: BillView[] = [];
  for (const m of months) bills.push(await loadBill(ctx.db, m.existingId ?? (await insertBill(ctx, m.period, m.planned!))));
  return bills;
}

