import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/zh-cn';
import { officeDayOf } from '../shared/office-time';

/**
 * Dates on the page and on its printouts, all in one place. Stored times are ISO-8601 UTC; the
 * counter reads Beijing time whatever the PC is set to. The office calendar itself lives in
 * shared/office-time.ts (the server writes the same formats into its exports); the page reaches
 * it only through here.
 */
export { addMonths, officeDateTime, officeDayRange, spanText } from '../shared/office-time';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

const OFFICE_TZ = 'Asia/Shanghai';

/** An instant in office time, in a dayjs pattern ("YYYYMMDD-HHmmss" for a serial stamp). */
export function officeFormat(instant: string | Date, pattern: string): string {
  return dayjs(instant).tz(OFFICE_TZ).format(pattern);
}

/** ISO-8601 UTC text → "2025-03-08 14:05:09" in office time (the audit trail, to the second); empty for null. */
export function officeDateTimeSeconds(iso: string | null | undefined): string {
  if (!iso) return '';
  return dayjs(iso).isValid() ? officeFormat(iso, 'YYYY-MM-DD HH:mm:ss') : iso;
}

/** Today at the office, "YYYY-MM-DD". */
export function officeTodayText(): string {
  return officeDayOf(new Date());
}

// Date pickers show wall-clock time, and the office's wall clock is Asia/Shanghai whatever the PC
// is set to: these convert between a picker value and the stored UTC instant or date-only text.

/** Today at the office, as a date-picker value. */
export function officeToday(): Dayjs {
  return dayjs(officeTodayText());
}

/** Now at the office (to the minute), as a date-time-picker value. */
export function officeNow(): Dayjs {
  return dayjs(officeFormat(new Date(), 'YYYY-MM-DD HH:mm'));
}

/** A picked date-time (office wall time) → ISO-8601 UTC. */
export function pickedToIso(d: Dayjs): string {
  return dayjs.tz(d.format('YYYY-MM-DD HH:mm'), OFFICE_TZ).toISOString();
}

/** A picked calendar day → "YYYY-MM-DD" (what the contract's date-only fields take). */
export function dayText(d: Dayjs | null | undefined): string | null {
  return d ? d.format('YYYY-MM-DD') : null;
}

/** Pickers may not go past today (补登 goes back, never ahead). */
export function afterToday(d: Dayjs): boolean {
  return d.format('YYYY-MM-DD') > officeTodayText();
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/** …nor to a later hour or minute of today. */
export function futureTimes(d: Dayjs | null) {
  const now = officeNow();
  if (!d || d.format('YYYY-MM-DD') !== now.format('YYYY-MM-DD')) return {};
  return {
    disabledHours: () => range(now.hour() + 1, 24),
    disabledMinutes: (hour: number) => (hour === now.hour() ? range(now.minute() + 1, 60) : []),
  };
}

/** For 交班 serials: JB + yyyymmddHHmm in office time. */
export function handoverSerial(): string {
  return `JB${officeFormat(new Date(), 'YYYYMMDDHHmm')}`;
}
