/**
 * The monthly repair summary's columns, once: the screen's table, the A4 form and the .xlsx all
 * read them, so the three always show the same figures under the same headings.
 */
import type { RuleRate, SummaryRow } from './contract/repairs';
import { ORDER_DEADLINE_KEYS, ORDER_DEADLINE_LABELS, ORDER_SCOPE_LABELS } from './repairs';
import { spanText } from './office-time';

const NONE = '—';
const minutesText = (m: number | null) => (m === null ? NONE : spanText(m * 60_000));

/** 95.5%（21/22）; — when nothing was due. */
export function rateText(r: RuleRate): string {
  return r.rate === null ? NONE : `${Math.round(r.rate * 1000) / 10}%（${r.onTime}/${r.total}）`;
}

export interface SummaryColumn {
  key: string;
  title: string;
  numeric: boolean;
  value(r: SummaryRow): string;
}

export const SUMMARY_COLUMNS: readonly SummaryColumn[] = [
  { key: 'category', title: '类别', numeric: false, value: (r) => r.categoryLabel },
  { key: 'scope', title: '入户/公共', numeric: false, value: (r) => (r.scope ? ORDER_SCOPE_LABELS[r.scope] : '') },
  { key: 'count', title: '报修', numeric: true, value: (r) => String(r.count) },
  { key: 'completed', title: '完成', numeric: true, value: (r) => String(r.completed) },
  { key: 'response', title: '平均响应', numeric: true, value: (r) => minutesText(r.avgResponseMinutes) },
  { key: 'completion', title: '平均完成', numeric: true, value: (r) => minutesText(r.avgCompletionMinutes) },
  ...ORDER_DEADLINE_KEYS.map((k) => ({ key: `onTime-${k}`, title: `${ORDER_DEADLINE_LABELS[k]}按时率`, numeric: true, value: (r: SummaryRow) => rateText(r.onTime[k]) })),
  { key: 'satisfaction', title: '满意率', numeric: true, value: (r) => rateText(r.satisfaction) },
  { key: 'callbacks', title: '回访完成', numeric: true, value: (r) => rateText(r.callbacks) },
];

/** The rows as shown: by category × scope, then the total. */
export function summaryRows(s: { rows: SummaryRow[]; total: SummaryRow }): SummaryRow[] {
  return [...s.rows, s.total];
}
