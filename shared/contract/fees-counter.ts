/** 收费, the counter side: payments and receipts, discounts, voids and reversals, deposits, the cashier's close. */
export const feesCounterCommands = {};
