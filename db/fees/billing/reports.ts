import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { ArrearsPage, ArrearsRow, BillView, CollectionRate, CollectionRateRow, ReminderBatch, ReminderNotice } from '../../../shared/contract/fees-billing';
import type { ParsedInput } from '../../../shared/contract';
import { fenToCapitals, formatYuan } from '../../../shared/money';
import { officeDayOf } from '../../../shared/office-time';
import type { PrintOutput, PrintRecord } from '../../../shared/print';
import { fail } from '../../../shared/result';
import type { CommandContext, Db } from '../../context';
import { logPrint, printRecord } from '../../print/log';
import { CHARGE_BILL_SOURCE, loadBill, sum, unpaidBillsOf } from './bills';

/** Arrears (欠费) by unit, the 催缴通知单, the collection rate, and ad-hoc charges. */

type ArrearsFilters = ParsedInput<'fees.arrears'>['filters'];
const ARREARS_SORT = { unitCode: 'u.code', months: 'months', amount: 'amount' } as const;

/**
 * Units with unpaid bills past their due date: months (distinct billing months) and amount, one
 * GROUP BY over the partial index of unpaid bills by due date. Totals over every page in the same pass.
 */
export async function arrears(db: Db, today: string, input: { filters: ArrearsFilters; sort?: { field: keyof typeof ARREARS_SORT; desc: boolean }; page: number; pageSize: number }): Promise<ArrearsPage> {
  const sort = input.sort ?? { field: 'amount', desc: true };
  const rows = await db
    .selectFrom('bills as b')
    .innerJoin('units as u', 'u.id', 'b.unit_id')
    .innerJoin('buildings as bl', 'bl.id', 'u.building_id')
    .where('b.state', '=', 'unpaid')
    .where('b.due_date', '<', today)
    .$if(input.filters.buildingId !== undefined, (q) => q.where('u.building_id', '=', input.filters.buildingId!))
    .groupBy('b.unit_id')
    .$if(input.filters.minMonths !== undefined, (q) => q.having(sql`count(DISTINCT coalesce(b.period, substr(b.due_date, 1, 7)))`, '>=', input.filters.minMonths!))
    .select([
      'b.unit_id',
      'u.code',
      'u.building_id',
      'bl.name as building_name',
      'bl.code as building_code',
      sql<number>`count(DISTINCT coalesce(b.period, substr(b.due_date, 1, 7)))`.as('months'),
      sql<number>`sum(b.amount_fen)`.as('amount'),
      sql<number>`count(*)`.as('bills'),
      sql<string>`min(coalesce(b.period, substr(b.due_date, 1, 7)))`.as('since'),
      sql<number>`count(*) OVER ()`.as('total_rows'),
      sql<number>`sum(sum(b.amount_fen)) OVER ()`.as('total_fen'),
    ])
    .orderBy(sql.ref(ARREARS_SORT[sort.field]), sort.desc ? 'desc' : 'asc')
    .orderBy('u.code')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  let total = rows[0] ? Number(rows[0].total_rows) : 0;
  let totalFen = rows[0] ? Number(rows[0].total_fen) : 0;
  if (!rows.length && input.page > 1) {
    const first = await arrears(db, today, { ...input, page: 1, pageSize: 1 });
    [total, totalFen] = [first.total, first.totalFen];
  }
  return {
    total,
    totalFen,
    rows: rows.map(
      (r): ArrearsRow => ({
        unitId: r.unit_id,
        unitCode: r.code,
        buildingId: r.building_id,
        buildingName: r.building_name || `${r.building_code}栋`,
        months: Number(r.months),
        amountFen: Number(r.amount),
        bills: Number(r.bills),
        since: r.since,
      }),
    ),
  };
}

const ARREARS_COLUMNS = ['楼栋', '房号', '欠费月数', '欠费笔数', '欠费金额（元）', '最早欠费月份'];

/** The arrears report as .xlsx: every row of the filter (no paging), the same columns as the screen. */
export async function exportArrears(ctx: CommandContext, filters: ArrearsFilters): Promise<{ fileName: string; contentBase64: string }> {
  const today = officeDayOf(ctx.now);
  const report = await arrears(ctx.db, today, { filters, page: 1, pageSize: 1_000_000 });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('欠费报表');
  sheet.addRow([`${ctx.settings.officeName} 欠费报表`]).font = { bold: true, size: 14 };
  sheet.addRow([`截至 ${today}（已过缴费日未缴）`, `共 ${report.total} 户`, `合计 ${formatYuan(report.totalFen)}`]);
  sheet.addRow([]);
  sheet.addRow(ARREARS_COLUMNS).font = { bold: true };
  for (const r of report.rows) sheet.addRow([r.buildingName, r.unitCode, r.months, r.bills, r.amountFen / 100, r.since]);
  sheet.getColumn(5).numFmt = '#,##0.00';
  sheet.columns.forEach((c) => (c.width = 16));
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: `欠费报表-${today}.xlsx`, contentBase64: Buffer.from(buffer).toString('base64') };
}

