import { describe, expect, it } from 'vitest';
import { cashDifference, changeFor, closeTotals, differenceText, lineCategory, needsReference, refundAmount, type CloseReceipt } from '../../shared/fees-counter';
import { payInput } from '../../shared/contract/fees-counter';

describe('the counter rules', () => {
  it('computes change for cash and refuses less than due; other methods need a reference and no change', () => {
    expect(changeFor('cash', 140950, 150000)).toEqual({ ok: true, changeFen: 9050 });
    expect(changeFor('cash', 140950, 140950)).toEqual({ ok: true, changeFen: 0 });
    expect(changeFor('cash', 140950, 140949)).toEqual({ ok: false, message: '实收 ¥1,409.49 少于应收 ¥1,409.50' });
    expect(changeFor('cash', 100, null)).toEqual({ ok: false, message: '现金收款请填写实收金额' });
    expect(changeFor('wechat', 140950, null)).toEqual({ ok: true, changeFen: 0 });
    expect(needsReference('cash')).toBe(false);
    for (const m of ['wechat', 'alipay', 'card', 'transfer', 'other'] as const) expect(needsReference(m)).toBe(true);
  });

  it('asks a non-cash payment for its reference and refuses bad amounts in Chinese', () => {
    const base = { unitId: 1, billIds: [1], payerName: '张三' };
    const wechat = payInput.safeParse({ ...base, method: 'wechat' });
    expect(wechat.success).toBe(false);
    expect(wechat.error!.issues.map((i) => i.message)).toContain('非现金收款请填写交易流水号');
    expect(payInput.safeParse({ ...base, method: 'wechat', reference: '4200' }).success).toBe(true);
    const none = payInput.safeParse({ ...base, billIds: [], method: 'cash', cashReceivedFen: 100 });
    expect(none.error!.issues.map((i) => i.message)).toContain('请选择要收取的账单或预交月份');
    const twice = payInput.safeParse({ ...base, billIds: [1, 1], method: 'cash', cashReceivedFen: 100 });
    expect(twice.error!.issues.map((i) => i.message)).toContain('账单重复选择');
    for (const [cash, message] of [
      [12.345, '金额以分为单位，必须是整数'],
      [-1, '金额不能为负数'],
      [100_000_000_000, '金额不能超过 ¥999,999,999.99'],
    ] as const) {
      const out = payInput.safeParse({ ...base, method: 'cash', cashReceivedFen: cash });
      expect(out.error!.issues.map((i) => i.message)).toContain(message);
    }
  });

  it('closes: expected per method = payments − voids − reversals − refunds; difference = counted − expected cash', () => {
    const receipts: CloseReceipt[] = [
      { method: 'cash', kind: 'payment', state: 'valid', totalFen: 10000 },
      { method: 'cash', kind: 'payment', state: 'voided', totalFen: 3000 },
      { method: 'cash', kind: 'reversal', state: 'valid', totalFen: -2000 },
      { method: 'cash', kind: 'refund', state: 'valid', totalFen: -1500 },
      { method: 'wechat', kind: 'payment', state: 'valid', totalFen: 8800 },
      { method: 'card', kind: 'refund', state: 'valid', totalFen: -800 },
    ];
    const totals = closeTotals(receipts);
    const cash = totals.methods.find((m) => m.method === 'cash')!;
    expect(cash).toEqual({
      method: 'cash',
      paymentCount: 2,
      paymentsFen: 13000,
      voidCount: 1,
      voidsFen: 3000,
      reversalCount: 1,
      reversalsFen: 2000,
      refundCount: 1,
      refundsFen: 1500,
      expectedFen: 6500,
    });
    expect(totals.methods.find((m) => m.method === 'wechat')!.expectedFen).toBe(8800);
    expect(totals.methods.find((m) => m.method === 'card')!.expectedFen).toBe(-800);
    expect(totals.methods.map((m) => m.method)).toEqual(['cash', 'wechat', 'alipay', 'card', 'transfer', 'other']);
    expect(totals.expectedCashFen).toBe(6500);
    expect(totals.expectedFen).toBe(6500 + 8800 - 800);
    expect(totals.receiptCount).toBe(6);
    expect(cashDifference(6400, 6500)).toBe(-100);
    expect(differenceText(-100)).toBe('短款 ¥1.00');
    expect(differenceText(250)).toBe('长款 ¥2.50');
    expect(differenceText(0)).toBe('账实相符');
  });

  it('refunds a deposit less its deductions, never more than the deposit', () => {
    expect(refundAmount(200000, [30000, 5000])).toEqual({ ok: true, refundFen: 165000 });
    expect(refundAmount(200000, [200000])).toEqual({ ok: true, refundFen: 0 });
    expect(refundAmount(200000, [150000, 50001])).toEqual({ ok: false, message: '扣款合计 ¥2,000.01 超过保证金 ¥2,000.00' });
  });

  it('names the report category of a line', () => {
    expect(lineCategory('bill', 'repair', '维修费 WX202611250001')).toBe('特约有偿服务费');
    expect(lineCategory('bill', 'fee', '物业管理服务费')).toBe('物业管理服务费');
    expect(lineCategory('late_fee', 'fee', '物业管理服务费')).toBe('滞纳金');
    expect(lineCategory('discount', null, '优惠')).toBe('优惠减免');
    expect(lineCategory('deposit', 'deposit', '装修保证金')).toBe('保证金');
  });
});
