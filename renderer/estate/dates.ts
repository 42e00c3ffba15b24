import dayjs, { type Dayjs } from 'dayjs';
import { OFFICE_TZ } from '../format';

/** Today at the office, as a date-picker value. */
export function officeToday(): Dayjs {
  return dayjs(dayjs().tz(OFFICE_TZ).format('YYYY-MM-DD'));
}

/** A picked calendar day → "YYYY-MM-DD" (what the contract's date-only fields take). */
export function dayText(d: Dayjs | null | undefined): string | null {
  return d ? d.format('YYYY-MM-DD') : null;
}
