import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntryDetail, VisitorView } from '../../shared/contract/reception';
import type { CommandInput } from '../../shared/contract';
import { SERIALS, serialCapacity, serialPolicy, type SerialPolicy } from '../../shared/serials';
import { takeSerial } from '../../db/serials';
import { createTestApp, expectError, valueOf, type TestApp } from '../support/app';

/**
 * Printed numbers (JD entries, TS complaints, FK visitors …) through the real dispatcher on a
 * real SQLite file. The test clock starts at 2026-03-02 09:30 in Shanghai.
 */
describe('serial numbers', () => {
  let t: TestApp;
  let receptionist: string;
  beforeEach(async () => {
    t = await createTestApp();
    receptionist = await t.operatorWith(['receptionist'], 'qiantai');
  });
  afterEach(() => t.close());

  const sqlite = () => t.app.connection.sqlite;
  const count = (table: string) => (sqlite().prepare(`SELECT count(*) n FROM ${table}`).get() as { n: number }).n;
  const snapshot = () => ['reception_entries', 'reception_complaints', 'reception_events', 'audit_log', 'serial_counters'].map(count);
  const counters = () => sqlite().prepare('SELECT prefix, day, last FROM serial_counters ORDER BY prefix, day').all();
  const setCounter = (prefix: string, day: string, last: number) =>
    sqlite().prepare('INSERT INTO serial_counters (prefix, day, last) VALUES (?, ?, ?) ON CONFLICT (prefix, day) DO UPDATE SET last = excluded.last').run(prefix, day, last);
  const caller = { channel: 'call', contactName: '李先生', contactPhone: '0755-86001234' } as const;
  const logEntry = (input: Partial<CommandInput<'reception.log'>> = {}) =>
    t.run(receptionist, 'reception.log', { ...caller, category: 'enquiry', content: '询问停车月卡办理', ...input } as CommandInput<'reception.log'>);
  const internalErrors = () => {
    const file = t.app.log.file;
    return file && existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((line) => line.includes('command_failed')) : [];
  };

  describe('overflow', () => {
    it('answers the 10,000th entry of a day with a Chinese conflict, writes nothing and logs no internal error', async () => {
      setCounter('JD', '2026-03-02', 9999);
      const before = snapshot();
      const error = expectError(await logEntry());
      expect(error.kind).toBe('conflict');
      expect(error.message).toBe('今日接待登记编号已用完（9999 号），请联系管理员调整编号位数');
      expect(snapshot()).toEqual(before);
      expect(counters()).toEqual([{ prefix: 'JD', day: '2026-03-02', last: 9999 }]);
      expect(t.app.log.file).not.toBeNull();
      expect(internalErrors()).toEqual([]);
    });

    it('gives the entry number back when the complaint number has run out', async () => {
      setCounter('JD', '2026-03-02', 41);
      setCounter('TS', '2026-03-02', 9999);
      const before = snapshot();
      const error = expectError(await logEntry({ category: 'complaint', content: '夜间施工噪音' }));
      expect(error).toMatchObject({ kind: 'conflict', message: '今日投诉建议编号已用完（9999 号），请联系管理员调整编号位数' });
      expect(snapshot()).toEqual(before);
      expect(internalErrors()).toEqual([]);
      // The next entry gets the number the failed one had taken.
      expect(valueOf<EntryDetail>(await logEntry()).no).toBe('JD202603020042');
    });
  });

  /** Take a number in a transaction of its own at the test clock's time, as a command would. */
  const take = (policy: SerialPolicy) => t.app.connection.db.transaction().execute((trx) => takeSerial(trx, t.clock.now(), policy));
  /** Set the clock to an office (Asia/Shanghai, +08:00) wall time. */
  const officeTime = (local: string) => (t.clock.time = new Date(`${local}+08:00`));

  describe('policies', () => {
    it('numbers a daily series by office day and restarts it at office midnight, not UTC midnight', async () => {
      officeTime('2026-03-02T07:59:59.999'); // 23:59 UTC the day before: still 2 March at the office
      expect(await take(serialPolicy('JD'))).toBe('JD202603020001');
      officeTime('2026-03-02T23:59:59.999');
      expect(await take(serialPolicy('JD'))).toBe('JD202603020002');
      t.clock.advance(1);
      expect(await take(serialPolicy('JD'))).toBe('JD202603030001');
      expect(await take(serialPolicy('JD'))).toBe('JD202603030002');
    });

    it('numbers a yearly series by office year and restarts it at the office new year', async () => {
      const receipts: SerialPolicy = { prefix: 'SJ', period: 'yearly', width: 6, start: 1, label: '收据编号' };
      officeTime('2026-01-01T00:00:00.000');
      expect(await take(receipts)).toBe('SJ2026000001');
      officeTime('2026-12-31T23:59:59.999');
      expect(await take(receipts)).toBe('SJ2026000002');
      t.clock.advance(1);
      expect(await take(receipts)).toBe('SJ2027000001');
      expect(counters()).toEqual([
        { prefix: 'SJ', day: '2026', last: 2 },
        { prefix: 'SJ', day: '2027', last: 1 },
      ]);
    });

    it('never restarts a continuous series', async () => {
      const contracts: SerialPolicy = { prefix: 'HT', period: 'continuous', width: 5, start: 1, label: '合同编号' };
      expect(await take(contracts)).toBe('HT00001');
      t.clock.advance(24 * 3_600_000);
      expect(await take(contracts)).toBe('HT00002');
      officeTime('2027-01-01T00:00:00.000');
      expect(await take(contracts)).toBe('HT00003');
      expect(counters()).toEqual([{ prefix: 'HT', day: '-', last: 3 }]);
    });

    it('starts at the first number of a pre-numbered book, in its width, and jumps to a new book but never back', async () => {
      const book: SerialPolicy = { prefix: 'SJ', period: 'continuous', width: 7, start: 35001, label: '收据编号' };
      expect(await take(book)).toBe('SJ0035001');
      expect(await take(book)).toBe('SJ0035002');
      expect(await take({ ...book, start: 40001 })).toBe('SJ0040001');
      expect(await take(book)).toBe('SJ0040002');
      // An office override of the registered policy changes start and width, nothing else.
      expect(serialPolicy('JD', { start: 500, width: 5 })).toEqual({ ...serialPolicy('JD'), start: 500, width: 5 });
    });

    it('refuses the number past the width as a conflict and gives it back', async () => {
      const small: SerialPolicy = { prefix: 'XS', period: 'daily', width: 2, start: 98, label: '测试编号' };
      expect(await take(small)).toBe('XS2026030298');
      expect(await take(small)).toBe('XS2026030299');
      await expect(take(small)).rejects.toMatchObject({ kind: 'conflict', message: '今日测试编号已用完（99 号），请联系管理员调整编号位数' });
      expect(counters()).toEqual([{ prefix: 'XS', day: '2026-03-02', last: 99 }]);
      await expect(take({ ...small, period: 'yearly' })).resolves.toBe('XS202698');
      await expect(take({ ...small, prefix: 'XY', period: 'continuous', start: 99 })).resolves.toBe('XY99');
      await expect(take({ ...small, prefix: 'XY', period: 'continuous' })).rejects.toMatchObject({ message: '测试编号已用完（99 号），请联系管理员调整编号位数' });
    });

    it('gives the number back when the transaction that took it fails', async () => {
      await expect(
        t.app.connection.db.transaction().execute(async (trx) => {
          expect(await takeSerial(trx, t.clock.now(), serialPolicy('FK'))).toBe('FK202603020001');
          throw new Error('the rest of the command failed');
        }),
      ).rejects.toThrow('the rest of the command failed');
      expect(await take(serialPolicy('FK'))).toBe('FK202603020001');
    });
  });

  describe('registered series', () => {
    it('keeps the numbers the desk has always printed: JD, TS and FK counted apart, daily, four digits from 0001', async () => {
      const enquiry = valueOf<EntryDetail>(await logEntry());
      const complaint = valueOf<EntryDetail>(await logEntry({ category: 'complaint', content: '夜间施工噪音' }));
      const visitor = valueOf<VisitorView>(await t.run(receptionist, 'reception.visitorIn', { name: '赵六', reason: '探访亲友' }));
      expect([enquiry.no, complaint.no, complaint.complaint?.no, visitor.no]).toEqual(['JD202603020001', 'JD202603020002', 'TS202603020001', 'FK202603020001']);
      expect(counters()).toEqual([
        { prefix: 'FK', day: '2026-03-02', last: 1 },
        { prefix: 'JD', day: '2026-03-02', last: 2 },
        { prefix: 'TS', day: '2026-03-02', last: 1 },
      ]);
    });

    it('declares every series printable: a prefix of capitals, a Chinese label, a start its width can hold', () => {
      for (const key of Object.keys(SERIALS) as (keyof typeof SERIALS)[]) {
        const policy = serialPolicy(key);
        expect(policy.prefix).toMatch(/^[A-Z]{2,4}$/);
        expect(policy.label).toMatch(/^\p{Script=Han}+$/u);
        expect(Number.isSafeInteger(serialCapacity(policy))).toBe(true);
        expect(policy.start).toBeGreaterThanOrEqual(1);
        expect(policy.start).toBeLessThanOrEqual(serialCapacity(policy));
      }
    });
  });
});
