import type { PassPrintForm } from '../../../shared/contract/passes';
import { call } from '../../api/client';
import { printForm } from '../../print/registry';
import { PassPrint } from './PassPrint';
import { DutyListPrint, MonthlyPrint } from './ReportPrints';
import { S } from '../strings';

export const PASS_FORM: PassPrintForm = 'goods-pass';
export const DUTY_LIST_FORM: PassPrintForm = 'pass-duty-list';
export const MONTHLY_FORM: PassPrintForm = 'pass-monthly';

/**
 * The passes desk's printed forms (listed through renderer/desks.ts), each read from its record:
 * the pass by its number, the duty list by its office day (YYYY-MM-DD), the report by its month
 * (YYYY-MM). The server answers each with its print-log key (FX…, FXRB…, FXYB…), which the
 * `printed` call names.
 */
export const PASSES_PRINT_FORMS = [
  printForm({
    key: PASS_FORM,
    title: S.passFormTitle,
    defaultPaper: 'a5-portrait',
    papers: ['a5-portrait', 'cont-241-half'],
    copies: 1,
    record: {
      load: (no) => call('passes.printPass', { no }),
      printed: (record, job) => call('passes.printed', { form: PASS_FORM, record, ...job }),
    },
    component: PassPrint,
  }),
  printForm({
    key: DUTY_LIST_FORM,
    title: S.dutyFormTitle,
    defaultPaper: 'a4-portrait',
    papers: ['a4-portrait', 'a4-landscape'],
    copies: 1,
    record: {
      load: (day) => call('passes.printDutyList', { day }),
      // The gate prints it too: its own command, open to the gate's roles.
      printed: (record, job) => call('passes.dutyListPrinted', { form: DUTY_LIST_FORM, record, ...job }),
    },
    component: DutyListPrint,
  }),
  printForm({
    key: MONTHLY_FORM,
    title: S.monthFormTitle,
    defaultPaper: 'a4-portrait',
    papers: ['a4-portrait', 'a4-landscape'],
    copies: 1,
    record: {
      load: (month) => call('passes.printMonthly', { month }),
      printed: (record, job) => call('passes.printed', { form: MONTHLY_FORM, record, ...job }),
    },
    component: MonthlyPrint,
  }),
];
