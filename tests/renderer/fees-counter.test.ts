import { describe, expect, it } from 'vitest';
import { parseFeesHash } from '../../renderer/fees/route';
import { methodKey, methodOfKey, selectionOf, type CounterBill } from '../../renderer/fees/counter/payment';
import { PAYMENT_METHODS } from '../../shared/fees-counter';

const bill = (id: number, amountFen: number, lateFeeFen = 0): CounterBill => ({ id, item: '物业管理服务费', period: '2026-11', amountFen, lateFeeFen, monthsOverdue: 0 });

describe('the counter: what is ticked and what it costs', () => {
  const bills = [bill(1, 25_000), bill(2, 25_000, 375), bill(3, 3_000)];

  it('ticks every unpaid bill when the unit opens, late fees included in the total', () => {
    expect(selectionOf(bills, new Set())).toEqual({ ids: [1, 2, 3], dueFen: 53_375 });
  });

  it('leaves out what the cashier unticked, and ticks a bill that appears later like the rest', () => {
    expect(selectionOf(bills, new Set([2]))).toEqual({ ids: [1, 3], dueFen: 28_000 });
    expect(selectionOf([...bills, bill(4, 100)], new Set([2]))).toEqual({ ids: [1, 3, 4], dueFen: 28_100 });
    expect(selectionOf(bills, new Set([1, 2, 3]))).toEqual({ ids: [], dueFen: 0 });
  });
});

describe('the pay dialog’s method keys', () => {
  it('1–6 are the contract’s methods in order, 现金 first; other keys pick nothing', () => {
    expect(PAYMENT_METHODS.map((m) => methodOfKey(String(methodKey(m))))).toEqual([...PAYMENT_METHODS]);
    expect(methodOfKey('1')).toBe('cash');
    for (const key of ['0', '7', '9', 'a', 'Enter', '12']) expect(methodOfKey(key)).toBeNull();
  });
});

describe('the desk’s addresses', () => {
  it('reads the counter, a unit, the receipts, a receipt by number or id, the close and the billing tabs', () => {
    expect(parseFeesHash('#/fees')).toEqual({ page: 'counter', unitId: null });
    expect(parseFeesHash('#/fees/unit/12')).toEqual({ page: 'counter', unitId: 12 });
    expect(parseFeesHash('#/fees/unit/x')).toEqual({ page: 'billing', tab: 'unit' });
    expect(parseFeesHash('#/fees/receipts?x=1')).toEqual({ page: 'receipts' });
    expect(parseFeesHash('#/fees/receipt/SJ00000012')).toEqual({ page: 'receipt', no: 'SJ00000012' });
    expect(parseFeesHash('#/fees/close')).toEqual({ page: 'close' });
    expect(parseFeesHash('#/fees/arrears')).toEqual({ page: 'billing', tab: 'arrears' });
  });
});
