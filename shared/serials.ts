import { officeDayOf } from './office-time';

/**
 * Printed numbers by series: each series names its prefix, how its sequence restarts and how
 * many digits it has. Registered here once, read by the server that counts them (db/serials.ts)
 * and by anything that shows or explains them.
 */
export type SerialPeriod = 'daily' | 'yearly' | 'continuous';

export interface SerialPolicy {
  /** Printed first and keys the counter: the series' key in SERIALS. */
  prefix: string;
  /** 'daily': prefix + yyyymmdd + seq; 'yearly': prefix + yyyy + seq; 'continuous': prefix + seq. */
  period: SerialPeriod;
  /** Digits of the sequence, zero-padded. */
  width: number;
  /** The first number of each period: offices printing on pre-numbered receipt books start at theirs. */
  start: number;
  /** What the number is called at the counter, for messages. */
  label: string;
}

/** What an office may set for a series (in settings, later): the rest is the series' nature. */
export type SerialOverride = Partial<Pick<SerialPolicy, 'start' | 'width'>>;

/** One line per series, keyed by its prefix: a prefix cannot be registered twice. */
export const SERIALS = {
  JD: { period: 'daily', width: 4, start: 1, label: '接待登记编号' },
  TS: { period: 'daily', width: 4, start: 1, label: '投诉建议编号' },
  FK: { period: 'daily', width: 4, start: 1, label: '访客登记编号' },
  // A handover belongs to its day's shifts (two or three a day): the number shows the day, and
  // 999 a day leaves room for every reprint-worthy snapshot a desk would ever take.
  JJ: { period: 'daily', width: 3, start: 1, label: '交班表编号' },
  WX: { period: 'daily', width: 4, start: 1, label: '维修单号' },
  // Receipts (and their reversals) run in one continuous series, never restarting: it is how
  // pre-numbered receipt books are printed, so an office on books sets `start` to its next page;
  // an auditor checks the series for gaps across the year end as within it.
  SJ: { period: 'continuous', width: 8, start: 1, label: '收据号' },
  TK: { period: 'yearly', width: 4, start: 1, label: '退款单号' },
  // Two or three cashiers' closes a day.
  RJ: { period: 'daily', width: 3, start: 1, label: '日结单号' },
  // Goods-release passes: numbered for the year (filed and reported monthly), 6 digits for a large
  // estate's 200,000 a year.
  FX: { period: 'yearly', width: 6, start: 1, label: '放行条编号' },
} as const satisfies Record<string, Omit<SerialPolicy, 'prefix'>>;

export type SeriesKey = keyof typeof SERIALS;

/** The policy a series runs under: the registry's, with the office's start and width if set. */
export function serialPolicy(key: SeriesKey, override: SerialOverride = {}): SerialPolicy {
  return { prefix: key, ...SERIALS[key], ...override };
}

/** The period an instant counts in: its office day ('2026-11-25'), office year ('2026') or '-' (never restarts). */
export function serialPeriodOf(policy: SerialPolicy, now: Date): string {
  if (policy.period === 'continuous') return '-';
  const day = officeDayOf(now);
  return policy.period === 'yearly' ? day.slice(0, 4) : day;
}

/** The largest sequence the width can print: 9999 for four digits. */
export function serialCapacity(policy: SerialPolicy): number {
  return 10 ** policy.width - 1;
}

/** JD202611250007 / SJ20260042 / HT000123. */
export function formatSerial(policy: SerialPolicy, period: string, seq: number): string {
  const periodText = policy.period === 'continuous' ? '' : period.replaceAll('-', '');
  return `${policy.prefix}${periodText}${String(seq).padStart(policy.width, '0')}`;
}

/** Why the next number cannot be given, and what to do: the clerk reads it at the counter. */
export function serialExhaustedMessage(policy: SerialPolicy): string {
  const when = { daily: '今日', yearly: '今年', continuous: '' }[policy.period];
  return `${when}${policy.label}已用完（${serialCapacity(policy)} 号），请联系管理员调整编号位数`;
}
