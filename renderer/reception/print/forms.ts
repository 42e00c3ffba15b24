import type { ReceptionPrintForm } from '../../../shared/contract/reception';
import { call } from '../../api/client';
import { printForm, type PrintedJob } from '../../print/registry';
import { DailyReportPrint } from './DailyReportPrint';
import { HandoverPrint } from './HandoverPrint';
import { WorkContactSlip } from './WorkContactSlip';
import { S } from '../strings';

/** A job of one of the desk's forms went out: the server appends it to the print register. */
const printed = (form: ReceptionPrintForm) => (record: string, job: PrintedJob) => call('reception.printed', { form, record, ...job });

/** The reception desk's printed forms (listed in renderer/print/forms/index.ts), each read from its record. */
export const RECEPTION_PRINT_FORMS = [
  printForm({
    key: 'work-contact-slip',
    title: S.slipTitle,
    defaultPaper: 'a5-landscape',
    papers: ['a5-landscape', 'a4-portrait'],
    copies: 2,
    record: { load: (no) => call('reception.printSlip', { no }), printed: printed('work-contact-slip') },
    component: WorkContactSlip,
  }),
  printForm({
    key: 'reception-daily',
    title: S.dailyPrintTitle,
    defaultPaper: 'a4-portrait',
    papers: ['a4-portrait', 'a4-landscape'],
    copies: 1,
    // The report's number is its day, YYYY-MM-DD.
    record: { load: (day) => call('reception.printDaily', { day }), printed: printed('reception-daily') },
    component: DailyReportPrint,
  }),
  printForm({
    key: 'reception-handover',
    title: S.handoverPrintTitle,
    defaultPaper: 'a4-portrait',
    papers: ['a4-portrait', 'a4-landscape'],
    copies: 1,
    // The handover as stored when 打印 was pressed (reception.saveHandover), by its JJ number.
    record: { load: (no) => call('reception.printHandover', { no }), printed: printed('reception-handover') },
    component: HandoverPrint,
  }),
];
