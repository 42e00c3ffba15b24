import type { KeyPrintForm } from '../../../shared/contract/keys';
import { call } from '../../api/client';
import { printForm, type PrintedJob } from '../../print/registry';
import { AuditReport } from './AuditReport';
import { IssueSlip } from './IssueSlip';
import { KeyLabels } from './KeyLabels';
import { LoanSlip } from './LoanSlip';
import { S } from '../strings';

export const LABEL_FORM: KeyPrintForm = 'key-label';
export const LOAN_SLIP_FORM: KeyPrintForm = 'key-loan-slip';
export const ISSUE_SLIP_FORM: KeyPrintForm = 'key-issue-slip';
export const AUDIT_FORM: KeyPrintForm = 'key-audit';

/** A job of a key form went out: the register counts it (the next is a 补打; labels clear 待换标签). */
const printed = (form: KeyPrintForm) => (record: string, job: PrintedJob) => call('keys.printed', { form, record, ...job });

/** The key desk's printed forms (listed through renderer/desks.ts), each read from its record. */
export const KEYS_PRINT_FORMS = [
  printForm({
    key: LABEL_FORM,
    title: S.labelTitle,
    defaultPaper: 'label-40x30',
    papers: ['label-40x30', 'label-50x30', 'label-60x40'],
    copies: 1,
    // The record is one tag or a run of consecutive tags (YS000001-YS000010): one label a page.
    record: { load: (record) => call('keys.printLabels', { record }), printed: printed(LABEL_FORM) },
    component: KeyLabels,
  }),
  printForm({
    key: LOAN_SLIP_FORM,
    title: S.loanSlipTitle,
    defaultPaper: 'a5-landscape',
    papers: ['a5-landscape', 'cont-241-half'],
    copies: 1,
    record: { load: (no) => call('keys.printLoanSlip', { no }), printed: printed(LOAN_SLIP_FORM) },
    component: LoanSlip,
  }),
  printForm({
    key: ISSUE_SLIP_FORM,
    title: S.issueSlipTitle,
    defaultPaper: 'a5-landscape',
    papers: ['a5-landscape', 'cont-241-half'],
    copies: 1,
    record: { load: (no) => call('keys.printIssueSlip', { no }), printed: printed(ISSUE_SLIP_FORM) },
    component: IssueSlip,
  }),
  printForm({
    key: AUDIT_FORM,
    title: S.auditReportTitle,
    defaultPaper: 'a4-portrait',
    papers: ['a4-portrait'],
    copies: 1,
    record: { load: (no) => call('keys.printAudit', { no }), printed: printed(AUDIT_FORM) },
    component: AuditReport,
  }),
];
