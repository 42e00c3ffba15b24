import type { RepairPrintForm } from '../../../shared/contract/repairs';
import { call } from '../../api/client';
import { printForm } from '../../print/registry';
import { RepairOrderSlip } from './RepairOrderSlip';
import { SummaryPrint } from './SummaryPrint';
import { S } from '../strings';

export const ORDER_SLIP_FORM: RepairPrintForm = 'repair-order';
export const SUMMARY_PRINT_FORM = 'repairs-summary';

/** The repairs desk's printed forms (listed through renderer/desks.ts), each read from its record. */
export const REPAIRS_PRINT_FORMS = [
  printForm({
    key: ORDER_SLIP_FORM,
    title: S.slipTitle,
    defaultPaper: 'a5-landscape',
    papers: ['a5-landscape', 'cont-241-half'],
    copies: 2,
    record: {
      load: (no) => call('repairs.printSlip', { no }),
      printed: (record, job) => call('repairs.printed', { form: ORDER_SLIP_FORM, record, ...job }),
    },
    component: RepairOrderSlip,
  }),
  printForm({
    key: SUMMARY_PRINT_FORM,
    title: S.summaryPrintTitle,
    defaultPaper: 'a4-landscape',
    papers: ['a4-landscape', 'a4-portrait'],
    copies: 1,
    record: {
      // The report's number is its month, YYYY-MM. The summary has no print register of its own
      // (no repairs.printSummary / printed pair in the contract yet): it is read fresh, never a 补打.
      load: async (month) => {
        const r = await call('repairs.summary', { month });
        return r.ok ? { ok: true, value: { serial: month, reprint: 0, voided: false, data: r.value } } : r;
      },
      printed: async () => ({ ok: true, value: null }),
    },
    component: SummaryPrint,
  }),
];
