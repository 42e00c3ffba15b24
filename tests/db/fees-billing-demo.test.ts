import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, valueOf, type TestApp } from '../support/app';

/** The demo office's fees: items at plausible rates and a year of monthly bills made by the real planner. */
describe('the demo office bills a year of fees', () => {
  let t: TestApp;
  const all = (sql: string) => t.app.connection.sqlite.prepare(sql).all() as Record<string, unknown>[];
  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.setupAdmin();
    valueOf(await t.run(admin, 'estate.generateDemo', {}));
  });
  afterAll(() => t.close());

  it('has the management fee at 2.50 元/m², parking for some units, and twelve months of bills with vacancies', () => {
    expect(all("SELECT name, method, rate_fen FROM fee_items WHERE name IN ('物业管理服务费', '机动车占位费') ORDER BY id")).toEqual([
      { name: '物业管理服务费', method: 'area', rate_fen: 250 },
      { name: '机动车占位费', method: 'fixed', rate_fen: 15000 },
    ]);
    const months = all("SELECT DISTINCT period FROM bills WHERE source = 'fee' ORDER BY period");
    expect(months).toHaveLength(12);
    const byItem = Object.fromEntries(all("SELECT item, count(*) n FROM bills WHERE source = 'fee' GROUP BY item").map((r) => [r.item, r.n]));
    expect(byItem['物业管理服务费']).toBeGreaterThan(100);
    expect(byItem['机动车占位费']).toBeGreaterThan(0);
    expect(byItem['水费（代收）']).toBeGreaterThan(0);
    // Vacant flats: some months at 50 %, and every bill's amount is its basis's arithmetic.
    expect((all("SELECT count(*) n FROM bills WHERE vacancy = 1")[0] as { n: number }).n).toBeGreaterThan(0);
    expect(all("SELECT 1 FROM bills b JOIN units u ON u.id = b.unit_id WHERE b.item = '物业管理服务费' AND b.vacancy = 0 AND b.amount_fen <> (u.area_dm2 * 250 + 50) / 100")).toEqual([]);
  });

  it('made each month\'s bills at that month\'s run, and the counter\'s demo paid most of them: some arrears, not a whole estate of them', () => {
    // created_at (UTC) falls in the bill's own office month: 09:00 on the 1st, or now for this month.
    expect(all("SELECT id FROM bills WHERE source = 'fee' AND substr(datetime(created_at, '+8 hours'), 1, 7) <> period")).toEqual([]);
    const byState = Object.fromEntries(all("SELECT state, count(*) n FROM bills WHERE source = 'fee' GROUP BY state").map((r) => [r.state, Number(r.n)]));
    expect(byState.paid).toBeGreaterThan(byState.unpaid!);
    expect(byState.unpaid).toBeGreaterThan(0);
  });
});