/** 收缴率: of the bills of a period (not voided), the part paid, by item. */
export async function collectionRate(db: Db, period: string): Promise<CollectionRate> {
  const rows = await db
    .selectFrom('bills as b')
    .leftJoin('fee_items as i', 'i.id', 'b.fee_item_id')
    .where('b.period', '=', period)
    .where('b.state', '<>', 'voided')
    .groupBy(sql`coalesce(i.name, b.item)`)
    .select([
      sql<string>`coalesce(i.name, b.item)`.as('item'),
      sql<number>`sum(b.amount_fen)`.as('billed'),
      sql<number>`sum(CASE WHEN b.state = 'paid' THEN b.amount_fen ELSE 0 END)`.as('collected'),
    ])
    .orderBy('item')
    .execute();
  const line = (item: string, billedFen: number, collectedFen: number): CollectionRateRow => ({ item, billedFen, collectedFen, rate: billedFen > 0 ? collectedFen / billedFen : null });
  const lines = rows.map((r) => line(r.item, Number(r.billed), Number(r.collected)));
  return { period, rows: lines, total: line('合计', sum(lines.map((l) => l.billedFen)), sum(lines.map((l) => l.collectedFen))) };
}

// ---------- 催缴通知单 ----------

export const REMINDER_FORM = 'fee-reminder';

async function notice(ctx: CommandContext, unitId: number): Promise<ReminderNotice> {
  const owed = await unpaidBillsOf(ctx, unitId);
  const [unit, owners] = await Promise.all([
    ctx.db.selectFrom('units as u').innerJoin('buildings as b', 'b.id', 'u.building_id').select(['b.name', 'b.code']).where('u.id', '=', unitId).executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('unit_people as l')
      .innerJoin('people as p', 'p.id', 'l.person_id')
      .select('p.name')
      .where('l.unit_id', '=', unitId)
      .where('l.role', '=', 'owner')
      .where('l.end_date', 'is', null)
      .orderBy('l.id')
      .execute(),
  ]);
  // The notice asks for what is overdue; bills not yet due are not arrears.
  const bills = owed.bills.filter((b) => b.monthsOverdue > 0);
  const totalFen = sum(bills.map((b) => b.amountFen));
  const lateFeeFen = sum(bills.map((b) => b.lateFeeFen));
  return {
    unitId,
    unitCode: owed.unitCode,
    buildingName: unit.name || `${unit.code}栋`,
    ownerNames: owners.map((o) => o.name).join('、'),
    bills,
    totalFen,
    lateFeeFen,
    months: owed.monthsOverdue,
    capitals: fenToCapitals(totalFen + lateFeeFen),
  };
}

/** U12: one unit's notice (even with nothing overdue, it says so); B3: every unit of building 3 in arrears. */
export async function reminderRecord(ctx: CommandContext, record: string): Promise<PrintRecord<ReminderBatch>> {
  const id = Number(record.slice(1));
  let unitIds: number[];
  if (record.startsWith('U')) {
    unitIds = [id];
  } else {
    const building = await ctx.db.selectFrom('buildings').select('id').where('id', '=', id).executeTakeFirst();
    if (!building) throw fail.notFound('楼栋不存在');
    const page = await arrears(ctx.db, officeDayOf(ctx.now), { filters: { buildingId: id }, sort: { field: 'unitCode', desc: false }, page: 1, pageSize: 100_000 });
    unitIds = page.rows.map((r) => r.unitId);
  }
  const estate = await ctx.db.selectFrom('estates').select('name').orderBy('id').executeTakeFirst();
  const notices = [];
  for (const unitId of unitIds) notices.push(await notice(ctx, unitId));
  return printRecord(ctx, REMINDER_FORM, { serial: record, voided: false, data: { date: officeDayOf(ctx.now), estateName: estate?.name ?? ctx.settings.officeName, record, notices } });
}

export async function reminderPrinted(ctx: CommandContext, input: { record: string; copies: number; output: PrintOutput }): Promise<{ prints: number }> {
  const printed = await reminderRecord(ctx, input.record);
  return logPrint(ctx, { formKey: REMINDER_FORM, recordNo: printed.serial, copies: input.copies, output: input.output });
}

// ---------- ad-hoc charges ----------

/** 临时收费: one unpaid bill on a unit, from a one-off/deposit/other item or as free text. */
export async function charge(ctx: CommandContext, input: ParsedInput<'fees.charge'>): Promise<BillView> {
  const unit = await ctx.db.selectFrom('units').select('id').where('id', '=', input.unitId).executeTakeFirst();
  if (!unit) throw fail.notFound('房屋不存在');
  let item = input.item;
  if (input.feeItemId !== null) {
    const fee = await ctx.db.selectFrom('fee_items').select(['name', 'enabled']).where('id', '=', input.feeItemId).executeTakeFirst();
    if (!fee) throw fail.notFound('收费项目不存在');
    if (fee.enabled !== 1) throw fail.conflict(`收费项目「${fee.name}」已停用`);
    item ||= fee.name;
  }
  if (!item) throw fail.validation('请填写收费内容或选择收费项目', { item: '必填' });
  const values = {
    unit_id: input.unitId,
    source: CHARGE_BILL_SOURCE,
    source_id: null,
    item,
    period: input.period,
    amount_fen: input.amountFen,
    state: 'unpaid',
    created_at: ctx.nowIso,
    created_by: ctx.requireOperator().id,
    updated_at: ctx.nowIso,
    fee_item_id: input.feeItemId,
    basis: input.note,
    due_date: input.dueDate ?? officeDayOf(ctx.now),
  };
  const { id } = await ctx.db.insertInto('bills').values(values).returning('id').executeTakeFirstOrThrow();
  await ctx.audit({ entity: 'bill', entityId: id, after: values });
  return loadBill(ctx.db, id);
}
