import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PassDetail } from '../../shared/contract/passes';
import { PASS_STATES, PASS_TYPES } from '../../shared/passes';
import { rawBulkInsert } from '../../db/dispatcher';
import { generatePasses } from '../../db/passes/demo';
import { valueOf } from '../support/app';
import { office, type Office } from '../security/support';

/**
 * The demo's (and the bench's) passes are written in bulk, not through passes.apply: these checks
 * hold them to what the commands would have written — the FX series gapless per year in time
 * order, every type and state, approvals before the gate, refusals reissued and linked, overrides
 * with their supervisor — and the desk carries on from them.
 */
describe('passes demo', () => {
  let o: Office;
  const rows = (sql: string, ...args: unknown[]) => o.t.app.connection.sqlite.prepare(sql).all(...args) as Record<string, any>[];

  beforeEach(async () => {
    o = await office();
    for (const room of ['1102', '1201', '1202']) valueOf(await o.t.run(o.admin, 'estate.createUnit', { buildingId: o.buildingId, entrance: '2', room, state: 'occupied' }));
    const now = o.t.clock.now();
    await o.t.app.connection.db.transaction().execute((trx) => generatePasses(trx, rawBulkInsert(o.t.app.connection.sqlite), { passes: 600, days: 365, seed: 3, events: true }, now, 1));
  });
  afterEach(() => o.t.close());

  it('writes a year of passes of every type and state, numbered without a gap, as the commands would', async () => {
    const passes = rows('SELECT * FROM passes ORDER BY id');
    expect(passes.length).toBeGreaterThan(600);
    for (const year of ['2025', '2026']) {
      const numbers = passes.filter((p) => p.no.startsWith(`FX${year}`)).map((p) => p.no);
      expect(numbers.length).toBeGreaterThan(0);
      numbers.forEach((no, i) => expect(no).toBe(`FX${year}${String(i + 1).padStart(6, '0')}`));
    }
    expect(new Set(passes.map((p) => p.type))).toEqual(new Set(PASS_TYPES));
    expect(new Set(passes.map((p) => p.state))).toEqual(new Set(PASS_STATES));
    const now = o.t.clock.time.toISOString();
    for (const p of passes) {
      for (const at of [p.created_at, p.approved_at, p.gate_at, p.voided_at]) if (at) expect(at <= now).toBe(true);
      if (['released', 'refused'].includes(p.state)) expect(p.approved_at < p.gate_at).toBe(true);
      if (p.state === 'released') expect(p.gate_at >= p.valid_from && p.gate_at < p.valid_until).toBe(true);
    }
    expect(passes.filter((p) => p.override_approver_id !== null).length).toBeGreaterThan(0);
    const refusedPast = passes.filter((p) => p.state === 'refused' && p.created_at < '2026-03-01');
    const reissued = new Set(passes.map((p) => p.reissued_from_id).filter((x) => x !== null));
    expect(refusedPast.length).toBeGreaterThan(0);
    for (const p of refusedPast) expect(reissued.has(p.id)).toBe(true);
    // Every pass has its items; its list text says the same.
    expect(rows('SELECT count(*) n FROM passes WHERE id NOT IN (SELECT pass_id FROM pass_items)')).toEqual([{ n: 0 }]);
  });

  it('reads back through the commands, and the next pass continues the series', async () => {
    const refused = rows("SELECT id FROM passes WHERE state = 'refused' AND reissued_from_id IS NULL ORDER BY id LIMIT 1")[0]!;
    const old = valueOf<PassDetail>(await o.t.run(o.as.receptionist, 'passes.get', { id: refused.id }));
    expect(old.reissuedAs).not.toBeNull();
    expect(old.events.map((e) => e.kind)).toEqual(['applied', 'approve', 'refuse', 'reissue']);
    const last = rows("SELECT no FROM passes WHERE no LIKE 'FX2026%' ORDER BY no DESC LIMIT 1")[0]!.no as string;
    const next = valueOf<PassDetail>(
      await o.t.run(o.as.receptionist, 'passes.apply', {
        applicant: { type: 'owner', name: '张三', phone: '13800000000' },
        unitId: o.unitId,
        type: 'goods_out',
        items: [{ name: '旧电视', quantity: 1, unit: '台' }],
        plannedAt: '2026-03-02T06:00:00.000Z',
      }),
    );
    expect(next.no).toBe(`FX2026${String(Number(last.slice(6)) + 1).padStart(6, '0')}`);
  });
});
