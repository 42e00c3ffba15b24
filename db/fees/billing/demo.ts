import type { Insertable } from 'kysely';
import { DEFAULT_FEE_RULES, METER_SCALE, type FeeRules } from '../../../shared/fees';
import { addMonths, officeMonthOf, officeMonthRange } from '../../../shared/office-time';
import type { BulkInsert, Db } from '../../context';
import type { FeeItemsTable, MeterReadingsTable, VacanciesTable } from '../../schema';
import { seededRandom } from '../../demo/names';
import { billRow, planMonth } from './bills';

/**
 * Fee items at plausible rates and a history of monthly bills, made by the same planner as the
 * run (so vacancy, readings and rounding are the real ones). Bills are left unpaid: payments and
 * receipts are the counter's (its demo pays most of them, leaving some arrears).
 */

export interface FeeShape {
  /** Months of bills, ending last month. */
  months: number;
  seed: number;
  /** Water readings and the metered item (the demo); the bench bills the management fee only. */
  metered: boolean;
  /** Share of units registered vacant (some months of the history). */
  vacantShare: number;
  /** Units with a parking space (机动车占位费). */
  parkingShare: number;
}

export const DEMO_FEES: FeeShape = { months: 12, seed: 20261313, metered: true, vacantShare: 0.04, parkingShare: 0.2 };

const ITEMS = (metered: boolean): Omit<Insertable<FeeItemsTable>, 'created_at' | 'updated_at'>[] => [
  { name: '物业管理服务费', kind: 'management', method: 'area', rate_fen: 250, meter: null },
  { name: '商铺物业管理服务费', kind: 'management', method: 'area', rate_fen: 450, meter: null },
  { name: '机动车占位费', kind: 'parking', method: 'fixed', rate_fen: 15000, meter: null },
  { name: '公共水电分摊', kind: 'shared_utilities', method: 'fixed', rate_fen: 800, meter: null },
  ...(metered ? [{ name: '水费（代收）', kind: 'collected_for_others', method: 'metered', rate_fen: 350, meter: 'water' }] : []),
  { name: '装修保证金', kind: 'deposit', method: 'deposit', rate_fen: 200000, meter: null },
  { name: '装修垃圾清运费', kind: 'special_service', method: 'one_off', rate_fen: 30000, meter: null },
];

/** Items, assignments, readings, vacancies and `months` of bills; nothing when fee items exist already. */
export async function generateFeeBills(db: Db, bulkInsert: BulkInsert, shape: FeeShape, now: Date, operatorId: number, rules: FeeRules = DEFAULT_FEE_RULES): Promise<number> {
  if (await db.selectFrom('fee_items').select('id').limit(1).executeTakeFirst()) return 0;
  const nowIso = now.toISOString();
  const thisMonth = officeMonthOf(nowIso);
  const first = addMonths(thisMonth, -shape.months);
  const rnd = seededRandom(shape.seed);
  const stamp = { created_at: nowIso, updated_at: nowIso };

  const items = ITEMS(shape.metered).filter((i) => shape.metered || i.kind === 'management');
  await bulkInsert('fee_items', items.map((i) => ({ ...i, ...stamp })));
  const ids = new Map((await db.selectFrom('fee_items').select(['id', 'name']).execute()).map((r) => [r.name, r.id]));
  const by = { created_by: operatorId, ...stamp, end_month: null, rate_fen: null };
  const units = await db.selectFrom('units').select(['id', 'type']).orderBy('id').execute();
  const residential = units.filter((u) => u.type === 'residential');
  await bulkInsert('fee_assignments', [
    { fee_item_id: ids.get('物业管理服务费')!, scope: 'unit_type', target: 'residential', start_month: first, ...by },
    ...(shape.metered
      ? [
          { fee_item_id: ids.get('商铺物业管理服务费')!, scope: 'unit_type', target: 'shop', start_month: first, ...by },
          { fee_item_id: ids.get('公共水电分摊')!, scope: 'unit_type', target: 'residential', start_month: first, ...by },
          { fee_item_id: ids.get('水费（代收）')!, scope: 'unit_type', target: 'residential', start_month: first, ...by },
          ...residential.filter(() => rnd() < shape.parkingShare).map((u) => ({ fee_item_id: ids.get('机动车占位费')!, scope: 'unit', target: String(u.id), start_month: first, ...by })),
        ]
      : []),
  ]);

  // Some owners registered their flat vacant for 3–9 months somewhere in the history.
  const vacancies: Insertable<VacanciesTable>[] = [];
  const vacant = new Set<number>();
  for (const u of residential) {
    if (rnd() >= shape.vacantShare) continue;
    const start = addMonths(first, Math.floor(rnd() * shape.months));
    vacancies.push({ unit_id: u.id, start_month: start, end_month: addMonths(start, 2 + Math.floor(rnd() * 7)), state: 'active', note: '业主外地工作', created_by: operatorId, ...stamp });
    vacant.add(u.id);
  }
  await bulkInsert('vacancies', vacancies);

  if (shape.metered) {
    // Cumulative water meters: 5–15 t a month lived in, under 1 t when vacant (one in five vacant flats used more).
    const readings: Insertable<MeterReadingsTable>[] = [];
    for (const u of residential) {
      let reading = Math.floor(rnd() * 50_000) * METER_SCALE;
      readings.push({ unit_id: u.id, meter: 'water', month: addMonths(first, -1), reading, usage: null, read_at: nowIso, operator_id: operatorId, updated_at: nowIso });
      const usesWater = rnd() < 0.2;
      for (let m = 0; m < shape.months; m++) {
        const usage = vacant.has(u.id) && !usesWater ? Math.floor(rnd() * 80) : 500 + Math.floor(rnd() * 1000);
        reading += usage;
        readings.push({ unit_id: u.id, meter: 'water', month: addMonths(first, m), reading, usage, read_at: nowIso, operator_id: operatorId, updated_at: nowIso });
      }
    }
    await bulkInsert('meter_readings', readings);
  }

  let bills = 0;
  for (let m = 0; m < shape.months; m++) {
    const month = addMonths(first, m);
    // Each month's run as the office made it: 09:00 on the 1st (the counter's demo pays the bills
    // made before today, so a year of them stamped "now" would leave the whole estate in arrears).
    const ranAt = new Date(Math.min(Date.parse(officeMonthRange(month).start) + 9 * 3_600_000, now.getTime())).toISOString();
    const billStamp = { nowIso: ranAt, operatorId, dueDay: rules.dueDay };
    const plan = await planMonth(db, month, rules);
    await bulkInsert('bills', plan.bills.map((b) => billRow(billStamp, month, b)));
    bills += plan.bills.length;
  }
  return bills;
}
