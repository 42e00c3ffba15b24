import { z } from 'zod';
import { defineCommand, returns, withApproval } from './define';
import { listQuery, type Page } from './paging';
import { id, requiredText, text } from '../zod-zh';
import { fen } from '../money';
import { rolesUsing, rolesWith } from '../permissions';
import type { PrintRecord } from '../print';
import { printedJobFields } from '../print-jobs';
import {
  DEPOSIT_STATES,
  needsReference,
  PAYMENT_METHODS,
  RECEIPT_KINDS,
  RECEIPT_STATES,
  type CloseTotals,
  type DepositState,
  type LineKind,
  type PaymentMethod,
  type ReceiptKind,
  type ReceiptState,
} from '../fees-counter';

/** 收费, the counter side: payments and receipts, discounts, voids and reversals, deposits, the cashier's close. */

const FEES_ROLES = rolesUsing('fees');
const APPROVERS = rolesWith('approves');

const officeDay = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });

/** Receipts and reversals: SJ + 8 digits, one continuous series (as pre-numbered receipt books run). */
export const RECEIPT_NO_PATTERN = /^SJ\d{8}$/;
/** Deposit refund slips: TK + year + 4 digits. */
export const REFUND_NO_PATTERN = /^TK\d{8}$/;
/** Cashier's closes: RJ + office day + 3 digits. */
export const CLOSE_NO_PATTERN = /^RJ\d{11}$/;

const receiptNo = z
  .string()
  .trim()
  .max(20, '收据号格式不正确')
  .toUpperCase()
  .refine((v) => RECEIPT_NO_PATTERN.test(v) || REFUND_NO_PATTERN.test(v), '收据号格式不正确（如 SJ00000123 或 TK20260001）');
const closeNo = z.string().trim().max(20, '日结单号格式不正确').toUpperCase().regex(CLOSE_NO_PATTERN, '日结单号格式不正确（如 RJ20261130001）');

const payment = {
  method: z.enum(PAYMENT_METHODS),
  /** The transaction reference (微信/支付宝 order number, card slip, transfer serial); required for everything but cash. */
  reference: text(60).default(''),
  /** Cash handed over; change = received − due. Only for cash. */
  cashReceivedFen: fen().nullable().default(null),
  payerName: requiredText(40),
};

function referenceGiven(v: { method: PaymentMethod; reference: string }, ctx: z.RefinementCtx): void {
  if (needsReference(v.method) && !v.reference) ctx.addIssue({ code: 'custom', path: ['reference'], message: '非现金收款请填写交易流水号' });
  if (v.method === 'cash' && v.reference) ctx.addIssue({ code: 'custom', path: ['reference'], message: '现金收款不填交易流水号' });
}

const payFields = {
  unitId: id(),
  /** Unpaid bills of the unit to settle now (each with its late fee as of today, if any). */
  billIds: z.array(id()).max(240, '一次最多收 240 笔账单').default([]),
  /** 预交: future months of a periodic fee item, billed and paid on this receipt. */
  prepay: z
    .array(z.strictObject({ feeItemId: id(), months: z.number().int('月数必须是整数').min(1, '至少预交 1 个月').max(36, '最多预交 36 个月') }))
    .max(10, '预交项目最多 10 项')
    .default([]),
  ...payment,
};

function payChecks(v: { billIds: number[]; prepay: unknown[]; method: PaymentMethod; reference: string }, ctx: z.RefinementCtx): void {
  if (!v.billIds.length && !v.prepay.length) ctx.addIssue({ code: 'custom', path: ['billIds'], message: '请选择要收取的账单或预交月份' });
  if (new Set(v.billIds).size !== v.billIds.length) ctx.addIssue({ code: 'custom', path: ['billIds'], message: '账单重复选择' });
  referenceGiven(v, ctx);
}

export const payInput = z.strictObject(payFields).superRefine(payChecks);

export const discountLineInput = z.strictObject({
  /** The bill it reduces (a late fee waived is its bill's discount); null for the whole receipt (a month free for a year ahead). */
  billId: id().nullable().default(null),
  amountFen: fen({ positive: true }),
  reason: requiredText(100),
});

export const payWithDiscountInput = withApproval(
  z.strictObject({ ...payFields, discounts: z.array(discountLineInput).min(1, '请填写优惠/减免').max(20, '优惠最多 20 行') }),
).superRefine(payChecks);

