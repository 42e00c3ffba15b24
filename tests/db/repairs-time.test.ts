import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderDetail, OrderRow, RepairAttention } from '../../shared/contract/repairs';
import type { Page } from '../../shared/contract/paging';
import type { DeskAttention } from '../../shared/contract/shell';
import { DEFAULT_REPAIR_LIMITS, minutesLate, orderNextDueAt, orderTime, type OrderClock } from '../../shared/repairs';
import { ADMIN, createTestApp, expectError, PASSWORD, valueOf, type TestApp } from '../support/app';

/**
 * The procedure's time rules (15 min to arrive after the appointment, 30 min back on site after
 * technical review, 2 days to inspection, 7 days to the call-back) at minute resolution, across
 * office midnight (Asia/Shanghai, UTC+8): the due instant is on time, a minute after is late, and
 * the lateness is kept on the timeline and the order for the reports.
 */
describe('repair time rules', () => {
  const clockOf = (over: Partial<OrderClock> = {}): OrderClock => ({
    state: 'dispatched',
    arriveDueAt: '2026-03-02T16:05:00.000Z',
    arrivedAt: null,
    backDueAt: null,
    backAt: null,
    inspectionDueAt: null,
    completedAt: null,
    callbackDueAt: null,
    calledBackAt: null,
    ...over,
  });

  it('counts down to the next deadline and stops while paused or once closed', () => {
    expect(orderNextDueAt(clockOf())).toBe('2026-03-02T16:05:00.000Z');
    expect(orderNextDueAt(clockOf({ state: 'paused' }))).toBeNull();
    expect(orderNextDueAt(clockOf({ arrivedAt: '2026-03-02T16:00:00.000Z' }))).toBeNull();
    expect(orderTime(clockOf(), new Date('2026-03-02T15:55:00.000Z'), DEFAULT_REPAIR_LIMITS)).toMatchObject({ kind: 'due_soon', key: 'arrive', text: '到场 剩 10分' });
    expect(orderTime(clockOf(), new Date('2026-03-02T16:35:00.000Z'), DEFAULT_REPAIR_LIMITS)).toMatchObject({ kind: 'overdue', text: '到场 超时 30分' });
    expect(orderTime(clockOf({ state: 'paused' }), new Date('2026-03-02T16:35:00.000Z'), DEFAULT_REPAIR_LIMITS).kind).toBe('stopped');
    expect(minutesLate('2026-03-02T16:05:00.000Z', '2026-03-02T16:05:00.000Z')).toBe(0);
    expect(minutesLate('2026-03-02T16:05:00.000Z', '2026-03-02T16:05:01.000Z')).toBe(1);
  });

  let t: TestApp;
  let token: string;
  let admin: string;
  let tech: number;
  const run = (name: Parameters<TestApp['run']>[1], input: unknown) => t.run(token, name, input as never);
  const ok = async <T = OrderDetail>(name: Parameters<TestApp['run']>[1], input: unknown) => valueOf<T>(await run(name, input));
  /** Set the office clock and sign in again (an idle session locks, as at the counter); the admin too. */
  const at = async (iso: string) => {
    t.clock.time = new Date(iso);
    token = (await t.app.dispatcher.run('auth.login', { login: 'desk', password: PASSWORD }, { sessionToken: null })).session!.token!;
    admin = (await t.app.dispatcher.run('auth.login', { login: ADMIN.login, password: ADMIN.password }, { sessionToken: null })).session!.token!;
  };
  const listIds = async (filters: Record<string, unknown>) => (await ok<Page<OrderRow>>('repairs.list', { filters })).rows.map((r) => r.id);
  const open = (appointmentAt: string | null = null) =>
    ok('repairs.open', { scope: 'public', location: '3栋2单元 楼道', category: 'plumbing_electric', description: '楼道灯不亮', contactName: '片区管理员甲', appointmentAt });

  beforeEach(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    token = await t.operatorWith(['receptionist'], 'desk');
    const departmentId = valueOf<{ id: number }[]>(await t.run(admin, 'staff.departments', {}))[0]!.id;
    tech = valueOf<{ id: number }>(await t.run(admin, 'staff.save', { name: '张师傅', departmentId })).id;
  });
  afterEach(() => t.close());

  it('arrival: 15 minutes after a 23:50 appointment is 00:05 the next office day; the due minute is on time, the next is late and flagged', async () => {
    await at('2026-03-02T15:40:00.000Z'); // 23:40 office time, 2 March
    const onTime = await open('2026-03-02T15:50:00.000Z');
    const late = await open('2026-03-02T15:50:00.000Z');
    expect(onTime.deadlines).toEqual([expect.objectContaining({ key: 'arrive', dueAt: '2026-03-02T16:05:00.000Z', metAt: null })]);
    for (const o of [onTime, late]) await ok('repairs.dispatch', { id: o.id, technicianId: tech });

    await at('2026-03-02T16:05:00.000Z'); // 00:05, 3 March
    expect(await listIds({ due: 'overdue' })).toEqual([]);
    const arrived = await ok('repairs.arrive', { id: onTime.id });
    expect(arrived.events.at(-1)).toMatchObject({ kind: 'arrive', deadline: 'arrive', lateMinutes: 0, text: '到场' });

    await at('2026-03-02T16:06:00.000Z');
    expect(await listIds({ due: 'overdue' })).toEqual([late.id]);
    const badge = valueOf<Record<string, DeskAttention>>(await run('shell.attention', {})).repairs!;
    expect((badge.counts as unknown as RepairAttention).overdue).toBe(1);
    const flagged = await ok('repairs.arrive', { id: late.id });
    expect(flagged.events.at(-1)).toMatchObject({ kind: 'arrive', deadline: 'arrive', lateMinutes: 1, text: '到场（超时 1 分钟）' });
    expect(flagged.deadlines[0]!.status.kind).toBe('met_late');
    expect(await listIds({ due: 'overdue' })).toEqual([]);
  });

  it('arrival as reported by phone: recorded later at the time the technician gave, 20 minutes after the appointment, flagged 5 minutes late', async () => {
    await at('2026-03-02T02:00:00.000Z');
    const o = await open('2026-03-02T02:00:00.000Z');
    await ok('repairs.dispatch', { id: o.id, technicianId: tech });
    await at('2026-03-02T02:40:00.000Z');
    const arrived = await ok('repairs.arrive', { id: o.id, at: '2026-03-02T02:20:00.000Z' });
    expect(arrived.arrivedAt).toBe('2026-03-02T02:20:00.000Z');
    expect(arrived.events.at(-1)).toMatchObject({ at: '2026-03-02T02:20:00.000Z', lateMinutes: 5 });
    // A reported time may be neither ahead of now nor before the dispatch.
    const other = await open();
    await ok('repairs.dispatch', { id: other.id, technicianId: tech });
    expect(expectError(await run('repairs.arrive', { id: other.id, at: '2026-03-02T02:45:00.000Z' })).fields).toEqual({ at: '到场时间不能晚于现在' });
    expect(expectError(await run('repairs.arrive', { id: other.id, at: '2026-03-02T02:30:00.000Z' })).fields).toEqual({ at: '到场时间不能早于上一步的时间' });
  });

  it('technical review: back on site within 30 minutes, across midnight', async () => {
    await at('2026-03-02T15:30:00.000Z');
    const o = await open();
    await ok('repairs.dispatch', { id: o.id, technicianId: tech });
    await ok('repairs.arrive', { id: o.id });
    await ok('repairs.start', { id: o.id });
    await at('2026-03-02T15:45:00.000Z'); // 23:45 office time
    const review = await ok('repairs.review', { id: o.id, reason: '需班长判断是否更换主管' });
    expect(review.deadlines.find((d) => d.key === 'back')!.dueAt).toBe('2026-03-02T16:15:00.000Z');
    await at('2026-03-02T16:16:00.000Z'); // 00:16, 3 March
    expect(await listIds({ due: 'overdue' })).toEqual([o.id]);
    const back = await ok('repairs.back', { id: o.id });
    expect(back.events.at(-1)).toMatchObject({ kind: 'back', deadline: 'back', lateMinutes: 1 });
  });

  it('a paused order runs no clock; resuming it picks the deadline up again', async () => {
    await at('2026-03-02T02:00:00.000Z');
    const o = await open();
    await ok('repairs.dispatch', { id: o.id, technicianId: tech });
    await ok('repairs.arrive', { id: o.id });
    await ok('repairs.start', { id: o.id });
    await ok('repairs.review', { id: o.id, reason: '需评审' });
    await ok('repairs.back', { id: o.id });
    await ok('repairs.submit', { id: o.id });
    // Nothing owed but inspection; a paused order (from 处理中) owes nothing at all.
    const p = await open();
    await ok('repairs.dispatch', { id: p.id, technicianId: tech });
    await ok('repairs.arrive', { id: p.id });
    const paused = await ok('repairs.pause', { id: p.id, reason: '等配件' });
    expect(paused.time).toMatchObject({ kind: 'stopped', nextDueAt: null });
    expect((t.app.connection.sqlite.prepare('SELECT next_due_at FROM repair_orders WHERE id = ?').get(p.id) as { next_due_at: null }).next_due_at).toBeNull();
    expect((await ok('repairs.resume', { id: p.id })).time.kind).toBe('waiting');
  });

  it('inspection within 2 days of the work done, call-back within 7 days of completion, by the office calendar', async () => {
    await at('2026-03-02T15:00:00.000Z');
    const home = valueOf<OrderDetail>(
      await t.run(token, 'repairs.open', {
        scope: 'in_home',
        unitId: await unit(),
        contactName: '业主甲',
        category: 'plumbing_electric',
        description: '厨房水管漏水',
      }),
    );
    await ok('repairs.dispatch', { id: home.id, technicianId: tech });
    await ok('repairs.arrive', { id: home.id });
    await ok('repairs.start', { id: home.id });
    await at('2026-03-02T15:59:00.000Z'); // 23:59 office time, 2 March
    const submitted = await ok('repairs.submit', { id: home.id });
    expect(submitted.deadlines.find((d) => d.key === 'inspection')!.dueAt).toBe('2026-03-04T15:59:00.000Z');
    await at('2026-03-04T15:59:00.000Z');
    const done = await ok('repairs.complete', { id: home.id, materials: [], labourFen: 0, materialsConfirmed: true, signer: 'owner', signerName: '业主甲', satisfaction: 'satisfied' });
    expect(done.events.at(-1)).toMatchObject({ kind: 'complete', deadline: 'inspection', lateMinutes: 0 });
    expect(done.deadlines.find((d) => d.key === 'callback')!.dueAt).toBe('2026-03-11T15:59:00.000Z'); // 23:59 office time, 11 March

    // Due "today" by the office day: at 00:30 on 11 March office time (still 10 March in UTC) it is listed…
    await at('2026-03-10T16:30:00.000Z');
    expect(await listIds({ callback: 'due_today' })).toEqual([home.id]);
    // …at 23:30 on 10 March office time it is not yet.
    await at('2026-03-10T15:30:00.000Z');
    expect(await listIds({ callback: 'due_today' })).toEqual([]);
    // A minute after its due instant it is overdue, and the call-back then is one minute late.
    await at('2026-03-11T16:00:00.000Z');
    expect(await listIds({ callback: 'overdue' })).toEqual([home.id]);
    const called = await ok('repairs.callback', { id: home.id, result: 'satisfied', process: 'satisfied', person: 'satisfied' });
    expect(called.events.at(-1)).toMatchObject({ kind: 'callback', deadline: 'callback', lateMinutes: 1 });
  });

  it('a changed limit applies to clocks that start afterwards, not to deadlines already running', async () => {
    await at('2026-03-02T02:00:00.000Z');
    const before = await open();
    valueOf(await t.run(admin, 'repairs.updateSettings', { ...DEFAULT_REPAIR_LIMITS, arriveMinutes: 45 }));
    const after = await open();
    expect(before.deadlines[0]!.dueAt).toBe('2026-03-02T02:15:00.000Z');
    expect(after.deadlines[0]!.dueAt).toBe('2026-03-02T02:45:00.000Z');
  });

  async function unit(): Promise<number> {
    const estateId = valueOf<{ id: number }>(await t.run(admin, 'estate.saveEstate', { name: '阳光花园' })).id;
    const buildingId = valueOf<{ id: number }>(await t.run(admin, 'estate.saveBuilding', { estateId, code: '3', name: '' })).id;
    return valueOf<{ id: number }>(await t.run(admin, 'estate.createUnit', { buildingId, entrance: '2', room: '1101', state: 'occupied' })).id;
  }
});
