import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SUMMARY_COLUMNS } from '../../shared/repairs-summary';
import type { EntryDetail } from '../../shared/contract/reception';
import type { MonthlySummary, OrderDetail, OrderRow, TechnicianLoad } from '../../shared/contract/repairs';
import type { Page } from '../../shared/contract/paging';
import type { UnitCard } from '../../shared/contract/estate';
import type { PrintRecord } from '../../shared/print';
import { expectError, PASSWORD, valueOf } from '../support/app';
import { DEFAULT_REPAIR_LIMITS, newRepairCategoryKey } from '../../shared/repairs';
import { office, TARGET, type Office } from '../security/support';

/**
 * 报修派工 through the real dispatcher on a real SQLite file: orders opened from the counter's
 * reception log and directly, dispatch, the returned slip with its materials and the bill it puts
 * on the unit, call-backs, the monthly summary and the printed 维修单 — and the bad input,
 * each refused in Chinese with nothing written.
 */
describe('repairs desk', () => {
  let o: Office;
  let techA: number;
  let techB: number;
  const sqlite = () => o.t.app.connection.sqlite;
  const rows = (sql: string, ...args: unknown[]) => sqlite().prepare(sql).all(...args) as Record<string, unknown>[];
  /** What a refused command must leave as it was. */
  const snapshot = () => ({
    orders: rows('SELECT * FROM repair_orders ORDER BY id'),
    events: o.count('repair_events'),
    materials: o.count('repair_materials'),
    bills: rows('SELECT * FROM bills ORDER BY id'),
    audits: o.count('audit_log'),
  });
  const run = (name: Parameters<Office['t']['run']>[1], input: unknown, who = o.as.receptionist) => o.t.run(who, name, input as never);
  const ok = async <T = OrderDetail>(name: Parameters<Office['t']['run']>[1], input: unknown, who = o.as.receptionist) => valueOf<T>(await run(name, input, who));

  beforeEach(async () => {
    o = await office();
    const departmentId = valueOf<{ id: number; name: string }[]>(await o.t.run(o.admin, 'staff.departments', {})).find((d) => d.name === '工程部')!.id;
    techA = valueOf<{ id: number }>(await o.t.run(o.admin, 'staff.save', { name: '张师傅', departmentId, position: '水电工' })).id;
    techB = valueOf<{ id: number }>(await o.t.run(o.admin, 'staff.save', { name: '李师傅', departmentId, position: '木工' })).id;
  });
  afterEach(() => o.t.close());

  /** Move the test clock and sign the receptionist in again (an idle session locks, as at the counter). */
  const moveTo = async (iso: string) => {
    o.t.clock.time = new Date(iso);
    const out = await o.t.app.dispatcher.run('auth.login', { login: 'only_receptionist', password: PASSWORD }, { sessionToken: null });
    o.as.receptionist = out.session!.token!;
  };
  const later = (minutes: number) => moveTo(new Date(o.t.clock.time.getTime() + minutes * 60_000).toISOString());

  const openInHome = (extra: Record<string, unknown> = {}) =>
    ok('repairs.open', { scope: 'in_home', unitId: o.unitId, personId: o.targetId, category: 'plumbing_electric', description: '厨房水管漏水', ...extra });

  /** Through 提交验收, as the desk records the technician's calls. */
  const toInspection = async (id: number) => {
    await ok('repairs.dispatch', { id, technicianId: techA });
    await ok('repairs.arrive', { id });
    await ok('repairs.start', { id });
    return ok('repairs.submit', { id });
  };
  const completion = (id: number, extra: Record<string, unknown> = {}) => ({
    id,
    materials: [
      { name: 'PPR 水管', spec: 'DN20', model: '联塑', quantity: 150, unitPriceFen: 1200 },
      { name: '直接头', spec: 'DN20', quantity: 2_00, unitPriceFen: 350 },
    ],
    labourFen: 5000,
    materialsConfirmed: true,
    signer: 'owner',
    signerName: TARGET.name,
    satisfaction: 'satisfied',
    ...extra,
  });

  it('turns a 报修 entry into an order in one action, carrying unit, contact, content and scope, linked both ways', async () => {
    const entry = valueOf<EntryDetail>(
      await run('reception.log', { channel: 'visit', category: 'repair', repairScope: 'in_home', unitId: o.unitId, personId: o.targetId, content: '厨房水管漏水，需上门' }),
    );
    const order = await ok('repairs.openFromEntry', { entryId: entry.id, category: 'plumbing_electric', chargeable: true, chargeItems: '水管按米计价 12 元/米，人工 50 元' });
    expect(order).toMatchObject({
      scope: 'in_home',
      unitId: o.unitId,
      unitCode: '3-2-1101',
      contactName: TARGET.name,
      contactPhone: TARGET.mobile,
      description: '厨房水管漏水，需上门',
      entryId: entry.id,
      entryNo: entry.no,
      state: 'pending',
    });
    expect(order.no).toMatch(/^WX\d{12}$/);
    expect(valueOf<EntryDetail>(await run('reception.get', { id: entry.id })).repairOrderNo).toBe(order.no);

    // Once only: a second try names the order it already became.
    const before = snapshot();
    expect(expectError(await run('repairs.openFromEntry', { entryId: entry.id, category: 'plumbing_electric' }))).toMatchObject({ kind: 'conflict', message: `${entry.no} 已转为维修单 ${order.no}` });
    // Not from another category.
    const enquiry = valueOf<EntryDetail>(await run('reception.log', { channel: 'call', category: 'enquiry', contactName: '王五', content: '物业费缴费时间' }));
    const afterEnquiry = snapshot();
    expect(expectError(await run('repairs.openFromEntry', { entryId: enquiry.id, category: 'other' })).message).toBe(`${enquiry.no} 不是报修登记，不能转维修单`);
    expect(snapshot()).toEqual(afterEnquiry);
    expect(before.orders).toHaveLength(1);
  });

  it('opens a public order at a location; refuses one without a place, a chargeable public one, and an in-home one without a unit', async () => {
    const order = await ok('repairs.open', { scope: 'public', location: '3栋2单元 电梯厅', category: 'elevator', description: '电梯按键失灵', contactName: '片区管理员甲' });
    expect(order).toMatchObject({ scope: 'public', unitId: null, location: '3栋2单元 电梯厅' });
    const before = snapshot();
    expect(expectError(await run('repairs.open', { scope: 'public', category: 'elevator', description: '电梯坏了' })).fields).toEqual({ location: '公共报修请填写位置（楼栋、单元或区域）' });
    expect(expectError(await run('repairs.open', { scope: 'in_home', category: 'other', description: '门坏了' })).fields).toEqual({ unitId: '入户维修请选择房屋' });
    expect(expectError(await run('repairs.open', { scope: 'public', location: '中心花园', category: 'other', description: '长椅损坏', chargeable: true, chargeItems: '50 元' })).message).toBe(
      '公共报修不向业主收费，请选择无偿',
    );
    expect(expectError(await run('repairs.open', { scope: 'in_home', unitId: o.unitId, category: 'other', description: '门坏了', chargeable: true })).fields).toEqual({
      chargeItems: '有偿维修请填写已告知业主的收费项目和金额',
    });
    expect(snapshot()).toEqual(before);
  });

  it('refuses an appointment further in the past than the settings allow, and takes one within it', async () => {
    const now = o.t.clock.time.getTime();
    const before = snapshot();
    const refused = expectError(await run('repairs.open', { scope: 'in_home', unitId: o.unitId, personId: o.targetId, category: 'other', description: '门坏了', appointmentAt: new Date(now - 61 * 60_000).toISOString() }));
    expect(refused).toMatchObject({ kind: 'validation', fields: { appointmentAt: '预约时间最多早于现在 60 分钟' } });
    expect(snapshot()).toEqual(before);
    const order = await openInHome({ appointmentAt: new Date(now - 60 * 60_000).toISOString() });
    expect(order.appointmentAt).toBe(new Date(now - 60 * 60_000).toISOString());
    // The admin tightens it: no appointment in the past at all.
    valueOf(await o.t.run(o.admin, 'repairs.updateSettings', { arriveMinutes: 15, backMinutes: 30, inspectionMinutes: 2880, callbackMinutes: 10080, dueSoonMinutes: 10, appointmentPastMinutes: 0, maskPhoneOnSlip: false }));
    expect(expectError(await run('repairs.open', { scope: 'in_home', unitId: o.unitId, category: 'other', description: '门坏了', contactName: '甲', appointmentAt: new Date(now - 60_000).toISOString() })).message).toBe('预约时间不能早于现在');
  });

  it('dispatches only to staff still employed, shows each technician’s load, and transfers to another', async () => {
    const order = await openInHome();
    valueOf(await o.t.run(o.admin, 'staff.save', { id: techB, name: '李师傅', departmentId: (sqlite().prepare('SELECT department_id d FROM staff WHERE id = ?').get(techB) as { d: number }).d, active: false }));
    const before = snapshot();
    expect(expectError(await run('repairs.dispatch', { id: order.id, technicianId: techB }))).toMatchObject({ kind: 'validation', message: '李师傅 已停用（离职或调离），不能派单' });
    expect(snapshot()).toEqual(before);

    const dispatched = await ok('repairs.dispatch', { id: order.id, technicianId: techA });
    expect(dispatched).toMatchObject({ state: 'dispatched', technicianId: techA, technicianLabel: '张师傅（工程部）' });
    const loads = await ok<TechnicianLoad[]>('repairs.technicians', {});
    expect(loads.map((l) => [l.name, l.open, l.today])).toEqual([['张师傅', 1, 1]]);
    // 转单 to a disabled one is refused too; to the same one makes no sense.
    expect(expectError(await run('repairs.transfer', { id: order.id, technicianId: techB, reason: '请假' })).kind).toBe('validation');
    expect(expectError(await run('repairs.transfer', { id: order.id, technicianId: techA, reason: '请假' })).message).toBe('转单请选择另一位师傅');
  });

  it('refuses negative or fractional fen and quantities, and completion without the materials confirmed — nothing half-written', async () => {
    const order = await openInHome({ chargeable: true, chargeItems: '按实际材料，人工 50 元' });
    await toInspection(order.id);
    const before = snapshot();
    const bad: [Record<string, unknown>, string, string][] = [
      [{ labourFen: -100 }, 'labourFen', '金额不能为负数'],
      [{ labourFen: 12.5 }, 'labourFen', '金额以分为单位，必须是整数'],
      [{ materials: [{ name: '水管', quantity: 150, unitPriceFen: -1 }] }, 'materials.0.unitPriceFen', '金额不能为负数'],
      [{ materials: [{ name: '水管', quantity: 150, unitPriceFen: 99.9 }] }, 'materials.0.unitPriceFen', '金额以分为单位，必须是整数'],
      [{ materials: [{ name: '水管', quantity: 1.5, unitPriceFen: 1200 }] }, 'materials.0.quantity', '数量以 1/100 为单位，必须是整数（如 1.5 米写作 150）'],
      [{ materials: [{ name: '水管', quantity: 0, unitPriceFen: 1200 }] }, 'materials.0.quantity', '数量必须大于 0'],
      [{ materialsConfirmed: false }, 'materialsConfirmed', '请先请业主当面核对材料并勾选“材料已核对”'],
    ];
    for (const [change, field, message] of bad) {
      const error = expectError(await run('repairs.complete', completion(order.id, change)));
      expect(error.kind, field).toBe('validation');
      expect(error.fields?.[field], field).toBe(message);
    }
    const wrongSigner = expectError(await run('repairs.complete', completion(order.id, { signer: 'officer' })));
    expect(wrongSigner.message).toBe('入户维修由业主签字确认');
    expect(snapshot()).toEqual(before);
  });

  it('a chargeable completion records the slip’s lines and puts one unpaid bill on the unit, shown on the order and the unit card', async () => {
    const order = await openInHome({ chargeable: true, chargeItems: '水管 12 元/米，接头 3.5 元/个，人工 50 元' });
    await toInspection(order.id);
    const done = await ok('repairs.complete', completion(order.id));
    // 1.5 m × ¥12.00 = ¥18.00; 2 × ¥3.50 = ¥7.00; labour ¥50.00.
    expect(done.materials.map((m) => [m.name, m.quantity, m.amountFen])).toEqual([
      ['PPR 水管', 150, 1800],
      ['直接头', 200, 700],
    ]);
    expect(done).toMatchObject({ state: 'completed', materialsFen: 2500, labourFen: 5000, totalFen: 7500, amountDueFen: 7500, billState: 'unpaid', signer: 'owner', satisfaction: 'satisfied' });
    expect(rows("SELECT unit_id, source, source_id, item, amount_fen, state FROM bills")).toEqual([
      { unit_id: o.unitId, source: 'repair', source_id: order.id, item: `维修费 ${order.no}`, amount_fen: 7500, state: 'unpaid' },
    ]);
    const card = valueOf<UnitCard>(await o.t.run(o.as.receptionist, 'estate.unitCard', { id: o.unitId }));
    // The fees desk lists it with the unit's other bills, for the cashier to take; repairs no longer lists the order.
    expect(card.openItems.find((g) => g.desk === 'repairs')).toBeUndefined();
    const fees = card.openItems.find((g) => g.desk === 'fees')!;
    expect(fees.items.map((i) => i.title)).toEqual([`维修费 ${order.no} ¥75.00`]);
    // The bill's amount and origin are fixed in the database itself.
    expect(() => sqlite().prepare('UPDATE bills SET amount_fen = 1').run()).toThrow(/账单金额和来源不可修改/);
    expect(() => sqlite().prepare('DELETE FROM bills').run()).toThrow(/账单不可删除/);
    expect(() => sqlite().prepare('DELETE FROM repair_materials').run()).toThrow(/材料记录不可删除/);
  });

  it('a free order records its materials but bills nothing', async () => {
    const order = await openInHome();
    await toInspection(order.id);
    const done = await ok('repairs.complete', completion(order.id));
    expect(done).toMatchObject({ totalFen: 7500, amountDueFen: null, billState: null });
    expect(o.count('bills')).toBe(0);
  });

  it('two operators completing the same order at once: one wins, the other gets a Chinese conflict, one bill', async () => {
    const order = await openInHome({ chargeable: true, chargeItems: '人工 50 元' });
    await toInspection(order.id);
    const officer = o.as.officer;
    const [a, b] = await Promise.all([run('repairs.complete', completion(order.id)), run('repairs.complete', completion(order.id, { labourFen: 9900 }), officer)]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = expectError(results.find((r) => !r.ok)!);
    expect(loser.kind).toBe('conflict');
    expect(loser.message).toMatch(/\p{Script=Han}/u);
    expect(o.count('bills')).toBe(1);
    expect(o.count('repair_materials')).toBe(2);
    expect(rows("SELECT count(*) n FROM repair_events WHERE kind = 'complete'")).toEqual([{ n: 1 }]);
  });

  it('a stale write is refused by the UPDATE itself: the state and version read must still hold', async () => {
    const order = await openInHome();
    await toInspection(order.id);
    // Another window changed the order after this one read it: simulated by moving its version on.
    sqlite().prepare("CREATE TEMP TRIGGER bump AFTER INSERT ON repair_materials BEGIN UPDATE repair_orders SET updated_at = 'x' WHERE id = NEW.order_id; END").run();
    try {
      const before = snapshot();
      const error = expectError(await run('repairs.complete', completion(order.id)));
      expect(error).toMatchObject({ kind: 'conflict', message: `维修单 ${order.no} 刚被其他人更新，请刷新后再试` });
      expect(snapshot()).toEqual(before);
    } finally {
      sqlite().prepare('DROP TRIGGER temp.bump').run();
    }
  });

  it('不满意 at the call-back reopens the order; the next round re-bills an unpaid charge, and a paid one stands', async () => {
    const order = await openInHome({ chargeable: true, chargeItems: '人工 50 元' });
    await toInspection(order.id);
    await ok('repairs.complete', completion(order.id));
    const reopened = await ok('repairs.callback', { id: order.id, result: 'unsatisfied', process: 'satisfied', person: 'fair', notes: '仍有渗水' });
    expect(reopened).toMatchObject({ state: 'pending', round: 2, completedAt: null, amountDueFen: 7500, billState: 'unpaid' });
    expect(reopened.events.map((e) => e.kind).slice(-2)).toEqual(['callback', 'reopen']);
    expect(reopened.callback).toMatchObject({ result: 'unsatisfied', process: 'satisfied', person: 'fair', notes: '仍有渗水' });

    await toInspection(order.id);
    const second = await ok('repairs.complete', completion(order.id, { materials: [], labourFen: 3000 }));
    expect(second).toMatchObject({ round: 2, totalFen: 3000, amountDueFen: 3000, billState: 'unpaid' });
    expect(rows('SELECT amount_fen, state FROM bills ORDER BY id')).toEqual([
      { amount_fen: 7500, state: 'voided' },
      { amount_fen: 3000, state: 'unpaid' },
    ]);
    // The fees desk settles it; a further rework is not charged again.
    sqlite().prepare("UPDATE bills SET state = 'paid', paid_at = '2026-03-02T02:00:00.000Z' WHERE state = 'unpaid'").run();
    await ok('repairs.reopen', { id: order.id, reason: '业主投诉仍有渗水' });
    await toInspection(order.id);
    const third = await ok('repairs.complete', completion(order.id, { materials: [], labourFen: 2000 }));
    expect(third).toMatchObject({ amountDueFen: 3000, billState: 'paid' });
    expect(third.events.at(-1)!.text).toContain('已缴账单 ¥30.00 保留，返工不另收费');
    expect(o.count('bills')).toBe(2);
  });

  it('an in-home order is called back before it is closed; a public one closes after completion', async () => {
    const home = await openInHome();
    await toInspection(home.id);
    await ok('repairs.complete', completion(home.id));
    const before = snapshot();
    expect(expectError(await run('repairs.close', { id: home.id }))).toMatchObject({ kind: 'conflict', message: '入户维修须先回访，再关闭工单' });
    expect(snapshot()).toEqual(before);
    await ok('repairs.callback', { id: home.id, result: 'satisfied', process: 'fair', person: 'satisfied' });
    expect((await ok('repairs.close', { id: home.id })).state).toBe('closed');

    const pub = await ok('repairs.open', { scope: 'public', location: '中心花园', category: 'public_facilities', description: '路灯不亮', contactName: '片区管理员甲' });
    await toInspection(pub.id);
    await ok('repairs.complete', completion(pub.id, { signer: 'officer', signerName: '片区管理员甲' }));
    expect((await ok('repairs.close', { id: pub.id })).state).toBe('closed');
  });

  it('finds an order by its number (typed or scanned) and lists by technician, unit, state and mine', async () => {
    const a = await openInHome();
    const b = await ok('repairs.open', { scope: 'public', location: '中心花园', category: 'public_facilities', description: '路灯不亮', contactName: '甲' }, o.as.officer);
    await ok('repairs.dispatch', { id: a.id, technicianId: techA });
    expect((await ok('repairs.get', { no: ` ${a.no.toLowerCase()} ` })).id).toBe(a.id);
    expect(expectError(await run('repairs.get', { no: 'WX2026' })).fields).toEqual({ no: '维修单号格式不正确（如 WX202611250007）' });
    const ids = async (filters: Record<string, unknown>, who = o.as.receptionist) => (await ok<Page<OrderRow>>('repairs.list', { filters }, who)).rows.map((r) => r.id);
    expect(await ids({ technicianId: techA })).toEqual([a.id]);
    expect(await ids({ unitId: o.unitId })).toEqual([a.id]);
    expect(await ids({ state: 'pending' })).toEqual([b.id]);
    expect(await ids({ scope: 'public' })).toEqual([b.id]);
    expect(await ids({ mine: true })).toEqual([a.id]);
    expect(await ids({ mine: true }, o.as.officer)).toEqual([b.id]);
    expect((await ok<Page<OrderRow>>('repairs.list', { filters: {} })).total).toBe(2);
    // Unfiltered, the total comes from the count an insert trigger keeps (no scan of every order).
    expect(rows('SELECT n FROM repair_order_count')).toEqual([{ n: 2 }]);
    await openInHome();
    expect(rows('SELECT n FROM repair_order_count')).toEqual([{ n: 3 }]);
    expect((await ok<Page<OrderRow>>('repairs.list', { filters: {} })).total).toBe(3);
  });

  it('prints the 维修单 from the record: number, 补打 count, 作废 mark, the phone masked when settings say so', async () => {
    const order = await openInHome();
    const first = await ok<PrintRecord<OrderDetail>>('repairs.printSlip', { no: order.no });
    expect(first).toMatchObject({ serial: order.no, reprint: 0, voided: false, data: { contactPhone: TARGET.mobile, unitCode: '3-2-1101' } });
    valueOf(await run('repairs.printed', { form: 'repair-order', record: order.no, copies: 2, output: 'printer' }));
    expect((await ok<PrintRecord<OrderDetail>>('repairs.printSlip', { no: order.no })).reprint).toBe(1);
    valueOf(await o.t.run(o.admin, 'repairs.updateSettings', { arriveMinutes: 15, backMinutes: 30, inspectionMinutes: 2880, callbackMinutes: 10080, dueSoonMinutes: 10, appointmentPastMinutes: 60, maskPhoneOnSlip: true }));
    expect((await ok<PrintRecord<OrderDetail>>('repairs.printSlip', { no: order.no })).data.contactPhone).toBe(TARGET.mobileMasked);
    await ok('repairs.void', { id: order.id, reason: '重复报修' });
    expect((await ok<PrintRecord<OrderDetail>>('repairs.printSlip', { no: order.no })).voided).toBe(true);
    expect(expectError(await run('repairs.printed', { form: 'repair-order', record: 'WX202001010001', copies: 1, output: 'printer' })).kind).toBe('not_found');
  });

  it('the monthly summary counts by category and scope, with response and completion times, on-time and satisfaction rates', async () => {
    await moveTo('2026-03-10T01:00:00.000Z'); // 09:00 office time
    // Order 1: in-home water, arrives 20 min after the appointment (late), completed, called back.
    const one = await openInHome();
    await ok('repairs.dispatch', { id: one.id, technicianId: techA });
    await later(20);
    await ok('repairs.arrive', { id: one.id });
    await ok('repairs.start', { id: one.id });
    await later(40);
    await ok('repairs.submit', { id: one.id });
    await ok('repairs.complete', completion(one.id, { satisfaction: 'fair' }));
    await ok('repairs.callback', { id: one.id, result: 'satisfied', process: 'satisfied', person: 'satisfied' });
    // Order 2: in-home water, on time, signed 不满意, not yet called back.
    await moveTo('2026-03-11T01:00:00.000Z');
    const two = await openInHome();
    await ok('repairs.dispatch', { id: two.id, technicianId: techA });
    await later(10);
    await ok('repairs.arrive', { id: two.id });
    await ok('repairs.start', { id: two.id });
    await later(50);
    await ok('repairs.submit', { id: two.id });
    await ok('repairs.complete', completion(two.id, { satisfaction: 'unsatisfied' }));
    // Order 3: public elevator, still pending. Order 4: voided (not counted).
    await ok('repairs.open', { scope: 'public', location: '3栋电梯', category: 'elevator', description: '电梯异响', contactName: '甲' });
    const four = await openInHome();
    await ok('repairs.void', { id: four.id, reason: '重复报修' });
    // An order of April is not in March.
    await moveTo('2026-03-31T16:30:00.000Z'); // 2026-04-01 00:30 office time
    await openInHome();

    const s = await ok<MonthlySummary>('repairs.summary', { month: '2026-03' });
    expect(s.voided).toBe(1);
    expect(s.rows.map((r) => [r.category, r.scope, r.count])).toEqual([
      ['elevator', 'public', 1],
      ['plumbing_electric', 'in_home', 2],
    ]);
    const water = s.rows.find((r) => r.category === 'plumbing_electric')!;
    expect(water).toMatchObject({
      completed: 2,
      avgResponseMinutes: 15, // 20 and 10
      avgCompletionMinutes: 60, // 60 and 60
      satisfaction: { total: 2, onTime: 1, rate: 0.5 },
      callbacks: { total: 2, onTime: 1, rate: 0.5 },
    });
    expect(water.onTime.arrive).toEqual({ total: 2, onTime: 1, rate: 0.5 });
    expect(water.onTime.inspection).toEqual({ total: 2, onTime: 2, rate: 1 });
    expect(water.onTime.back).toEqual({ total: 0, onTime: 0, rate: null });
    expect(s.total).toMatchObject({ category: null, scope: null, count: 3, completed: 2 });
    expect(s.countRule).toContain('本月作废 1 张');

    // The .xlsx carries the same rows under the same headings as the screen and the A4 form.
    const file = await ok<{ fileName: string; contentBase64: string }>('repairs.exportSummary', { month: '2026-03' });
    expect(file.fileName).toBe('维修月度汇总-2026-03.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('维修月度汇总')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(6)).toEqual(SUMMARY_COLUMNS.map((c) => c.title));
    expect(values(7).slice(0, 4)).toEqual(['电梯', '公共报修', 1, 0]);
    expect(values(8)).toEqual(SUMMARY_COLUMNS.map((c) => (c.key === 'count' || c.key === 'completed' ? Number(c.value(water)) : c.value(water))));
    expect(values(8)).toContain('50%（1/2）');
    expect(values(9).slice(0, 4)).toEqual(['合计', '', 3, 2]);
  });

  it('the office edits 维修类别: renamed and added ones are offered and labelled; a stopped one is refused for new orders but still reads on old ones; none can be removed', async () => {
    const old = await openInHome();
    const limits = valueOf<{ repairLimits: typeof DEFAULT_REPAIR_LIMITS }>(await o.t.run(o.admin, 'settings.get', {})).repairLimits;
    const edited = [
      ...limits.categories.map((c) => (c.key === 'plumbing_electric' ? { ...c, label: '水电暖', enabled: false } : c)),
      { key: newRepairCategoryKey(limits.categories), label: '智能门锁', enabled: true },
    ];
    valueOf(await o.t.run(o.admin, 'repairs.updateSettings', { ...limits, categories: edited }));

    const lock = await openInHome({ category: 'c1', description: '门锁没电' });
    expect([lock.category, lock.categoryLabel]).toEqual(['c1', '智能门锁']);
    expect((await ok('repairs.get', { id: old.id })).categoryLabel).toBe('水电暖');
    const listed = await ok<Page<OrderRow>>('repairs.list', { filters: { category: 'c1' } });
    expect(listed.rows.map((r) => [r.no, r.categoryLabel])).toEqual([[lock.no, '智能门锁']]);

    const before = snapshot();
    expect(expectError(await run('repairs.open', { scope: 'in_home', unitId: o.unitId, category: 'plumbing_electric', personId: o.targetId, description: '漏水' })).message).toBe('维修类别“水电暖”已停用，请选择其他类别');
    expect(expectError(await run('repairs.open', { scope: 'in_home', unitId: o.unitId, category: 'nosuch', personId: o.targetId, description: '漏水' })).message).toBe('没有这个维修类别，请重新选择');
    expect(snapshot()).toEqual(before);

    const settingsBefore = rows("SELECT value_json FROM settings WHERE key = 'repairLimits'");
    const dropped = expectError(await o.t.run(o.admin, 'repairs.updateSettings', { ...limits, categories: edited.filter((c) => c.key !== 'elevator') }));
    expect(dropped.message).toBe('维修类别不能删除，只能停用：电梯');
    const duplicate = expectError(await o.t.run(o.admin, 'repairs.updateSettings', { ...limits, categories: [...edited, { key: 'c2', label: '智能门锁', enabled: true }] }));
    expect(duplicate.kind).toBe('validation');
    expect(JSON.stringify(duplicate)).toContain('类别名称“智能门锁”重复');
    expect(rows("SELECT value_json FROM settings WHERE key = 'repairLimits'")).toEqual(settingsBefore);
  });
});
