import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditScanView, AuditView, IssueView, KeyDetail, KeyHandover, KeyLabel, KeyRow, LoanRow, PersonHistory, ScanResult } from '../../shared/contract/keys';
import type { Page } from '../../shared/contract/paging';
import type { UnitCard } from '../../shared/contract/estate';
import type { SearchGroup } from '../../shared/contract/search';
import type { PrintRecord } from '../../shared/print';
import type { CommandName } from '../../shared/contract';
import { DEFAULT_KEY_RULES } from '../../shared/keys';
import { expectError, PASSWORD, valueOf } from '../support/app';
import { office, TARGET, type Office } from '../security/support';

/**
 * 钥匙管理 through the real dispatcher on a real SQLite file: the register and its labels, issue,
 * deposit, loans under the office's rules (same-day return, approvals, non-owner collection, the
 * per-borrower limit, one open loan per key), returns, losses, extensions and the overdue lists,
 * the cabinet audit — and the issue's bad input, refused in Chinese with nothing written.
 */
describe('keys desk', () => {
  let o: Office;
  const sqlite = () => o.t.app.connection.sqlite;
  const rows = (sql: string, ...args: unknown[]) => sqlite().prepare(sql).all(...args) as Record<string, unknown>[];
  const one = (sql: string, ...args: unknown[]) => sqlite().prepare(sql).get(...args) as Record<string, unknown>;
  /** What a refused command must leave as it was. */
  const snapshot = () => ({
    keys: rows('SELECT * FROM keys ORDER BY id'),
    loans: rows('SELECT * FROM key_loans ORDER BY id'),
    events: o.count('key_events'),
    entries: o.count('reception_entries'),
    audits: o.count('audit_log'),
  });
  const run = (name: CommandName, input: unknown, who = o.as.key_custodian) => o.t.run(who, name, input as never);
  const ok = async <T>(name: CommandName, input: unknown, who = o.as.key_custodian) => valueOf<T>(await run(name, input, who));
  const supervisor = { login: 'only_supervisor', password: PASSWORD };

  let units: number[];
  beforeEach(async () => {
    o = await office();
    units = [o.unitId];
    for (let i = 1; i <= 9; i++) {
      units.push(valueOf<{ id: number }>(await o.t.run(o.admin, 'estate.createUnit', { buildingId: o.buildingId, entrance: '1', room: `${i}01`, state: 'unsold' })).id);
    }
  });
  afterEach(() => o.t.close());

  /** Move the test clock and sign the custodian in again (an idle session locks, as at the counter). */
  const moveTo = async (iso: string) => {
    o.t.clock.time = new Date(iso);
    for (const role of ['key_custodian', 'supervisor'] as const) {
      const out = await o.t.app.dispatcher.run('auth.login', { login: `only_${role}`, password: PASSWORD }, { sessionToken: null });
      o.as[role] = out.session!.token!;
    }
  };

  const register = async (n = 1, extra: Record<string, unknown> = {}) =>
    (
      await ok<{ keys: KeyRow[]; labelRecord: string }>('keys.register', {
        keys: units.slice(0, n).map((unitId, i) => ({ unitId, keyClass: 'vacant', keyCount: 2, cabinet: 'A', hook: String(i + 1).padStart(2, '0'), ...extra })),
      })
    ).keys;
  const contractor = { borrowerType: 'contractor', borrowerName: '李工', borrowerPhone: '13900001111', organisation: '美家装饰', purpose: '水电改造' };
  const sales = { borrowerType: 'sales', borrowerName: '赵销售', borrowerPhone: '13900002222', organisation: '营销部', purpose: '带客户看房' };
  const deposit = () =>
    ok<KeyDetail>('keys.deposit', {
      unitId: o.unitId,
      keyCount: 1,
      cabinet: 'B',
      hook: '01',
      personId: o.targetId,
      depositorName: TARGET.name,
      depositorPhone: TARGET.mobile,
      authorisation: '业主本人寄存，签委托书',
      allowedCollectors: ['张小三'],
    });

  it('registers keys for ten vacant units in one go, with consecutive tags, and labels that never show the address', async () => {
    const made = await ok<{ keys: KeyRow[]; labelRecord: string }>('keys.register', {
      keys: units.map((unitId, i) => ({ unitId, keyClass: 'vacant', keyCount: 2, cabinet: 'A', hook: String(i + 1).padStart(2, '0') })),
    });
    expect(made.keys.map((k) => k.tag)).toEqual(Array.from({ length: 10 }, (_, i) => `YS${String(i + 1).padStart(6, '0')}`));
    expect(made.labelRecord).toBe('YS000001-YS000010');
    expect(made.keys[0]).toMatchObject({ state: 'in_cabinet', unitCode: '3-2-1101', position: 'A-01', keyCount: 2 });

    const labels = await ok<PrintRecord<KeyLabel[]>>('keys.printLabels', { record: made.labelRecord });
    expect(labels.data).toHaveLength(10);
    expect(labels.data[0]).toEqual({ tag: 'YS000001', classShort: '空置', position: 'A-01', keyCount: 2 });
    const printed = JSON.stringify(labels);
    for (const secret of ['3-2-1101', '1101', '阳光花园', TARGET.name, '3栋']) expect(printed).not.toContain(secret);

    // A place's key: a place instead of a unit; a unit key with a place too is refused.
    const plant = (await ok<{ keys: KeyRow[] }>('keys.register', { keys: [{ place: 'power_room', placeNote: '2号楼地下', keyClass: 'public', keyCount: 1, cabinet: 'C' }] })).keys[0]!;
    expect(plant).toMatchObject({ tag: 'YS000011', target: '配电房 2号楼地下', unitId: null });
    const before = snapshot();
    expect(expectError(await run('keys.register', { keys: [{ keyClass: 'public', keyCount: 1, cabinet: 'C' }] })).fields).toMatchObject({ 'keys.0.unitId': expect.stringContaining('请选择房屋') });
    expect(expectError(await run('keys.register', { keys: [{ unitId: 999, keyClass: 'vacant', keyCount: 1, cabinet: 'C' }] })).message).toContain('房屋不存在');
    expect(snapshot()).toEqual(before);
    // A failed register gives its tags back: the next key continues the series without a gap.
    expect((await register(1))[0]!.tag).toBe('YS000012');
  });

  it('resolves a scan: unknown tag refused, a key in the cabinet opens the lend form, a lent key the return form', async () => {
    const [key] = await register(1);
    const unknown = expectError(await run('keys.byTag', { tag: 'YS999999' }));
    expect(unknown).toMatchObject({ kind: 'not_found', message: '没有标签号为 YS999999 的钥匙，请核对标签' });
    expect(expectError(await run('keys.byTag', { tag: '3-2-1101' })).kind).toBe('validation');
    // The scanner may type lower case.
    expect((await ok<ScanResult>('keys.byTag', { tag: ` ${key!.tag.toLowerCase()} ` })).next).toEqual({ action: 'lend' });
    await ok('keys.lend', { keyId: key!.id, ...contractor });
    const scan = await ok<ScanResult>('keys.byTag', { tag: key!.tag });
    expect(scan.next).toEqual({ action: 'return' });
    expect(scan.loan).toMatchObject({ borrowerName: '李工', status: 'open' });
    expect(scan.key.openLoan).toMatchObject({ borrowerName: '李工' });
  });

  it('lends to a contractor for the same day only: due by closing time, refused after it', async () => {
    const [key] = await register(1);
    const before = snapshot();
    // 09:30 office time; tomorrow is refused.
    const tomorrow = expectError(await run('keys.lend', { keyId: key!.id, ...contractor, dueAt: '2026-03-03T02:00:00.000Z' }));
    expect(tomorrow).toMatchObject({ kind: 'validation', message: '施工单位须当天归还：归还时间不能晚于今天 17:30' });
    expect(snapshot()).toEqual(before);
    // No due time given: the default (4 hours) fits before closing.
    const loan = await ok<LoanRow>('keys.lend', { keyId: key!.id, ...contractor });
    expect(loan.dueAt).toBe('2026-03-02T05:30:00.000Z');
    await ok('keys.return', { keyId: key!.id, returnedCount: 2 });
    // 16:00 office time: the default is capped at 17:30.
    await moveTo('2026-03-02T08:00:00.000Z');
    expect((await ok<LoanRow>('keys.lend', { keyId: key!.id, ...contractor })).dueAt).toBe('2026-03-02T09:30:00.000Z');
    await ok('keys.return', { keyId: key!.id, returnedCount: 2 });
    // After closing time: refused with the reason; staff likewise, others not.
    await moveTo('2026-03-02T10:00:00.000Z');
    const late = snapshot();
    expect(expectError(await run('keys.lend', { keyId: key!.id, ...contractor }))).toMatchObject({
      kind: 'conflict',
      message: '已过下班时间（17:30），施工单位借用钥匙须当天归还，今天不能再借出',
    });
    expect(expectError(await run('keys.lend', { keyId: key!.id, ...contractor, borrowerType: 'staff' })).message).toContain('员工/维修人员借用钥匙须当天归还');
    expect(snapshot()).toEqual(late);
    // The rule can be turned off in settings.
    await ok('keys.updateSettings', { ...DEFAULT_KEY_RULES, sameDayReturn: false }, o.as.supervisor);
    expect((await ok<LoanRow>('keys.lend', { keyId: key!.id, ...contractor, dueAt: '2026-03-03T02:00:00.000Z' })).dueAt).toBe('2026-03-03T02:00:00.000Z');
  });

  it('keeps one open loan per key: the second lend is refused, and the database refuses it too', async () => {
    const [key] = await register(1);
    const first = await ok<LoanRow>('keys.lend', { keyId: key!.id, ...contractor });
    const before = snapshot();
    const second = expectError(await run('keys.lend', { keyId: key!.id, ...contractor, borrowerName: '王工', borrowerPhone: '13900003333' }));
    expect(second).toMatchObject({ kind: 'conflict', message: '该钥匙已借出，请先办理归还' });
    expect(snapshot()).toEqual(before);
    // Past the application's checks, the partial unique index still holds.
    const raw = one('SELECT * FROM key_loans WHERE id = ?', first.id);
    const { id: _id, ...copy } = raw;
    const cols = Object.keys(copy);
    expect(() => sqlite().prepare(`INSERT INTO key_loans (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`).run(...Object.values(copy))).toThrow(/UNIQUE/);
  });

  it('refuses a sales loan without a supervisor; with one, records the approver on the loan and the audit row', async () => {
    const [key] = await register(1);
    const before = snapshot();
    const refused = expectError(await run('keys.lend', { keyId: key!.id, ...sales }));
    expect(refused).toMatchObject({ kind: 'conflict' });
    expect(refused.message).toContain('须主管审批');
    expect(expectError(await run('keys.lendWithApproval', { keyId: key!.id, ...sales })).kind).toBe('approval_required');
    expect(expectError(await run('keys.lendWithApproval', { keyId: key!.id, ...sales, approval: { login: 'only_key_custodian', password: PASSWORD } })).fields).toMatchObject({
      'approval.login': '不能核准自己的操作，请另一位主管核准',
    });
    expect(snapshot()).toEqual(before);
    const loan = await ok<LoanRow>('keys.lendWithApproval', { keyId: key!.id, ...sales, approval: supervisor });
    expect(loan).toMatchObject({ approverName: '操作员5', borrowerType: 'sales' });
    const supervisorId = (one("SELECT id FROM operators WHERE login = 'only_supervisor'") as { id: number }).id;
    const auditRows = rows("SELECT approver_id FROM audit_log WHERE command = 'keys.lendWithApproval'");
    expect(auditRows.length).toBeGreaterThan(0);
    expect(auditRows.every((r) => r.approver_id === supervisorId)).toBe(true);
    expect(one('SELECT approver_id FROM key_loans WHERE id = ?', loan.id)).toEqual({ approver_id: supervisorId });
  });

  it('lends a deposited key only with approval and the non-owner checks, and logs a reception entry in the same transaction', async () => {
    const key = await deposit();
    expect(key).toMatchObject({ keyClass: 'deposited', state: 'in_cabinet', deposit: { depositorName: TARGET.name, allowedCollectors: ['张小三'] } });
    const scan = await ok<ScanResult>('keys.byTag', { tag: key.tag });
    expect(scan).toMatchObject({ approvalReason: '业主寄存的钥匙借出须主管审批', allowedCollectors: ['张小三'] });

    const family = { borrowerType: 'household', borrowerName: '李四', borrowerPhone: '13700001234', purpose: '取物品' };
    const before = snapshot();
    expect(expectError(await run('keys.lend', { keyId: key.id, ...family })).message).toContain('须主管审批');
    // Approved, but the non-owner brought nothing: each missing item named, no entry left behind.
    const missing = expectError(await run('keys.lendWithApproval', { keyId: key.id, ...family, approval: supervisor }));
    expect(missing.kind).toBe('validation');
    expect(Object.keys(missing.fields!).sort()).toEqual(['authorisation', 'idTail', 'phoneConfirmation']);
    expect(snapshot()).toEqual(before);

    const phoneConfirmation = { phone: TARGET.mobile, at: '2026-03-02T01:25:00.000Z', confirmedBy: '钥匙员' };
    const loan = await ok<LoanRow>('keys.lendWithApproval', {
      keyId: key.id,
      ...family,
      idTail: '1234',
      authorisation: '业主微信委托',
      phoneConfirmation,
      approval: supervisor,
    });
    expect(loan.entryNo).toMatch(/^JD\d{12}$/);
    const entry = one('SELECT unit_id, content, state FROM reception_entries WHERE no = ?', loan.entryNo);
    expect(entry).toMatchObject({ unit_id: o.unitId, state: 'closed' });
    expect(String(entry.content)).toContain(key.tag);
    expect(loan.phoneConfirmation).toMatchObject({ confirmedBy: '钥匙员' });
    await ok('keys.return', { keyId: key.id, returnedCount: 1 });

    // A collector the owner named at deposit needs no further authorisation, still ID and the call.
    const named = await ok<LoanRow>('keys.lendWithApproval', {
      keyId: key.id,
      ...family,
      borrowerName: '张小三',
      idTail: '5678',
      phoneConfirmation,
      approval: supervisor,
    });
    expect(named.authorisation).toBe('');
    expect(o.count('reception_entries')).toBe(2);
  });

  it('limits how many keys one borrower holds at once', async () => {
    const keys = await register(4);
    for (const k of keys.slice(0, 3)) await ok('keys.lend', { keyId: k.id, ...contractor });
    const before = snapshot();
    expect(expectError(await run('keys.lend', { keyId: keys[3]!.id, ...contractor }))).toMatchObject({
      kind: 'conflict',
      message: '该借用人已借 3 把钥匙未还，每人最多同时借 3 把，请先归还',
    });
    expect(snapshot()).toEqual(before);
    const history = await ok<PersonHistory>('keys.personHistory', { borrowerKey: 't:13900001111' });
    expect(history).toMatchObject({ name: '李工', holding: 3, borrowerType: 'contractor' });
    expect(history.loans).toHaveLength(3);
    await ok('keys.return', { keyId: keys[0]!.id, returnedCount: 2 });
    await ok('keys.lend', { keyId: keys[3]!.id, ...contractor });
    // A loan row names its borrower the way the history does: a resident by their record, others by phone.
    expect(history.loans.map((l) => l.borrowerKey)).toEqual(['t:13900001111', 't:13900001111', 't:13900001111']);
    const [own] = await register(1);
    const owners = await ok<LoanRow>('keys.lend', { keyId: own!.id, borrowerType: 'owner', personId: o.targetId, borrowerName: TARGET.name, borrowerPhone: TARGET.mobile, purpose: '取物品' });
    expect(owners.borrowerKey).toBe(`p:${o.targetId}`);
    expect((await ok<PersonHistory>('keys.personHistory', { borrowerKey: owners.borrowerKey! })).loans.map((l) => l.id)).toEqual([owners.id]);
  });

  it('returns: a key in the cabinet cannot be returned, a partial return is flagged and must say what is missing', async () => {
    const [key] = await register(1);
    const before = snapshot();
    expect(expectError(await run('keys.return', { keyId: key!.id, returnedCount: 2 }))).toMatchObject({ kind: 'conflict', message: '该钥匙在柜中，没有借出，不需要归还' });
    expect(snapshot()).toEqual(before);
    await ok('keys.lend', { keyId: key!.id, ...contractor });
    expect(expectError(await run('keys.return', { keyId: key!.id, returnedCount: 1 })).fields).toHaveProperty('condition');
    expect(expectError(await run('keys.return', { keyId: key!.id, returnedCount: 3 })).message).toContain('借出 2 把');
    const back = await ok<LoanRow>('keys.return', { keyId: key!.id, returnedCount: 1, condition: '少还一把防盗门钥匙，施工方称明天送回' });
    expect(back).toMatchObject({ partial: true, returnedCount: 1, status: 'returned', outcome: 'returned' });
    const detail = await ok<KeyDetail>('keys.get', { keyId: key!.id });
    expect(detail).toMatchObject({ state: 'in_cabinet', shortCount: 1 });
    expect(detail.history[0]).toMatchObject({ kind: 'returned', text: expect.stringContaining('缺 1 把') });
  });

  it('reports a lent key lost with a re-cut: the loan closes as lost, the new key gets a new tag', async () => {
    const [key] = await register(1);
    const loan = await ok<LoanRow>('keys.lend', { keyId: key!.id, ...contractor });
    expect(expectError(await run('keys.reportLost', { keyId: key!.id, action: 'recut', reason: '施工人员遗失' })).fields).toHaveProperty('recut');
    const lost = await ok<KeyDetail>('keys.reportLost', { keyId: key!.id, action: 'recut', reason: '施工人员遗失', recut: { cabinet: 'A', hook: '01', keyCount: 2 } });
    expect(lost).toMatchObject({ state: 'lost', replacedByTag: 'YS000002', loan: null });
    expect(one('SELECT outcome, returned_count FROM key_loans WHERE id = ?', loan.id)).toEqual({ outcome: 'lost', returned_count: 0 });
    const recut = await ok<KeyDetail>('keys.get', { tag: 'YS000002' });
    expect(recut).toMatchObject({ state: 'in_cabinet', replacesTag: key!.tag, unitId: o.unitId, keyClass: 'vacant' });
    expect((await ok<ScanResult>('keys.byTag', { tag: key!.tag })).next).toEqual({ action: 'refuse', message: '该钥匙已报遗失，不能借出；如已找回请联系主管' });
    // Retiring is for those who approve.
    expect(expectError(await run('keys.retire', { keyId: key!.id, reason: '已换锁' })).kind).toBe('forbidden');
    expect((await ok<KeyDetail>('keys.retire', { keyId: key!.id, reason: '已换锁' }, o.as.supervisor)).state).toBe('retired');
  });

  it('lists overdue and due-soon loans; an extension moves the due time so there is no false overdue', async () => {
    const [a, b] = await register(2);
    const other = { borrowerType: 'other', borrowerName: '陈先生', borrowerPhone: '13600001111', purpose: '量房' };
    const loanA = await ok<LoanRow>('keys.lend', { keyId: a!.id, ...other, dueAt: '2026-03-02T03:00:00.000Z' });
    await ok('keys.lend', { keyId: b!.id, ...contractor });
    const list = async (status: string) => (await ok<Page<LoanRow>>('keys.loans', { filters: { status } })).rows.map((l) => l.tag);
    expect(await list('due_soon')).toEqual([]);
    await moveTo('2026-03-02T02:15:00.000Z');
    expect(await list('due_soon')).toEqual([a!.tag]);
    // Extended before it fell due, to 12:30 office time.
    const extended = await ok<LoanRow>('keys.extend', { loanId: loanA.id, dueAt: '2026-03-02T04:30:00.000Z', reason: '量房延长' });
    expect(extended).toMatchObject({ dueAt: '2026-03-02T04:30:00.000Z', firstDueAt: '2026-03-02T03:00:00.000Z', extensions: 1 });
    await moveTo('2026-03-02T03:15:00.000Z');
    expect(await list('overdue')).toEqual([]);
    expect((await ok<KeyDetail>('keys.get', { keyId: a!.id })).openLoan!.status).toBe('open');
    // The contractor's key, due 17:30, is overdue after closing time.
    await moveTo('2026-03-02T09:45:00.000Z');
    expect(await list('overdue')).toEqual([a!.tag, b!.tag]);
    const attention = valueOf<Record<string, { badge: number; counts: Record<string, number> }>>(await o.t.run(o.as.key_custodian, 'shell.attention', {}));
    expect(attention.keys).toMatchObject({ badge: 2, counts: { overdue: 2, dueSoon: 0 } });
    const chased = await ok<LoanRow>('keys.chase', { loanId: loanA.id, method: 'phone', result: '答应明早归还' });
    expect(chased.chases).toBe(1);
    const handover = await ok<KeyHandover>('keys.handover', {});
    expect(handover).toMatchObject({ keysOut: 2, byState: { lent: 2, in_cabinet: 0 } });
    expect(handover.overdue.map((l) => l.tag)).toEqual([a!.tag, b!.tag]);
    // An extension for a contractor may not run past closing time either.
    const loanB = (await ok<Page<LoanRow>>('keys.loans', { filters: { keyId: b!.id } })).rows[0]!;
    expect(expectError(await run('keys.extend', { loanId: loanB.id, dueAt: '2026-03-03T01:00:00.000Z', reason: '未完工' })).message).toContain('今天不能再借出');
  });

  it('audits the cabinet: one missing, one unexpected, one lent, an unknown tag, and compares with the previous audit', async () => {
    const keys = await register(4);
    const [present, missing, lent, issued] = keys as [KeyRow, KeyRow, KeyRow, KeyRow];
    await ok('keys.lend', { keyId: lent.id, ...contractor });
    await ok<IssueView>('keys.issue', { keyId: issued.id, recipientName: TARGET.name, docType: 'id_card', docTail: '002X', keysCounted: 2, acknowledged: true });
    const audit = await ok<AuditView>('keys.startAudit', { note: '月度盘点' });
    expect(expectError(await run('keys.startAudit', {})).message).toContain('尚未结束');
    const scan = (tag: string) => ok<AuditScanView>('keys.auditScan', { auditId: audit.id, tag });
    expect(await scan(present.tag)).toMatchObject({ result: 'present', repeated: false, scanned: 1 });
    expect(await scan(present.tag)).toMatchObject({ result: 'present', repeated: true, scanned: 1 });
    expect(await scan(issued.tag)).toMatchObject({ result: 'unexpected', message: expect.stringContaining('已发放') });
    expect(await scan('YS999999')).toMatchObject({ result: 'unknown', key: null });
    expect(o.count('key_audit_scans')).toBe(3);
    const done = await ok<AuditView>('keys.finishAudit', { auditId: audit.id });
    expect(done.missingKeys.map((k) => k.tag)).toEqual([missing.tag]);
    expect(done.unexpectedKeys.map((k) => k.tag)).toEqual([issued.tag]);
    expect(done.lentKeys.map((k) => k.tag)).toEqual([lent.tag]);
    expect(done.lentKeys[0]!.detail).toContain('李工');
    expect(done.unknownTags).toEqual(['YS999999']);
    expect(done).toMatchObject({ scanned: 3, missing: 1, unexpected: 1, lent: 1, unknown: 1, comparison: null });
    expect(expectError(await run('keys.auditScan', { auditId: audit.id, tag: missing.tag })).message).toContain('已结束');
    const report = await ok<PrintRecord<AuditView>>('keys.printAudit', { no: done.no });
    expect(report.data.missingKeys[0]!.tag).toBe(missing.tag);

    // Next audit: the missing key turned up, the present one is gone.
    const next = await ok<AuditView>('keys.startAudit', {});
    await ok('keys.auditScan', { auditId: next.id, tag: missing.tag });
    const second = await ok<AuditView>('keys.finishAudit', { auditId: next.id });
    expect(second.comparison).toMatchObject({ previousNo: done.no, newlyMissing: [present.tag], stillMissing: [], found: [missing.tag] });
    expect((await ok<Page<{ no: string }>>('keys.audits', { filters: {} })).rows.map((a) => a.no)).toEqual([second.no, done.no]);
    expect((await ok<KeyHandover>('keys.handover', {})).lastAudit).toMatchObject({ no: second.no });
  });

  it('never records a full ID number: the document tail only, and nothing in any key table or its audit rows', async () => {
    const [key] = await register(1);
    const refused = expectError(await run('keys.issue', { keyId: key!.id, recipientName: TARGET.name, docType: 'id_card', docTail: TARGET.idNumber, keysCounted: 2, acknowledged: true }));
    expect(refused.fields).toHaveProperty('docTail');
    expect(expectError(await run('keys.lend', { keyId: key!.id, ...contractor, idTail: TARGET.idNumber })).fields).toHaveProperty('idTail');
    expect(expectError(await run('keys.issue', { keyId: key!.id, recipientName: TARGET.name, docType: 'id_card', docTail: '002X', keysCounted: 1, acknowledged: true })).message).toContain('清点数量与登记不符');
    const issue = await ok<IssueView>('keys.issue', { keyId: key!.id, personId: o.targetId, recipientName: TARGET.name, docType: 'id_card', docTail: '002x', keysCounted: 2, acknowledged: true });
    expect(issue).toMatchObject({ docTail: '002X', no: 'FF00000001' });
    const slip = await ok<PrintRecord<IssueView>>('keys.printIssueSlip', { no: issue.no });
    expect(slip.data.docTail).toBe('002X');
    const everything = JSON.stringify([
      rows('SELECT * FROM keys'),
      rows('SELECT * FROM key_loans'),
      rows('SELECT * FROM key_issues'),
      rows('SELECT * FROM key_events'),
      rows("SELECT * FROM audit_log WHERE command LIKE 'keys.%'"),
      slip,
    ]);
    expect(everything).not.toContain(TARGET.idNumber);
    expect(everything).not.toContain(TARGET.idNumber.slice(6, 14));
  });

  it('prints loan slips and labels, logs each job, and a printed label clears the worn-label mark', async () => {
    const [key] = await register(1);
    await ok('keys.flagRelabel', { keyId: key!.id });
    expect((await ok<Page<KeyRow>>('keys.list', { filters: { needsRelabel: true } })).rows.map((k) => k.tag)).toEqual([key!.tag]);
    await ok('keys.printed', { form: 'key-label', record: key!.tag, copies: 1, output: 'printer' });
    expect((await ok<Page<KeyRow>>('keys.list', { filters: { needsRelabel: true } })).total).toBe(0);
    expect((await ok<PrintRecord<KeyLabel[]>>('keys.printLabels', { record: key!.tag })).reprint).toBe(1);
    const loan = await ok<LoanRow>('keys.lend', { keyId: key!.id, ...contractor });
    expect(loan.no).toBe('JY00000001');
    const slip = await ok<PrintRecord<LoanRow>>('keys.printLoanSlip', { no: loan.no });
    expect(slip).toMatchObject({ serial: 'JY00000001', reprint: 0, data: { borrowerName: '李工', organisation: '美家装饰' } });
    expect(await ok('keys.printed', { form: 'key-loan-slip', record: loan.no, copies: 1, output: 'printer' })).toEqual({ prints: 1 });
    expect(expectError(await run('keys.printLoanSlip', { no: 'JY00000099' })).kind).toBe('not_found');
  });

  it('shows tags in the counter search and the unit’s keys on the unit card', async () => {
    const [key] = await register(1);
    await ok('keys.lend', { keyId: key!.id, ...contractor });
    const found = valueOf<{ groups: SearchGroup[] }>(await o.t.run(o.as.key_custodian, 'search.counter', { q: key!.tag.toLowerCase() }));
    expect(found.groups.find((g) => g.kind === 'keys')!.hits[0]).toMatchObject({ title: key!.tag, unitId: o.unitId, subtitle: expect.stringContaining('借出给 李工') });
    // The receptionist sees no key hits (keys.get is not hers).
    const theirs = valueOf<{ groups: SearchGroup[] }>(await o.t.run(o.as.receptionist, 'search.counter', { q: key!.tag }));
    expect(theirs.groups.find((g) => g.kind === 'keys')).toBeUndefined();
    const card = valueOf<UnitCard>(await o.t.run(o.as.key_custodian, 'estate.unitCard', { id: o.unitId }));
    expect(card.openItems.find((g) => g.desk === 'keys')!.items[0]).toMatchObject({ title: expect.stringContaining(key!.tag), detail: expect.stringContaining('借出给 李工') });
  });

  it('refuses the receptionist, the cashier and the gate guard every key command', async () => {
    const [key] = await register(1);
    const before = snapshot();
    for (const role of ['receptionist', 'cashier', 'gate_guard'] as const) {
      for (const [name, input] of [
        ['keys.byTag', { tag: key!.tag }],
        ['keys.list', { filters: {} }],
        ['keys.lend', { keyId: key!.id, ...contractor }],
        ['keys.register', { keys: [{ unitId: o.unitId, keyClass: 'vacant', keyCount: 1, cabinet: 'A' }] }],
        ['keys.startAudit', {}],
      ] as const) {
        expect(expectError(await run(name, input, o.as[role])).kind, `${role} ${name}`).toBe('forbidden');
      }
    }
    expect(snapshot()).toEqual(before);
  });

  it('keeps loans, issues, events and audits: never deleted, a loan’s record never rewritten', async () => {
    const [key, other] = await register(2);
    const loan = await ok<LoanRow>('keys.lend', { keyId: key!.id, ...contractor });
    await ok('keys.issue', { keyId: other!.id, recipientName: TARGET.name, docType: 'id_card', docTail: '002X', keysCounted: 2, acknowledged: true });
    const audit = await ok<AuditView>('keys.startAudit', {});
    await ok('keys.auditScan', { auditId: audit.id, tag: key!.tag });
    await ok('keys.finishAudit', { auditId: audit.id });
    const exec = (sql: string) => () => sqlite().prepare(sql).run();
    expect(exec(`DELETE FROM key_loans WHERE id = ${loan.id}`)).toThrow('借用记录不可删除');
    expect(exec(`UPDATE key_loans SET borrower_name = '别人' WHERE id = ${loan.id}`)).toThrow('借用登记的内容不可修改');
    expect(exec(`UPDATE key_loans SET approver_id = 1 WHERE id = ${loan.id}`)).toThrow('借用登记的内容不可修改');
    expect(exec('DELETE FROM keys')).toThrow('钥匙不可删除');
    expect(exec(`UPDATE keys SET tag = 'YS123456' WHERE id = ${key!.id}`)).toThrow('标签号');
    expect(exec('DELETE FROM key_events')).toThrow('钥匙记录不可删除');
    expect(exec("UPDATE key_events SET text = 'x'")).toThrow('钥匙记录不可修改');
    expect(exec('DELETE FROM key_issues')).toThrow('钥匙记录不可删除');
    expect(exec('DELETE FROM key_audits')).toThrow('钥匙记录不可删除');
    expect(exec("UPDATE key_audits SET note = 'x'")).toThrow('已结束的盘点不可修改');
    expect(exec('DELETE FROM key_audit_scans')).toThrow('钥匙记录不可删除');
    await ok('keys.return', { keyId: key!.id, returnedCount: 2 });
    expect(exec(`UPDATE key_loans SET returned_count = 1 WHERE id = ${loan.id}`)).toThrow('已归还的借用记录不可修改');
  });
});
