import { sql } from 'kysely';
import { closeTotals, lineCategory, type PaymentMethod } from '../../../shared/fees-counter';
import { officeDayOf, officeDayRange } from '../../../shared/office-time';
import { formatSerial, serialPolicy } from '../../../shared/serials';
import type { BulkInsert, Db, DemoGenerator } from '../../context';
import type { ReceiptLinesTable, ReceiptsTable } from '../../schema';
import type { Insertable } from 'kysely';
import { seededRandom } from '../../demo/names';

/** A bill as the generator pays it. */
export interface DemoBill {
  id: number;
  unit_id: number;
  source: string;
  item: string;
  period: string | null;
  amount_fen: number;
  created_at: string;
}

/** One payment to write: the bills a payer settled at the counter, when, and how. */
export interface PlannedPayment {
  unitId: number;
  bills: DemoBill[];
  at: string;
  method: PaymentMethod;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How payers pay at a property office: cash and WeChat most, a transfer now and then. */
const METHOD_WEIGHTS: [PaymentMethod, number][] = [
  ['cash', 35],
  ['wechat', 30],
  ['alipay', 15],
  ['card', 10],
  ['transfer', 8],
  ['other', 2],
];

function methodFor(rnd: () => number): PaymentMethod {
  let x = rnd() * 100;
  for (const [method, weight] of METHOD_WEIGHTS) if ((x -= weight) < 0) return method;
  return 'cash';
}

/** A time in office hours (08:30–17:00) on the office day of `dayIso`. */
function officeHoursOn(day: string, rnd: () => number): string {
  const start = new Date(officeDayRange(day).start).getTime();
  return new Date(start + (8 * 60 + 30) * MINUTE + Math.floor(rnd() * 8.5 * 60) * MINUTE).toISOString();
}

/**
 * Who paid what and when, for bills made before today: each unit's bills by quarter of their
 * month, about four in five paid within a few weeks of billing (the rest are the arrears), by the
 * methods payers use.
 */
export function planPayments(bills: DemoBill[], now: Date, seed: number, paidShare = 0.8): PlannedPayment[] {
  const rnd = seededRandom(seed);
  const today = officeDayOf(now);
  const groups = new Map<string, DemoBill[]>();
  for (const b of bills) {
    const month = (b.period ?? officeDayOf(b.created_at).slice(0, 7));
    const quarter = `${month.slice(0, 4)}-${Math.floor((Number(month.slice(5, 7)) - 1) / 3)}`;
    const key = `${b.unit_id}|${b.source === 'fee' ? quarter : `${b.source}${b.id}`}`;
    groups.set(key, [...(groups.get(key) ?? []), b]);
  }
  const planned: PlannedPayment[] = [];
  for (const group of groups.values()) {
    if (rnd() >= paidShare) continue;
    const latest = group.reduce((a, b) => (a.created_at > b.created_at ? a : b)).created_at;
    const day = officeDayOf(new Date(new Date(latest).getTime() + Math.floor(rnd() * 25) * DAY));
    if (day >= today) continue;
    planned.push({ unitId: group[0]!.unit_id, bills: group, at: officeHoursOn(day, rnd), method: methodFor(rnd) });
  }
  return planned;
}

/**
 * Writes planned payments as the counter would have: receipts numbered in time order in the SJ
 * series, their lines, the bills paid; about one in sixty voided the same day (with the approver),
 * one reversed on the last past day after its shift was closed; and the cashier's close for every
 * past office day, counted to the fen now and then a yuan short. Payments of today stay in the
 * open shift. Returns how many receipts it wrote.
 */
export async function writePayments(
  db: Db,
  bulkInsert: BulkInsert,
  planned: PlannedPayment[],
  options: { now: Date; cashierId: number; approverId: number; seed: number },
): Promise<number> {
  if (!planned.length) return 0;
  const rnd = seededRandom(options.seed);
  const today = officeDayOf(options.now);
  type Event = { kind: 'payment'; p: PlannedPayment; voided: boolean } | { kind: 'reversal'; of: PlannedPayment; at: string };
  const sorted = [...planned].sort((a, b) => a.at.localeCompare(b.at));
  const events: (Event & { at: string })[] = sorted.map((p, i) => ({ kind: 'payment', p, at: p.at, voided: i % 61 === 7 }));
  // One reversal (红冲): a receipt of an early day, found wrong on the last past day after the close.
  const pastDays = [...new Set(sorted.map((p) => officeDayOf(p.at)))].filter((d) => d < today);
  const target = events.find((e, i) => e.kind === 'payment' && !e.voided && i >= events.length / 4);
  if (target?.kind === 'payment' && pastDays.length > 1 && officeDayOf(target.at) < pastDays.at(-1)!) {
    events.push({ kind: 'reversal', of: target.p, at: officeHoursOn(pastDays.at(-1)!, () => 0.99) });
    events.sort((a, b) => a.at.localeCompare(b.at));
  }

  const firstId = Number((await sql<{ n: number | null }>`SELECT max(id) AS n FROM receipts`.execute(db)).rows[0]?.n ?? 0) + 1;
  const receiptPolicy = serialPolicy('SJ');
  const counter = await db.selectFrom('serial_counters').select('last').where('prefix', '=', 'SJ').where('day', '=', '-').executeTakeFirst();
  const firstSeq = Math.max((counter?.last ?? 0) + 1, receiptPolicy.start);
  const idOf = new Map<PlannedPayment, number>();
  const receipts: Insertable<ReceiptsTable>[] = [];
  const lines: Insertable<ReceiptLinesTable>[] = [];
  events.forEach((e, i) => {
    const id = firstId + i;
    const p = e.kind === 'payment' ? e.p : e.of;
    const sign = e.kind === 'payment' ? 1 : -1;
    const total = p.bills.reduce((sum, b) => sum + b.amount_fen, 0) * sign;
    const cashReceived = e.kind === 'payment' && p.method === 'cash' ? Math.ceil(total / 10_000) * 10_000 : null;
    if (e.kind === 'payment') idOf.set(p, id);
    receipts.push({
      id,
      no: formatSerial(receiptPolicy, '-', firstSeq + i),
      kind: e.kind,
      unit_id: p.unitId,
      payer_name: '业主',
      method: p.method,
      reference: p.method === 'cash' ? '' : `${p.method.toUpperCase()}${String(id).padStart(10, '0')}`,
      cash_received_fen: cashReceived,
      change_fen: cashReceived === null ? 0 : cashReceived - total,
      total_fen: total,
      cashier_id: options.cashierId,
      created_at: e.at,
      discount_approver_id: null,
      original_id: e.kind === 'reversal' ? idOf.get(p)! : null,
      reason: e.kind === 'reversal' ? '重复收费，日结后红冲' : '',
      ...(e.kind === 'payment' && e.voided
        ? { state: 'voided', voided_at: new Date(new Date(e.at).getTime() + 5 * MINUTE).toISOString(), void_reason: '收错房屋，重新开具', voided_by: options.cashierId, void_approver_id: options.approverId }
        : { state: 'valid', voided_at: null, void_reason: '', voided_by: null, void_approver_id: null }),
    });
    for (const b of p.bills) {
      lines.push({ receipt_id: id, kind: 'bill', bill_id: b.id, item: b.item, period: b.period, category: lineCategory('bill', b.source, b.item), amount_fen: b.amount_fen * sign, note: '' });
    }
  });
  await bulkInsert('receipts', receipts);
  await bulkInsert('receipt_lines', lines);
  const lastId = firstId + events.length - 1;
  // The bills of valid, unreversed payments are paid, at their receipt's time.
  await sql`
    UPDATE bills SET state = 'paid', updated_at = paid.at, paid_at = paid.at
    FROM (SELECT l.bill_id, r.created_at AS at FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id
          WHERE r.id BETWEEN ${firstId} AND ${lastId} AND r.kind = 'payment' AND r.state = 'valid'
            AND NOT EXISTS (SELECT 1 FROM receipts x WHERE x.original_id = r.id AND x.kind = 'reversal')) AS paid
    WHERE bills.id = paid.bill_id AND bills.state = 'unpaid'`.execute(db);
  await sql`INSERT INTO serial_counters (prefix, day, last) VALUES ('SJ', '-', ${firstSeq + events.length - 1})
    ON CONFLICT (prefix, day) DO UPDATE SET last = excluded.last`.execute(db);

  // The close of every past office day, 17:40, as the cashier counted it.
  const closePolicy = serialPolicy('RJ');
  const byDay = new Map<string, typeof receipts>();
  for (const r of receipts) {
    const day = officeDayOf(r.created_at);
    if (day < today) byDay.set(day, [...(byDay.get(day) ?? []), r]);
  }
  const closes = [...byDay.entries()].map(([day, rs]) => {
    const totals = closeTotals(rs.map((r) => ({ method: r.method as PaymentMethod, kind: r.kind as 'payment', state: r.state as 'valid', totalFen: r.total_fen })));
    const counted = Math.max(0, totals.expectedCashFen - (rnd() < 0.05 ? 100 : 0));
    return {
      no: formatSerial(closePolicy, day, 1),
      cashier_id: options.cashierId,
      closed_at: new Date(new Date(officeDayRange(day).start).getTime() + (17 * 60 + 40) * MINUTE).toISOString(),
      through_receipt_id: rs.at(-1)!.id!,
      first_at: rs[0]!.created_at,
      last_at: rs.at(-1)!.created_at,
      receipt_count: rs.length,
      expected_fen: totals.expectedFen,
      expected_cash_fen: totals.expectedCashFen,
      counted_cash_fen: counted,
      difference_fen: counted - totals.expectedCashFen,
      methods: JSON.stringify(totals.methods),
      note: counted === totals.expectedCashFen ? '' : '短款 1 元，收费员已补齐',
    };
  });
  await bulkInsert('cashier_closes', closes);
  for (const day of byDay.keys()) {
    await sql`INSERT INTO serial_counters (prefix, day, last) VALUES ('RJ', ${day}, 1) ON CONFLICT (prefix, day) DO UPDATE SET last = max(last, 1)`.execute(db);
  }
  return receipts.length;
}

/** The unpaid bills made before today, for the demo's payments. */
export async function billsBefore(db: Db, now: Date): Promise<DemoBill[]> {
  return db
    .selectFrom('bills')
    .select(['id', 'unit_id', 'source', 'item', 'period', 'amount_fen', 'created_at'])
    .where('state', '=', 'unpaid')
    .where('created_at', '<', officeDayRange(officeDayOf(now)).start)
    .orderBy('id')
    .execute();
}

/** An operator who approves (a supervisor, else an admin), for the demo's voids. */
async function approverFor(db: Db, fallback: number): Promise<number> {
  const row = await db
    .selectFrom('operator_roles')
    .select('operator_id')
    .where('role', 'in', ['supervisor', 'admin'])
    .where('operator_id', '<>', fallback)
    .orderBy('operator_id')
    .limit(1)
    .executeTakeFirst();
  return row?.operator_id ?? fallback;
}

/**
 * The demo office's payments: the billing side's year of bills (and the repairs' charges), most
 * paid at the counter by every method, with a few voids, one reversal and a close for each past
 * day. Runs after the billing side's demo (db/fees/module.ts lists them in that order).
 */
export const feesCounterDemo: DemoGenerator = {
  label: '收费收据（含作废、红冲、日结）',
  generate: async (ctx) => {
    const cashierId = ctx.requireOperator().id;
    const bills = await billsBefore(ctx.db, ctx.now);
    return writePayments(ctx.db, ctx.bulkInsert, planPayments(bills, ctx.now, 20261313), {
      now: ctx.now,
      cashierId,
      approverId: await approverFor(ctx.db, cashierId),
      seed: 1313,
    });
  },
};

