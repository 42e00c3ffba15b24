import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Attention, DailyReport, EntryDetail, EntryRow, Handover, Superior, VisitorView } from '../../shared/contract/reception';
import { DEFAULT_RECEPTION_LIMITS, unitContacts } from '../../shared/reception';
import type { DeskAttention } from '../../shared/contract/shell';
import type { Page } from '../../shared/contract/paging';
import type { SearchGroup } from '../../shared/contract/search';
import type { UnitCard, PersonView } from '../../shared/contract/estate';
import type { CommandInput } from '../../shared/contract';
import { ADMIN, PASSWORD, createTestApp, expectError, valueOf, type TestApp } from '../support/app';

/**
 * The reception log through the real dispatcher on a real SQLite file. Every test starts from its
 * own copy of the same small office (operators signed in, 3-2-1101 with its owner 张三), so each
 * one runs alone (`-t`) and in any order. The test clock starts at 2026-03-02 09:30 in Shanghai
 * and is moved forward to let time limits pass.
 */

/** Reception's reminders for one operator, as the shell's one poll answers them (null: none for this operator). */
async function attentionOf(t: TestApp, token: string): Promise<Attention | null> {
  const all = valueOf<Partial<Record<string, DeskAttention>>>(await t.run(token, 'shell.attention', {}));
  return (all.reception?.counts as Attention | undefined) ?? null;
}

