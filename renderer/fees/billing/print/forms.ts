import type { FeesBillingPrintForm } from '../../../../shared/contract/fees-billing';
import { call } from '../../../api/client';
import { printForm } from '../../../print/registry';
import { ReminderNoticePrint } from './ReminderNoticePrint';
import { S } from '../strings';

export const REMINDER_FORM: FeesBillingPrintForm = 'fee-reminder';

/** A 催缴通知单's record (shared/contract/fees-billing.ts REMINDER_RECORD_PATTERN): one unit, or a building's batch. */
export const reminderRecord = {
  unit: (unitId: number) => `U${unitId}`,
  building: (buildingId: number) => `B${buildingId}`,
};

/** The billing side's printed forms, read from the record through fees.printReminder. */
export const FEES_BILLING_FORMS = [
  printForm({
    key: REMINDER_FORM,
    title: S.reminderTitle,
    defaultPaper: 'a5-landscape',
    papers: ['a5-landscape', 'a4-portrait', 'cont-241-half'],
    copies: 1,
    record: {
      load: (record) => call('fees.printReminder', { record }),
      printed: (record, job) => call('fees.reminderPrinted', { form: REMINDER_FORM, record, ...job }),
    },
    component: ReminderNoticePrint,
  }),
];
