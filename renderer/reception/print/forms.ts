import type { DailyReport, EntryDetail, Handover } from '../../../shared/contract/reception';
import { call } from '../../api/client';
import type { PrintFormDef } from '../../print/registry';
import { DailyReportPrint } from './DailyReportPrint';
import { HandoverPrint } from './HandoverPrint';
import { WorkContactSlip } from './WorkContactSlip';
import { S } from '../strings';

/** The reception desk's printed forms; registered in renderer/print/forms/index.ts. Each loads its record by serial. */
export const workContactSlipForm: PrintFormDef<EntryDetail> = {
  key: 'work-contact-slip',
  title: S.slipTitle,
  defaultPaper: 'a5-landscape',
  papers: ['a5-landscape', 'a4-portrait'],
  copies: 2,
  load: (serial) => call('reception.get', { no: serial }),
  component: WorkContactSlip,
};

export const receptionDailyForm: PrintFormDef<DailyReport> = {
  key: 'reception-daily',
  title: S.dailyPrintTitle,
  defaultPaper: 'a4-portrait',
  papers: ['a4-portrait', 'a4-landscape'],
  copies: 1,
  // The serial is the day, YYYY-MM-DD.
  load: (serial) => call('reception.daily', { day: serial }),
  component: DailyReportPrint,
};

export const receptionHandoverForm: PrintFormDef<Handover> = {
  key: 'reception-handover',
  title: S.handoverPrintTitle,
  defaultPaper: 'a4-portrait',
  papers: ['a4-portrait', 'a4-landscape'],
  copies: 1,
  // The serial (JB + time) only names the printout; the handover is always "now".
  load: () => call('reception.handover', {}),
  component: HandoverPrint,
};
