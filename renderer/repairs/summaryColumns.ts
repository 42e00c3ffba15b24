import type { SummaryRow } from '../../shared/contract/repairs';
import { ORDER_DEADLINE_KEYS, ORDER_DEADLINE_LABELS, ORDER_SCOPE_LABELS, REPAIR_CATEGORY_LABELS } from '../../shared/repairs';
import { spanText } from '../dates';
import { S } from './strings';

const minutesText = (m: number | null) => (m === null ? S.none : spanText(m * 60_000));

/** The monthly summary's columns, once: the screen's table and the A4 form both read them. */
export const SUMMARY_COLUMNS: { key: string; title: string; numeric: boolean; value(r: SummaryRow): string }[] = [
  { key: 'category', title: S.sumCategory, numeric: false, value: (r) => (r.category ? REPAIR_CATEGORY_LABELS[r.category] : S.sumTotal) },
  { key: 'scope', title: S.sumScope, numeric: false, value: (r) => (r.scope ? ORDER_SCOPE_LABELS[r.scope] : '') },
  { key: 'count', title: S.sumCount, numeric: true, value: (r) => String(r.count) },
  { key: 'completed', title: S.sumCompleted, numeric: true, value: (r) => String(r.completed) },
  { key: 'response', title: S.sumAvgResponse, numeric: true, value: (r) => minutesText(r.avgResponseMinutes) },
  { key: 'completion', title: S.sumAvgCompletion, numeric: true, value: (r) => minutesText(r.avgCompletionMinutes) },
  ...ORDER_DEADLINE_KEYS.map((k) => ({ key: `onTime-${k}`, title: S.sumOnTime(ORDER_DEADLINE_LABELS[k]), numeric: true, value: (r: SummaryRow) => S.rate(r.onTime[k]) })),
  { key: 'satisfaction', title: S.sumSatisfaction, numeric: true, value: (r) => S.rate(r.satisfaction) },
  { key: 'callbacks', title: S.sumCallbacks, numeric: true, value: (r) => S.rate(r.callbacks) },
];

/** The rows as shown: by category × scope, then the total. */
export function summaryRows(s: { rows: SummaryRow[]; total: SummaryRow }): SummaryRow[] {
  return [...s.rows, s.total];
}
