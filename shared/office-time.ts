/**
 * The office's calendar, for code that runs on both sides (server reports, time limits).
 * Stored times are ISO-8601 UTC; the office lives in Asia/Shanghai, which has had no daylight
 * saving since 1991, so a fixed +08:00 is exact and needs no time-zone database.
 */
export const OFFICE_UTC_OFFSET_MS = 8 * 3_600_000;

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** "2026-11-25" → does it name a real calendar day? */
export function isOfficeDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/** The office calendar day (Asia/Shanghai) an instant falls on. */
export function officeDayOf(iso: string | Date): string {
  const t = typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
  return new Date(t + OFFICE_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** [start, end) of an office day as UTC ISO instants, for range queries on stored times. */
export function officeDayRange(day: string): { start: string; end: string } {
  const start = Date.parse(`${day}T00:00:00Z`) - OFFICE_UTC_OFFSET_MS;
  return { start: new Date(start).toISOString(), end: new Date(start + 24 * HOUR_MS).toISOString() };
}

/** "2026-11-25 14:05" in office time. */
export function officeDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + OFFICE_UTC_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

export function addHours(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * HOUR_MS).toISOString();
}

/**
 * A span in the words the counter uses: "3天2小时", "2小时5分", "45分". Rounded down to the
 * minute; under a minute reads "不到1分".
 */
export function spanText(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE_MS);
  if (minutes < 1) return '不到1分';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
  if (hours > 0) return mins > 0 ? `${hours}小时${mins}分` : `${hours}小时`;
  return `${mins}分`;
}
