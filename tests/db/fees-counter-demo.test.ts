import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CloseView, ReceiptView, ShiftView } from '../../shared/contract/fees-counter';
import { closeTotals, type CloseReceipt } from '../../shared/fees-counter';
import { officeDayOf } from '../../shared/office-time';
import { rawBulkInsert } from '../../db/dispatcher';
import { billsBefore, planPayments, writePayments } from '../../db/fees/counter/demo';
import { valueOf } from '../support/app';
import { office, type Office } from '../security/support';

/**
 * The demo's (and the bench's) payments are written in bulk, not through fees.pay: these checks
 * hold them to what the counter itself would have written — a gapless series in time order, the
 * bills of valid receipts paid and no others, voids and a reversal, each past day closed with the
 * close's own arithmetic — and the counter carries on from them.
 */
describe('fees counter demo payments', () => {
  let o: Office;
  const rows = (sql: string, ...args: unknown[]) => o.t.app.connection.sqlite.prepare(sql).all(...args) as Record<string, any>[];

  beforeEach(async () => {
    o = await office();
    const units = [o.unitId];
    for (const room of ['1102', '1201', '1202', '1301', '1302']) {
      units.push(valueOf<{ id: number }>(await o.t.run(o.admin, 'estate.createUnit', { buildingId: o.buildingId, entrance: '2', room, state: 'occupied' })).id);
    }
    // A year of monthly bills for six units, March 2025 … February 2026 (the test clock is 2026-03-02).
    const insert = o.t.app.connection.sqlite.prepare(
      "INSERT INTO bills (unit_id, source, source_id, item, period, amount_fen, state, created_at, created_by, updated_at) VALUES (?, 'fee', NULL, '物业管理服务费', ?, ?, 'unpaid', ?, 1, ?)",
    );
    for (const unit of units) {
      for (let m = 0; m < 12; m++) {
        const d = new Date(Date.UTC(2025, 2 + m, 1));
        const period = d.toISOString().slice(0, 7);
        insert.run(unit, period, 25000 + unit, d.toISOString(), d.toISOString());
      }
    }
    const now = o.t.clock.now();
    const db = o.t.app.connection.db;
    const cashierId = Number(rows("SELECT id FROM operators WHERE login = 'only_cashier'")[0]!.id);
    const approverId = Number(rows("SELECT id FROM operators WHERE login = 'only_supervisor'")[0]!.id);
    await db.transaction().execute(async (trx) =>
      writePayments(trx, rawBulkInsert(o.t.app.connection.sqlite), planPayments(await billsBefore(trx, now), now, 7), { now, cashierId, approverId, seed: 7 }),
    );
  });
  afterEach(() => o.t.close());

  it('numbers receipts without a gap in time order, pays exactly the bills of valid receipts, closes every past day as the counter would', async () => {
    const receipts = rows('SELECT * FROM receipts ORDER BY id');
    expect(receipts.length).toBeGreaterThan(10);
    receipts.forEach((r, i) => expect(r.no).toBe(`SJ${String(i + 1).padStart(8, '0')}`));
    expect(receipts.map((r) => r.created_at)).toEqual([...receipts.map((r) => r.created_at)].sort());
    expect(receipts.filter((r) => r.state === 'voided').length).toBeGreaterThan(0);
    const reversals = receipts.filter((r) => r.kind === 'reversal');
    expect(reversals).toHaveLength(1);
    // Paid bills are exactly those on valid, unreversed payment receipts.
    const settled = rows(
      `SELECT l.bill_id FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id WHERE r.kind = 'payment' AND r.state = 'valid'
       AND NOT EXISTS (SELECT 1 FROM receipts x WHERE x.original_id = r.id) ORDER BY l.bill_id`,
    ).map((r) => r.bill_id);
    expect(rows("SELECT id FROM bills WHERE state = 'paid' ORDER BY id").map((r) => r.id)).toEqual(settled);
    expect(rows("SELECT id FROM bills WHERE state = 'unpaid'").length).toBeGreaterThan(0);
    // One close per past office day, each the close's arithmetic over that day's receipts.
    const closes = rows('SELECT * FROM cashier_closes ORDER BY through_receipt_id');
    const days = [...new Set(receipts.map((r) => officeDayOf(r.created_at)))];
    expect(closes).toHaveLength(days.length);
    for (const close of closes) {
      const day = receipts.filter((r) => officeDayOf(r.created_at) === officeDayOf(close.closed_at));
      expect(close.through_receipt_id).toBe(day.at(-1)!.id);
      const totals = closeTotals(day.map((r): CloseReceipt => ({ method: r.method, kind: r.kind, state: r.state, totalFen: r.total_fen })));
      expect([close.expected_fen, close.expected_cash_fen, close.receipt_count]).toEqual([totals.expectedFen, totals.expectedCashFen, totals.receiptCount]);
    }
    // The reversal's original was closed before it.
    const original = receipts.find((r) => r.id === reversals[0]!.original_id)!;
    expect(officeDayOf(original.created_at) < officeDayOf(reversals[0]!.created_at)).toBe(true);
    const view = valueOf<CloseView>(await o.t.run(o.as.cashier, 'fees.printClose', { no: closes.at(-1)!.no }).then((r) => (r.ok ? { ok: true, value: (r.value as { data: CloseView }).data } : r)));
    expect(view.receiptCount).toBe(closes.at(-1)!.receipt_count);

    // The counter carries on: nothing open, the next receipt follows the series.
    expect(valueOf<ShiftView>(await o.t.run(o.as.cashier, 'fees.shift', {})).receiptCount).toBe(0);
    const unpaid = rows("SELECT id FROM bills WHERE state = 'unpaid' AND unit_id = ? ORDER BY id LIMIT 1", o.unitId)[0] ?? rows("SELECT id, unit_id FROM bills WHERE state = 'unpaid' LIMIT 1")[0]!;
    const unitId = Number(rows('SELECT unit_id FROM bills WHERE id = ?', unpaid.id)[0]!.unit_id);
    const next = valueOf<ReceiptView>(await o.t.run(o.as.cashier, 'fees.pay', { unitId, billIds: [unpaid.id], method: 'wechat', reference: 'W1', payerName: '业主' }));
    expect(next.no).toBe(`SJ${String(receipts.length + 1).padStart(8, '0')}`);
  });
});
