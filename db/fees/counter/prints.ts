import type { CloseView, ReceiptView } from '../../../shared/contract/fees-counter';
import type { PrintOutput, PrintRecord } from '../../../shared/print';
import { fail } from '../../../shared/result';
import type { CommandContext } from '../../context';
import { logPrint, printRecord } from '../../print/log';
import { CLOSE_FORM, loadClose } from './closes';
import { loadReceipt, RECEIPT_FORM, REFUND_FORM } from './receipts';

/** A receipt or refund slip by its number: 补打 count from the print register, 作废 when voided. */
export async function receiptRecord(ctx: CommandContext, no: string): Promise<PrintRecord<ReceiptView>> {
  const receipt = await loadReceipt(ctx.db, { no });
  return printRecord(ctx, receipt.kind === 'refund' ? REFUND_FORM : RECEIPT_FORM, { serial: receipt.no, voided: receipt.state === 'voided', data: receipt });
}

export async function receiptPrinted(ctx: CommandContext, input: { form: string; record: string; copies: number; output: PrintOutput }): Promise<{ prints: number }> {
  const printed = await receiptRecord(ctx, input.record);
  const form = printed.data.kind === 'refund' ? REFUND_FORM : RECEIPT_FORM;
  if (input.form !== form) throw fail.validation(form === REFUND_FORM ? '退款单请用退款单格式打印' : '收据请用收据格式打印', { form: '打印格式与单据不符' });
  return logPrint(ctx, { formKey: form, recordNo: printed.serial, copies: input.copies, output: input.output });
}

/** The A4 close report by its number. */
export async function closeRecord(ctx: CommandContext, no: string): Promise<PrintRecord<CloseView>> {
  const close = await loadClose(ctx.db, { no });
  return printRecord(ctx, CLOSE_FORM, { serial: close.no, voided: false, data: close });
}

export async function closePrinted(ctx: CommandContext, input: { record: string; copies: number; output: PrintOutput }): Promise<{ prints: number }> {
  const printed = await closeRecord(ctx, input.record);
  return logPrint(ctx, { formKey: CLOSE_FORM, recordNo: printed.serial, copies: input.copies, output: input.output });
}