export interface ReceiptLine {
  id: number;
  kind: LineKind;
  billId: number | null;
  item: string;
  period: string | null;
  /** Negative for discounts (and every line of a reversal or refund). */
  amountFen: number;
  /** The discount's reason, or the deduction's. */
  note: string;
}

/** A prepayment shown before the money is taken: the months it covers and what each costs. */
export interface PrepayPreview {
  feeItemId: number;
  item: string;
  /** billId: an unpaid bill already made for that month, taken as it is. */
  months: { period: string; amountFen: number; basis: string; billId: number | null }[];
  totalFen: number;
}

export interface ReceiptView {
  id: number;
  no: string;
  kind: ReceiptKind;
  state: ReceiptState;
  unitId: number;
  unitCode: string;
  payerName: string;
  method: PaymentMethod;
  reference: string;
  /** Cash handed over and change given (cash only). */
  cashReceivedFen: number | null;
  changeFen: number;
  /** Sum of the lines: positive for payments, negative for reversals and refunds. */
  totalFen: number;
  /** 人民币大写 of |total|. */
  totalCapitals: string;
  cashierId: number;
  cashierName: string;
  createdAt: string;
  /** Who approved the discount (payWithDiscount), or ''. */
  discountApproverName: string;
  lines: ReceiptLine[];
  voidedAt: string | null;
  voidReason: string;
  voidedByName: string;
  voidApproverName: string;
  /** A reversal's or refund's original receipt. */
  originalNo: string | null;
  /** The reversal made of this receipt, if any. */
  reversedByNo: string | null;
  /** The close this receipt's shift went into; null while the shift is open. */
  closeNo: string | null;
  /** Copies printed so far (the next one is a 补打 when > 0). */
  printCount: number;
}

export interface ReceiptRow {
  id: number;
  no: string;
  kind: ReceiptKind;
  state: ReceiptState;
  unitId: number;
  unitCode: string;
  payerName: string;
  method: PaymentMethod;
  totalFen: number;
  cashierName: string;
  createdAt: string;
  originalNo: string | null;
}

export interface DepositRow {
  id: number;
  unitId: number;
  unitCode: string;
  item: string;
  amountFen: number;
  state: DepositState;
  payerName: string;
  receiptNo: string;
  collectedAt: string;
  refundNo: string | null;
  refundedAt: string | null;
  /** Refunded − deducted; null while held. */
  refundedFen: number | null;
}

/** A shift's figures: the open shift of a cashier (fees.shift) or a close's snapshot. */
export interface ShiftFigures extends CloseTotals {
  cashierId: number;
  cashierName: string;
  /** The first receipt of the shift (null: nothing yet). */
  firstAt: string | null;
  lastAt: string | null;
}

export interface ShiftView extends ShiftFigures {
  /** The cashier's previous close, if any. */
  lastCloseNo: string | null;
  lastClosedAt: string | null;
}

export interface CloseView extends ShiftFigures {
  id: number;
  no: string;
  closedAt: string;
  countedCashFen: number;
  /** counted − expected cash: positive 长款, negative 短款. */
  differenceFen: number;
  note: string;
  /** Receipt numbers covered, first and last (in the series order). */
  firstNo: string | null;
  lastNo: string | null;
  printCount: number;
}

export interface CloseRow {
  id: number;
  no: string;
  cashierName: string;
  closedAt: string;
  receiptCount: number;
  expectedFen: number;
  expectedCashFen: number;
  countedCashFen: number;
  differenceFen: number;
}

export interface CollectionsPeriod {
  /** '2026-11-30' (by day) or '2026-11' (by month). */
  period: string;
  totalFen: number;
  byItem: Record<string, number>;
  byMethod: Record<PaymentMethod, number>;
}

export interface CollectionsReport {
  from: string;
  to: string;
  by: 'day' | 'month';
  generatedAt: string;
  /** Every item category met in the range, in order of amount. */
  items: string[];
  periods: CollectionsPeriod[];
  total: CollectionsPeriod;
  /** What the figures count, stated on every form of the report. */
  countRule: string;
}

export const FEES_COUNTER_PRINT_FORMS = ['fee-receipt', 'refund-slip', 'cashier-close'] as const;
export type FeesCounterPrintForm = (typeof FEES_COUNTER_PRINT_FORMS)[number];

