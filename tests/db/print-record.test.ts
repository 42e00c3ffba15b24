import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import type { EntryDetail, Handover, HandoverSummary } from '../../shared/contract/reception';
import type { PrintRecord } from '../../shared/print';
import { createTestApp, expectError, valueOf, type TestApp } from '../support/app';

/**
 * Print from the record (#11 §2) through the real dispatcher on a real SQLite file: the print
 * reads give the number, 补打 count and 作废 mark; prints are counted in print_log only when
 * reported printed; the handover prints a stored snapshot; both tables are append-only.
 */
describe('print from the record', () => {
  let t: TestApp;
  let receptionist: string;
  let cashier: string;
  const sqlite = () => t.app.connection.sqlite;
  const count = (table: string) => (sqlite().prepare(`SELECT count(*) n FROM ${table}`).get() as { n: number }).n;
  const log = async (content: string) =>
    valueOf<EntryDetail>(await t.run(receptionist, 'reception.log', { channel: 'call', category: 'complaint', contactName: '李女士', contactPhone: '13912345678', content }));
  const slip = async (no: string, token = receptionist) => valueOf<PrintRecord<EntryDetail>>(await t.run(token, 'reception.printSlip', { no }));
  const printed = (form: 'work-contact-slip' | 'reception-daily' | 'reception-handover', record: string, token = receptionist) =>
    t.run(token, 'reception.printed', { form, record, copies: 2, output: 'printer' });

  beforeEach(async () => {
    t = await createTestApp();
    await t.setupAdmin();
    receptionist = await t.operatorWith(['receptionist'], 'qiantai');
    cashier = await t.operatorWith(['cashier'], 'shoufei');
  });
  afterEach(async () => {
    await t.close();
  });

  it('reads a slip with its number, 补打 count and 作废 mark from the server; reading counts nothing', async () => {
    const entry = await log('楼上漏水');
    expect(await slip(entry.no)).toMatchObject({ serial: entry.no, reprint: 0, voided: false, data: { no: entry.no, contactPhone: '13912345678' } });
    expect(await slip(entry.no)).toMatchObject({ reprint: 0 });
    expect(count('print_log')).toBe(0);

    valueOf(await printed('work-contact-slip', entry.no));
    expect(count('print_log')).toBe(1);
    valueOf(await t.run(receptionist, 'reception.void', { id: entry.id, reason: '重复登记' }));
    const again = await slip(entry.no);
    expect(again).toMatchObject({ serial: entry.no, reprint: 1, voided: true });
    // The entry's page and its timeline say so too.
    expect(again.data.printCount).toBe(1);
    expect(again.data.events.some((e) => e.kind === 'print' && e.text === '打印工作联系单')).toBe(true);

    valueOf(await printed('work-contact-slip', entry.no));
    expect(await slip(entry.no)).toMatchObject({ reprint: 2 });
    const row = sqlite().prepare('SELECT form_key, record_no, copies, output FROM print_log ORDER BY id DESC LIMIT 1').get();
    expect(row).toEqual({ form_key: 'work-contact-slip', record_no: entry.no, copies: 2, output: 'printer' });
    // Audited like every write.
    expect(count("audit_log WHERE command = 'reception.printed'")).toBe(2);
  });

  it('refuses a print of a record that does not exist, and a role that may not read it, writing nothing', async () => {
    const entry = await log('电梯异响');
    const before = [count('print_log'), count('audit_log'), count('reception_events')];
    expect(expectError(await printed('work-contact-slip', 'JD209901010001')).message).toMatch(/找不到/);
    expect(expectError(await printed('reception-handover', 'JJ20990101001')).message).toMatch(/找不到/);
    expect(expectError(await printed('work-contact-slip', entry.no, cashier)).kind).toBe('forbidden');
    expect(expectError(await t.run(cashier, 'reception.printSlip', { no: entry.no })).kind).toBe('forbidden');
    expect([count('print_log'), count('audit_log'), count('reception_events')]).toEqual(before);
  });

  it('counts prints of a day’s report by its day', async () => {
    await log('咨询缴费');
    const day = '2026-03-02';
    expect(valueOf<PrintRecord<unknown>>(await t.run(receptionist, 'reception.printDaily', { day }))).toMatchObject({ serial: day, reprint: 0, voided: false });
    valueOf(await printed('reception-daily', day));
    expect(valueOf<PrintRecord<unknown>>(await t.run(receptionist, 'reception.printDaily', { day }))).toMatchObject({ reprint: 1 });
  });

  it('stores the handover under its own JJ number; a reprint shows the same content after an entry changes', async () => {
    const entry = await log('小区广场夜间噪音');
    const { no } = valueOf<{ no: string }>(await t.run(receptionist, 'reception.saveHandover', {}));
    expect(no).toBe('JJ20260302001');
    const first = valueOf<PrintRecord<Handover>>(await t.run(receptionist, 'reception.printHandover', { no }));
    expect(first).toMatchObject({ serial: no, reprint: 0, voided: false });
    expect(first.data.open.map((e) => e.no)).toEqual([entry.no]);
    // Stored as printed: the print shows no phone numbers, so none are kept.
    expect(first.data.open[0]!.contactPhone).toBe('');
    valueOf(await printed('reception-handover', no));

    valueOf(await t.run(receptionist, 'reception.close', { id: entry.id, result: '已劝导' }));
    expect(valueOf<Handover>(await t.run(receptionist, 'reception.handover', {})).open).toEqual([]);
    const reprint = valueOf<PrintRecord<Handover>>(await t.run(receptionist, 'reception.printHandover', { no }));
    expect(reprint).toEqual({ ...first, reprint: 1 });

    const next = valueOf<{ no: string }>(await t.run(receptionist, 'reception.saveHandover', {}));
    expect(next.no).toBe('JJ20260302002');
    const past = valueOf<HandoverSummary[]>(await t.run(receptionist, 'reception.handovers', {}));
    expect(past.map((h) => [h.no, h.open, h.prints])).toEqual([
      [next.no, 0, 0],
      [no, 1, 1],
    ]);
    expect(expectError(await t.run(cashier, 'reception.printHandover', { no })).kind).toBe('forbidden');
  });

  it('print_log and the handover snapshots refuse UPDATE and DELETE', async () => {
    const entry = await log('楼道灯不亮');
    valueOf(await printed('work-contact-slip', entry.no));
    valueOf(await t.run(receptionist, 'reception.saveHandover', {}));
    const db = sqlite();
    expect(() => db.prepare('UPDATE print_log SET copies = 9').run()).toThrow(/不可修改/);
    expect(() => db.prepare('DELETE FROM print_log').run()).toThrow(/不可删除/);
    expect(() => db.prepare("UPDATE reception_handovers SET content = '{}'").run()).toThrow(/不可修改/);
    expect(() => db.prepare('DELETE FROM reception_handovers').run()).toThrow(/不可删除/);
    expect([count('print_log'), count('reception_handovers')]).toEqual([1, 1]);
  });

  it('migration 0009 carries slips printed before it over into print_log, so their next copy still says 补打', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qiantai-print-log-'));
    try {
      const conn = connect(join(dir, 'old.db'));
      const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0009'));
      await migrate(conn, { migrations: before });
      const db = conn.sqlite;
      db.prepare("INSERT INTO operators (id, login, display_name, password_hash, created_at, updated_at) VALUES (1, 'qiantai', '前台', 'x', 't', 't')").run();
      db.prepare(
        `INSERT INTO reception_entries (id, no, channel, category, urgency, content, received_at, handler_due_at, escalate_due_at, state, print_count, created_by, created_at, updated_at)
         VALUES (1, 'JD202603020001', 'call', 'complaint', 'ordinary', '楼上漏水', 't', 't', 't', 'open', 2, 1, 't', 't')`,
      ).run();
      for (const at of ['2026-03-02T02:00:00.000Z', '2026-03-02T03:00:00.000Z']) {
        db.prepare("INSERT INTO reception_events (entry_id, kind, at, operator_id, text) VALUES (1, 'print', ?, 1, '打印工作联系单')").run(at);
      }
      await migrate(conn);
      expect(db.prepare('SELECT form_key, record_no, printed_at, operator_id, copies, output FROM print_log ORDER BY id').all()).toEqual([
        { form_key: 'work-contact-slip', record_no: 'JD202603020001', printed_at: '2026-03-02T02:00:00.000Z', operator_id: 1, copies: 1, output: 'legacy' },
        { form_key: 'work-contact-slip', record_no: 'JD202603020001', printed_at: '2026-03-02T03:00:00.000Z', operator_id: 1, copies: 1, output: 'legacy' },
      ]);
      await conn.db.destroy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
