import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CloseView, CollectionsReport, DepositRow, PrepayPreview, ReceiptRow, ReceiptView, ShiftView } from '../../shared/contract/fees-counter';
import type { Page } from '../../shared/contract/paging';
import type { SearchGroup } from '../../shared/contract/search';
import type { PrintRecord } from '../../shared/print';
import type { CommandName } from '../../shared/contract';
import type { FeeRules } from '../../shared/fees';
import type { OrderDetail } from '../../shared/contract/repairs';
import { ADMIN, expectError, PASSWORD, valueOf } from '../support/app';
import { office, type Office } from '../security/support';

/**
 * 收费, the counter, through the real dispatcher on a real SQLite file: payments with change and
 * their gapless receipt numbers (also when a statement fails half-way, and when two windows pay the
 * same bill), discounts and voids under a supervisor's approval, reversals after the close,
 * deposits and their refund slips, the cashier's close, the receipt search — and the bad input,
 * refused in Chinese with nothing written.
 */
describe('fees counter', () => {
  let o: Office;
  const sqlite = () => o.t.app.connection.sqlite;
  const rows = (sql: string, ...args: unknown[]) => sqlite().prepare(sql).all(...args) as Record<string, unknown>[];
  const one = (sql: string, ...args: unknown[]) => sqlite().prepare(sql).get(...args) as Record<string, unknown>;
  const run = (name: CommandName, input: unknown, who = o.as.cashier) => o.t.run(who, name, input as never);
  const ok = async <T = ReceiptView>(name: CommandName, input: unknown, who = o.as.cashier) => valueOf<T>(await run(name, input, who));
  const supervisor = { login: 'only_supervisor', password: PASSWORD };
  /** What a refused command must leave as it was. */
  const snapshot = () => ({
    receipts: rows('SELECT * FROM receipts ORDER BY id'),
    lines: o.count('receipt_lines'),
    bills: rows('SELECT * FROM bills ORDER BY id'),
    deposits: rows('SELECT * FROM deposits ORDER BY id'),
    closes: o.count('cashier_closes'),
    serials: rows("SELECT * FROM serial_counters WHERE prefix IN ('SJ','TK','RJ') ORDER BY prefix"),
    audits: o.count('audit_log'),
  });

  /** A bill on the unit as the billing side or a repair would leave it. */
  const bill = (amountFen: number, item = '物业管理服务费', period: string | null = '2026-02', unitId = o.unitId, source = 'fee') =>
    Number(
      sqlite()
        .prepare(
          "INSERT INTO bills (unit_id, source, source_id, item, period, amount_fen, state, created_at, created_by, updated_at) VALUES (?, ?, NULL, ?, ?, ?, 'unpaid', '2026-02-01T00:00:00.000Z', 1, '2026-02-01T00:00:00.000Z')",
        )
        .run(unitId, source, item, period, amountFen).lastInsertRowid,
    );
  const billState = (id: number) => one('SELECT state, paid_at FROM bills WHERE id = ?', id);
  const cash = (billIds: number[], cashReceivedFen: number, extra: Record<string, unknown> = {}) => ({ unitId: o.unitId, billIds, method: 'cash', cashReceivedFen, payerName: '张三', ...extra });

  beforeEach(async () => {
    o = await office();
  });
  afterEach(() => o.t.close());

  it('takes a cash payment with change: one numbered receipt, its lines, the total in capitals, the bills paid', async () => {
    const a = bill(140950, '物业管理服务费', '2026-01');
    const b = bill(3000, '公共水电分摊', '2026-01');
    const receipt = await ok('fees.pay', cash([a, b], 150000));
    expect(receipt).toMatchObject({
      no: 'SJ00000001',
      kind: 'payment',
      state: 'valid',
      unitCode: '3-2-1101',
      method: 'cash',
      cashReceivedFen: 150000,
      changeFen: 150000 - 143950,
      totalFen: 143950,
      totalCapitals: '壹仟肆佰叁拾玖元伍角',
      cashierName: '操作员3',
      closeNo: null,
      printCount: 0,
    });
    expect(receipt.lines.map((l) => [l.kind, l.item, l.period, l.amountFen])).toEqual([
      ['bill', '物业管理服务费', '2026-01', 140950],
      ['bill', '公共水电分摊', '2026-01', 3000],
    ]);
    expect(billState(a)).toEqual({ state: 'paid', paid_at: o.t.clock.time.toISOString() });
    expect(billState(b).state).toBe('paid');
    expect(o.auditRows("entity = 'receipt'")).toHaveLength(1);
    // The next receipt follows on.
    expect((await ok('fees.pay', { unitId: o.unitId, billIds: [bill(100)], method: 'wechat', reference: '4200000001', payerName: '张三' })).no).toBe('SJ00000002');
  });

  it('numbers receipts from the office\'s receipt book: a start set in 收费规则 is jumped to, and a lower one reuses no number', async () => {
    expect((await ok('fees.pay', cash([bill(1000)], 1000))).no).toBe('SJ00000001');
    const rules = valueOf<{ feeRules: FeeRules }>(await o.t.run(o.as.supervisor, 'settings.get', {})).feeRules;
    valueOf(await o.t.run(o.as.supervisor, 'fees.updateFeeRules', { ...rules, receiptStart: 5001 }));
    expect((await ok('fees.pay', cash([bill(1000)], 1000))).no).toBe('SJ00005001');
    expect((await ok('fees.pay', cash([bill(1000)], 1000))).no).toBe('SJ00005002');
    valueOf(await o.t.run(o.as.supervisor, 'fees.updateFeeRules', { ...rules, receiptStart: 1 }));
    expect((await ok('fees.pay', cash([bill(1000)], 1000))).no).toBe('SJ00005003');
    expect(expectError(await o.t.run(o.as.supervisor, 'fees.updateFeeRules', { ...rules, receiptStart: 0 })).kind).toBe('validation');
  });

  it('refuses bad amounts and short cash in Chinese, writing nothing and taking no number', async () => {
    const a = bill(10000);
    const before = snapshot();
    const short = expectError(await run('fees.pay', cash([a], 9999)));
    expect(short).toMatchObject({ kind: 'validation', message: '实收 ¥99.99 少于应收 ¥100.00' });
    expect(expectError(await run('fees.pay', cash([a], 100.5))).fields).toMatchObject({ cashReceivedFen: '金额以分为单位，必须是整数' });
    expect(expectError(await run('fees.pay', cash([a], -1))).fields).toMatchObject({ cashReceivedFen: '金额不能为负数' });
    expect(expectError(await run('fees.pay', cash([a], 100_000_000_000))).fields).toMatchObject({ cashReceivedFen: '金额不能超过 ¥999,999,999.99' });
    expect(expectError(await run('fees.pay', { unitId: o.unitId, billIds: [a], method: 'alipay', payerName: '张三' })).fields).toMatchObject({ reference: '非现金收款请填写交易流水号' });
    const deposit = { unitId: o.unitId, item: '装修保证金', method: 'cash', payerName: '张三' };
    expect(expectError(await run('fees.collectDeposit', { ...deposit, amountFen: 0, cashReceivedFen: 0 })).fields).toMatchObject({ amountFen: '金额必须大于 0' });
    expect(expectError(await run('fees.collectDeposit', { ...deposit, amountFen: -500, cashReceivedFen: 0 })).fields).toMatchObject({ amountFen: '金额不能为负数' });
    expect(expectError(await run('fees.collectDeposit', { ...deposit, amountFen: 12.345, cashReceivedFen: 0 })).fields).toMatchObject({ amountFen: '金额以分为单位，必须是整数' });
    expect(expectError(await run('fees.collectDeposit', { ...deposit, amountFen: 100_000_000_000, cashReceivedFen: 0 })).fields).toMatchObject({ amountFen: '金额不能超过 ¥999,999,999.99' });
    // Another unit's bill, and no bill at all.
    const otherUnit = valueOf<{ id: number }>(await o.t.run(o.admin, 'estate.createUnit', { buildingId: o.buildingId, entrance: '1', room: '101', state: 'occupied' })).id;
    const foreign = bill(500, '物业管理服务费', '2026-02', otherUnit);
    const beforeForeign = snapshot();
    expect(expectError(await run('fees.pay', cash([a, foreign], 20000))).message).toBe('所选账单不属于该房屋，请刷新后重试');
    expect(snapshot()).toEqual(beforeForeign);
    expect(before.receipts).toEqual([]);
    expect(snapshot().serials).toEqual([]);
  });

  it('leaves no gap and no half-paid bill when the Nth statement of a payment fails', async () => {
    const [a, b, c] = [bill(1000), bill(2000), bill(3000)];
    const before = snapshot();
    // A line insert fails half-way (after the number was taken and the receipt written).
    sqlite().exec(`CREATE TEMP TRIGGER fail_third_line BEFORE INSERT ON receipt_lines WHEN NEW.bill_id = ${c} BEGIN SELECT RAISE(ABORT, '模拟故障'); END`);
    expect(expectError(await run('fees.pay', cash([a, b, c], 6000))).message).toContain('模拟故障');
    expect(snapshot()).toEqual(before);
    sqlite().exec('DROP TRIGGER fail_third_line');
    // Another window pays bill b between this payment's read and its update of b: the conditional update finds it paid.
    sqlite().exec(
      `CREATE TEMP TRIGGER other_window AFTER INSERT ON receipts BEGIN UPDATE bills SET state = 'paid', paid_at = NEW.created_at WHERE id = ${b}; END`,
    );
    expect(expectError(await run('fees.pay', cash([a, b, c], 6000)))).toMatchObject({ kind: 'conflict', message: '账单已被其他窗口收取，请刷新后重试' });
    expect(snapshot()).toEqual(before);
    sqlite().exec('DROP TRIGGER other_window');
    // A bill already paid among several: refused before anything is written.
    const paid = await ok('fees.pay', cash([b], 2000));
    expect(paid.no).toBe('SJ00000001');
    const afterPaid = snapshot();
    expect(expectError(await run('fees.pay', cash([a, b, c], 6000)))).toMatchObject({ kind: 'conflict', message: '账单已被其他窗口收取，请刷新后重试' });
    expect(snapshot()).toEqual(afterPaid);
    expect((await ok('fees.pay', cash([a, c], 4000))).no).toBe('SJ00000002');
    expect(rows('SELECT no FROM receipts ORDER BY id').map((r) => r.no)).toEqual(['SJ00000001', 'SJ00000002']);
  });

  it('lets only one of two windows paying the same bill at once succeed', async () => {
    const a = bill(8800);
    const second = await o.t.operatorWith(['cashier'], 'shouyuan2');
    const [left, right] = await Promise.all([run('fees.pay', cash([a], 10000)), run('fees.pay', cash([a], 8800), second)]);
    const results = [left, right];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(expectError(results.find((r) => !r.ok)!)).toMatchObject({ kind: 'conflict', message: '账单已被其他窗口收取，请刷新后重试' });
    expect(rows('SELECT no, total_fen FROM receipts')).toEqual([{ no: 'SJ00000001', total_fen: 8800 }]);
    expect(rows('SELECT bill_id FROM receipt_lines')).toEqual([{ bill_id: a }]);
  });

  it('voids a receipt only with a valid supervisor approval and a reason; the bills are owed again; after the close it is refused', async () => {
    const a = bill(5000);
    const receipt = await ok('fees.pay', cash([a], 5000));
    const before = snapshot();
    const asked = expectError(await run('fees.voidReceipt', { id: receipt.id, reason: '收错房屋' }));
    expect(asked).toMatchObject({ kind: 'approval_required', approval: { roles: ['supervisor', 'admin'], summary: '作废收据' } });
    expect(expectError(await run('fees.voidReceipt', { id: receipt.id, reason: '收错房屋', approval: { ...supervisor, password: 'wrong-pass-1' } })).fields).toMatchObject({
      'approval.password': '核准人账号或密码不正确',
    });
    expect(expectError(await run('fees.voidReceipt', { id: receipt.id, reason: '收错房屋', approval: { login: 'only_cashier', password: PASSWORD } })).fields).toMatchObject({
      'approval.login': '不能核准自己的操作，请另一位主管核准',
    });
    expect(expectError(await run('fees.voidReceipt', { id: receipt.id, reason: '收错房屋', approval: { login: 'only_receptionist', password: PASSWORD } })).fields).toMatchObject({
      'approval.login': '该账号无权核准此操作，请由主管或管理员核准',
    });
    // A supervisor at the cashier's desk cannot approve their own void either.
    expect(expectError(await run('fees.voidReceipt', { id: receipt.id, reason: '收错房屋', approval: supervisor }, o.as.supervisor)).fields).toMatchObject({
      'approval.login': '不能核准自己的操作，请另一位主管核准',
    });
    expect(expectError(await run('fees.voidReceipt', { id: receipt.id, reason: '', approval: supervisor })).fields).toMatchObject({ reason: '必填' });
    expect(snapshot()).toEqual(before);

    const voided = await ok('fees.voidReceipt', { id: receipt.id, reason: '收错房屋', approval: supervisor });
    expect(voided).toMatchObject({ no: 'SJ00000001', state: 'voided', voidReason: '收错房屋', voidApproverName: '操作员5', voidedByName: '操作员3' });
    expect(billState(a)).toEqual({ state: 'unpaid', paid_at: null });
    expect(one("SELECT approver_id FROM audit_log WHERE entity = 'receipt' AND command = 'fees.voidReceipt'").approver_id).toBeGreaterThan(0);
    expect(expectError(await run('fees.voidReceipt', { id: receipt.id, reason: '再作废', approval: supervisor })).message).toBe('收据 SJ00000001 已作废');
    // The voided receipt prints 作废 and stays in the series.
    expect(await ok<PrintRecord<ReceiptView>>('fees.printReceipt', { no: 'SJ00000001' })).toMatchObject({ serial: 'SJ00000001', voided: true, reprint: 0 });

    // The bill paid again, the shift closed: a void is refused, a reversal is the way.
    const again = await ok('fees.pay', cash([a], 5000));
    const close = await ok<CloseView>('fees.closeShift', { countedCashFen: 5000 });
    const beforeLate = snapshot();
    expect(expectError(await run('fees.voidReceipt', { id: again.id, reason: '日结后作废', approval: supervisor }))).toMatchObject({
      kind: 'conflict',
      message: `收据 SJ00000002 所在班次已日结（${close.no}），不能作废，请红冲`,
    });
    expect(snapshot()).toEqual(beforeLate);
  });

  it('reverses a receipt after the close: a negative receipt in the current shift referencing the original, the bills owed again', async () => {
    const a = bill(12000, '物业管理服务费', '2026-01');
    const original = await ok('fees.pay', { unitId: o.unitId, billIds: [a], method: 'transfer', reference: 'ZZ0001', payerName: '张三' });
    expect(expectError(await run('fees.reverseReceipt', { id: original.id, reason: '重复收费', approval: supervisor })).message).toBe('收据 SJ00000001 所在班次尚未日结，请直接作废');
    const firstClose = await ok<CloseView>('fees.closeShift', { countedCashFen: 0 });
    expect(expectError(await run('fees.reverseReceipt', { id: original.id, reason: '重复收费' })).kind).toBe('approval_required');
    const reversal = await ok('fees.reverseReceipt', { id: original.id, reason: '重复收费', approval: supervisor });
    expect(reversal).toMatchObject({ no: 'SJ00000002', kind: 'reversal', totalFen: -12000, totalCapitals: '壹佰贰拾元整', method: 'transfer', originalNo: 'SJ00000001', closeNo: null });
    expect(reversal.lines.map((l) => [l.kind, l.billId, l.amountFen])).toEqual([['bill', a, -12000]]);
    expect(billState(a).state).toBe('unpaid');
    expect(await ok('fees.receipt', { no: 'SJ00000001' })).toMatchObject({ state: 'valid', reversedByNo: 'SJ00000002', closeNo: firstClose.no });
    expect(expectError(await run('fees.reverseReceipt', { id: original.id, reason: '再红冲', approval: supervisor })).message).toBe('收据 SJ00000001 已红冲（SJ00000002）');
    // The closed shift is locked: its figures stand; the reversal counts in the current one.
    expect(await ok<CloseView>('fees.printClose', { no: firstClose.no }).then((p) => (p as unknown as PrintRecord<CloseView>).data.expectedFen)).toBe(12000);
    const shift = await ok<ShiftView>('fees.shift', {});
    expect(shift.methods.find((m) => m.method === 'transfer')).toMatchObject({ reversalCount: 1, reversalsFen: 12000, expectedFen: -12000 });
    expect(shift.lastCloseNo).toBe(firstClose.no);
  });

  it('refuses to update or delete receipts, lines and closes at the database, and a voided receipt cannot be restored', async () => {
    const receipt = await ok('fees.pay', cash([bill(1000)], 1000));
    await ok<CloseView>('fees.closeShift', { countedCashFen: 1000 });
    const refused = (sql: string) => expect(() => sqlite().prepare(sql).run()).toThrow();
    refused(`UPDATE receipts SET total_fen = 1 WHERE id = ${receipt.id}`);
    refused(`UPDATE receipts SET payer_name = '李四' WHERE id = ${receipt.id}`);
    refused(`UPDATE receipts SET state = 'voided', voided_at = 'x', void_reason = 'x', voided_by = 1, void_approver_id = 1, total_fen = 2 WHERE id = ${receipt.id}`);
    refused(`DELETE FROM receipts WHERE id = ${receipt.id}`);
    refused(`UPDATE receipt_lines SET amount_fen = 1`);
    refused(`DELETE FROM receipt_lines`);
    refused(`UPDATE cashier_closes SET counted_cash_fen = 0, difference_fen = -1000`);
    refused(`DELETE FROM cashier_closes`);
    expect(() => sqlite().prepare(`UPDATE receipts SET total_fen = 1 WHERE id = ${receipt.id}`).run()).toThrow('收据开出后不可修改，只能作废一次或红冲');
    sqlite().prepare(`UPDATE receipts SET state = 'voided', voided_at = 'x', void_reason = 'x', voided_by = 1, void_approver_id = 1 WHERE id = ${receipt.id}`).run();
    refused(`UPDATE receipts SET state = 'valid' WHERE id = ${receipt.id}`);
    refused(`UPDATE receipts SET void_reason = '改理由' WHERE id = ${receipt.id}`);
    expect(one('SELECT total_fen FROM receipts').total_fen).toBe(1000);
  });

  it('needs a supervisor for a discount, prints it on the receipt, and keeps a late-fee waiver to its bill', async () => {
    const a = bill(30000, '物业管理服务费', '2026-01');
    const b = bill(30000, '物业管理服务费', '2026-02');
    // The plain payment has no discount field at all.
    expect(expectError(await run('fees.pay', cash([a], 30000, { discounts: [{ billId: a, amountFen: 100, reason: 'x' }] }))).kind).toBe('validation');
    const input = cash([a, b], 50000, { discounts: [{ billId: b, amountFen: 10000, reason: '预交一年优惠' }] });
    const before = snapshot();
    expect(expectError(await run('fees.payWithDiscount', input))).toMatchObject({ kind: 'approval_required', approval: { summary: '收费优惠/减免' } });
    expect(expectError(await run('fees.payWithDiscount', { ...input, discounts: [{ billId: b, amountFen: 30001, reason: '过多' }], approval: supervisor })).message).toBe(
      '优惠 ¥300.01 超过该账单应收 ¥300.00',
    );
    expect(expectError(await run('fees.payWithDiscount', { ...input, discounts: [{ billId: 999, amountFen: 100, reason: 'x' }], approval: supervisor })).message).toBe('优惠只能针对本次收取的账单');
    expect(snapshot()).toEqual(before);
    const receipt = await ok('fees.payWithDiscount', { ...input, approval: supervisor });
    expect(receipt).toMatchObject({ totalFen: 50000, changeFen: 0, discountApproverName: '操作员5', totalCapitals: '伍佰元整' });
    expect(receipt.lines.at(-1)).toMatchObject({ kind: 'discount', billId: b, item: '优惠减免', amountFen: -10000, note: '预交一年优惠' });
    const printed = await ok<PrintRecord<ReceiptView>>('fees.printReceipt', { no: receipt.no });
    expect(printed.data.lines.some((l) => l.kind === 'discount' && l.note === '预交一年优惠')).toBe(true);
  });

  it('adds each bill\'s late fee as its own line, waivable only through the approved discount', async () => {
    valueOf(await o.t.run(o.admin, 'fees.updateFeeRules', { lateFee: { enabled: true, ratePer10k: 5, graceDays: 0, capPercent: 100 }, vacancy: { percent: 50, waterAbove: 100, electricityAbove: 500 }, meterJumpFactor: 5, dueDay: 15 }));
    const a = bill(100000, '物业管理服务费', '2026-01');
    const owed = valueOf<{ bills: { id: number; lateFeeFen: number }[] }>(await run('fees.unpaid', { unitId: o.unitId }));
    const late = owed.bills.find((b) => b.id === a)!.lateFeeFen;
    expect(late).toBeGreaterThan(0);
    const paid = await ok('fees.pay', cash([a], 200000));
    expect(paid.lines.map((l) => [l.kind, l.billId, l.amountFen])).toEqual([
      ['bill', a, 100000],
      ['late_fee', a, late],
    ]);
    expect(paid.totalFen).toBe(100000 + late);
    // Waived: the late fee line stays, the discount beside it cancels it, with the approver's name.
    const b = bill(100000, '物业管理服务费', '2026-01', o.unitId, 'charge');
    const waived = await ok('fees.payWithDiscount', { ...cash([b], 100000), discounts: [{ billId: b, amountFen: late, reason: '滞纳金减免（业主出差）' }], approval: supervisor });
    expect(waived.lines.map((l) => l.kind)).toEqual(['bill', 'late_fee', 'discount']);
    expect(waived).toMatchObject({ totalFen: 100000, discountApproverName: '操作员5' });
  });

  it('prepays future months of a periodic item on the same receipt, billed by the billing side\'s rules', async () => {
    const { item } = valueOf<{ item: { id: number } }>(await o.t.run(o.admin, 'fees.saveItem', { name: '机动车占位费', kind: 'parking', method: 'fixed', rateFen: 15000 }));
    valueOf(await o.t.run(o.admin, 'fees.saveAssignment', { feeItemId: item.id, scope: 'unit', target: String(o.unitId), startMonth: '2026-01' }));
    // Shown first at the counter, nothing written: the months it covers and what they cost.
    const before = snapshot();
    expect(await ok<PrepayPreview>('fees.previewPrepay', { unitId: o.unitId, feeItemId: item.id, months: 3 })).toMatchObject({
      item: '机动车占位费',
      months: [
        { period: '2026-03', amountFen: 15000, billId: null },
        { period: '2026-04', amountFen: 15000, billId: null },
        { period: '2026-05', amountFen: 15000, billId: null },
      ],
      totalFen: 45000,
    });
    expect(snapshot()).toEqual(before);
    expect(expectError(await run('fees.previewPrepay', { unitId: o.unitId, feeItemId: item.id, months: 37 })).fields).toEqual({ months: '最多预交 36 个月' });
    const receipt = await ok('fees.pay', { unitId: o.unitId, prepay: [{ feeItemId: item.id, months: 3 }], method: 'wechat', reference: 'W9', payerName: '张三' });
    expect(receipt.lines.map((l) => [l.item, l.period, l.amountFen])).toEqual([
      ['机动车占位费', '2026-03', 15000],
      ['机动车占位费', '2026-04', 15000],
      ['机动车占位费', '2026-05', 15000],
    ]);
    expect(rows("SELECT period, state FROM bills WHERE fee_item_id = ? ORDER BY period", item.id)).toEqual([
      { period: '2026-03', state: 'paid' },
      { period: '2026-04', state: 'paid' },
      { period: '2026-05', state: 'paid' },
    ]);
    // The next prepayment starts after the months paid.
    const next = await ok('fees.pay', { unitId: o.unitId, prepay: [{ feeItemId: item.id, months: 1 }], method: 'wechat', reference: 'W10', payerName: '张三' });
    expect(next.lines[0]).toMatchObject({ period: '2026-06' });
  });

  it('voiding a prepayment voids the bills only the prepayment made (the run bills those months when they come); a month the run had billed is owed again', async () => {
    const { item } = valueOf<{ item: { id: number } }>(await o.t.run(o.admin, 'fees.saveItem', { name: '机动车占位费', kind: 'parking', method: 'fixed', rateFen: 15000 }));
    valueOf(await o.t.run(o.admin, 'fees.saveAssignment', { feeItemId: item.id, scope: 'unit', target: String(o.unitId), startMonth: '2026-01' }));
    const month = (await ok<PrepayPreview>('fees.previewPrepay', { unitId: o.unitId, feeItemId: item.id, months: 1 })).months[0]!.period;
    // The month's bill, made by the monthly run before the owner came to prepay three months: one of them.
    valueOf(await o.t.run(o.admin, 'fees.run', { month }));
    const due = Number(one('SELECT id FROM bills WHERE unit_id = ? AND fee_item_id = ? AND period = ?', o.unitId, item.id, month).id);
    const receipt = await ok('fees.pay', { unitId: o.unitId, billIds: [due], prepay: [{ feeItemId: item.id, months: 3 }], method: 'wechat', reference: 'W11', payerName: '张三' });
    const prepaid = receipt.lines.filter((l) => l.billId !== due).map((l) => l.period);
    expect(prepaid).toHaveLength(2);
    expect(prepaid.every((p) => p! > month)).toBe(true);

    await ok('fees.voidReceipt', { id: receipt.id, reason: '车位退租', approval: supervisor });
    // Owed again: the month the run had billed. Not owed: the months only the prepayment billed.
    expect(rows('SELECT period, state FROM bills WHERE unit_id = ? AND item = ? ORDER BY period, id', o.unitId, '机动车占位费')).toEqual([
      { period: month, state: 'unpaid' },
      { period: prepaid[0], state: 'voided' },
      { period: prepaid[1], state: 'voided' },
    ]);
    expect((await ok<{ bills: unknown[] }>('fees.unpaid', { unitId: o.unitId })).bills).toHaveLength(1);
    // Prepaying again bills those months anew (a voided bill does not hold its month).
    const again = await ok('fees.pay', { unitId: o.unitId, billIds: [due], prepay: [{ feeItemId: item.id, months: 3 }], method: 'wechat', reference: 'W12', payerName: '张三' });
    expect(again.lines.map((l) => l.period)).toEqual([month, ...prepaid]);
  });

  it('counts prints: the first is the print, later ones 补打', async () => {
    const receipt = await ok('fees.pay', cash([bill(1000)], 1000));
    expect(await ok<{ prints: number }>('fees.receiptPrinted', { form: 'fee-receipt', record: receipt.no, copies: 1, output: 'printer' })).toEqual({ prints: 1 });
    expect(await ok<PrintRecord<ReceiptView>>('fees.printReceipt', { no: receipt.no })).toMatchObject({ reprint: 1, voided: false });
    expect(expectError(await run('fees.receiptPrinted', { form: 'refund-slip', record: receipt.no, copies: 1, output: 'printer' })).message).toBe('收据请用收据格式打印');
    expect((await ok('fees.receipt', { id: receipt.id })).printCount).toBe(1);
  });

  it('collects a deposit on a receipt and refunds it on a numbered slip, never more than the deposit', async () => {
    const receipt = await ok('fees.collectDeposit', { unitId: o.unitId, item: '装修保证金', amountFen: 200000, method: 'cash', cashReceivedFen: 200000, payerName: '张三' });
    expect(receipt.lines).toMatchObject([{ kind: 'deposit', item: '装修保证金', amountFen: 200000 }]);
    const deposits = await ok<Page<DepositRow>>('fees.deposits', { filters: { state: 'held' } });
    expect(deposits.rows).toMatchObject([{ unitCode: '3-2-1101', amountFen: 200000, state: 'held', receiptNo: receipt.no }]);
    const depositId = deposits.rows[0]!.id;
    const before = snapshot();
    expect(
      expectError(await run('fees.refundDeposit', { depositId, deductions: [{ amountFen: 150000, reason: '墙面修复' }, { amountFen: 50001, reason: '清运' }], method: 'cash', payeeName: '张三' })),
    ).toMatchObject({ kind: 'validation', message: '扣款合计 ¥2,000.01 超过保证金 ¥2,000.00' });
    expect(snapshot()).toEqual(before);
    const slip = await ok('fees.refundDeposit', { depositId, deductions: [{ amountFen: 30000, reason: '损坏公共墙面修复' }], method: 'cash', payeeName: '张三' });
    expect(slip).toMatchObject({ no: 'TK20260001', kind: 'refund', totalFen: -170000, totalCapitals: '壹仟柒佰元整', originalNo: receipt.no });
    expect(slip.lines.map((l) => [l.kind, l.amountFen, l.note])).toEqual([
      ['deposit', -200000, ''],
      ['deduction', 30000, '损坏公共墙面修复'],
    ]);
    expect((await ok<Page<DepositRow>>('fees.deposits', { filters: {} })).rows[0]).toMatchObject({ state: 'refunded', refundNo: 'TK20260001', refundedFen: 170000 });
    expect(expectError(await run('fees.refundDeposit', { depositId, method: 'cash', payeeName: '张三' })).message).toBe('该保证金已退还');
    expect(expectError(await run('fees.voidReceipt', { id: receipt.id, reason: '收错', approval: supervisor })).message).toBe('保证金已退还，不能作废或红冲其收据');
    expect(await ok<PrintRecord<ReceiptView>>('fees.printReceipt', { no: 'TK20260001' })).toMatchObject({ serial: 'TK20260001', data: { kind: 'refund' } });
  });

  it('closes a shift: expected per method with voids, reversals and refunds, the counted cash and its difference; later receipts open the next shift', async () => {
    // An earlier shift with a transfer to reverse later.
    const old = await ok('fees.pay', { unitId: o.unitId, billIds: [bill(7000)], method: 'transfer', reference: 'ZZ1', payerName: '张三' });
    const oldDeposit = await ok('fees.collectDeposit', { unitId: o.unitId, amountFen: 50000, method: 'cash', cashReceivedFen: 50000, payerName: '张三' });
    await ok<CloseView>('fees.closeShift', { countedCashFen: 50000 });
    o.t.clock.advanceMinutes(5);

    await ok('fees.pay', cash([bill(10000)], 20000)); // cash 100.00, change 100.00
    const toVoid = await ok('fees.pay', cash([bill(3000)], 3000));
    await ok('fees.voidReceipt', { id: toVoid.id, reason: '重复', approval: supervisor });
    await ok('fees.pay', { unitId: o.unitId, billIds: [bill(8800)], method: 'wechat', reference: 'WX1', payerName: '张三' });
    await ok('fees.reverseReceipt', { id: old.id, reason: '重复收费', approval: supervisor });
    const depositId = (await ok<Page<DepositRow>>('fees.deposits', { filters: { state: 'held' } })).rows.find((d) => d.receiptNo === oldDeposit.no)!.id;
    await ok('fees.refundDeposit', { depositId, deductions: [{ amountFen: 45000, reason: '墙面修复' }], method: 'cash', payeeName: '张三' });

    const shift = await ok<ShiftView>('fees.shift', {});
    const byMethod = Object.fromEntries(shift.methods.map((m) => [m.method, m]));
    expect(byMethod.cash).toMatchObject({ paymentCount: 2, paymentsFen: 13000, voidCount: 1, voidsFen: 3000, refundCount: 1, refundsFen: 5000, expectedFen: 13000 - 3000 - 5000 });
    expect(byMethod.wechat!.expectedFen).toBe(8800);
    expect(byMethod.transfer).toMatchObject({ reversalCount: 1, reversalsFen: 7000, expectedFen: -7000 });
    expect(shift).toMatchObject({ receiptCount: 5, expectedCashFen: 5000, expectedFen: 5000 + 8800 - 7000 });

    const close = await ok<CloseView>('fees.closeShift', { countedCashFen: 4900, note: '短款 1 元，已说明' });
    expect(close).toMatchObject({ countedCashFen: 4900, differenceFen: -100, receiptCount: 5, expectedCashFen: 5000, note: '短款 1 元，已说明' });
    expect(close.methods).toEqual(shift.methods);
    expect(close.no).toMatch(/^RJ20260302\d{3}$/);
    // Locked: the closed shift's receipts cannot be voided, and a new receipt opens the next shift.
    expect((await ok<ShiftView>('fees.shift', {})).receiptCount).toBe(0);
    await ok('fees.pay', cash([bill(100)], 100));
    expect((await ok<ShiftView>('fees.shift', {})).methods[0]).toMatchObject({ paymentCount: 1, expectedFen: 100 });
    expect((await ok<PrintRecord<CloseView>>('fees.printClose', { no: close.no })).data.expectedCashFen).toBe(5000);
    const closes = await ok<Page<{ no: string }>>('fees.closes', { filters: {} });
    expect(closes.total).toBe(2);
    expect(expectError(await run('fees.closeShift', { countedCashFen: -1 })).fields).toMatchObject({ countedCashFen: '金额不能为负数' });
  });

  it('finds receipts by number, day, method and state, and through the counter search', async () => {
    const a = await ok('fees.pay', cash([bill(1000)], 1000));
    const b = await ok('fees.pay', { unitId: o.unitId, billIds: [bill(2000)], method: 'card', reference: 'POS1', payerName: '李四' });
    await ok('fees.voidReceipt', { id: a.id, reason: '收错', approval: supervisor });
    const list = (filters: Record<string, unknown>) => ok<Page<ReceiptRow>>('fees.receipts', { filters });
    expect((await list({ method: 'card' })).rows.map((r) => r.no)).toEqual([b.no]);
    expect((await list({ state: 'voided' })).rows.map((r) => r.no)).toEqual([a.no]);
    expect((await list({ no: 'sj0000000' })).total).toBe(2);
    expect((await list({ from: '2026-03-02', to: '2026-03-02' })).total).toBe(2);
    expect((await list({ from: '2026-03-03' })).total).toBe(0);
    const search = valueOf<{ groups: SearchGroup[] }>(await o.t.run(o.as.cashier, 'search.counter', { q: b.no.toLowerCase() }));
    expect(search.groups.find((g) => g.kind === 'fees-receipt')!.hits).toMatchObject([{ title: b.no, unitId: o.unitId }]);
    // Those who do not work at 收费 do not find receipts.
    const theirs = valueOf<{ groups: SearchGroup[] }>(await o.t.run(o.as.receptionist, 'search.counter', { q: b.no }));
    expect(theirs.groups.find((g) => g.kind === 'fees-receipt')).toBeUndefined();
  });

  it('is for the cashier, supervisors and admins only; a cashier sees only their own shift', async () => {
    const a = bill(1000);
    for (const role of ['receptionist', 'key_custodian', 'officer'] as const) {
      expect(expectError(await run('fees.pay', cash([a], 1000), o.as[role])).kind).toBe('forbidden');
    }
    expect(billState(a).state).toBe('unpaid');
    const adminId = Number(one("SELECT id FROM operators WHERE login = ?", ADMIN.login).id);
    expect(expectError(await run('fees.shift', { cashierId: adminId })).message).toBe('只能查看本人的班次');
    expect((await ok<ShiftView>('fees.shift', { cashierId: adminId }, o.as.supervisor)).cashierId).toBe(adminId);
  });

  it('reports collections by day and month, by item and method, and exports them to Excel', async () => {
    await ok('fees.pay', cash([bill(10000, '物业管理服务费')], 10000));
    await ok('fees.pay', { unitId: o.unitId, billIds: [bill(2500, '维修费 WX202603020001', null, o.unitId, 'repair')], method: 'wechat', reference: 'W1', payerName: '张三' });
    const voided = await ok('fees.pay', cash([bill(999)], 999));
    await ok('fees.voidReceipt', { id: voided.id, reason: '收错', approval: supervisor });
    o.t.clock.time = new Date('2026-03-03T02:00:00.000Z');
    await o.t.app.dispatcher.run('auth.login', { login: 'only_cashier', password: PASSWORD }, { sessionToken: null }).then((out) => (o.as.cashier = out.session!.token!));
    await ok('fees.pay', cash([bill(4000, '物业管理服务费')], 4000));
    const byDay = await ok<CollectionsReport>('fees.collections', { from: '2026-03-01', to: '2026-03-31', by: 'day' });
    expect(byDay.periods.map((p) => [p.period, p.totalFen])).toEqual([
      ['2026-03-02', 12500],
      ['2026-03-03', 4000],
    ]);
    expect(byDay.total.byItem).toEqual({ 物业管理服务费: 14000, 特约有偿服务费: 2500 });
    expect(byDay.total.byMethod).toMatchObject({ cash: 14000, wechat: 2500, card: 0 });
    expect(byDay.items).toEqual(['物业管理服务费', '特约有偿服务费']);
    const byMonth = await ok<CollectionsReport>('fees.collections', { from: '2026-01-01', to: '2026-12-31', by: 'month' });
    expect(byMonth.periods).toMatchObject([{ period: '2026-03', totalFen: 16500 }]);
    expect(expectError(await run('fees.collections', { from: '2026-03-31', to: '2026-03-01' })).fields).toMatchObject({ to: '开始日期不能晚于结束日期' });
    const file = await ok<{ fileName: string; contentBase64: string }>('fees.exportCollections', { from: '2026-03-01', to: '2026-03-31', by: 'day' });
    expect(file.fileName).toBe('收款统计-2026-03-01-2026-03-31.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as never);
    const sheet = workbook.getWorksheet('收款统计')!;
    const values = sheet.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(values).toContainEqual(['合计', 165, 140, 25, 140, 25, 0, 0, 0, 0]);
  });

  it('reminds the cashier of a shift left open from an earlier day', async () => {
    await ok('fees.pay', cash([bill(1000)], 1000));
    const attention = async () => valueOf<Record<string, { badge: number }>>(await o.t.run(o.as.cashier, 'shell.attention', {})).fees;
    expect((await attention())?.badge ?? 0).toBe(0);
    o.t.clock.time = new Date('2026-03-03T01:00:00.000Z');
    o.as.cashier = (await o.t.app.dispatcher.run('auth.login', { login: 'only_cashier', password: PASSWORD }, { sessionToken: null })).session!.token!;
    expect((await attention())!.badge).toBe(1);
    await ok<CloseView>('fees.closeShift', { countedCashFen: 1000 });
    expect((await attention())!.badge).toBe(0);
  });
  it('settles a chargeable repair at the counter: the order shows its bill paid', async () => {
    const departmentId = valueOf<{ id: number; name: string }[]>(await o.t.run(o.admin, 'staff.departments', {})).find((d) => d.name === '工程部')!.id;
    const technicianId = valueOf<{ id: number }>(await o.t.run(o.admin, 'staff.save', { name: '张师傅', departmentId, position: '水电工' })).id;
    const rec = o.as.receptionist;
    const order = await ok<OrderDetail>('repairs.open', { scope: 'in_home', unitId: o.unitId, personId: o.targetId, category: 'plumbing_electric', description: '厨房水管漏水', chargeable: true, chargeItems: '人工 50 元' }, rec);
    for (const [name, input] of [
      ['repairs.dispatch', { id: order.id, technicianId }],
      ['repairs.arrive', { id: order.id }],
      ['repairs.start', { id: order.id }],
      ['repairs.submit', { id: order.id }],
      ['repairs.complete', { id: order.id, labourFen: 5000, materialsConfirmed: true, signer: 'owner', signerName: '业主', satisfaction: 'satisfied' }],
    ] as const) await ok(name, input, rec);
    const due = await ok<OrderDetail>('repairs.get', { id: order.id }, rec);
    expect(due).toMatchObject({ amountDueFen: 5000, billState: 'unpaid' });
    const receipt = await ok('fees.pay', cash([due.billId!], 5000));
    expect(receipt.lines).toMatchObject([{ kind: 'bill', item: `维修费 ${order.no}`, amountFen: 5000 }]);
    expect(await ok<OrderDetail>('repairs.get', { id: order.id }, rec)).toMatchObject({ amountDueFen: 5000, billState: 'paid' });
    await ok('fees.voidReceipt', { id: receipt.id, reason: '收错', approval: supervisor });
    expect((await ok<OrderDetail>('repairs.get', { id: order.id }, rec)).billState).toBe('unpaid');
  });
});
