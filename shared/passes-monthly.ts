/**
 * The monthly pass report's columns, once: the screen's table, the A4 form and the .xlsx all read
 * them, so the three show the same figures under the same headings.
 */
import type { MonthlyCounts } from './contract/passes';

export const MONTHLY_COUNT_COLUMNS: readonly { key: keyof MonthlyCounts; title: string }[] = [
  { key: 'issued', title: '开具（批准）' },
  { key: 'released', title: '放行' },
  { key: 'refused', title: '拒绝放行' },
  { key: 'expired', title: '过期未用' },
  { key: 'voided', title: '作废' },
];

/** What the figures count, printed with every form of the report. */
export const MONTHLY_COUNT_RULE =
  '开具按批准时间、放行和拒绝按门岗登记时间、过期按有效期截止时间、作废按作废时间计入当月；有欠费经主管核准放行的另行列出。';

export const emptyCounts = (): MonthlyCounts => ({ issued: 0, released: 0, refused: 0, expired: 0, voided: 0 });
