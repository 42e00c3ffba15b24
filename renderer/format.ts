import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

/** The office's clock. Stored times are UTC; the counter reads Beijing time whatever the PC is set to. */
export const OFFICE_TZ = 'Asia/Shanghai';

/** ISO-8601 UTC text → "2025-03-08 14:05:09" in Asia/Shanghai; empty for null. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(OFFICE_TZ).format('YYYY-MM-DD HH:mm:ss') : iso;
}

/**
 * A calendar day picked at the counter ("2025-03-08") → the UTC instant its office day starts,
 * and the instant the next one starts; for "from … to" filters.
 */
export function officeDayBounds(day: string): { start: string; end: string } {
  const start = dayjs.tz(`${day} 00:00`, OFFICE_TZ);
  return { start: start.toISOString(), end: start.add(1, 'day').toISOString() };
}
