import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandName } from '../../shared/contract';
import type { DutyList, GateCheck, MonthlyReport, PassDetail, PassRow } from '../../shared/contract/passes';
import type { Page } from '../../shared/contract/paging';
import type { SearchGroup } from '../../shared/contract/search';
import type { UnitCard } from '../../shared/contract/estate';
import type { PrintRecord } from '../../shared/print';
import { ADMIN, expectError, PASSWORD, valueOf } from '../support/app';
import { office, TARGET, type Office } from '../security/support';

/**
 * 物品放行 through the real dispatcher on a real SQLite file: the application's rules per applicant,
 * the approval against the fees desk's arrears (settled, or overridden under a supervisor's
 * approval), the gapless FX series, the gate's checks (by number or scan; used, expired, voided,
 * not yet approved; items all checked; two stations at once), refusal and reissue, the records —
 * and the bad input, refused in Chinese with nothing written.
 */
describe('passes', () => {
  let o: Office;
  const sqlite = () => o.t.app.connection.sqlite;
  const rows = (sql: string, ...args: unknown[]) => sqlite().prepare(sql).all(...args) as Record<string, unknown>[];
  const one = (sql: string, ...args: unknown[]) => sqlite().prepare(sql).get(...args) as Record<string, unknown>;
  const run = (name: CommandName, input: unknown, who = o.as.receptionist) => o.t.run(who, name, input as never);
  const ok = async <T = PassDetail>(name: CommandName, input: unknown, who = o.as.receptionist) => valueOf<T>(await run(name, input, who));
  const supervisor = { login: 'only_supervisor', password: PASSWORD };
  /** Office time 14:00 on the test clock's day (2026-03-02, the clock starts at 09:30). */
  const PLANNED = '2026-03-02T06:00:00.000Z';
  /** What a refused command must leave as it was. */
  const snapshot = () => ({
    passes: rows('SELECT * FROM passes ORDER BY id'),
    items: o.count('pass_items'),
    events: o.count('pass_events'),
    serials: rows("SELECT * FROM serial_counters WHERE prefix = 'FX'"),
    audits: o.count('audit_log'),
  });

  const tenantMove = (extra: Record<string, unknown> = {}) => ({
    applicant: { type: 'tenant', name: '李租户', phone: '13900001111', idTail: '11010519900101123X' },
    unitId: o.unitId,
    type: 'moving',
    items: [
      { name: '沙发', quantity: 1, unit: '套' },
      { name: '冰箱', quantity: 1, unit: '台' },
      { name: '纸箱', quantity: 6, unit: '个' },
    ],
    plannedAt: PLANNED,
    plate: '粤b·12345',
    driverName: '王师傅',
    driverIdTail: '4321',
    ownerConfirmation: { method: 'phone', at: '2026-03-02T01:00:00.000Z', ownerName: TARGET.name },
    ...extra,
  });
  const ownerGoods = (extra: Record<string, unknown> = {}) => ({
    applicant: { type: 'owner', personId: o.targetId, name: TARGET.name, phone: TARGET.mobile },
    unitId: o.unitId,
    type: 'goods_out',
    items: [{ name: '旧电视', quantity: 1, unit: '台' }],
    plannedAt: PLANNED,
    ...extra,
  });
  const gate = { plate: '粤B12345', driverName: '王师傅', driverIdTail: '4321' };
  /** An approved pass (no arrears on the unit). */
  const approved = async (input: Record<string, unknown> = tenantMove()) => {
    const p = await ok('passes.apply', input);
    return ok('passes.approve', { id: p.id }, o.as.officer);
  };
  /** Set the office clock and sign everyone in again (an idle session locks, as at the counter). */
  const at = async (iso: string) => {
    o.t.clock.time = new Date(iso);
    for (const role of Object.keys(o.as) as (keyof Office['as'])[]) {
      const login = role === 'admin' ? ADMIN : { login: `only_${role}`, password: PASSWORD };
      o.as[role] = (await o.t.app.dispatcher.run('auth.login', { login: login.login, password: login.password }, { sessionToken: null })).session!.token!;
    }
  };
  /** A bill made through the fees desk's own command (临时收费). */
  const charge = (amountFen: number, item = '装修垃圾清运费') => o.t.run(o.as.cashier, 'fees.charge', { unitId: o.unitId, item, amountFen });

  beforeEach(async () => {
    o = await office();
  });
  afterEach(() => o.t.close());

  it('takes a tenant\'s application with the owner\'s confirmation: numbered FX2026000001, 待审批, items, window to the day\'s end, audited', async () => {
    const p = await ok('passes.apply', tenantMove());
    expect(p).toMatchObject({
      no: 'FX2026000001',
      state: 'pending',
      type: 'moving',
      applicantType: 'tenant',
      applicantName: '李租户',
      applicantIdTail: '123X',
      unitCode: '3-2-1101',
      plate: '粤B12345',
      driverIdTail: '4321',
      // 当日有效: the office day 2026-03-02 (Asia/Shanghai) from midnight to midnight.
      validFrom: '2026-03-01T16:00:00.000Z',
      validUntil: '2026-03-02T16:00:00.000Z',
      itemsText: '沙发 1 套、冰箱 1 台、纸箱 6 个',
      ownerConfirmation: { method: 'phone', ownerName: TARGET.name, takenBy: '操作员1' },
      approval: null,
      gate: null,
      actions: ['update', 'void'],
    });
    expect(p.items.map((i) => [i.lineNo, i.name, i.quantity, i.unit])).toEqual([
      [1, '沙发', 1, '套'],
      [2, '冰箱', 1, '台'],
      [3, '纸箱', 6, '个'],
    ]);
    expect(p.events.map((e) => [e.kind, e.operatorName])).toEqual([['applied', '操作员1']]);
    expect(o.auditRows("entity = 'pass'")).toHaveLength(1);
    // The next one follows on.
    expect((await ok('passes.apply', ownerGoods())).no).toBe('FX2026000002');
    // A full ID number typed for the applicant is kept as its last 4 only, nowhere in full.
    expect(JSON.stringify(rows('SELECT * FROM passes'))).not.toContain('11010519900101');
    expect(JSON.stringify(rows('SELECT after_json FROM audit_log'))).not.toContain('11010519900101');
  });

  it('refuses what each applicant must bring, zero items, bad quantities and an impossible plate — in Chinese, nothing written', async () => {
    const before = snapshot();
    const refused = async (input: unknown) => expectError(await run('passes.apply', input));
    expect((await refused(tenantMove({ ownerConfirmation: null }))).fields).toEqual({ ownerConfirmation: '租户办理须有业主确认：请登记确认方式、时间和经办人' });
    expect((await refused({ ...ownerGoods(), applicant: { type: 'agent', name: '代办人', phone: '13900002222' } })).fields).toEqual({
      authorisation: '代理人办理须有业主书面授权：请登记授权业主姓名',
    });
    expect((await refused(ownerGoods({ type: 'company' }))).fields).toEqual({ releaseCertificateNo: '公司物品须填写物品所有单位开具的外运证明编号' });
    expect((await refused({ ...ownerGoods(), applicant: { type: 'company', name: '某某公司', phone: '13900002222' } })).fields).toEqual({
      releaseCertificateNo: '公司物品须填写物品所有单位开具的外运证明编号',
    });
    expect((await refused(ownerGoods({ items: [] }))).fields).toEqual({ items: '请至少填写一项物品' });
    expect((await refused(ownerGoods({ items: [{ name: '电视', quantity: 0 }] }))).fields).toEqual({ 'items.0.quantity': '数量必须大于 0' });
    expect((await refused(ownerGoods({ items: [{ name: '电视', quantity: 1.5 }] }))).fields).toEqual({ 'items.0.quantity': '数量必须是整数' });
    expect((await refused(ownerGoods({ plate: 'B12' }))).fields).toEqual({ plate: '车牌号格式不正确（例：粤B12345）' });
    expect((await refused(ownerGoods({ plate: '粤B1234' }))).fields).toEqual({ plate: '车牌号格式不正确（例：粤B12345）' });
    expect((await refused(ownerGoods({ driverIdTail: '12' }))).fields).toEqual({ driverIdTail: '证件号只登记后 4–6 位（数字或 X）' });
    // Checked by the server against the stored estate and the clock.
    expect(await refused(ownerGoods({ plannedAt: '2026-03-01T06:00:00.000Z' }))).toMatchObject({ kind: 'validation', message: '计划出门日期不能早于今天' });
    expect(await refused(tenantMove({ ownerConfirmation: { method: 'phone', at: '2026-03-03T01:00:00.000Z', ownerName: '张三' } }))).toMatchObject({ message: '业主确认时间不能晚于现在' });
    expect(await refused({ ...ownerGoods(), applicant: { type: 'tenant', personId: o.targetId, name: TARGET.name, phone: TARGET.mobile }, ownerConfirmation: { method: 'written', at: '2026-03-01T01:00:00.000Z', ownerName: '张三' } })).toMatchObject({
      message: '所选住户不是这套房屋现在的租户',
    });
    expect(await refused(ownerGoods({ unitId: 9999 }))).toMatchObject({ message: '找不到这套房屋' });
    expect(snapshot()).toEqual(before);
  });

  it('refuses approval while the unit owes fees, with the count and total; approves once the fees desk has taken the payment', async () => {
    const p = await ok('passes.apply', tenantMove());
    valueOf(await charge(20000));
    valueOf(await charge(3550, '公共水电分摊'));
    const before = snapshot();
    const error = expectError(await run('passes.approve', { id: p.id }, o.as.officer));
    expect(error).toMatchObject({ kind: 'conflict', message: '3-2-1101 有 2 笔未缴费用，合计 ¥235.50 元，结清后才能批准放行；确需放行请由主管核准“有欠费仍批准”' });
    expect(snapshot()).toEqual(before);
    // The cashier settles both through the fees desk.
    const unpaid = valueOf<{ bills: { id: number }[] }>(await o.t.run(o.as.officer, 'fees.unpaid', { unitId: o.unitId }));
    valueOf(await o.t.run(o.as.cashier, 'fees.pay', { unitId: o.unitId, billIds: unpaid.bills.map((b) => b.id), method: 'cash', cashReceivedFen: 30000, payerName: '李租户' }));
    const done = await ok('passes.approve', { id: p.id }, o.as.officer);
    expect(done).toMatchObject({ state: 'approved', approval: { byName: '操作员4', override: null }, overridden: false });
    expect(done.events.map((e) => e.kind)).toEqual(['applied', 'approve']);
    // Only the area officer (and supervisors) approve.
    const other = await ok('passes.apply', ownerGoods());
    expect(expectError(await run('passes.approve', { id: other.id }, o.as.receptionist)).kind).toBe('forbidden');
    expect(expectError(await run('passes.approve', { id: other.id }, o.as.gate_guard)).kind).toBe('forbidden');
  });

  it('approves over arrears only with a reason and another supervisor\'s approval, recorded on the pass and the audit row', async () => {
    const p = await ok('passes.apply', tenantMove());
    valueOf(await charge(50000));
    const before = snapshot();
    const override = (approval: unknown, reason = '业主出差，已承诺月底前结清', who = o.as.officer) => run('passes.approveOverride', { id: p.id, reason, ...(approval ? { approval } : {}) }, who);
    expect(expectError(await override(undefined))).toMatchObject({ kind: 'approval_required', approval: { roles: ['supervisor', 'admin'], summary: '有欠费仍批准物品放行' } });
    expect(expectError(await override({ ...supervisor, password: 'wrong-pass-1' })).fields).toMatchObject({ 'approval.password': '核准人账号或密码不正确' });
    expect(expectError(await override({ login: 'only_officer', password: PASSWORD })).fields).toMatchObject({ 'approval.login': '不能核准自己的操作，请另一位主管核准' });
    expect(expectError(await override({ login: 'only_receptionist', password: PASSWORD })).fields).toMatchObject({ 'approval.login': '该账号无权核准此操作，请由主管或管理员核准' });
    expect(expectError(await override(supervisor, '', o.as.supervisor)).fields).toMatchObject({ reason: '必填' });
    expect(expectError(await override(supervisor, '临时', o.as.supervisor)).fields).toMatchObject({ 'approval.login': '不能核准自己的操作，请另一位主管核准' });
    expect(snapshot()).toEqual(before);
    const done = valueOf<PassDetail>(await override(supervisor));
    expect(done).toMatchObject({
      state: 'approved',
      overridden: true,
      approval: { byName: '操作员4', override: { reason: '业主出差，已承诺月底前结清', approverName: '操作员5', unpaidFen: 50000, unpaidCount: 1 } },
    });
    expect(done.events.map((e) => e.kind)).toEqual(['applied', 'override', 'approve']);
    const ids = Object.fromEntries(rows('SELECT login, id FROM operators').map((r) => [r.login, r.id]));
    expect(rows("SELECT operator_id, approver_id FROM audit_log WHERE command = 'passes.approveOverride'")).toEqual([{ operator_id: ids.only_officer, approver_id: ids.only_supervisor }]);
    // The bill is still owed: the override does not settle it.
    expect(one("SELECT count(*) n FROM bills WHERE state = 'unpaid'").n).toBe(1);
  });

  it('lets the gate find a pass by number or QR text, release it with every item checked, and never twice', async () => {
    const p = await approved();
    const check = await ok<GateCheck>('passes.byNumber', { q: `  ${p.no.toLowerCase()} ` }, o.as.gate_guard);
    expect(check).toMatchObject({ mayRelease: true, reason: null, pass: { no: p.no, state: 'approved', actions: ['release', 'refuse'] } });
    // The guard sees no resident's phone in full.
    expect(check.pass.applicantPhone).toBe('139****1111');
    expect((await ok<GateCheck>('passes.byNumber', { q: `物品放行条 ${p.no}` }, o.as.gate_guard)).pass.id).toBe(p.id);
    expect(expectError(await run('passes.byNumber', { q: 'FX123' }, o.as.gate_guard))).toMatchObject({ kind: 'validation', message: '请输入或扫描放行条编号（如 FX2026000123）' });
    expect(expectError(await run('passes.byNumber', { q: 'FX2026009999' }, o.as.gate_guard))).toMatchObject({ kind: 'not_found', message: '找不到放行条 FX2026009999' });

    const before = snapshot();
    const partly = expectError(await run('passes.release', { id: p.id, ...gate, checkedItemIds: p.items.slice(0, 2).map((i) => i.id) }, o.as.gate_guard));
    expect(partly).toMatchObject({ kind: 'validation', message: '还有物品未核对：纸箱。全部相符才能放行；不符请拒绝放行' });
    expect(expectError(await run('passes.release', { id: p.id, plate: '粤B12345', checkedItemIds: p.items.map((i) => i.id) }, o.as.gate_guard)).fields).toEqual({
      driverName: '请登记司机姓名',
      driverIdTail: '请登记司机驾驶证或身份证号后 4 位',
    });
    expect(expectError(await run('passes.release', { id: p.id, ...gate, exitAt: '2026-03-02T05:00:00.000Z', checkedItemIds: p.items.map((i) => i.id) }, o.as.gate_guard)).message).toBe('出门时间不能晚于现在');
    expect(snapshot()).toEqual(before);

    await at('2026-03-02T02:30:00.000Z');
    const out = await ok('passes.release', { id: p.id, ...gate, driverIdTail: '440301199001011234', checkedItemIds: p.items.map((i) => i.id) }, o.as.gate_guard);
    expect(out).toMatchObject({ state: 'released', gate: { guardName: '操作员6', plate: '粤B12345', driverName: '王师傅', driverIdTail: '1234', mismatchedItemIds: [] }, actions: [] });
    expect(out.gate!.at).toBe(o.t.clock.time.toISOString());
    const used = snapshot();
    expect(await ok<GateCheck>('passes.byNumber', { q: p.no }, o.as.gate_guard)).toMatchObject({ mayRelease: false, reason: '这张放行条已使用（已放行），不能再次放行' });
    expect(expectError(await run('passes.release', { id: p.id, ...gate, checkedItemIds: p.items.map((i) => i.id) }, o.as.gate_guard))).toMatchObject({
      kind: 'conflict',
      message: `${p.no}：这张放行条已使用（已放行），不能再次放行`,
    });
    expect(expectError(await run('passes.void', { id: p.id, reason: '误操作' }))).toMatchObject({ kind: 'conflict', message: `${p.no}：已放行的放行条不能作废` });
    expect(snapshot()).toEqual(used);
  });

  it('lets only one of two gate stations releasing the same pass at once succeed', async () => {
    const p = await approved();
    const frontDesk = o.as.receptionist;
    const input = { id: p.id, ...gate, checkedItemIds: p.items.map((i) => i.id) };
    const results = await Promise.all([run('passes.release', input, o.as.gate_guard), run('passes.release', input, frontDesk)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(expectError(results.find((r) => !r.ok)!).kind).toBe('conflict');
    expect(rows("SELECT kind FROM pass_events WHERE kind = 'release'")).toHaveLength(1);
    expect(o.auditRows("command = 'passes.release'")).toHaveLength(1);
  });

  it('refuses at the gate on a missing item, and a reissued pass goes through: linked both ways, numbered on', async () => {
    const p = await approved();
    const fridge = p.items.find((i) => i.name === '冰箱')!;
    const before = snapshot();
    expect(expectError(await run('passes.refuse', { id: p.id, ...gate, notes: '' }, o.as.gate_guard)).fields).toMatchObject({ notes: '必填' });
    expect(expectError(await run('passes.refuse', { id: p.id, ...gate, mismatchedItemIds: [99999], notes: '少一台冰箱' }, o.as.gate_guard)).message).toBe('不符的物品不属于这张放行条，请刷新后重新核对');
    expect(snapshot()).toEqual(before);
    const refused = await ok('passes.refuse', { id: p.id, ...gate, mismatchedItemIds: [fridge.id], notes: '车上没有冰箱' }, o.as.gate_guard);
    expect(refused).toMatchObject({ state: 'refused', gate: { notes: '车上没有冰箱', mismatchedItemIds: [fridge.id] } });
    expect(await ok<GateCheck>('passes.byNumber', { q: p.no }, o.as.gate_guard)).toMatchObject({ mayRelease: false, reason: '这张放行条已被拒绝放行，须重新开具' });
    // The guard does not reissue: the office does, with the goods as they really are.
    expect(expectError(await run('passes.reissue', { id: p.id, plannedAt: PLANNED }, o.as.gate_guard)).kind).toBe('forbidden');
    const items = p.items.filter((i) => i.id !== fridge.id).map((i) => ({ name: i.name, quantity: i.quantity, unit: i.unit }));
    const again = await ok('passes.reissue', { id: p.id, plannedAt: PLANNED, items });
    expect(again).toMatchObject({ no: 'FX2026000002', state: 'pending', reissuedFrom: { id: p.id, no: p.no }, itemsText: '沙发 1 套、纸箱 6 个', applicantType: 'tenant', ownerConfirmation: { ownerName: TARGET.name } });
    expect((await ok('passes.get', { id: p.id })).reissuedAs).toEqual({ id: again.id, no: again.no });
    expect(expectError(await run('passes.reissue', { id: p.id, plannedAt: PLANNED }))).toMatchObject({ kind: 'conflict', message: `${p.no} 已重新开具为 ${again.no}` });
    await ok('passes.approve', { id: again.id }, o.as.officer);
    const released = await ok('passes.release', { id: again.id, ...gate, checkedItemIds: again.items.map((i) => i.id) }, o.as.gate_guard);
    expect(released.state).toBe('released');
  });

  it('refuses a pass past its window, voided or not yet approved at the gate — the list and the gate agree it is 已过期', async () => {
    const late = await approved();
    const voided = await approved(ownerGoods());
    valueOf(await run('passes.void', { id: voided.id, reason: '业主取消' }));
    const pending = await ok('passes.apply', ownerGoods({ items: [{ name: '自行车', quantity: 1, unit: '辆' }] }));
    const tomorrow = await approved(ownerGoods({ plannedAt: '2026-03-03T02:00:00.000Z' }));

    const verdict = async (no: string) => ok<GateCheck>('passes.byNumber', { q: no }, o.as.gate_guard);
    expect(await verdict(voided.no)).toMatchObject({ mayRelease: false, reason: '放行条已作废，不能放行' });
    expect(await verdict(pending.no)).toMatchObject({ mayRelease: false, reason: '放行条尚未批准，不能放行' });
    expect(await verdict(tomorrow.no)).toMatchObject({ mayRelease: false, reason: '放行条尚未生效：2026-03-03 当天起有效' });
    const before = snapshot();
    const release = (p: PassDetail) => run('passes.release', { id: p.id, ...gate, checkedItemIds: p.items.map((i) => i.id) }, o.as.gate_guard);
    expect(expectError(await release(pending))).toMatchObject({ kind: 'conflict', message: `${pending.no}：放行条尚未批准，不能放行` });
    expect(expectError(await release(voided)).message).toBe(`${voided.no}：放行条已作废，不能放行`);
    expect(expectError(await release(tomorrow)).message).toBe(`${tomorrow.no}：放行条尚未生效：2026-03-03 当天起有效`);
    expect(snapshot()).toEqual(before);

    // Past midnight (office time) the first pass is 已过期 everywhere, though nothing was stored.
    await at('2026-03-02T16:00:00.000Z');
    const atMidnight = snapshot();
    expect(await verdict(late.no)).toMatchObject({ mayRelease: false, reason: '放行条已过期，不能放行，须重新开具', lateStub: false, pass: { state: 'expired', actions: [] } });
    // At the front desk the same pass may still take the guard's returned stub (补录回单); a pending one never.
    expect(await ok<GateCheck>('passes.byNumber', { q: late.no })).toMatchObject({ mayRelease: false, lateStub: true });
    expect(await ok<GateCheck>('passes.byNumber', { q: pending.no })).toMatchObject({ mayRelease: false, lateStub: false });
    expect(await ok<GateCheck>('passes.byNumber', { q: voided.no })).toMatchObject({ lateStub: false });
    expect((await ok('passes.get', { id: late.id })).actions).toEqual(['reissue']);
    expect(expectError(await release(late)).message).toBe(`${late.no}：放行条已过期，不能放行，须重新开具`);
    expect(expectError(await run('passes.approve', { id: pending.id }, o.as.officer)).message).toBe(`${pending.no}：已过期的放行条不能批准`);
    expect(snapshot()).toEqual(atMidnight);
    const expired = await ok<Page<PassRow>>('passes.list', { filters: { state: 'expired' } });
    expect(expired.rows.map((r) => r.no).sort()).toEqual([late.no, pending.no].sort());
    expect((await ok<Page<PassRow>>('passes.list', { filters: { state: 'approved' } })).rows.map((r) => r.no)).toEqual([tomorrow.no]);
    // A stub's exit time before the pass was approved cannot be right.
    expect(expectError(await run('passes.release', { id: late.id, ...gate, exitAt: '2026-03-02T01:00:00.000Z', checkedItemIds: late.items.map((i) => i.id) }))).toMatchObject({
      kind: 'validation',
      message: '出门时间不能早于放行条批准时间（2026-03-02 09:30）',
    });
    expect(snapshot()).toEqual(atMidnight);
    // The guard's returned stub, entered the next morning at the front desk, carries yesterday's exit time: within the window, it is accepted.
    const stub = await ok('passes.release', { id: late.id, ...gate, exitAt: '2026-03-02T09:15:00.000Z', checkedItemIds: late.items.map((i) => i.id) });
    expect(stub).toMatchObject({ state: 'released', gate: { at: '2026-03-02T09:15:00.000Z', guardName: '操作员1' } });
    // 重新开具 from an expired application stores the expiry, attributed to 系统.
    const again = await ok('passes.reissue', { id: pending.id, plannedAt: '2026-03-03T02:00:00.000Z' });
    const old = await ok('passes.get', { id: pending.id });
    expect(old).toMatchObject({ state: 'expired', reissuedAs: { no: again.no } });
    expect(old.events.map((e) => [e.kind, e.operatorName])).toEqual([
      ['applied', '操作员1'],
      ['expire', '系统'],
      ['reissue', '操作员1'],
    ]);
    expect(one('SELECT state, expired_at FROM passes WHERE id = ?', pending.id)).toEqual({ state: 'expired', expired_at: '2026-03-02T16:00:00.000Z' });
  });

  it('edits an application while 待审批 (a new item revision), and never once approved', async () => {
    const p = await ok('passes.apply', ownerGoods());
    const edited = await ok('passes.update', { id: p.id, ...ownerGoods({ items: [{ name: '旧电视', quantity: 2, unit: '台' }, { name: '书柜', quantity: 1, unit: '个' }] }) });
    expect(edited.itemsText).toBe('旧电视 2 台、书柜 1 个');
    expect(rows('SELECT revision, name FROM pass_items WHERE pass_id = ? ORDER BY id', p.id)).toEqual([
      { revision: 1, name: '旧电视' },
      { revision: 2, name: '旧电视' },
      { revision: 2, name: '书柜' },
    ]);
    await ok('passes.approve', { id: p.id }, o.as.officer);
    const before = snapshot();
    expect(expectError(await run('passes.update', { id: p.id, ...ownerGoods() }))).toMatchObject({ kind: 'conflict', message: `${p.no}：已批准的放行条不能修改，如需更改请作废后重新申请` });
    expect(snapshot()).toEqual(before);
  });

  it('numbers passes gaplessly: a command failing after taking its number gives it back', async () => {
    await ok('passes.apply', ownerGoods());
    const before = snapshot();
    sqlite().exec("CREATE TEMP TRIGGER fail_items BEFORE INSERT ON pass_items WHEN NEW.name = '保险柜' BEGIN SELECT RAISE(ABORT, '模拟故障'); END");
    expect(expectError(await run('passes.apply', ownerGoods({ items: [{ name: '保险柜', quantity: 1, unit: '个' }] }))).message).toContain('模拟故障');
    expect(snapshot()).toEqual(before);
    sqlite().exec('DROP TRIGGER fail_items');
    expect((await ok('passes.apply', ownerGoods())).no).toBe('FX2026000002');
    expect(rows('SELECT no FROM passes ORDER BY id').map((r) => r.no)).toEqual(['FX2026000001', 'FX2026000002']);
  });

  it('keeps passes, items and events in the database forever, moving only forward', async () => {
    const p = await approved();
    const db = sqlite();
    expect(() => db.prepare('DELETE FROM passes WHERE id = ?').run(p.id)).toThrow('放行条不可删除，请作废');
    expect(() => db.prepare('DELETE FROM pass_items WHERE pass_id = ?').run(p.id)).toThrow('放行物品记录不可删除');
    expect(() => db.prepare('UPDATE pass_items SET quantity = 9 WHERE pass_id = ?').run(p.id)).toThrow('放行物品记录不可修改');
    expect(() => db.prepare("INSERT INTO pass_items (pass_id, revision, line_no, name, quantity, unit) VALUES (?, 1, 9, '保险柜', 1, '个')").run(p.id)).toThrow('已批准的放行条物品不可修改');
    expect(() => db.prepare('DELETE FROM pass_events WHERE pass_id = ?').run(p.id)).toThrow('放行记录不可删除');
    expect(() => db.prepare("UPDATE pass_events SET text = 'x' WHERE pass_id = ?").run(p.id)).toThrow('放行记录不可修改');
    expect(() => db.prepare("UPDATE passes SET state = 'pending' WHERE id = ?").run(p.id)).toThrow(/只能向前推进/);
    expect(() => db.prepare("UPDATE passes SET applicant_name = '别人' WHERE id = ?").run(p.id)).toThrow(/只能向前推进|内容不可修改/);
    valueOf(await run('passes.release', { id: p.id, ...gate, checkedItemIds: p.items.map((i) => i.id) }, o.as.gate_guard));
    // A used pass cannot be put back or used again, even by hand in the database.
    expect(() => db.prepare("UPDATE passes SET state = 'approved' WHERE id = ?").run(p.id)).toThrow(/只能向前推进/);
    expect(() => db.prepare("UPDATE passes SET gate_at = '2026-03-02T03:00:00.000Z' WHERE id = ?").run(p.id)).toThrow(/只能向前推进/);
  });

  it('gives the gate guard the gate and its duty list only: no applying, approving, lists, units or counter search', async () => {
    const p = await approved();
    const guard = o.as.gate_guard;
    for (const [name, input] of [
      ['passes.apply', tenantMove()],
      ['passes.approve', { id: p.id }],
      ['passes.list', { filters: {} }],
      ['passes.get', { id: p.id }],
      ['passes.void', { id: p.id, reason: '试试' }],
      ['passes.printPass', { no: p.no }],
      ['passes.monthly', { month: '2026-03' }],
      ['estate.unitCard', { id: o.unitId }],
      ['estate.units', { filters: {} }],
      ['search.counter', { q: p.no }],
      ['fees.unpaid', { unitId: o.unitId }],
    ] as const) {
      expect(expectError(await run(name, input, guard)).kind, name).toBe('forbidden');
    }
    expect(expectError(await run('passes.printed', { form: 'goods-pass', record: p.no, copies: 1, output: 'printer' }, guard)).kind).toBe('forbidden');
    expect((await ok<DutyList>('passes.dutyList', { day: '2026-03-02' }, guard)).rows.map((r) => r.no)).toEqual([p.no]);
    valueOf(await run('passes.dutyListPrinted', { form: 'pass-duty-list', record: 'FXRB20260302', copies: 1, output: 'printer' }, guard));
    expect(await ok<PrintRecord<DutyList>>('passes.printDutyList', { day: '2026-03-02' }, guard)).toMatchObject({ serial: 'FXRB20260302', reprint: 1 });
    // Nothing the guard receives carries an ID number in full or a resident's mobile.
    const seen = JSON.stringify(await ok<GateCheck>('passes.byNumber', { q: p.no }, guard));
    expect(seen).not.toContain(TARGET.mobile);
    expect(seen).not.toContain(TARGET.idNumber);
  });

  it('keeps the day\'s duty list, the monthly report and its .xlsx, the prints, the counter search and the unit card', async () => {
    const out = await approved();
    valueOf(await run('passes.release', { id: out.id, ...gate, checkedItemIds: out.items.map((i) => i.id) }, o.as.gate_guard));
    const back = await approved(ownerGoods());
    valueOf(await run('passes.refuse', { id: back.id, plate: null, notes: '多出一台冰箱' }, o.as.gate_guard));
    const waiting = await approved(ownerGoods({ items: [{ name: '自行车', quantity: 1, unit: '辆' }] }));
    const pending = await ok('passes.apply', ownerGoods({ items: [{ name: '书柜', quantity: 1, unit: '个' }] }));
    valueOf(await run('passes.void', { id: (await ok('passes.apply', ownerGoods())).id, reason: '重复申请' }));

    const duty = await ok<DutyList>('passes.dutyList', { day: '2026-03-02' }, o.as.gate_guard);
    expect(duty).toMatchObject({ approved: 3, released: 1, refused: 1, expired: 0 });
    expect(duty.rows.find((r) => r.no === out.no)).toMatchObject({ state: 'released', plate: '粤B12345', driverName: '王师傅', driverIdTail: '4321', guardName: '操作员6' });
    expect(duty.rows.find((r) => r.no === back.no)).toMatchObject({ state: 'refused', plate: null, notes: '多出一台冰箱' });
    expect(duty.rows.find((r) => r.no === waiting.no)).toMatchObject({ state: 'approved', gateAt: null });
    expect(duty.rows.some((r) => r.no === pending.no)).toBe(false);
    expect((await ok<DutyList>('passes.dutyList', { day: '2026-03-03' }, o.as.gate_guard)).rows).toEqual([]);

    const month = await ok<MonthlyReport>('passes.monthly', { month: '2026-03' });
    expect(month.total).toEqual({ issued: 3, released: 1, refused: 1, expired: 0, voided: 1 });
    expect(month.byType.find((r) => r.key === 'moving')).toMatchObject({ label: '搬家', issued: 1, released: 1 });
    expect(month.byBuilding).toEqual([{ key: String(o.buildingId), label: '3栋', issued: 3, released: 1, refused: 1, expired: 0, voided: 1 }]);
    // Next day: the waiting one has expired unused, in the same month.
    await at('2026-03-03T02:00:00.000Z');
    expect((await ok<MonthlyReport>('passes.monthly', { month: '2026-03' })).total).toMatchObject({ expired: 2 });

    const xlsx = await ok<{ fileName: string; contentBase64: string }>('passes.exportMonthly', { month: '2026-03' });
    expect(xlsx.fileName).toBe('物品放行月报-2026-03.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as never);
    const cells = wb.worksheets[0]!.getSheetValues().flat().map(String);
    expect(cells).toContain('3栋');
    expect(cells.join(' ')).not.toContain('李租户');

    const print = await ok<PrintRecord<PassDetail>>('passes.printPass', { no: out.no });
    expect(print).toMatchObject({ serial: out.no, reprint: 0, voided: false, data: { no: out.no } });
    valueOf(await run('passes.printed', { form: 'goods-pass', record: out.no, copies: 1, output: 'printer' }));
    expect(await ok<PrintRecord<PassDetail>>('passes.printPass', { no: out.no })).toMatchObject({ reprint: 1 });
    expect((await ok('passes.get', { no: out.no })).events.at(-1)).toMatchObject({ kind: 'print', text: '打印放行条' });
    expect(await ok<PrintRecord<MonthlyReport>>('passes.printMonthly', { month: '2026-03' })).toMatchObject({ serial: 'FXYB202603', voided: false });
    expect(await ok<PrintRecord<DutyList>>('passes.printDutyList', { day: '2026-03-02' }, o.as.gate_guard)).toMatchObject({ serial: 'FXRB20260302' });

    const search = await ok<{ groups: SearchGroup[] }>('search.counter', { q: out.no.toLowerCase() });
    expect(search.groups.find((g) => g.kind === 'passes')!.hits).toEqual([{ kind: 'passes', id: out.id, title: out.no, subtitle: `搬家 · 3-2-1101 · 李租户 · 已放行`, unitId: o.unitId }]);

    // The unit card lists what is still to approve or use (not past its window).
    const card = await ok<UnitCard>('estate.unitCard', { id: o.unitId });
    expect(card.openItems.find((g) => g.desk === 'passes')).toBeUndefined();
    await at('2026-03-02T03:00:00.000Z');
    const live = (await ok<UnitCard>('estate.unitCard', { id: o.unitId })).openItems.find((g) => g.desk === 'passes')!;
    expect(live.items.map((i) => i.title)).toEqual([`${pending.no} 搬出物品 · 待审批`, `${waiting.no} 搬出物品 · 已批准`]);

    // The sidebar: pending approvals for approvers, passes waiting at the gate for everyone at it.
    const badge = async (who: string) => (valueOf<Record<string, { counts: Record<string, number> }>>(await o.t.run(who, 'shell.attention', {}))).passes!.counts;
    expect(await badge(o.as.officer)).toEqual({ pending: 1, waitingAtGate: 1 });
    expect(await badge(o.as.gate_guard)).toEqual({ pending: 0, waitingAtGate: 1 });
  });

  it('keeps 设置 → 放行设置: a pass valid for more days, set by a supervisor', async () => {
    expect(expectError(await run('passes.updateSettings', { validityDays: 2 }, o.as.officer)).kind).toBe('forbidden');
    expect(expectError(await run('passes.updateSettings', { validityDays: 8 }, o.as.supervisor)).fields).toEqual({ validityDays: '最多 7 天' });
    valueOf(await run('passes.updateSettings', { validityDays: 2 }, o.as.supervisor));
    const p = await ok('passes.apply', ownerGoods());
    expect(p.validUntil).toBe('2026-03-04T16:00:00.000Z');
  });
});
