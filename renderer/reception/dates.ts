import dayjs, { type Dayjs } from 'dayjs';
import { officeDayOf } from '../../shared/office-time';
import { OFFICE_TZ } from '../format';

/**
 * Date pickers show wall-clock time; the office's wall clock is Asia/Shanghai whatever the PC is
 * set to. These convert between a picker value and the stored UTC instant.
 */
export function officeNow(): Dayjs {
  return dayjs(dayjs().tz(OFFICE_TZ).format('YYYY-MM-DD HH:mm'));
}

/** A picked date-time (office wall time) → ISO-8601 UTC. */
export function pickedToIso(d: Dayjs): string {
  return dayjs.tz(d.format('YYYY-MM-DD HH:mm'), OFFICE_TZ).toISOString();
}

/** Today at the office, "YYYY-MM-DD". */
export function officeTodayText(): string {
  return officeDayOf(new Date());
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
