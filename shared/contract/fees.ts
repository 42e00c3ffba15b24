import { feesBillingCommands } from './fees-billing';
import { feesCounterCommands } from './fees-counter';

/**
 * 收费: fee items and monthly bills, meter readings and vacancy, the counter payment and its
 * receipts, discounts and voids under approval, deposits, the cashier's daily close. Two halves,
 * one desk: the billing side makes the bills, the counter side settles them.
 */
export const feesCommands = { ...feesBillingCommands, ...feesCounterCommands };
