import type { Insertable } from 'kysely';
import { officeDayOf, officeDayRange } from '../../../shared/office-time';
import type { DeskBench } from '../../context';
import type { BillsTable } from '../../schema';
import { seededRandom } from '../../demo/names';
import { planPayments, writePayments, type DemoBill, type PlannedPayment } from './demo';

/** A busy counter: a year of quarterly payments over the estate, and one cashier's day of 2,000 receipts still open. */
const SHAPE = { large: { units: 20_000, openShift: 2_000 }, small: { units: 2_000, openShift: 2_000 } };
const MONTHS = 12;

/**
 * 收费 at the counter: the receipts of a year over the bench estate, today's 2,000 receipts in the
 * bench operator's open shift (what the close adds up).
 * Its own management-fee bills (source 'fee', no fee item), so it stands without the billing side's data.
 */
export const feesCounterBench: DeskBench = {
  data: async (db, bulkInsert, { small, now, operatorId }) => {
    const shape = small ? SHAPE.small : SHAPE.large;
    const rnd = seededRandom(13);
    const units = (await db.selectFrom('units').select('id').orderBy('id').limit(shape.units).execute()).map((u) => u.id);
    const iso = now.toISOString();
    const month = (back: number) => {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
      return d.toISOString().slice(0, 7);
    };
    const firstBill = Number((await db.selectFrom('bills').select((eb) => eb.fn.max('id').as('n')).executeTakeFirst())?.n ?? 0) + 1;
    const bills: (Insertable<BillsTable> & DemoBill)[] = [];
    for (const unit of units) {
      for (let back = MONTHS; back >= 1; back--) {
        const period = month(back);
        bills.push({
          id: firstBill + bills.length,
          unit_id: unit,
          source: 'fee',
          source_id: null,
          item: '物业管理服务费',
          period,
          amount_fen: 20_000 + Math.floor(rnd() * 30_000),
          state: 'unpaid',
          created_at: `${period}-01T00:00:00.000Z`,
          created_by: operatorId,
          updated_at: iso,
        });
      }
    }
    // The current month, paid today in the open shift.
    const current = units.slice(0, shape.openShift).map((unit, i) => ({
      id: firstBill + bills.length + i,
      unit_id: unit,
      source: 'fee',
      source_id: null,
      item: '物业管理服务费',
      period: month(0),
      amount_fen: 25_000,
      state: 'unpaid',
      created_at: `${month(0)}-01T00:00:00.000Z`,
      created_by: operatorId,
      updated_at: iso,
    }));
    await bulkInsert('bills', [...bills, ...current]);
    const history = planPayments(bills, now, 13, 0.9);
    const start = new Date(officeDayRange(officeDayOf(now)).start).getTime();
    const today: PlannedPayment[] = current.map((b, i) => ({
      unitId: b.unit_id,
      bills: [b],
      // Spread over the office day so far, before now.
      at: new Date(start + Math.floor(((now.getTime() - start) * i) / shape.openShift)).toISOString(),
      method: (['cash', 'wechat', 'alipay', 'card'] as const)[i % 4]!,
    }));
    const rows = await writePayments(db, bulkInsert, [...history, ...today], { now, cashierId: operatorId, approverId: operatorId, seed: 13 });
    return { label: '收据', rows };
  },
  scenarios: [
    {
      // The bench repeats its inputs (warm-up, then the timed runs), and a bill is paid once: a
      // deposit is a bill made and paid in the same command, so every run is a whole payment —
      // the bill read, the receipt numbered and written with its lines, the bill marked paid.
      name: '收费：收取一笔（保证金）并开具收据（编号）',
      target: { p99Ms: 20 },
      command: 'fees.collectDeposit',
      inputs: (db) =>
        (db.prepare('SELECT id FROM units ORDER BY id LIMIT 200').all() as { id: number }[]).map((u) => ({
          unitId: u.id,
          item: '装修保证金',
          amountFen: 200_000,
          method: 'cash',
          cashReceivedFen: 200_000,
          payerName: '业主',
        })),
      raw: null,
    },
    {
      name: '日结：本班次合计（2,000 张收据）',
      target: { p99Ms: 50 },
      command: 'fees.shift',
      inputs: () => [{}],
      raw: null,
    },
    {
      name: '收据：按编号（扫码）',
      target: { p99Ms: 5 },
      command: 'fees.receipt',
      inputs: (db) => db.prepare('SELECT no FROM receipts ORDER BY random() LIMIT 200').all() as { no: string }[],
      raw: null,
    },
    {
      name: '收据查询：今日（第 1 页 50 条）',
      target: { p99Ms: 20 },
      command: 'fees.receipts',
      inputs: () => [{ pageSize: 50, filters: { from: officeDayOf(new Date()), to: officeDayOf(new Date()) } }],
      raw: null,
    },
  ],
};
