/**
 * The office's calendar, for code that runs on both sides (server reports, time limits).
 * Stored times are ISO-8601 UTC; the office lives in Asia/Shanghai, which has had no daylight
 * saving since 1991, so a fixed +08:00 is exact and needs no time-zone database: every office
 * day is 24 hours long and starts at 16:00Z the day before.
 *
 * Ranges are half-open, [start, end): an office day or month ends at the first instant of the
 * next one. Malformed days, months, instants or amounts throw a RangeError — they are
 * programming errors here; commands check their input with zod before calling these.
 */
export const OFFICE_UTC_OFFSET_MS = 8 * 3_600_000;

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** "2026-11" → [2026, 11]; throws unless it names a real month. */
function monthParts(month: string): [number, number] {
  const m = MONTH.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  return [Number(m[1]), Number(m[2])];
}

/** "2026-11-25" → [2026, 11, 25]; throws unless it names a real calendar day. */
function dayParts(day: string): [number, number, number] {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`not a day (YYYY-MM-DD): ${day}`);
  const [year, month] = monthParts(`${m[1]}-${m[2]}`);
  const date = Number(m[3]);
  if (date < 1 || date > daysInMonth(year, month)) throw new RangeError(`not a day (YYYY-MM-DD): ${day}`);
  return [year, month, date];
}

/** Milliseconds of an ISO instant. Date.parse rolls "11-31" over to Dec 1; this refuses it. */
function instantMs(iso: string): number {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new RangeError(`not an instant: ${iso}`);
  dayParts(iso.slice(0, 10));
  return t;
}

function wholeAmount(n: number, what: string): number {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be a whole number: ${n}`);
  return n;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

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

/** An instant `minutes` later (earlier when negative): the unit of minute-level time limits. */
export function addMinutes(iso: string, minutes: number): string {
  return new Date(instantMs(iso) + wholeAmount(minutes, 'minutes') * MINUTE_MS).toISOString();
}

/**
 * The same office clock time `days` office days later (earlier when negative). With no
 * daylight saving that is exactly 24 hours a day — the office day changes at 16:00Z.
 */
export function addOfficeDays(iso: string, days: number): string {
  return addMinutes(iso, wholeAmount(days, 'days') * DAY_MINUTES);
}

/**
 * When the office day of `iso` ends: the next office midnight, which is officeDayRange's
 * exclusive end (office midnight itself already belongs to the next day). As a deadline it
 * reads "当天24时前".
 */
export function endOfOfficeDay(iso: string): string {
  instantMs(iso);
  return officeDayRange(officeDayOf(iso)).end;
}

function addMonthsToMonth(month: string, months: number): string {
  const [year, m] = monthParts(month);
  const index = year * 12 + (m - 1) + months;
  const targetYear = Math.floor(index / 12);
  if (targetYear < 0 || targetYear > 9999) throw new RangeError(`month out of range: ${month} + ${months}`);
  return `${pad(targetYear, 4)}-${pad((index % 12) + 1, 2)}`;
}

/** "2026-01-31" + n months, landing on the month's last day when it is shorter (→ "2026-02-28"). */
function addMonthsToDay(day: string, months: number): string {
  const [, , date] = dayParts(day);
  const target = addMonthsToMonth(day.slice(0, 7), months);
  const [year, month] = monthParts(target);
  return `${target}-${pad(Math.min(date, daysInMonth(year, month)), 2)}`;
}

/**
 * `months` calendar months later (earlier when negative), clamped to the end of a shorter
 * month: Jan 31 + 1 → Feb 28 (29 in leap years), Mar 31 − 1 → Feb 28/29. Takes and returns the
 * same form: a month "2026-11", an office day "2026-11-25", or an instant — moved on the office
 * calendar, keeping its office clock time, and returned as UTC ISO.
 */
export function addMonths(dayOrIso: string, months: number): string {
  wholeAmount(months, 'months');
  if (MONTH.test(dayOrIso)) return addMonthsToMonth(dayOrIso, months);
  if (DAY.test(dayOrIso)) return addMonthsToDay(dayOrIso, months);
  const office = new Date(instantMs(dayOrIso) + OFFICE_UTC_OFFSET_MS).toISOString();
  const moved = `${addMonthsToDay(office.slice(0, 10), months)}${office.slice(10)}`;
  return new Date(Date.parse(moved) - OFFICE_UTC_OFFSET_MS).toISOString();
}

/** [start, end) of an office month ("2026-11") as UTC ISO instants, for range queries on stored times. */
export function officeMonthRange(month: string): { start: string; end: string } {
  return {
    start: officeDayRange(`${addMonthsToMonth(month, 0)}-01`).start,
    end: officeDayRange(`${addMonthsToMonth(month, 1)}-01`).start,
  };
}

/** The office month ("2026-11") an instant falls on. */
export function officeMonthOf(iso: string): string {
  instantMs(iso);
  return officeDayOf(iso).slice(0, 7);
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
