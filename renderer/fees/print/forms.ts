import type { FeesCounterPrintForm, ReceiptView } from '../../../shared/contract/fees-counter';
import { call } from '../../api/client';
import { printForm, type PrintedJob, type PrintFormDef } from '../../print/registry';
import { CloseReportPrint } from './CloseReportPrint';
import { ReceiptPrint, RefundSlipPrint } from './ReceiptPrint';
import { S } from '../strings';

export const RECEIPT_FORM: FeesCounterPrintForm = 'fee-receipt';
export const REFUND_SLIP_FORM: FeesCounterPrintForm = 'refund-slip';
export const CLOSE_REPORT_FORM: FeesCounterPrintForm = 'cashier-close';

/** Which form prints a receipt of this number: refund slips (TK…) have their own. */
export const receiptFormOf = (no: string) => (no.startsWith('TK') ? REFUND_SLIP_FORM : RECEIPT_FORM);

/** Receipts and refund slips are read by the same print read and logged by the same command, each under its own form. */
function receiptForm(key: 'fee-receipt' | 'refund-slip', layout: Pick<PrintFormDef<ReceiptView>, 'title' | 'defaultPaper' | 'papers' | 'copies' | 'component'>) {
  return printForm<ReceiptView>({
    key,
    ...layout,
    record: {
      load: (no) => call('fees.printReceipt', { no }),
      printed: (record, job: PrintedJob) => call('fees.receiptPrinted', { form: key, record, ...job }),
    },
  });
}

/** The counter's printed forms (listed through renderer/desks.ts), each read from its record by its number. */
export const FEES_COUNTER_PRINT_FORMS = [
  // The receipt goes out at once, on the roll by the till unless 设置 → 打印 says otherwise.
  receiptForm(RECEIPT_FORM, { title: S.receiptTitle, defaultPaper: 'roll-80', papers: ['roll-80', 'a5-landscape', 'cont-241-third'], copies: 1, component: ReceiptPrint }),
  // Two copies: one for the payee, one signed for the office.
  receiptForm(REFUND_SLIP_FORM, { title: S.refundSlipTitle, defaultPaper: 'a5-landscape', papers: ['a5-landscape', 'roll-80', 'cont-241-third'], copies: 2, component: RefundSlipPrint }),
  printForm({
    key: CLOSE_REPORT_FORM,
    title: S.closeReportTitle,
    defaultPaper: 'a4-portrait',
    papers: ['a4-portrait', 'a4-landscape'],
    copies: 1,
    record: { load: (no) => call('fees.printClose', { no }), printed: (record, job) => call('fees.closePrinted', { form: CLOSE_REPORT_FORM, record, ...job }) },
    component: CloseReportPrint,
  }),
];
