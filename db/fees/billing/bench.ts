import { sql } from 'kysely';
import { addMonths, officeMonthOf } from '../../../shared/office-time';
import type { DeskBench } from '../../context';
import { generateFeeBills } from './demo';

/** The volume (#13 Numbers): 10 years of monthly bills for every unit of the bench estate (20,000). */
const BENCH_FEES = { months: 120, seed: 13, metered: false, vacantShare: 0.02, parkingShare: 0 };

/** Future months for the run scenario: each billed once, as a real month's run. */
const RUN_MONTHS = 6;
const runMonths = () => Array.from({ length: RUN_MONTHS }, (_, i) => ({ month: addMonths(officeMonthOf(new Date().toISOString()), i) }));

export const feesBillingBench: DeskBench = {
  data: async (db, bulkInsert, { now, operatorId }) => {
    const rows = await generateFeeBills(db, bulkInsert, BENCH_FEES, now, operatorId);
    // Most owners paid; one unit in twenty owes its last 1–12 months.
    const paidAt = now.toISOString();
    await sql`UPDATE bills SET state = 'paid', paid_at = ${paidAt}, updated_at = ${paidAt}
      WHERE state = 'unpaid' AND (unit_id % 20 <> 0 OR period < ${addMonths(officeMonthOf(paidAt), -1 - 12)})`.execute(db);
    return { label: '月度账单（10 年）', rows };
  },
  scenarios: [
    {
      name: '月度账单生成（全部房屋，一个月，每次都新出账）',
      target: { p99Ms: 5000 },
      command: 'fees.run',
      // Each run bills a month not billed yet (timed once each, no warm-up): the slowest is the p99.
      runs: RUN_MONTHS,
      inputs: () => runMonths(),
      raw: null,
    },
    {
      // The same months again (billed by the scenario above): the run finds every bill made and makes nothing.
      name: '月度账单重复生成（已出账，不新建）',
      target: { p99Ms: 5000 },
      command: 'fees.run',
      inputs: () => runMonths(),
      raw: null,
    },
    {
      name: '一户的未缴账单（收银台、物品放行）',
      target: { p99Ms: 10 },
      command: 'fees.unpaid',
      inputs: (db) => db.prepare('SELECT id AS unitId FROM units ORDER BY random() LIMIT 300').all() as { unitId: number }[],
      raw: (db) => {
        const unpaid = db.prepare("SELECT * FROM bills WHERE unit_id = ? AND state = 'unpaid' ORDER BY due_date, id");
        return (input: { unitId: number }) => unpaid.all(input.unitId);
      },
    },
    {
      name: '欠费报表（第 1 页，按金额）',
      target: { p99Ms: 500 },
      command: 'fees.arrears',
      inputs: (db) => [{ filters: {} }, ...(db.prepare('SELECT id AS buildingId FROM buildings LIMIT 10').all() as { buildingId: number }[]).map((b) => ({ filters: b }))],
      raw: null,
    },
  ],
};
