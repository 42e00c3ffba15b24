import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditView, KeyHandover, KeyRow, LoanRow } from '../../shared/contract/keys';
import type { Page } from '../../shared/contract/paging';
import { createTestApp, valueOf, type TestApp } from '../support/app';

/**
 * The demo office's keys read as a real cabinet: its unsold and vacant units' keys and the plant
 * rooms', a year of loans by every kind of borrower, some out now and two overdue, an owner's
 * deposit, a lost key re-cut under a new tag, two past audits — generated through the real
 * dispatcher (estate.generateDemo), and the desk's own commands work on top of it.
 */
describe('the demo key cabinet', () => {
  let t: TestApp;
  let admin: string;
  const one = (sql: string) => t.app.connection.sqlite.prepare(sql).get() as Record<string, number>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    // The demo's sales loans were approved by a supervisor other than the one generating it.
    await t.operatorWith(['supervisor'], 'zhuguan');
    const made = await t.run(admin, 'estate.generateDemo', {});
    if (!made.ok) for (const f of readdirSync(`${t.dir}/logs`)) console.error(readFileSync(`${t.dir}/logs/${f}`, 'utf8').slice(-3000));
    valueOf(made);
  });
  afterAll(() => t.close());

  it('has unit and plant-room keys, loans by every borrower type, two overdue, a deposit, a re-cut and two audits', async () => {
    expect(one("SELECT count(*) n FROM keys WHERE unit_id IS NOT NULL AND key_class = 'vacant'").n).toBeGreaterThan(50);
    expect(one("SELECT count(*) n FROM keys WHERE place IS NOT NULL").n).toBeGreaterThanOrEqual(5);
    expect(one('SELECT count(DISTINCT borrower_type) n FROM key_loans').n).toBe(6);
    expect(one("SELECT count(*) n FROM key_loans WHERE borrower_type = 'sales' AND approver_id IS NULL").n).toBe(0);
    const overdue = valueOf<Page<LoanRow>>(await t.run(admin, 'keys.loans', { filters: { status: 'overdue' } }));
    expect(overdue.total).toBe(2);
    expect(overdue.rows.every((l) => l.borrowerType === 'contractor')).toBe(true);
    expect(valueOf<Page<LoanRow>>(await t.run(admin, 'keys.loans', { filters: { status: 'open' } })).total).toBe(6);
    expect(one('SELECT count(*) n FROM key_deposits').n).toBe(1);
    const recut = valueOf<Page<KeyRow>>(await t.run(admin, 'keys.list', { filters: { text: '复配' } })).rows[0]!;
    expect(recut.replacesTag).toMatch(/^YS\d{6}$/);
    const handover = valueOf<KeyHandover>(await t.run(admin, 'keys.handover', {}));
    expect(handover).toMatchObject({ keysOut: 6 });
    expect(handover.lastAudit).not.toBeNull();
    const audits = valueOf<Page<{ id: number }>>(await t.run(admin, 'keys.audits', { filters: {} }));
    expect(audits.total).toBe(2);
    const latest = valueOf<AuditView>(await t.run(admin, 'keys.audit', { auditId: audits.rows[0]!.id }));
    expect(latest.comparison).toMatchObject({ found: [expect.stringMatching(/^YS/)] });
    // The desk carries on from the demo: the next key continues the tag series.
    const next = valueOf<{ keys: KeyRow[] }>(await t.run(admin, 'keys.register', { keys: [{ place: 'roof', keyClass: 'public', keyCount: 1, cabinet: 'P' }] }));
    expect(next.keys[0]!.tag).toBe(`YS${String(one('SELECT count(*) n FROM keys').n).padStart(6, '0')}`);
  });
});