describe('reception log', () => {
  const HOUR = 3_600_000;
  /** The office every test copies: built once, saved with VACUUM INTO. */
  let office: { dir: string; file: string; tokens: Record<'receptionist' | 'receptionist2' | 'supervisor' | 'cashier' | 'admin', string>; unitId: number; zhangsan: PersonView };

  let t: TestApp;
  let receptionist: string;
  let receptionist2: string;
  let supervisor: string;
  let cashier: string;
  let admin: string;
  let unitId: number;
  let zhangsan: PersonView;

  const count = (table: string) => (t.app.connection.sqlite.prepare(`SELECT count(*) n FROM ${table}`).get() as { n: number }).n;
  const snapshot = () => ['reception_entries', 'reception_events', 'reception_complaints', 'reception_visitors', 'audit_log', 'serial_counters'].map(count);
  const log = async (input: CommandInput<'reception.log'>, token = receptionist) => valueOf<EntryDetail>(await t.run(token, 'reception.log', input));
  const list = async (filters: CommandInput<'reception.list'>['filters'], token = receptionist) =>
    valueOf<Page<EntryRow>>(await t.run(token, 'reception.list', { filters, pageSize: 200 }));
  const signIn = async (login: string, password = PASSWORD) => {
    const out = await t.app.dispatcher.run('auth.login', { login, password }, { sessionToken: null });
    if (!out.session?.token) throw new Error(`login failed: ${JSON.stringify(out.response)}`);
    return out.session.token;
  };
  /** Moving the clock a day idles every session out: sign everyone in again, as the next shift would. */
  const advance = async (ms: number) => {
    t.clock.advance(ms);
    receptionist = await signIn('qiantai');
    receptionist2 = await signIn('qiantai2');
    supervisor = await signIn('zhuguan');
    cashier = await signIn('shoufei');
    admin = await signIn('admin', ADMIN.password);
  };

  beforeAll(async () => {
    const built = await createTestApp();
    try {
      const adminToken = await built.setupAdmin();
      const tokens = {
        admin: adminToken,
        receptionist: await built.operatorWith(['receptionist'], 'qiantai'),
        receptionist2: await built.operatorWith(['receptionist'], 'qiantai2'),
        supervisor: await built.operatorWith(['supervisor'], 'zhuguan'),
        cashier: await built.operatorWith(['cashier'], 'shoufei'),
      };
      const officer = await built.operatorWith(['officer'], 'kefu');
      const estate = valueOf<{ id: number }>(await built.run(adminToken, 'estate.saveEstate', { name: '阳光花园' }));
      const buildingId = valueOf<{ id: number }>(await built.run(officer, 'estate.saveBuilding', { estateId: estate.id, code: '3', name: '' })).id;
      const unit = valueOf<{ id: number }>(await built.run(officer, 'estate.createUnit', { buildingId, entrance: '2', room: '1101', state: 'occupied' })).id;
      const owner = valueOf<PersonView>(await built.run(officer, 'estate.savePerson', { person: { name: '张三', mobile: '13812345678', idNumber: '11010519491231002X' } }));
      valueOf(await built.run(officer, 'estate.link', { unitId: unit, personId: owner.id, role: 'owner' }));
      const dir = mkdtempSync(join(tmpdir(), 'qiantai-reception-office-'));
      const file = join(dir, 'office.db');
      built.app.connection.sqlite.exec(`VACUUM INTO '${file}'`);
      office = { dir, file, tokens, unitId: unit, zhangsan: owner };
    } finally {
      await built.close();
    }
  });
  afterAll(() => rmSync(office.dir, { recursive: true, force: true }));

  beforeEach(async () => {
    t = await createTestApp({ from: office.file });
    ({ receptionist, receptionist2, supervisor, cashier, admin } = office.tokens);
    ({ unitId, zhangsan } = office);
  });
  afterEach(() => t.close());

  const operatorId = (login: string) => (t.app.connection.sqlite.prepare('SELECT id FROM operators WHERE login = ?').get(login) as { id: number }).id;
  /** 操作员3 is the supervisor (zhuguan): the superior the receptionists escalate to. */
  const boss = () => operatorId('zhuguan');
  const escalate = async (id: number, note = '', to = boss()) => valueOf<EntryDetail>(await t.run(receptionist, 'reception.escalate', { id, toOperatorId: to, note }));

  const logRepair = () => log({ channel: 'visit', category: 'repair', unitId, personId: zhangsan.id, content: '厨房水管漏水', handlerDepartmentId: 2 });
  /** A caller who is not a resident, received half an hour before the clock's start. */
  const logMajorComplaint = () =>
    log({
      channel: 'call',
      category: 'complaint',
      urgency: 'major',
      contactName: '李先生',
      contactPhone: '0755-86001234',
      content: '夜间施工噪音扰民',
      respondent: '秩序部',
      receivedAt: '2026-03-02T01:00:00.000Z',
    });
  const logAnsweredEnquiry = () => log({ channel: 'call', category: 'enquiry', contactName: '王女士', content: '物业费缴费时间', answeredNow: '每月 1—10 日，前台或银行代扣' });

  it('logs a walk-in repair for 3-2-1101 with its number, deadlines and time left', async () => {
    const repair = await logRepair();
    expect(repair.no).toBe('JD202603020001');
    expect(repair).toMatchObject({
      state: 'open',
      unitCode: '3-2-1101',
      contactName: '张三',
      contactPhone: '13812345678',
      repairScope: 'in_home',
      handlerLabel: '工程部',
      receivedAt: '2026-03-02T01:30:00.000Z',
      handlerDueAt: '2026-03-03T01:30:00.000Z',
      ownerDueAt: '2026-03-03T01:30:00.000Z',
      escalateDueAt: '2026-03-02T03:30:00.000Z',
      time: { kind: 'ok', text: '剩 1天' },
      complaint: null,
    });
    expect(repair.events).toEqual([expect.objectContaining({ kind: 'logged', text: '来访 · 报修 · 一般 · 处理：工程部' })]);
    expect(repair.deadlines.map((d) => d.key)).toEqual(['handler', 'owner']);
  });

  it('logs a phone complaint from a caller who is not a resident as a complaint record', async () => {
    const complaint = await logMajorComplaint();
    expect(complaint.no).toBe('JD202603020001');
    expect(complaint.complaint).toEqual({ no: 'TS202603020001', kind: 'complaint', respondent: '秩序部', satisfaction: null });
    expect(complaint.ownerDueAt).toBe('2026-03-04T01:00:00.000Z'); // major: 48 h
    expect(complaint.events[0]!.text).toContain('重大事项');
  });

  it('closes an enquiry answered on the spot in the same step, and refuses that for a repair', async () => {
    const enquiry = await logAnsweredEnquiry();
    expect(enquiry).toMatchObject({ state: 'closed', result: '每月 1—10 日，前台或银行代扣', time: { kind: 'done' } });
    expect(enquiry.events.map((e) => e.kind)).toEqual(['logged', 'close']);
    const before = snapshot();
    const bad = expectError(await t.run(receptionist, 'reception.log', { channel: 'visit', category: 'repair', unitId, content: '灯不亮', answeredNow: '好的' }));
    expect(bad.fields).toEqual({ answeredNow: '只有咨询类事项可以当场答复办结' });
    expect(snapshot()).toEqual(before);
  });

  it('refuses bad input in Chinese and saves nothing: no content, unknown unit, future time, nobody', async () => {
    const before = snapshot();
    expect(expectError(await t.run(receptionist, 'reception.log', { channel: 'visit', category: 'repair', unitId, content: '   ' })).fields).toEqual({ content: '必填' });
    expect(expectError(await t.run(receptionist, 'reception.log', { channel: 'visit', category: 'repair', unitId: 9999, content: '漏水' }))).toMatchObject({
      kind: 'not_found',
      message: '找不到这个房屋',
    });
    expect(
      expectError(await t.run(receptionist, 'reception.log', { channel: 'visit', category: 'repair', unitId, content: '漏水', receivedAt: '2026-03-02T02:30:00.000Z' })).fields,
    ).toEqual({ receivedAt: '接待时间不能晚于现在' });
    expect(expectError(await t.run(receptionist, 'reception.log', { channel: 'visit', category: 'repair', unitId, content: '漏水', receivedAt: '昨天' })).fields).toEqual({
      receivedAt: '时间格式不正确',
    });
    expect(expectError(await t.run(receptionist, 'reception.log', { channel: 'visit', category: 'other', content: '有人来过' })).fields).toEqual({
      contactName: '请选择房屋住户，或填写姓名',
    });
    expect(expectError(await t.run(receptionist, 'reception.log', { channel: 'fax' as 'visit', category: 'other', contactName: '甲', content: '传真' })).fields).toEqual({
      channel: '请从给定选项中选择',
    });
    expect(expectError(await t.run(cashier, 'reception.log', { channel: 'visit', category: 'repair', unitId, content: '漏水' })).kind).toBe('forbidden');
    // A failed log does not use up an entry number.
    expect(snapshot()).toEqual(before);
  });

  it('finds entries by number in the counter search and on the unit card', async () => {
    const repair = await logRepair();
    const found = valueOf<{ groups: SearchGroup[] }>(await t.run(receptionist, 'search.counter', { q: 'jd 2026 0302 0001' }));
    expect(found.groups.find((g) => g.kind === 'reception')?.hits).toEqual([
      expect.objectContaining({ kind: 'reception', id: repair.id, title: 'JD202603020001', unitId }),
    ]);
    const card = valueOf<UnitCard>(await t.run(receptionist, 'estate.unitCard', { id: unitId }));
    expect(card.openItems).toEqual([
      expect.objectContaining({ desk: 'reception', items: [expect.objectContaining({ id: String(repair.id), title: 'JD202603020001 报修' })] }),
    ]);
  });

  it('lets a deadline pass: the entry turns overdue in the list, the logger’s badge and the supervisor’s', async () => {
    await logRepair();
    await logMajorComplaint();
    await advance(23 * HOUR);
    // Both handlers owe an answer 24 h after receipt: the complaint (received 01:00) first.
    expect((await list({ due: 'due_soon' })).rows.map((r) => [r.no, r.time.text])).toEqual([
      ['JD202603020002', '剩 30分'],
      ['JD202603020001', '剩 1小时'],
    ]);
    expect(await attentionOf(t, receptionist)).toEqual({ overdue: 0, dueSoon: 2, majorPending: 0, escalated: 0 });
    await advance(2 * HOUR);
    const overdue = await list({ due: 'overdue' });
    expect(overdue.rows.map((r) => [r.no, r.time.kind, r.time.text])).toEqual([
      ['JD202603020002', 'overdue', '超时 1小时30分'],
      ['JD202603020001', 'overdue', '超时 1小时'],
    ]);
    expect(await attentionOf(t, receptionist)).toEqual({ overdue: 2, dueSoon: 0, majorPending: 0, escalated: 0 });
    // Another receptionist did not log them and does not handle them.
    expect(await attentionOf(t, receptionist2)).toEqual({ overdue: 0, dueSoon: 0, majorPending: 0, escalated: 0 });
    // The supervisor answers for the whole desk and sees the unacknowledged major complaint.
    expect(await attentionOf(t, supervisor)).toEqual({ overdue: 2, dueSoon: 0, majorPending: 1, escalated: 0 });
    // The cashier does not work the reception desk: the shell asks nothing of them there.
    expect(await attentionOf(t, cashier)).toBeNull();
    expect((await list({ mine: true }, receptionist2)).total).toBe(0);
  });

  it('escalates with whom and when, flags a late 上报, and refuses escalating a closed entry', async () => {
    const repair = await logRepair();
    await advance(25 * HOUR);
    const escalated = await escalate(repair.id, '需更换主管道');
    expect(escalated).toMatchObject({ escalatedTo: '操作员3', escalatedToOperatorId: boss(), escalatedAt: t.clock.now().toISOString() });
    expect(escalated.deadlines.find((d) => d.key === 'escalate')).toMatchObject({ late: true });
    expect(escalated.events.at(-1)).toMatchObject({ kind: 'escalate', text: '上报：操作员3 需更换主管道 （超过上报时限）', operatorName: '操作员1' });

    const handler = valueOf<EntryDetail>(await t.run(receptionist, 'reception.note', { id: repair.id, kind: 'handler_reply', text: '工程部：明早更换' }));
    expect(handler.handlerAnsweredAt).toBe(t.clock.now().toISOString());
    // Still owed: the answer to the owner, already past its 24 h.
    expect(handler.time.kind).toBe('overdue');
    const owner = valueOf<EntryDetail>(await t.run(receptionist, 'reception.note', { id: repair.id, kind: 'owner_reply', text: '已电话告知业主' }));
    expect(owner.time).toMatchObject({ kind: 'waiting' });
    expect((await list({ due: 'overdue' })).total).toBe(0);

    const closed = valueOf<EntryDetail>(await t.run(receptionist, 'reception.close', { id: repair.id, result: '已更换水管，业主确认' }));
    expect(closed).toMatchObject({ state: 'closed', result: '已更换水管，业主确认', time: { kind: 'done' } });
    const before = snapshot();
    expect(expectError(await t.run(receptionist, 'reception.escalate', { id: repair.id, toOperatorId: boss() }))).toMatchObject({
      kind: 'conflict',
      message: '已办结的事项不能上报，如需继续处理请先重新打开',
    });
    expect(snapshot()).toEqual(before);
  });

  it('closes only with a result, records satisfaction on complaints, and a supervisor acknowledges major matters', async () => {
    const complaint = await logMajorComplaint();
    const before = snapshot();
    expect(expectError(await t.run(receptionist, 'reception.close', { id: complaint.id, result: '' })).fields).toEqual({ result: '必填' });
    expect(expectError(await t.run(receptionist, 'reception.acknowledge', { id: complaint.id })).kind).toBe('forbidden');
    expect(snapshot()).toEqual(before);
    expect((await attentionOf(t, supervisor))!.majorPending).toBe(1);
    const acked = valueOf<EntryDetail>(await t.run(supervisor, 'reception.acknowledge', { id: complaint.id }));
    expect(acked.supervisorAckAt).not.toBeNull();
    expect((await attentionOf(t, supervisor))!.majorPending).toBe(0);
    const closed = valueOf<EntryDetail>(await t.run(receptionist, 'reception.close', { id: complaint.id, result: '已约谈施工方，22 点后停工', satisfaction: 'fair' }));
    expect(closed.complaint?.satisfaction).toBe('fair');
    expect(closed.events.at(-1)?.text).toBe('已约谈施工方，22 点后停工（业主评价：基本满意）');
  });

  it('reopens only with a reason, starting a new round of deadlines; voids with a reason; the timeline only grows', async () => {
    const repair = await logRepair();
    await advance(2 * HOUR);
    valueOf(await t.run(receptionist, 'reception.close', { id: repair.id, result: '已更换水管，业主确认' }));
    expect(expectError(await t.run(receptionist, 'reception.reopen', { id: repair.id, reason: ' ' })).fields).toEqual({ reason: '必填' });
    const reopened = valueOf<EntryDetail>(await t.run(receptionist, 'reception.reopen', { id: repair.id, reason: '业主反映仍有渗水' }));
    expect(reopened).toMatchObject({ state: 'open', closedAt: null, handlerAnsweredAt: null, time: { kind: 'ok', text: '剩 1天' } });
    expect(reopened.handlerDueAt).toBe(new Date(t.clock.now().getTime() + 24 * HOUR).toISOString());
    expect(reopened.events.map((e) => e.kind)).toEqual(['logged', 'close', 'reopen']);
    expect(reopened.events.at(-1)?.text).toBe('重新打开：业主反映仍有渗水（原结果：已更换水管，业主确认）');

    const mistaken = await log({ channel: 'visit', category: 'other', unitId, content: '登记错了' });
    const voided = valueOf<EntryDetail>(await t.run(receptionist, 'reception.void', { id: mistaken.id, reason: '重复登记' }));
    expect(voided).toMatchObject({ state: 'voided', voidReason: '重复登记', time: { kind: 'done', text: '已作废' } });
    expect(expectError(await t.run(receptionist, 'reception.close', { id: mistaken.id, result: 'x' })).message).toBe('已作废的事项不能办结');
    expect(expectError(await t.run(receptionist, 'reception.void', { id: mistaken.id, reason: 'again' })).message).toBe('这条事项已作废');

    const sqlite = t.app.connection.sqlite;
    expect(() => sqlite.prepare('UPDATE reception_events SET text = ? WHERE entry_id = ?').run('改写', repair.id)).toThrow('跟进记录不可修改');
    expect(() => sqlite.prepare('DELETE FROM reception_events WHERE entry_id = ?').run(repair.id)).toThrow('跟进记录不可删除');
    expect(() => sqlite.prepare('DELETE FROM reception_entries WHERE id = ?').run(mistaken.id)).toThrow('接待登记不可删除，请作废');
    // Every write left an audit row naming the command.
    const audited = sqlite.prepare(`SELECT DISTINCT command FROM audit_log WHERE entity = 'reception_entry'`).all() as { command: string }[];
    expect(audited.map((a) => a.command).sort()).toEqual(['reception.close', 'reception.log', 'reception.reopen', 'reception.void']);
  });

  it('shows only what happened: no handler reply unless one was recorded, and closed or voided entries owe nothing', async () => {
    // Answered by the receptionist on the spot: nobody handled it.
    const enquiry = await logAnsweredEnquiry();
    expect(enquiry.handlerAnsweredAt).toBeNull();
    expect(enquiry.deadlines.map((d) => [d.key, d.status, d.metAt])).toEqual([
      ['handler', 'unmet', null],
      ['owner', 'met', t.clock.now().toISOString()],
    ]);
    // Closed without a handler and without a handler reply.
    const lamp = await log({ channel: 'visit', category: 'repair', unitId, content: '楼道灯不亮' });
    await advance(HOUR);
    const closed = valueOf<EntryDetail>(await t.run(receptionist, 'reception.close', { id: lamp.id, result: '保洁已更换灯泡' }));
    expect(closed.handlerAnsweredAt).toBeNull();
    expect(closed.deadlines).toEqual([
      expect.objectContaining({ key: 'handler', status: 'unmet', metAt: null, late: false }),
      expect.objectContaining({ key: 'owner', status: 'met', metAt: t.clock.now().toISOString(), late: false }),
    ]);
    // A handler reply that was given is shown as given, and the closing keeps it.
    const pipe = await logRepair();
    valueOf(await t.run(receptionist, 'reception.note', { id: pipe.id, kind: 'handler_reply', text: '工程部：已换接头' }));
    await advance(HOUR);
    const replied = valueOf<EntryDetail>(await t.run(receptionist, 'reception.close', { id: pipe.id, result: '已修好' }));
    expect(replied.deadlines[0]).toMatchObject({ key: 'handler', status: 'met', metAt: new Date(t.clock.now().getTime() - HOUR).toISOString() });
    // Voided a day later, past every deadline: nothing is owed, nothing counts down, nothing is late.
    const mistaken = await log({ channel: 'visit', category: 'other', unitId, content: '登记错了' });
    await advance(30 * HOUR);
    valueOf(await t.run(receptionist, 'reception.void', { id: mistaken.id, reason: '重复登记' }));
    const voided = valueOf<EntryDetail>(await t.run(receptionist, 'reception.get', { id: mistaken.id }));
    expect(voided.time).toMatchObject({ kind: 'done', text: '已作废', nextDueAt: null, msLeft: null });
    expect(voided.deadlines.map((d) => [d.key, d.status, d.late])).toEqual([
      ['handler', 'unmet', false],
      ['owner', 'unmet', false],
    ]);
  });

  it('records the resident as the contact: offered from the unit’s roster, name and phone copied from it, masked for roles that do not see mobiles', async () => {
    const lisi = valueOf<PersonView>(await t.run(receptionist, 'estate.savePerson', { person: { name: '李四', otherPhone: '021-64881234' } }));
    valueOf(await t.run(receptionist, 'estate.link', { unitId, personId: lisi.id, role: 'tenant' }));
    const wangwu = valueOf<PersonView>(await t.run(receptionist, 'estate.savePerson', { person: { name: '王五', mobile: '13900002222' } }));
    const moved = valueOf<{ linkId: number }>(await t.run(receptionist, 'estate.link', { unitId, personId: wangwu.id, role: 'family' })).linkId;
    valueOf(await t.run(receptionist, 'estate.endLink', { linkId: moved, endDate: '2026-03-01', reason: '迁出' }));

    // What the log form offers for the unit: current residents, owner first, each with the number to call.
    const card = valueOf<UnitCard>(await t.run(receptionist, 'estate.unitCard', { id: unitId }));
    expect(unitContacts(card.people).map((c) => [c.name, c.role, c.phone])).toEqual([
      ['张三', 'owner', '13812345678'],
      ['李四', 'tenant', '021-64881234'],
    ]);
    const cashierCard = valueOf<UnitCard>(await t.run(cashier, 'estate.unitCard', { id: unitId }));
    expect(unitContacts(cashierCard.people)[0]!.phone).toBe('138****5678');

    // Logged with the person and nothing typed: the entry copies name and phone from the roster
    // (a landline when there is no mobile); the slip prints from this entry.
    const call = await log({ channel: 'call', category: 'repair', unitId, personId: lisi.id, content: '空调外机漏水' });
    expect(call).toMatchObject({ personId: lisi.id, contactName: '李四', contactPhone: '021-64881234' });
    // What the caller said of themselves wins over the roster.
    const typed = await log({ channel: 'call', category: 'repair', unitId, personId: zhangsan.id, contactName: '张三（儿子代）', contactPhone: '13700003333', content: '门铃坏了' });
    expect(typed).toMatchObject({ personId: zhangsan.id, contactName: '张三（儿子代）', contactPhone: '13700003333' });

    // A person who does not live in the unit is refused in Chinese, and nothing is saved.
    const before = snapshot();
    const bad = expectError(await t.run(receptionist, 'reception.log', { channel: 'visit', category: 'repair', unitId, personId: wangwu.id, content: '漏水' }));
    expect(bad.fields).toEqual({ personId: '王五 不是 3-2-1101 的住户' });
    expect(snapshot()).toEqual(before);
  });

  it('states one rule for what the daily report counts: voided entries are listed and marked, not counted; the .xlsx says the same', async () => {
    await logRepair();
    await logAnsweredEnquiry();
    const wrong = await log({ channel: 'visit', category: 'other', unitId, content: '登记错了' });
    valueOf(await t.run(receptionist, 'reception.void', { id: wrong.id, reason: '重复登记' }));
    const report = valueOf<DailyReport>(await t.run(receptionist, 'reception.daily', { day: '2026-03-02' }));
    expect(report).toMatchObject({ total: 2, voided: 1 });
    expect(report.entries.map((e) => e.state)).toEqual(['open', 'closed', 'voided']);
    expect(report.grid.reduce((n, g) => n + g.total, 0)).toBe(report.total);
    expect(report.countRule).toBe('统计口径：作废的登记不计入登记总数和各项统计（本日作废 1 条）；明细列出当日全部 3 条登记，作废的标明“已作废”。');

    const out = valueOf<{ contentBase64: string }>(await t.run(receptionist, 'reception.exportReport', { kind: 'daily', day: '2026-03-02' }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.contentBase64, 'base64') as unknown as ArrayBuffer);
    const figures = new Map<string, unknown>();
    wb.getWorksheet('汇总')!.eachRow((row) => figures.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(figures.get('登记总数')).toBe(2);
    expect(figures.get('作废')).toBe(1);
    expect(figures.has(report.countRule)).toBe(true);
    const sheet = wb.getWorksheet('当日登记')!;
    expect(sheet.rowCount).toBe(1 + 3);
    expect(sheet.getRow(4).getCell(11).value).toBe('已作废');
  });

  it('上报 goes to a superior chosen from the operators, who has it in their badge and 我的 list until it is answered', async () => {
    // Who can be chosen: active supervisors and admins, not the receptionists or the cashier.
    const superiors = valueOf<Superior[]>(await t.run(receptionist, 'reception.superiors', {}));
    expect(superiors.map((s) => [s.name, s.detail])).toEqual([
      ['操作员3', '主管'],
      ['王管理', '管理员'],
    ]);
    expect(superiors[0]!.searchText).toContain('czy');
    // Nor oneself.
    expect(valueOf<Superior[]>(await t.run(supervisor, 'reception.superiors', {})).map((s) => s.name)).toEqual(['王管理']);

    const repair = await logRepair();
    const up = await escalate(repair.id, '需更换主管道');
    expect(up).toMatchObject({ escalatedTo: '操作员3', escalatedToOperatorId: boss(), escalationAnsweredAt: null });
    expect(up.events.at(-1)).toMatchObject({ kind: 'escalate', text: '上报：操作员3 需更换主管道' });

    // The superior is told: the badge, the list of what awaits them, their 我的 list.
    expect(await attentionOf(t, supervisor)).toMatchObject({ escalated: 1 });
    expect(await attentionOf(t, receptionist)).toMatchObject({ escalated: 0 });
    expect((await list({ escalatedToMe: true }, supervisor)).rows.map((r) => r.no)).toEqual([repair.no]);
    expect((await list({ escalatedToMe: true })).total).toBe(0);
    expect((await list({ mine: true }, supervisor)).rows.map((r) => r.no)).toEqual([repair.no]);

    // Until it is answered.
    await advance(HOUR);
    const answered = valueOf<EntryDetail>(await t.run(supervisor, 'reception.note', { id: repair.id, kind: 'handler_reply', text: '同意更换，费用由维修基金出' }));
    expect(answered.escalationAnsweredAt).toBe(t.clock.now().toISOString());
    expect(await attentionOf(t, supervisor)).toMatchObject({ escalated: 0 });
    expect((await list({ escalatedToMe: true }, supervisor)).total).toBe(0);
    expect((await list({ mine: true }, supervisor)).rows.map((r) => r.no)).toEqual([repair.no]);

    // Escalated again, higher: it waits on the new superior.
    const again = await escalate(repair.id, '金额较大', operatorId('admin'));
    expect(again).toMatchObject({ escalatedTo: '王管理', escalationAnsweredAt: null });
    expect(await attentionOf(t, admin)).toMatchObject({ escalated: 1 });

    // Refused in Chinese, nothing saved: not a superior, nobody, oneself.
    const before = snapshot();
    expect(expectError(await t.run(receptionist, 'reception.escalate', { id: repair.id, toOperatorId: operatorId('qiantai2') })).fields).toEqual({ toOperatorId: '只能上报给主管或管理员' });
    expect(expectError(await t.run(receptionist, 'reception.escalate', { id: repair.id, toOperatorId: 9999 }))).toMatchObject({ kind: 'not_found', message: '找不到这位上级' });
    expect(expectError(await t.run(supervisor, 'reception.escalate', { id: repair.id, toOperatorId: boss() })).fields).toEqual({ toOperatorId: '不能上报给自己' });
    expect(snapshot()).toEqual(before);
  });

  it('keeps showing a 上报 recorded by name only, before superiors were chosen from the operators', async () => {
    const repair = await logRepair();
    // As the earlier version stored it: a name typed by hand, nobody referenced.
    t.app.connection.sqlite.prepare("UPDATE reception_entries SET escalated_at = ?, escalated_to = '王主任' WHERE id = ?").run(t.clock.now().toISOString(), repair.id);
    const old = valueOf<EntryDetail>(await t.run(receptionist, 'reception.get', { id: repair.id }));
    expect(old).toMatchObject({ escalatedTo: '王主任', escalatedToOperatorId: null });
    expect(old.deadlines.map((d) => d.key)).toContain('escalate');
    expect(await attentionOf(t, supervisor)).toMatchObject({ escalated: 0 });
  });

  it('produces a 工作联系单 for staff feedback with no owner deadline, and counts the prints that went out', async () => {
    const feedback = await log({ channel: 'staff', category: 'staff_feedback', contactName: '保安 刘', content: '3 栋地下车库照明不足', handlerDepartmentId: 2 });
    expect(feedback.ownerDueAt).toBeNull();
    expect(feedback.deadlines.map((d) => d.key)).toEqual(['handler']);
    const printed = { form: 'work-contact-slip', record: feedback.no, copies: 2, output: 'printer' } as const;
    expect(valueOf(await t.run(receptionist, 'reception.printed', printed))).toEqual({ prints: 1 });
    expect(valueOf(await t.run(receptionist, 'reception.printed', printed))).toEqual({ prints: 2 });
    const detail = valueOf<EntryDetail>(await t.run(receptionist, 'reception.get', { no: feedback.no.toLowerCase() }));
    expect(detail).toMatchObject({ printCount: 2 });
    expect(detail.events.at(-1)?.text).toBe('补打工作联系单（第 1 次补打）');
    expect(expectError(await t.run(receptionist, 'reception.note', { id: feedback.id, kind: 'owner_reply', text: 'x' })).message).toBe('内部事项没有需要答复的业主');
  });

  it('escalation moves the handler deadline to the escalated clock, from the moment received', async () => {
    valueOf(await t.run(admin, 'reception.updateSettings', { ...DEFAULT_RECEPTION_LIMITS, escalatedAnswerMinutes: 12 * 60 }));
    const e = await log({ channel: 'visit', category: 'repair', unitId, content: '电梯异响' });
    const up = await escalate(e.id);
    expect(up.handlerDueAt).toBe(new Date(Date.parse(e.receivedAt) + 12 * HOUR).toISOString());
    expect(up.deadlines.find((d) => d.key === 'escalate')).toMatchObject({ late: false });
  });

  it('logs visitors in and out, lists those still inside first, and voids a wrong line', async () => {
    const v = valueOf<VisitorView>(await t.run(receptionist, 'reception.visitorIn', { name: '赵六', phone: '13900001111', unitId, reason: '探访亲友', plate: '粤b 12345' }));
    expect(v).toMatchObject({ no: expect.stringMatching(/^FK\d{12}$/), unitCode: '3-2-1101', plate: '粤B12345', outAt: null });
    const w = valueOf<VisitorView>(await t.run(receptionist, 'reception.visitorIn', { name: '钱七', reason: '送快递' }));
    expect(expectError(await t.run(receptionist, 'reception.visitorOut', { id: w.id, outAt: '2026-03-01T00:00:00.000Z' })).fields).toEqual({ outAt: '离开时间不能早于来访时间' });
    valueOf(await t.run(receptionist, 'reception.visitorOut', { id: w.id }));
    expect(expectError(await t.run(receptionist, 'reception.visitorOut', { id: w.id })).message).toBe('这位访客已登记离开');
    const page = valueOf<Page<VisitorView>>(await t.run(receptionist, 'reception.visitors', { filters: {} }));
    expect(page.rows.map((r) => r.name)).toEqual(['赵六', '钱七']);
    expect(valueOf<Page<VisitorView>>(await t.run(receptionist, 'reception.visitors', { filters: { open: true } })).total).toBe(1);
    const voided = valueOf<VisitorView>(await t.run(receptionist, 'reception.voidVisitor', { id: w.id, reason: '登记错误' }));
    expect(voided).toMatchObject({ voided: true, voidReason: '登记错误' });
    expect(() => t.app.connection.sqlite.prepare('DELETE FROM reception_visitors').run()).toThrow('访客记录不可删除，请作废');
  });

  it('sums up a day in the daily report, splitting repairs and counting carried-over and overdue items', async () => {
    // 2 Mar, 09:30: a repair (visit), a major complaint (call, received 09:00), an enquiry answered on the spot (call).
    const repair = await logRepair();
    const complaint = await logMajorComplaint();
    await logAnsweredEnquiry();
    // 3 Mar, 10:30.
    await advance(25 * HOUR);
    // 23:50 in Shanghai on 2 Mar is 15:50 UTC: it belongs to 2 Mar, logged afterwards (补登) on 3 Mar.
    const lateNight = await log({ channel: 'visit', category: 'suggestion', contactName: '孙先生', content: '建议增设快递柜', receivedAt: '2026-03-02T15:50:00.000Z' });
    expect(lateNight.no).toMatch(/^JD20260303/); // numbered on the day it was logged
    valueOf(await t.run(receptionist, 'reception.close', { id: complaint.id, result: '已约谈施工方' }));
    valueOf(await t.run(receptionist, 'reception.close', { id: repair.id, result: '已更换水管' }));
    valueOf(await t.run(receptionist, 'reception.reopen', { id: repair.id, reason: '仍有渗水' }));
    const mistaken = await log({ channel: 'visit', category: 'other', unitId, content: '登记错了' });
    valueOf(await t.run(receptionist, 'reception.void', { id: mistaken.id, reason: '重复登记' }));
    await log({ channel: 'staff', category: 'staff_feedback', contactName: '保安 刘', content: '3 栋地下车库照明不足', handlerDepartmentId: 2 });
    valueOf(await t.run(admin, 'reception.updateSettings', { ...DEFAULT_RECEPTION_LIMITS, escalatedAnswerMinutes: 12 * 60 }));
    const lift = await log({ channel: 'visit', category: 'repair', unitId, content: '电梯异响' });
    await escalate(lift.id);
    valueOf(await t.run(receptionist, 'reception.visitorIn', { name: '赵六', unitId, reason: '探访亲友' }));
    const gone = valueOf<VisitorView>(await t.run(receptionist, 'reception.visitorIn', { name: '钱七', reason: '送快递' }));
    valueOf(await t.run(receptionist, 'reception.voidVisitor', { id: gone.id, reason: '登记错误' }));

    // 2 Mar: the repair, the complaint, the enquiry and the late-night suggestion.
    const day1 = valueOf<DailyReport>(await t.run(receptionist, 'reception.daily', { day: '2026-03-02' }));
    expect(day1).toMatchObject({
      total: 4,
      repairs: { inHome: 1, public: 0 },
      complaints: { complaints: 1, suggestions: 1 },
      major: 1,
      voided: 0,
      carriedOver: 0,
      visitors: 0,
      closedSameDay: 1,
      // At the end of 2 Mar the repair, the complaint and the suggestion were open, none yet due.
      stillOpen: 3,
      overdue: 0,
    });
    expect(day1.grid.find((g) => g.channel === 'call')).toMatchObject({ total: 2, counts: { complaint: 1, enquiry: 1, repair: 0 } });
    expect(day1.byChannel).toEqual([
      { channel: 'visit', count: 2 },
      { channel: 'call', count: 2 },
      { channel: 'staff', count: 0 },
      { channel: 'other', count: 0 },
    ]);

    // 3 Mar so far (10:30): the voided mistake, the staff feedback, the lift repair; 赵六 and the voided 钱七 came.
    const day2 = valueOf<DailyReport>(await t.run(receptionist, 'reception.daily', { day: '2026-03-03' }));
    expect(day2.generatedAt).toBe(t.clock.now().toISOString());
    expect(day2).toMatchObject({
      total: 2,
      voided: 1,
      // Open when 3 Mar began: the repair, the complaint (closed this morning) and the suggestion.
      carriedOver: 3,
      // Open now: the reopened repair, the suggestion, the feedback and the lift.
      stillOpen: 4,
      overdue: 0,
      visitors: 1,
      repairs: { inHome: 1, public: 0 },
    });
    expect(day2.entries.map((e) => e.state)).toEqual(['voided', 'open', 'open']);

    // Read again the next day, 3 Mar is counted to its end (16:00 UTC): by then the suggestion
    // (due 15:50 UTC) and the escalated lift repair (12 h clock, due 14:30 UTC) were overdue; the
    // feedback (due 4 Mar 02:30 UTC) and the reopened repair were not.
    await advance(24 * HOUR);
    expect(valueOf<DailyReport>(await t.run(receptionist, 'reception.daily', { day: '2026-03-03' }))).toMatchObject({ stillOpen: 4, overdue: 2 });
  });

  it('hands over what is open, soonest deadline first, with visitors still inside', async () => {
    const repair = await logRepair();
    await logMajorComplaint();
    await logAnsweredEnquiry();
    await log({ channel: 'staff', category: 'staff_feedback', contactName: '保安 刘', content: '3 栋地下车库照明不足', ownDueAt: '2026-03-02T04:00:00.000Z' });
    valueOf(await t.run(receptionist, 'reception.visitorIn', { name: '赵六', unitId, reason: '探访亲友' }));
    const gone = valueOf<VisitorView>(await t.run(receptionist, 'reception.visitorIn', { name: '钱七', reason: '送快递' }));
    valueOf(await t.run(receptionist, 'reception.visitorOut', { id: gone.id }));
    const h = valueOf<Handover>(await t.run(receptionist, 'reception.handover', {}));
    // The feedback (own deadline 12:00), the complaint (received 09:00), then the repair.
    expect(h.open.map((r) => r.contactName)).toEqual(['保安 刘', '李先生', '张三']);
    const due = h.open.map((r) => r.time.nextDueAt ?? '~');
    expect([...due].sort()).toEqual(due);
    expect(h.open.every((r) => r.state === 'open')).toBe(true);
    expect(h.open.map((r) => r.no)).toContain(repair.no);
    expect(h.openVisitors.map((v) => v.name)).toEqual(['赵六']);
    expect(h.counts).toEqual({ open: 3, overdue: 0, dueSoon: 1, majorPending: 1 });
  });

  it('exports the daily report and the handover as .xlsx with the same figures', async () => {
    await logRepair();
    await logMajorComplaint();
    await logAnsweredEnquiry();
    const out = valueOf<{ fileName: string; contentBase64: string }>(await t.run(receptionist, 'reception.exportReport', { kind: 'daily', day: '2026-03-02' }));
    expect(out.fileName).toBe('客服中心日报表-2026-03-02.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '当日登记']);
    const summary = wb.getWorksheet('汇总')!;
    const figures = new Map<string, unknown>();
    summary.eachRow((row) => figures.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(figures.get('入户维修')).toBe(1);
    expect(figures.get('重大事项')).toBe(1);
    const entries = wb.getWorksheet('当日登记')!;
    expect(entries.rowCount).toBe(1 + 3);
    expect(JSON.stringify(entries.getSheetValues())).not.toMatch(/\d{17}[\dX]/);

    const handover = valueOf<{ fileName: string; contentBase64: string }>(await t.run(receptionist, 'reception.exportReport', { kind: 'handover' }));
    const hb = new ExcelJS.Workbook();
    await hb.xlsx.load(Buffer.from(handover.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(hb.worksheets.map((w) => w.name)).toEqual(['未办结事项', '未离开访客']);
    expect(hb.getWorksheet('未办结事项')!.rowCount).toBe(1 + 2);
  });

  it('records every export in the audit log — who, which report, how many rows — without the personal data exported', async () => {
    await logRepair();
    await logMajorComplaint();
    valueOf(await t.run(receptionist, 'reception.visitorIn', { name: '赵六', phone: '13700001111', reason: '看房' }));
    const before = snapshot();
    valueOf(await t.run(receptionist, 'reception.exportReport', { kind: 'daily', day: '2026-03-02' }));
    valueOf(await t.run(receptionist2, 'reception.exportReport', { kind: 'handover' }));
    const rows = t.app.connection.sqlite
      .prepare("SELECT operator_id, entity, entity_id, before_json, after_json FROM audit_log WHERE command = 'reception.exportReport' ORDER BY id")
      .all() as { operator_id: number; entity: string; entity_id: string; before_json: string | null; after_json: string }[];
    expect(rows.map((r) => ({ ...r, after_json: JSON.parse(r.after_json) }))).toEqual([
      {
        operator_id: operatorId('qiantai'),
        entity: 'reception_report',
        entity_id: '客服中心日报表-2026-03-02.xlsx',
        before_json: null,
        after_json: { event: 'report_exported', report: '客服中心日报表', day: '2026-03-02', entries: 2 },
      },
      {
        operator_id: operatorId('qiantai2'),
        entity: 'reception_report',
        entity_id: '交班表-202603020930.xlsx',
        before_json: null,
        after_json: { event: 'report_exported', report: '交班表', entries: 2, visitors: 1 },
      },
    ]);
    const audited = JSON.stringify(rows);
    for (const personal of ['张三', '李先生', '赵六', '13812345678', '0755-86001234', '13700001111', '厨房水管漏水']) expect(audited).not.toContain(personal);
    // Two audit rows and nothing else written.
    expect(snapshot()).toEqual(before.map((n, i) => (i === 4 ? n + 2 : n)));
    const shown = valueOf<Page<{ command: string; entityLabel: string }>>(await t.run(supervisor, 'audit.list', { filters: { command: 'reception.exportReport' } }));
    expect(shown.rows.map((r) => r.entityLabel)).toEqual(['接待报表导出', '接待报表导出']);
  });
});

describe('the demo reception log', () => {
  it('gives the demo office a settled past month: reports have content, today starts empty, nothing is overdue', async () => {
    const t = await createTestApp();
    try {
      const admin = await t.setupAdmin();
      valueOf(await t.run(admin, 'estate.generateDemo', {}));
      const sqlite = t.app.connection.sqlite;
      const states = sqlite.prepare('SELECT state, count(*) AS n FROM reception_entries GROUP BY state').all() as { state: string; n: number }[];
      expect(states.find((s) => s.state === 'open')).toBeUndefined();
      expect(states.reduce((a, s) => a + s.n, 0)).toBe(600);
      // Every entry has its timeline: logged, then closed or voided.
      expect((sqlite.prepare("SELECT count(*) AS n FROM reception_events WHERE kind = 'logged'").get() as { n: number }).n).toBe(600);
      // Contacts are the units' owners, as at a real counter.
      expect((sqlite.prepare("SELECT count(*) AS n FROM reception_entries WHERE unit_id IS NOT NULL AND contact_name = ''").get() as { n: number }).n).toBeLessThan(300);

      const today = t.clock.now().toISOString();
      const yesterday = new Date(Date.parse(today) - 86_400_000);
      const day = new Date(yesterday.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      const report = valueOf<DailyReport>(await t.run(admin, 'reception.daily', { day }));
      expect(report.total).toBeGreaterThan(5);
      expect(report).toMatchObject({ stillOpen: 0, overdue: 0, carriedOver: 0 });
      const todayReport = valueOf<DailyReport>(await t.run(admin, 'reception.daily', { day: new Date(Date.parse(today) + 8 * 3_600_000).toISOString().slice(0, 10) }));
      expect(todayReport.total).toBe(0);
      expect(await attentionOf(t, admin)).toEqual({ overdue: 0, dueSoon: 0, majorPending: 0, escalated: 0 });
      // New entries continue the numbering of the day instead of colliding with the demo's.
      const logged = valueOf<EntryDetail>(await t.run(admin, 'reception.log', { channel: 'call', category: 'enquiry', contactName: '王', content: '咨询' }));
      expect(logged.no).toMatch(/^JD\d{8}0001$/);
    } finally {
      await t.close();
    }
  });
});
