import { formatYuan } from './money';

/**
 * 收费, the counter's rules: how a payment is made, what change is given, what a receipt, a refund
 * slip and a close can be, and the close's arithmetic. Pure: the server and the screens share it.
 */

export const PAYMENT_METHODS = ['cash', 'wechat', 'alipay', 'card', 'transfer', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: '现金',
  wechat: '微信',
  alipay: '支付宝',
  card: '银行卡',
  transfer: '转账',
  other: '其他',
};

/** Only cash is counted in the drawer and gives change; every other method leaves a transaction reference. */
export function needsReference(method: PaymentMethod): boolean {
  return method !== 'cash';
}

/** A payment receipt (收据), a reversal (红冲, negative, after the close) or a deposit refund slip (退款单). */
export const RECEIPT_KINDS = ['payment', 'reversal', 'refund'] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];
export const RECEIPT_KIND_LABELS: Record<ReceiptKind, string> = { payment: '收据', reversal: '红冲收据', refund: '退款单' };

/** A receipt stays valid or is voided once (作废, before its shift is closed); it is never deleted. */
export const RECEIPT_STATES = ['valid', 'voided'] as const;
export type ReceiptState = (typeof RECEIPT_STATES)[number];
export const RECEIPT_STATE_LABELS: Record<ReceiptState, string> = { valid: '有效', voided: '已作废' };

/** What a receipt line is: a bill, its late fee, a discount (negative), a deposit, a deduction kept from a deposit. */
export const LINE_KINDS = ['bill', 'late_fee', 'discount', 'deposit', 'deduction'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

/** A deposit is held until refunded (with or without deductions); voiding its receipt voids it. */
export const DEPOSIT_STATES = ['held', 'refunded', 'voided'] as const;
export type DepositState = (typeof DEPOSIT_STATES)[number];
export const DEPOSIT_STATE_LABELS: Record<DepositState, string> = { held: '未退', refunded: '已退', voided: '已作废' };

/** The bill source a deposit collected at the counter carries (bills.source). */
export const DEPOSIT_BILL_SOURCE = 'deposit';

/** Collections by item: the line's category for the report (a repair bill's own item names its order). */
export function lineCategory(kind: LineKind, source: string | null, item: string): string {
  if (kind === 'late_fee') return '滞纳金';
  if (kind === 'discount') return '优惠减免';
  if (kind === 'deposit') return '保证金';
  if (kind === 'deduction') return '保证金扣款';
  if (source === 'repair') return '特约有偿服务费';
  return item;
}

export type ChangeReading = { ok: true; changeFen: number } | { ok: false; message: string };

/**
 * Cash handed over against the amount due: change = received − due, never less than due.
 * Other methods take exactly the amount due (received is not asked).
 */
export function changeFor(method: PaymentMethod, dueFen: number, receivedFen: number | null | undefined): ChangeReading {
  if (method !== 'cash') return { ok: true, changeFen: 0 };
  if (receivedFen === null || receivedFen === undefined) return { ok: false, message: '现金收款请填写实收金额' };
  if (receivedFen < dueFen) return { ok: false, message: `实收 ${formatYuan(receivedFen)} 少于应收 ${formatYuan(dueFen)}` };
  return { ok: true, changeFen: receivedFen - dueFen };
}

/** One receipt as the close counts it: its method, kind, whether voided, and its total (negative for reversals and refunds). */
export interface CloseReceipt {
  method: PaymentMethod;
  kind: ReceiptKind;
  state: ReceiptState;
  totalFen: number;
}

export interface MethodTotals {
  method: PaymentMethod;
  /** Payment receipts taken (voided ones included: they were handed out and are in the series). */
  paymentCount: number;
  paymentsFen: number;
  /** Payment receipts voided (作废): subtracted. */
  voidCount: number;
  voidsFen: number;
  /** Reversals (红冲) in this shift, as a positive amount subtracted. */
  reversalCount: number;
  reversalsFen: number;
  /** Deposit refunds paid out in this shift, as a positive amount subtracted. */
  refundCount: number;
  refundsFen: number;
  /** payments − voids − reversals − refunds: what should be in the drawer (cash) or the account (others). */
  expectedFen: number;
}

/** A close's figures: per method (every method listed, in the contract's order) and in all. */
export interface CloseTotals {
  methods: MethodTotals[];
  expectedFen: number;
  expectedCashFen: number;
  receiptCount: number;
}

/** expected per method = payments − voids − reversals − refunds. */
export function closeTotals(receipts: readonly CloseReceipt[]): CloseTotals {
  const methods = PAYMENT_METHODS.map(
    (method): MethodTotals => ({ method, paymentCount: 0, paymentsFen: 0, voidCount: 0, voidsFen: 0, reversalCount: 0, reversalsFen: 0, refundCount: 0, refundsFen: 0, expectedFen: 0 }),
  );
  for (const r of receipts) {
    const m = methods[PAYMENT_METHODS.indexOf(r.method)]!;
    if (r.kind === 'payment') {
      m.paymentCount += 1;
      m.paymentsFen += r.totalFen;
      if (r.state === 'voided') {
        m.voidCount += 1;
        m.voidsFen += r.totalFen;
      }
    } else if (r.kind === 'reversal') {
      m.reversalCount += 1;
      m.reversalsFen += -r.totalFen;
    } else {
      m.refundCount += 1;
      m.refundsFen += -r.totalFen;
    }
  }
  for (const m of methods) m.expectedFen = m.paymentsFen - m.voidsFen - m.reversalsFen - m.refundsFen;
  return {
    methods,
    expectedFen: methods.reduce((sum, m) => sum + m.expectedFen, 0),
    expectedCashFen: methods[0]!.expectedFen,
    receiptCount: receipts.length,
  };
}

/** Counted cash against expected cash: positive is over (长款), negative short (短款). */
export function cashDifference(countedCashFen: number, expectedCashFen: number): number {
  return countedCashFen - expectedCashFen;
}

export function differenceText(differenceFen: number): string {
  if (differenceFen === 0) return '账实相符';
  return differenceFen > 0 ? `长款 ${formatYuan(differenceFen)}` : `短款 ${formatYuan(-differenceFen)}`;
}

/** What a deposit refund pays out: the deposit less its deductions, never below zero. */
export function refundAmount(depositFen: number, deductionsFen: readonly number[]): { ok: true; refundFen: number } | { ok: false; message: string } {
  const deducted = deductionsFen.reduce((sum, d) => sum + d, 0);
  if (deducted > depositFen) return { ok: false, message: `扣款合计 ${formatYuan(deducted)} 超过保证金 ${formatYuan(depositFen)}` };
  return { ok: true, refundFen: depositFen - deducted };
}
