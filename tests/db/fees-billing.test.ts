import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createDispatcher } from '../../db/dispatcher';
import { handlers } from '../../db/desks';
import { createServices } from '../../db/app';
import { createFileLogger } from '../../db/log';
import { createPeriodBills } from '../../db/fees/billing/bills';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArrearsPage, AssignmentRow, BillView, CollectionRate, ReadingRow, ReminderBatch, RunSummary, SaveItemResult, UnitUnpaid, VacancyRow } from '../../shared/contract/fees-billing';
import type { UnitCard } from '../../shared/contract/estate';
import type { PrintRecord } from '../../shared/print';
import { DEFAULT_FEE_RULES } from '../../shared/fees';
import { ROLES, type Role } from '../../shared/roles';
import { expectError, valueOf } from '../support/app';
import { office, type Office } from '../security/support';

/**
 * 收费, the billing side, through the real dispatcher on a real SQLite file: the monthly run and
 * its preview, each computing method, assignment precedence, vacancy, a rate change, the late fee,
 * meter readings and their import, arrears, the 催缴通知单, the collection rate — and bad input,
 * refused in Chinese with nothing written. The test clock stands at 2026-03-02 (office time).
 */
describe('fees desk: billing', () => {
  let o: Office;
  let unitA: number; // 3-2-1201, 120.50 m²
  let unitB: number; // 3-2-1202, 88.33 m²
  let management: number;
  const sqlite = () => o.t.app.connection.sqlite;
  const rows = (sql: string, ...args: unknown[]) => sqlite().prepare(sql).all(...args) as Record<string, unknown>[];
  const snapshot = () => ({
    bills: rows('SELECT * FROM bills ORDER BY id'),
    items: rows('SELECT * FROM fee_items ORDER BY id'),
    readings: rows('SELECT * FROM meter_readings ORDER BY id'),
    vacancies: rows('SELECT * FROM vacancies ORDER BY id'),
    audits: o.count('audit_log'),
  });
  type Name = Parameters<Office['t']['run']>[1];
  const run = (name: Name, input: unknown, who = o.as.cashier) => o.t.run(who, name, input as never);
  const ok = async <T,>(name: Name, input: unknown, who = o.as.cashier) => valueOf<T>(await run(name, input, who));
  const billsOf = (unitId: number) => rows("SELECT item, period, amount_fen, state, basis, vacancy, due_date, void_reason FROM bills WHERE unit_id = ? ORDER BY id", unitId);

  const createUnit = async (room: string, areaDm2: number | null, type = 'residential') =>
    valueOf<{ id: number }>(await o.t.run(o.admin, 'estate.createUnit', { buildingId: o.buildingId, entrance: '2', room, areaDm2, type, state: 'occupied' } as never)).id;
  const item = async (input: Record<string, unknown>) => (await ok<SaveItemResult>('fees.saveItem', input, o.as.supervisor)).item.id;
  const assign = (input: Record<string, unknown>) => ok<AssignmentRow>('fees.saveAssignment', { startMonth: '2026-01', ...input }, o.as.supervisor);

  beforeEach(async () => {
    o = await office();
    unitA = await createUnit('1201', 12050);
    unitB = await createUnit('1202', 8833);
    management = await item({ name: '物业管理服务费', kind: 'management', method: 'area', rateFen: 250 });
    await assign({ feeItemId: management, scope: 'unit_type', target: 'residential' });
  });
  afterEach(() => o.t.close());

  describe('the monthly run', () => {
    it('previews counts and totals per item and writes nothing', async () => {
      const before = snapshot();
      const preview = await ok<RunSummary>('fees.previewRun', { month: '2026-03' });
      // 120.50 × 2.50 = 301.25; 88.33 × 2.50 = 220.825 → 220.83; 3-2-1101 has no area.
      expect(preview).toMatchObject({ count: 2, totalFen: 30125 + 22083, alreadyBilled: 0, skipped: [{ reason: '房屋未登记面积', count: 1 }] });
      expect(preview.items).toEqual([{ feeItemId: management, name: '物业管理服务费', count: 2, totalFen: 52208, vacancyCount: 0 }]);
      expect(preview.message).toContain('将生成2026年3月账单 2 笔');
      expect(snapshot()).toEqual(before);
    });

    it('is idempotent: a second run creates nothing and says so; the database refuses a second live bill too', async () => {
      const first = await ok<RunSummary>('fees.run', { month: '2026-03' });
      expect(first).toMatchObject({ count: 2, totalFen: 52208, alreadyBilled: 0 });
      expect(billsOf(unitA)).toEqual([
        { item: '物业管理服务费', period: '2026-03', amount_fen: 30125, state: 'unpaid', basis: '120.50 m² × 2.50 元/m²', vacancy: 0, due_date: '2026-03-15', void_reason: '' },
      ]);
      const again = await ok<RunSummary>('fees.run', { month: '2026-03' });
      expect(again).toMatchObject({ count: 0, totalFen: 0, alreadyBilled: 2, message: '2026年3月账单已生成（2 笔），本次没有新增账单' });
      expect(o.count('bills')).toBe(2);
      expect(() =>
        sqlite()
          .prepare("INSERT INTO bills (unit_id, source, item, period, amount_fen, state, created_at, created_by, updated_at, fee_item_id) VALUES (?, 'fee', 'x', '2026-03', 1, 'unpaid', 'now', 1, 'now', ?)")
          .run(unitA, management),
      ).toThrow(/UNIQUE/);
      // The run is audited as one act, with what it made.
      expect(o.auditRows("entity = 'fee_run'").map((r) => r.entity_id)).toEqual(['2026-03', '2026-03']);
    });

    it('bills a fixed amount per month and metered usage × price; a metered unit without a reading is skipped', async () => {
      const parking = await item({ name: '机动车占位费', kind: 'parking', method: 'fixed', rateFen: 15000 });
      await assign({ feeItemId: parking, scope: 'unit', target: String(unitA) });
      const water = await item({ name: '水费', kind: 'collected_for_others', method: 'metered', meter: 'water', rateFen: 350 });
      await assign({ feeItemId: water, scope: 'building', target: String(o.buildingId) });
      await ok<ReadingRow>('fees.recordReading', { unitId: unitA, meter: 'water', month: '2026-02', reading: 100000 });
      await ok<ReadingRow>('fees.recordReading', { unitId: unitA, meter: 'water', month: '2026-03', reading: 101234 });
      const summary = await ok<RunSummary>('fees.run', { month: '2026-03' });
      expect(summary.skipped).toEqual([
        { reason: '房屋未登记面积', count: 1 },
        { reason: '本月未抄表', count: 2 },
      ]);
      expect(billsOf(unitA).map((b) => [b.item, b.amount_fen, b.basis])).toEqual([
        ['物业管理服务费', 30125, '120.50 m² × 2.50 元/m²'],
        ['机动车占位费', 15000, '150.00 元/月'],
        ['水费', 4319, '12.34 吨 × 3.50 元/吨'],
      ]);
    });

    it('takes the most specific assignment: unit over building over unit type', async () => {
      await assign({ feeItemId: management, scope: 'building', target: String(o.buildingId), rateFen: 220 });
      await assign({ feeItemId: management, scope: 'unit', target: String(unitB), rateFen: 200, startMonth: '2026-03', endMonth: '2026-03' });
      await ok('fees.run', { month: '2026-03' });
      await ok('fees.run', { month: '2026-04' });
      expect(billsOf(unitA).map((b) => b.amount_fen)).toEqual([26510, 26510]); // 120.50 × 2.20
      expect(billsOf(unitB).map((b) => b.amount_fen)).toEqual([17666, 19433]); // 88.33 × 2.00, then × 2.20
    });
  });

  describe('vacancy (空置)', () => {
    it('refuses a registration shorter than three months, in Chinese, writing nothing', async () => {
      const before = snapshot();
      const e = expectError(await run('fees.registerVacancy', { unitId: unitA, startMonth: '2026-03', endMonth: '2026-04' }));
      expect(e.fields?.endMonth).toBe('空置登记至少 3 个月');
      expect(snapshot()).toEqual(before);
    });

    it('bills 50 % while registered, the full rate in a month with usage above 1 t, and 100 % after expiry', async () => {
      const v = await ok<VacancyRow>('fees.registerVacancy', { unitId: unitA, startMonth: '2026-03', endMonth: '2026-05', note: '业主出国' });
      expect(v).toMatchObject({ months: 3, state: 'active', unitCode: '3-2-1201' });
      await ok('fees.recordReading', { unitId: unitA, meter: 'water', month: '2026-03', reading: 5000 });
      await ok('fees.recordReading', { unitId: unitA, meter: 'water', month: '2026-04', reading: 5100 }); // 1.00 t: still vacant
      await ok('fees.recordReading', { unitId: unitA, meter: 'water', month: '2026-05', reading: 5201, confirmJump: true }); // 1.01 t: occupied
      for (const month of ['2026-03', '2026-04', '2026-05', '2026-06']) await ok('fees.run', { month });
      expect(billsOf(unitA).map((b) => [b.period, b.amount_fen, b.vacancy])).toEqual([
        ['2026-03', 15063, 1],
        ['2026-04', 15063, 1],
        ['2026-05', 30125, 0],
        ['2026-06', 30125, 0],
      ]);
      expect(billsOf(unitA)[0]!.basis).toBe('120.50 m² × 2.50 元/m² × 50%（空置）');
      // Renewal: at least three more months; ending early: from the next month at full rate.
      expect(expectError(await run('fees.renewVacancy', { id: v.id, endMonth: '2026-07' })).message).toContain('续登至少 3 个月');
      expect(await ok<VacancyRow>('fees.renewVacancy', { id: v.id, endMonth: '2026-08' })).toMatchObject({ endMonth: '2026-08', months: 6 });
      expect(await ok<VacancyRow>('fees.endVacancy', { id: v.id, lastMonth: '2026-03', reason: '业主回国入住' })).toMatchObject({ state: 'ended', endMonth: '2026-03' });
    });
  });

  describe('a changed rate', () => {
    it('re-prices only unpaid run bills: voided with a reason and billed again; paid ones stand', async () => {
      for (const month of ['2026-01', '2026-02']) await ok('fees.run', { month });
      // The counter pays January (its own commands; here the state it leaves).
      sqlite().prepare("UPDATE bills SET state = 'paid', paid_at = '2026-02-01T02:00:00.000Z' WHERE period = '2026-01'").run();
      expect(expectError(await run('fees.saveItem', { id: management, name: '物业管理服务费', kind: 'management', method: 'area', rateFen: 300 })).kind).toBe('forbidden');
      const saved = await ok<SaveItemResult>('fees.saveItem', { id: management, name: '物业管理服务费', kind: 'management', method: 'area', rateFen: 300 }, o.as.supervisor);
      expect(saved).toMatchObject({ repriced: 2, item: { rateFen: 300 } });
      expect(billsOf(unitA).map((b) => [b.period, b.amount_fen, b.state, b.void_reason])).toEqual([
        ['2026-01', 30125, 'paid', ''],
        ['2026-02', 30125, 'voided', '收费标准调整，按新单价重开'],
        ['2026-02', 36150, 'unpaid', ''],
      ]);
      // The new bill is still the month's one live bill: the run makes nothing more.
      expect(await ok<RunSummary>('fees.run', { month: '2026-02' })).toMatchObject({ count: 0, alreadyBilled: 2 });
    });

    it('re-prices a whole estate of unpaid bills (more units than one statement may name)', async () => {
      const insert = sqlite().prepare(
        "INSERT INTO units (estate_id, building_id, entrance, room, code, area_dm2, type, state, created_at, updated_at) VALUES (?, ?, '5', ?, ?, 10000, 'residential', 'occupied', 'x', 'x')",
      );
      for (let i = 0; i < 600; i++) insert.run(o.estateId, o.buildingId, `${1000 + i}`, `3-5-${1000 + i}`);
      expect(await ok<RunSummary>('fees.run', { month: '2026-03' })).toMatchObject({ count: 602 });
      const lastAudit = Number(rows('SELECT max(id) AS n FROM audit_log')[0]!.n);
      const saved = await ok<SaveItemResult>('fees.saveItem', { id: management, name: '物业管理服务费', kind: 'management', method: 'area', rateFen: 260 }, o.as.supervisor);
      expect(saved.repriced).toBe(602);
      // Set-wise, like the run: the item's change, then one row for the re-pricing naming every bill it voided.
      const audits = rows('SELECT command, entity, after_json FROM audit_log WHERE id > ? ORDER BY id', lastAudit);
      expect(audits.map((a) => [a.command, a.entity])).toEqual([
        ['fees.saveItem', 'fee_item'],
        ['fees.saveItem', 'fee_item'],
      ]);
      expect(JSON.parse(String(audits[1]!.after_json))).toMatchObject({ repriced: 602, reason: '收费标准调整，按新单价重开' });
      expect(JSON.parse(String(audits[1]!.after_json)).voidedBillIds).toHaveLength(602);
      expect(rows("SELECT state, amount_fen, count(*) n FROM bills WHERE unit_id IN (SELECT id FROM units WHERE entrance = '5') GROUP BY state, amount_fen")).toEqual([
        { state: 'unpaid', amount_fen: 26000, n: 600 },
        { state: 'voided', amount_fen: 25000, n: 600 },
      ]);
    });
  });

  describe('what a unit owes', () => {
    it('lists unpaid bills of every source with months overdue; the late fee is off by default, then graced and capped', async () => {
      await ok('fees.run', { month: '2026-01' });
      await ok('fees.run', { month: '2026-03' });
      const charged = await ok<BillView>('fees.charge', { unitId: unitA, item: '装修垃圾清运费', amountFen: 20000, dueDate: '2026-02-20' });
      expect(charged).toMatchObject({ source: 'charge', sourceLabel: '临时收费', dueDate: '2026-02-20', state: 'unpaid' });
      // A repair's bill (as db/repairs/bills.ts writes it, without a due date) falls due on its office day.
      sqlite()
        .prepare("INSERT INTO bills (unit_id, source, source_id, item, period, amount_fen, state, created_at, created_by, updated_at) VALUES (?, 'repair', 7, '维修费 WX202602100001', NULL, 8800, 'unpaid', '2026-02-09T17:00:00.000Z', 1, 'x')")
        .run(unitA);
      let owed = await ok<UnitUnpaid>('fees.unpaid', { unitId: unitA });
      expect(owed.bills.map((b) => [b.item, b.dueDate, b.monthsOverdue, b.lateFeeFen, b.sourceLabel])).toEqual([
        ['物业管理服务费', '2026-01-15', 2, 0, '月度账单'],
        ['维修费 WX202602100001', '2026-02-10', 1, 0, '维修费'],
        ['装修垃圾清运费', '2026-02-20', 1, 0, '临时收费'],
        ['物业管理服务费', '2026-03-15', 0, 0, '月度账单'],
      ]);
      expect(owed).toMatchObject({ unitCode: '3-2-1201', totalFen: 30125 * 2 + 8800 + 20000, overdueFen: 30125 + 8800 + 20000, monthsOverdue: 2, lateFeeFen: 0 });

      await ok('fees.updateFeeRules', { ...DEFAULT_FEE_RULES, lateFee: { enabled: true, ratePer10k: 5, graceDays: 10, capPercent: 1 } }, o.as.supervisor);
      owed = await ok<UnitUnpaid>('fees.unpaid', { unitId: unitA });
      // Jan 15 + 10 days grace → 36 days to Mar 2: 301.25 × 0.0005 × 36 = 5.42; capped at 1 % = 3.01.
      // The repair bill: due Feb 10, 20 days − 10 = 10 days × 0.0005 × 88.00 = 0.44.
      expect(owed.bills.map((b) => b.lateFeeFen)).toEqual([301, 44, 0, 0]);
      // The goods-pass desk reads the same answer; the key desk has no business with it.
      expect(valueOf(await run('fees.unpaid', { unitId: unitA }, o.as.receptionist))).toEqual(owed);
      expect(expectError(await run('fees.unpaid', { unitId: unitA }, o.as.key_custodian)).kind).toBe('forbidden');
      // The unit card shows it.
      const card = valueOf<UnitCard>(await o.t.run(o.admin, 'estate.unitCard', { id: unitA }));
      expect(card.openItems.find((g) => g.desk === 'fees')?.label).toBe('收费：欠费 2 个月 ¥589.25');
    });
  });

  describe('meter readings (抄表)', () => {
    it('refuses a reading below the last, asks to confirm a jump, and corrects a month only with a reason', async () => {
      await ok('fees.recordReading', { unitId: unitA, meter: 'electricity', month: '2026-01', reading: 100000 });
      await ok('fees.recordReading', { unitId: unitA, meter: 'electricity', month: '2026-02', reading: 110000 });
      const before = snapshot();
      const lower = expectError(await run('fees.recordReading', { unitId: unitA, meter: 'electricity', month: '2026-03', reading: 109999 }));
      expect(lower.message).toBe('读数 1099.99 低于上次读数 1100.00（度），请核对');
      const jump = expectError(await run('fees.recordReading', { unitId: unitA, meter: 'electricity', month: '2026-03', reading: 170000 }));
      expect(jump.fields).toHaveProperty('confirmJump');
      expect(snapshot()).toEqual(before);
      const confirmed = await ok<ReadingRow>('fees.recordReading', { unitId: unitA, meter: 'electricity', month: '2026-03', reading: 170000, confirmJump: true });
      expect(confirmed).toMatchObject({ usage: 60000, unitCode: '3-2-1201' });
      expect(expectError(await run('fees.recordReading', { unitId: unitA, meter: 'electricity', month: '2026-02', reading: 111000 })).fields).toHaveProperty('correctionReason');
      await ok('fees.recordReading', { unitId: unitA, meter: 'electricity', month: '2026-02', reading: 111000, correctionReason: '抄错一位' });
      expect(rows("SELECT month, reading, usage, correction_reason FROM meter_readings WHERE meter = 'electricity' ORDER BY month")).toEqual([
        { month: '2026-01', reading: 100000, usage: null, correction_reason: '' },
        { month: '2026-02', reading: 111000, usage: 11000, correction_reason: '抄错一位' },
        { month: '2026-03', reading: 170000, usage: 59000, correction_reason: '' },
      ]);
    });

    it('imports .xlsx all or nothing: a bad row leaves nothing imported and says which row, in Chinese', async () => {
      await ok('fees.recordReading', { unitId: unitA, meter: 'water', month: '2026-02', reading: 5000 });
      const file = async (lines: (string | number)[][]) => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('抄表');
        sheet.addRow(['房号', '水表读数（吨）', '电表读数（度）']);
        for (const l of lines) sheet.addRow(l);
        return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
      };
      const before = snapshot();
      const bad = await run('fees.importReadings', { month: '2026-03', fileName: '三月抄表.xlsx', contentBase64: await file([['3-2-1201', 40, 100.5], ['3-2-1202', '12.345', ''], ['9-9-999', 1, '']]) });
      const e = expectError(bad);
      expect(e.message).toContain('有 3 处问题，整个文件未导入');
      expect(e.message).toContain('第 2 行：3-2-1201 读数 40.00 低于上次读数 50.00（吨），请核对');
      expect(e.message).toContain('第 3 行：水表读数「12.345」不是最多两位小数的数字');
      expect(e.message).toContain('第 4 行：没有房号 9-9-999');
      expect(snapshot()).toEqual(before);
      const good = await ok<{ imported: number }>('fees.importReadings', { month: '2026-03', fileName: '三月抄表.xlsx', contentBase64: await file([['3-2-1201', 60, 100.5], ['3-2-1202', '12.34', '']]) });
      expect(good).toEqual({ month: '2026-03', imported: 3 });
      expect(rows("SELECT u.code, r.meter, r.reading, r.usage FROM meter_readings r JOIN units u ON u.id = r.unit_id WHERE r.month = '2026-03' ORDER BY u.code, r.meter")).toEqual([
        { code: '3-2-1201', meter: 'electricity', reading: 10050, usage: null },
        { code: '3-2-1201', meter: 'water', reading: 6000, usage: 1000 },
        { code: '3-2-1202', meter: 'water', reading: 1234, usage: null },
      ]);
    });
  });

  describe('arrears and reports', () => {
    beforeEach(async () => {
      for (const month of ['2026-01', '2026-02', '2026-03']) await ok('fees.run', { month });
      // B paid everything but March (not yet due); A paid nothing.
      sqlite().prepare("UPDATE bills SET state = 'paid', paid_at = '2026-02-20T02:00:00.000Z' WHERE unit_id = ? AND period < '2026-03'").run(unitB);
    });

    it('lists units in arrears with months and amount, sorted and filtered by building, and exports the same rows', async () => {
      const report = await ok<ArrearsPage>('fees.arrears', { filters: {} });
      expect(report).toEqual({
        total: 1,
        totalFen: 60250,
        rows: [{ unitId: unitA, unitCode: '3-2-1201', buildingId: o.buildingId, buildingName: '3栋', months: 2, amountFen: 60250, bills: 2, since: '2026-01' }],
      });
      expect(await ok<ArrearsPage>('fees.arrears', { filters: { minMonths: 3 } })).toEqual({ total: 0, totalFen: 0, rows: [] });
      const file = await ok<{ fileName: string; contentBase64: string }>('fees.exportArrears', {});
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.getRow(4).values).toEqual([undefined, '楼栋', '房号', '欠费月数', '欠费笔数', '欠费金额（元）', '最早欠费月份']);
      expect(sheet.getRow(5).values).toEqual([undefined, '3栋', '3-2-1201', 2, 2, 602.5, '2026-01']);
    });

    it('prints the 催缴通知单 for a unit and for a building in batch, counting reprints', async () => {
      const one = await ok<PrintRecord<ReminderBatch>>('fees.printReminder', { record: `U${unitA}` });
      expect(one).toMatchObject({ serial: `U${unitA}`, reprint: 0, voided: false });
      expect(one.data.notices[0]).toMatchObject({ unitCode: '3-2-1201', months: 2, totalFen: 60250, capitals: '陆佰零贰元伍角' });
      expect(one.data.notices[0]!.bills.map((b) => b.period)).toEqual(['2026-01', '2026-02']);
      const batch = await ok<PrintRecord<ReminderBatch>>('fees.printReminder', { record: `B${o.buildingId}` });
      expect(batch.data.notices.map((n) => n.unitCode)).toEqual(['3-2-1201']);
      await ok('fees.reminderPrinted', { form: 'fee-reminder', record: `U${unitA}`, copies: 1, output: 'printer' });
      expect((await ok<PrintRecord<ReminderBatch>>('fees.printReminder', { record: `U${unitA}` })).reprint).toBe(1);
    });

    it('computes the collection rate of a period from the bills', async () => {
      expect(await ok<CollectionRate>('fees.collectionRate', { period: '2026-02' })).toEqual({
        period: '2026-02',
        rows: [{ item: '物业管理服务费', billedFen: 52208, collectedFen: 22083, rate: 22083 / 52208 }],
        total: { item: '合计', billedFen: 52208, collectedFen: 22083, rate: 22083 / 52208 },
      });
    });
  });

  describe('prepayment (createPeriodBills, for the counter)', () => {
    it('makes future months as the run would, so the run later finds them; a paid month cannot be billed again', async () => {
      // The counter's pay command calls createPeriodBills inside its transaction; here a stand-in
      // command does, through a real dispatcher on the same database.
      const dispatcher = createDispatcher({
        db: o.t.app.connection.db,
        clock: o.t.clock.now,
        services: createServices({ setupCode: null, log: createFileLogger(join(o.t.dir, 'prepay-logs')) }),
        handlers: { ...handlers, 'fees.charge': async (ctx, input) => (await createPeriodBills(ctx, input.unitId, input.feeItemId!, [input.item, input.note]))[0]! },
      });
      const prepay = async (periods: [string, string], feeItemId = management) =>
        (await dispatcher.run('fees.charge', { unitId: unitA, feeItemId, item: periods[0], note: periods[1], amountFen: 1 }, { sessionToken: o.as.cashier })).response;
      expect(valueOf<BillView>(await prepay(['2026-05', '2026-04']))).toMatchObject({ period: '2026-04', amountFen: 30125, source: 'fee', dueDate: '2026-04-15' });
      expect(billsOf(unitA).map((b) => b.period)).toEqual(['2026-04', '2026-05']);
      expect(await ok<RunSummary>('fees.run', { month: '2026-04' })).toMatchObject({ count: 1, alreadyBilled: 1 });
      sqlite().prepare("UPDATE bills SET state = 'paid', paid_at = '2026-03-02T01:30:00.000Z' WHERE unit_id = ? AND period = '2026-04'").run(unitA);
      const before = snapshot();
      expect(expectError(await prepay(['2026-04', '2026-06'])).message).toBe('2026-04 的「物业管理服务费」已缴，不能重复缴费');
      const water = await item({ name: '水费', kind: 'collected_for_others', method: 'metered', meter: 'water', rateFen: 350 });
      const afterItem = snapshot();
      expect(expectError(await prepay(['2026-06', '2026-07'], water)).message).toBe('「水费」按表计量，抄表后才能出账，不能预交');
      expect(snapshot()).toEqual(afterItem);
      expect(before.bills).toEqual(afterItem.bills);
    });
  });

  describe('roles', () => {
    // Written out by hand (not read from shared/permissions.ts): the cashier works the desk; fee
    // items, their scope and the fee rules change what every unit owes, so only supervisors and
    // admins set them; the goods-pass desk reads a unit's unpaid bills; the key desk sees none of it.
    const MAY: Record<string, Role[]> = {
      'fees.run': ['cashier', 'supervisor', 'admin'],
      'fees.arrears': ['cashier', 'supervisor', 'admin'],
      'fees.saveItem': ['supervisor', 'admin'],
      'fees.saveAssignment': ['supervisor', 'admin'],
      'fees.updateFeeRules': ['supervisor', 'admin'],
      'fees.unpaid': ['receptionist', 'cashier', 'officer', 'supervisor', 'admin'],
    };
    const INPUT: Record<string, unknown> = {
      'fees.run': { month: '2026-03' },
      'fees.arrears': { filters: {} },
      'fees.saveItem': { name: '公共水电分摊', kind: 'shared_utilities', method: 'fixed', rateFen: 800 },
      'fees.saveAssignment': { feeItemId: 1, scope: 'unit_type', target: 'shop', startMonth: '2026-01' },
      'fees.updateFeeRules': DEFAULT_FEE_RULES,
      'fees.unpaid': { unitId: 1 },
    };
    it.each(ROLES)('%s', async (role) => {
      for (const [name, allowed] of Object.entries(MAY)) {
        const result = await run(name as Name, { ...(INPUT[name] as object), ...(name === 'fees.saveItem' ? { name: `项目-${role}` } : {}) }, o.as[role]);
        if (allowed.includes(role)) expect(result.ok, `${role} ${name} ${JSON.stringify(result)}`).toBe(true);
        else expect(expectError(result).kind, `${role} ${name}`).toBe('forbidden');
      }
    });
  });

  describe('bad input', () => {
    it('refuses in Chinese and writes nothing', async () => {
      const before = snapshot();
      const cases: [Name, unknown, string, string][] = [
        ['fees.saveItem', { name: '停车费', kind: 'parking', method: 'fixed', rateFen: 150.5 }, 'rateFen', '金额以分为单位，必须是整数'],
        ['fees.saveItem', { name: '停车费', kind: 'parking', method: 'fixed', rateFen: 0 }, 'rateFen', '金额必须大于 0'],
        ['fees.saveItem', { name: '水费', kind: 'other', method: 'metered', rateFen: 350 }, 'meter', '按表计量的项目请选择水表或电表'],
        ['fees.charge', { unitId: unitA, item: '清运费', amountFen: -100 }, 'amountFen', '金额不能为负数'],
        ['fees.charge', { unitId: unitA, item: '清运费', amountFen: 100_000_000_000 }, 'amountFen', '金额不能超过 ¥999,999,999.99'],
        ['fees.run', { month: '2026-13' }, 'month', '月份格式应为 YYYY-MM'],
        ['fees.recordReading', { unitId: unitA, meter: 'water', month: '2026-03', reading: 12.5 }, 'reading', '读数以 0.01 为单位，必须是整数（12.34 吨写作 1234）'],
        ['fees.saveAssignment', { feeItemId: management, scope: 'unit', target: String(unitA), startMonth: '2026-05', endMonth: '2026-04' }, 'endMonth', '结束月份不能早于开始月份'],
      ];
      for (const [name, input, field, message] of cases) {
        const e = expectError(await run(name, input, o.as.supervisor));
        expect(e.kind, name).toBe('validation');
        expect(e.fields?.[field], `${name} ${field}`).toBe(message);
      }
      expect(expectError(await run('fees.saveItem', { id: management, name: '物业管理服务费', kind: 'management', method: 'fixed', rateFen: 250 }, o.as.supervisor)).message).toContain(
        '不能修改',
      );
      expect(snapshot()).toEqual(before);
    });

    it('keeps bill amounts fixed and items undeletable in the database', () => {
      expect(() => sqlite().prepare('DELETE FROM fee_items WHERE id = ?').run(management)).toThrow('收费项目不可删除，请停用');
      sqlite().prepare("INSERT INTO bills (unit_id, source, item, amount_fen, state, created_at, created_by, updated_at, basis) VALUES (?, 'charge', 'x', 100, 'unpaid', '2026-03-01T00:00:00.000Z', 1, 'x', 'a')").run(unitA);
      expect(() => sqlite().prepare("UPDATE bills SET basis = 'b'").run()).toThrow('账单金额和来源不可修改');
      expect(rows('SELECT due_date FROM bills')).toEqual([{ due_date: '2026-03-01' }]);
    });
  });
});