const receiptKey = z
  .strictObject({ id: id().optional(), no: receiptNo.optional() })
  .refine((v) => v.id !== undefined || v.no !== undefined, { message: '请给出收据号', path: ['no'] });

const collectionsInput = z
  .strictObject({ from: officeDay, to: officeDay, by: z.enum(['day', 'month']).default('day') })
  .refine((v) => v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
  .refine((v) => new Date(v.to).getTime() - new Date(v.from).getTime() <= 3 * 366 * 86_400_000, { message: '统计区间最长三年', path: ['to'] });

const refundInput = z
  .strictObject({
    depositId: id(),
    deductions: z.array(z.strictObject({ amountFen: fen({ positive: true }), reason: requiredText(100) })).max(20, '扣款最多 20 行').default([]),
    method: z.enum(PAYMENT_METHODS),
    reference: text(60).default(''),
    payeeName: requiredText(40),
  })
  .superRefine(referenceGiven);

// A payment changes the unit card (bills, arrears) and a repair order's paid state.
const PAYMENT_AFFECTS = ['estate', 'repairs'] as const;

/** 作废 and 红冲 alike: a receipt corrected with a reason under a supervisor's approval; its bills are owed again. */
const receiptCorrection = {
  input: withApproval(z.strictObject({ id: id(), reason: requiredText(200) })),
  output: returns<ReceiptView>(),
  access: FEES_ROLES,
  writes: true,
  affects: PAYMENT_AFFECTS,
};

export const feesCounterCommands = {
  'fees.pay': defineCommand({
    name: 'fees.pay',
    summary: '收费：收取所选账单（及预交月份），开具收据',
    input: payInput,
    output: returns<ReceiptView>(),
    access: FEES_ROLES,
    writes: true,
    affects: PAYMENT_AFFECTS,
  }),
  'fees.payWithDiscount': defineCommand({
    name: 'fees.payWithDiscount',
    summary: '收费并优惠/减免（须主管核准，优惠印在收据上）',
    input: payWithDiscountInput,
    output: returns<ReceiptView>(),
    access: FEES_ROLES,
    writes: true,
    approval: { roles: APPROVERS, summary: '收费优惠/减免' },
    affects: PAYMENT_AFFECTS,
  }),
  'fees.receipt': defineCommand({
    name: 'fees.receipt',
    summary: '查看一张收据或退款单（按 id 或编号，扫码亦可）',
    input: receiptKey,
    output: returns<ReceiptView>(),
    access: FEES_ROLES,
    writes: false,
  }),
  'fees.receipts': defineCommand({
    name: 'fees.receipts',
    summary: '收据查询：按日期、收费员、付款方式、状态、编号',
    input: listQuery(['createdAt', 'no', 'totalFen'] as const, {
      from: officeDay.optional(),
      to: officeDay.optional(),
      cashierId: id().optional(),
      method: z.enum(PAYMENT_METHODS).optional(),
      state: z.enum(RECEIPT_STATES).optional(),
      kind: z.enum(RECEIPT_KINDS).optional(),
      unitId: id().optional(),
      /** A number or its beginning (SJ0000012…). */
      no: text(20).optional(),
    }),
    output: returns<Page<ReceiptRow>>(),
    access: FEES_ROLES,
    writes: false,
  }),
  'fees.printReceipt': defineCommand({
    name: 'fees.printReceipt',
    summary: '打印收据/退款单：按编号读取（含补打次数与作废标记）',
    input: z.strictObject({ no: receiptNo }),
    output: returns<PrintRecord<ReceiptView>>(),
    access: FEES_ROLES,
    writes: false,
  }),
  'fees.receiptPrinted': defineCommand({
    name: 'fees.receiptPrinted',
    summary: '记录已打印的收据/退款单（再次打印为补打）',
    input: z.strictObject({ form: z.enum(['fee-receipt', 'refund-slip']), record: receiptNo, ...printedJobFields }),
    output: returns<{ prints: number }>(),
    access: FEES_ROLES,
    writes: true,
  }),
  'fees.voidReceipt': defineCommand({
    name: 'fees.voidReceipt',
    summary: '作废收据（日结前；须说明原因并由主管核准，账单回到未缴）',
    ...receiptCorrection,
    approval: { roles: APPROVERS, summary: '作废收据' },
  }),
  'fees.reverseReceipt': defineCommand({
    name: 'fees.reverseReceipt',
    summary: '红冲收据（日结后；开具负数收据，须说明原因并由主管核准，账单回到未缴）',
    ...receiptCorrection,
    approval: { roles: APPROVERS, summary: '红冲收据' },
  }),
  'fees.collectDeposit': defineCommand({
    name: 'fees.collectDeposit',
    summary: '收取保证金（如装修保证金），开具收据',
    input: z
      .strictObject({ unitId: id(), item: requiredText(40).default('装修保证金'), amountFen: fen({ positive: true }), ...payment })
      .superRefine(referenceGiven),
    output: returns<ReceiptView>(),
    access: FEES_ROLES,
    writes: true,
    affects: ['estate'],
  }),
  'fees.refundDeposit': defineCommand({
    name: 'fees.refundDeposit',
    summary: '退保证金：全额或扣款后退还（每项扣款须说明原因），开具退款单',
    input: refundInput,
    output: returns<ReceiptView>(),
    access: FEES_ROLES,
    writes: true,
    affects: ['estate'],
  }),
  'fees.previewPrepay': defineCommand({
    name: 'fees.previewPrepay',
    summary: '预交预览：从已缴月份之后起的月份、每月金额和合计（不写入）',
    input: z.strictObject({
      unitId: id(),
      feeItemId: id(),
      months: z.number().int('月数必须是整数').min(1, '至少预交 1 个月').max(36, '最多预交 36 个月'),
    }),
    output: returns<PrepayPreview>(),
    access: FEES_ROLES,
    writes: false,
  }),
  'fees.deposits': defineCommand({
    name: 'fees.deposits',
    summary: '保证金台账：未退的和已退的',
    input: listQuery(['collectedAt', 'amountFen'] as const, { unitId: id().optional(), state: z.enum(DEPOSIT_STATES).optional() }),
    output: returns<Page<DepositRow>>(),
    access: FEES_ROLES,
    writes: false,
  }),
  'fees.shift': defineCommand({
    name: 'fees.shift',
    summary: '本班次：各付款方式应有金额和笔数（未日结）',
    input: z.strictObject({ cashierId: id().optional() }),
    output: returns<ShiftView>(),
    access: FEES_ROLES,
    writes: false,
  }),
  'fees.closeShift': defineCommand({
    name: 'fees.closeShift',
    summary: '日结/交班：录入清点的现金，记录差额，本班次锁定',
    input: z.strictObject({ countedCashFen: fen(), note: text(200).default('') }),
    output: returns<CloseView>(),
    access: FEES_ROLES,
    writes: true,
  }),
  'fees.closes': defineCommand({
    name: 'fees.closes',
    summary: '日结记录：按日期和收费员',
    input: listQuery(['closedAt'] as const, { from: officeDay.optional(), to: officeDay.optional(), cashierId: id().optional() }),
    output: returns<Page<CloseRow>>(),
    access: FEES_ROLES,
    writes: false,
  }),
  'fees.printClose': defineCommand({
    name: 'fees.printClose',
    summary: '打印日结单（A4，签字）：按编号读取',
    input: z.strictObject({ no: closeNo }),
    output: returns<PrintRecord<CloseView>>(),
    access: FEES_ROLES,
    writes: false,
  }),
  'fees.closePrinted': defineCommand({
    name: 'fees.closePrinted',
    summary: '记录已打印的日结单（再次打印为补打）',
    input: z.strictObject({ form: z.literal('cashier-close'), record: closeNo, ...printedJobFields }),
    output: returns<{ prints: number }>(),
    access: FEES_ROLES,
    writes: true,
  }),
  'fees.collections': defineCommand({
    name: 'fees.collections',
    summary: '收款统计：按日或按月，按收费项目和付款方式',
    input: collectionsInput,
    output: returns<CollectionsReport>(),
    access: FEES_ROLES,
    writes: false,
  }),
  'fees.exportCollections': defineCommand({
    name: 'fees.exportCollections',
    summary: '导出收款统计（Excel）',
    input: collectionsInput,
    output: returns<{ fileName: string; contentBase64: string }>(),
    access: FEES_ROLES,
    writes: false,
  }),
} as const;

export type PayInput = z.output<typeof payInput>;
export type DiscountLineInput = z.output<typeof discountLineInput>;
