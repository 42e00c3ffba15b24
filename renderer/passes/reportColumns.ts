import type { DutyListRow, MonthlyCounts, MonthlyReport, MonthlyRow } from '../../shared/contract/passes';
import { PASS_STATE_LABELS, PASS_TYPE_LABELS } from '../../shared/passes';
import { officeDateTime } from '../dates';
import { S } from './strings';

/** A report's column, the same on the screen and on paper. */
export interface ReportColumn<Row> {
  key: string;
  title: string;
  numeric?: boolean;
  value(row: Row): string | number;
}

/** 门岗值班登记: one line per pass the gate dealt with that day. */
export const DUTY_COLUMNS: readonly ReportColumn<DutyListRow>[] = [
  { key: 'no', title: S.printNo, value: (r) => r.no },
  { key: 'unit', title: S.printUnit, value: (r) => r.unitCode },
  { key: 'applicant', title: S.printApplicant, value: (r) => r.applicantName },
  { key: 'type', title: S.printType, value: (r) => PASS_TYPE_LABELS[r.type] },
  { key: 'items', title: S.colItems, value: (r) => r.itemsText },
  { key: 'gateAt', title: S.printExitAt, value: (r) => (r.gateAt ? officeDateTime(r.gateAt) : '') },
  { key: 'plate', title: S.plate, value: (r) => r.plate ?? '' },
  { key: 'driver', title: S.printDriver, value: (r) => [r.driverName, r.driverIdTail ? `尾号${r.driverIdTail}` : ''].filter(Boolean).join(' ') },
  { key: 'guard', title: S.printGuard, value: (r) => r.guardName },
  { key: 'state', title: S.printState, value: (r) => PASS_STATE_LABELS[r.state] },
  { key: 'notes', title: S.printNotes, value: (r) => r.notes },
];

const count = (key: keyof MonthlyCounts, title: string): ReportColumn<MonthlyRow> => ({ key, title, numeric: true, value: (r) => r[key] });

/** 月报: issued, released, refused, expired, voided, by type or by building. */
export const MONTHLY_COLUMNS: readonly ReportColumn<MonthlyRow>[] = [
  { key: 'label', title: '', value: (r) => r.label },
  count('issued', S.reportIssued),
  count('released', S.reportReleased),
  count('refused', S.reportRefused),
  count('expired', S.reportExpired),
  count('voided', S.reportVoided),
];

/** A section's rows and its 合计 line. */
export function monthlySections(r: MonthlyReport): { key: string; title: string; rows: MonthlyRow[] }[] {
  const total: MonthlyRow = { key: 'total', label: S.printTotal, ...r.total };
  return [
    { key: 'type', title: S.printByType, rows: [...r.byType, total] },
    { key: 'building', title: S.printByBuilding, rows: [...r.byBuilding, total] },
  ];
}
