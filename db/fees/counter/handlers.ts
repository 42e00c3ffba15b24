import type { Handlers } from '../../context';
import type { feesCounterCommands } from '../../../shared/contract/fees-counter';
import { fail } from '../../../shared/result';

const notYet = async (): Promise<never> => {
  throw fail.conflict('收费功能尚未完成');
};

export const feesCounterHandlers: Handlers<keyof typeof feesCounterCommands> = {
  'fees.pay': notYet,
  'fees.payWithDiscount': notYet,
  'fees.receipt': notYet,
  'fees.receipts': notYet,
  'fees.printReceipt': notYet,
  'fees.receiptPrinted': notYet,
  'fees.voidReceipt': notYet,
  'fees.reverseReceipt': notYet,
  'fees.collectDeposit': notYet,
  'fees.refundDeposit': notYet,
  'fees.deposits': notYet,
  'fees.shift': notYet,
  'fees.closeShift': notYet,
  'fees.closes': notYet,
  'fees.printClose': notYet,
  'fees.closePrinted': notYet,
  'fees.collections': notYet,
  'fees.exportCollections': notYet,
};
