/** 收费, the billing side: fee items and their assignment, meter readings, vacancy, the monthly run, arrears. */
export const feesBillingCommands = {};
