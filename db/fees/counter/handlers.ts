import type { Handlers } from '../../context';
import type { feesCounterCommands } from '../../../shared/contract/fees-counter';
import { loadReceipt, pay, reverseReceipt, voidReceipt } from './receipts';
import { collectDeposit, listDeposits, refundDeposit } from './deposits';
import { closeShift, listCloses, openShift } from './closes';
import { listReceipts } from './lists';
import { collections, exportCollections } from './collections';
import { closePrinted, closeRecord, receiptPrinted, receiptRecord } from './prints';
import { previewPrepay } from './billing-link';

export const feesCounterHandlers: Handlers<keyof typeof feesCounterCommands> = {
  'fees.pay': (ctx, input) => pay(ctx, { ...input, discounts: [] }),
  // The same payment: the dispatcher has checked the supervisor's approval before it runs.
  'fees.payWithDiscount': (ctx, input) => pay(ctx, input),
  'fees.receipt': (ctx, input) => loadReceipt(ctx.db, input),
  'fees.receipts': listReceipts,
  'fees.printReceipt': (ctx, input) => receiptRecord(ctx, input.no),
  'fees.receiptPrinted': receiptPrinted,
  'fees.voidReceipt': (ctx, input) => voidReceipt(ctx, input.id, input.reason),
  'fees.reverseReceipt': (ctx, input) => reverseReceipt(ctx, input.id, input.reason),
  'fees.collectDeposit': collectDeposit,
  'fees.refundDeposit': refundDeposit,
  'fees.previewPrepay': previewPrepay,
  'fees.deposits': listDeposits,
  'fees.shift': (ctx, input) => openShift(ctx, input.cashierId),
  'fees.closeShift': closeShift,
  'fees.closes': listCloses,
  'fees.printClose': (ctx, input) => closeRecord(ctx, input.no),
  'fees.closePrinted': closePrinted,
  'fees.collections': collections,
  'fees.exportCollections': exportCollections,
};
