import { describe, expect, it } from 'vitest';
import {
  addMinutes,
  addMonths,
  addOfficeDays,
  endOfOfficeDay,
  officeDayOf,
  officeDayRange,
  officeMonthOf,
  officeMonthRange,
} from '../../shared/office-time';

/**
 * The office calendar helpers every desk's time limits are built from. The office is in
 * Asia/Shanghai (UTC+8, no DST): 16:00Z is office midnight.
 */
describe('office calendar arithmetic (Asia/Shanghai)', () => {
  it('adds minutes across office midnight, forwards and backwards', () => {
    // 23:50 office time on the 25th + 15 minutes = 00:05 on the 26th.
    const late = '2026-11-25T15:50:00.000Z';
    expect(addMinutes(late, 15)).toBe('2026-11-25T16:05:00.000Z');
    expect(officeDayOf(addMinutes(late, 9))).toBe('2026-11-25');
    expect(officeDayOf(addMinutes(late, 10))).toBe('2026-11-26');
    expect(addMinutes('2026-11-25T16:05:00.000Z', -15)).toBe(late);
    expect(addMinutes(late, 0)).toBe(late);
    // Seconds and milliseconds are kept, and offsets in the input are understood.
    expect(addMinutes('2026-11-25T23:59:30.250+08:00', 30)).toBe('2026-11-25T16:29:30.250Z');
    // A 48-hour limit in minutes.
    expect(addMinutes('2026-02-28T10:00:00.000Z', 48 * 60)).toBe('2026-03-02T10:00:00.000Z');
  });

  it('adds office days keeping the office clock time, over month, year and leap days', () => {
    // 00:30 office time stays 00:30 (16:30Z the day before).
    expect(addOfficeDays('2026-11-24T16:30:00.000Z', 1)).toBe('2026-11-25T16:30:00.000Z');
    expect(addOfficeDays('2026-12-31T02:00:00.000Z', 1)).toBe('2027-01-01T02:00:00.000Z');
    expect(addOfficeDays('2028-02-28T02:00:00.000Z', 1)).toBe('2028-02-29T02:00:00.000Z'); // leap year
    expect(addOfficeDays('2027-02-28T02:00:00.000Z', 1)).toBe('2027-03-01T02:00:00.000Z');
    expect(addOfficeDays('2027-01-01T02:00:00.000Z', -1)).toBe('2026-12-31T02:00:00.000Z');
    expect(addOfficeDays('2026-11-25T16:00:00.000Z', -30)).toBe('2026-10-26T16:00:00.000Z');
    expect(officeDayOf(addOfficeDays('2026-11-25T16:00:00.000Z', -30))).toBe('2026-10-27');
  });

  it('ends an office day at the next office midnight, the exclusive end of officeDayRange', () => {
    // Any instant of office day 2026-11-25 (16:00Z on the 24th up to 15:59:59.999Z on the 25th)…
    for (const iso of ['2026-11-24T16:00:00.000Z', '2026-11-25T03:00:00.000Z', '2026-11-25T15:59:59.999Z']) {
      expect(endOfOfficeDay(iso)).toBe('2026-11-25T16:00:00.000Z');
      expect(endOfOfficeDay(iso)).toBe(officeDayRange(officeDayOf(iso)).end);
    }
    // …and office midnight itself already belongs to the next day.
    expect(endOfOfficeDay('2026-11-25T16:00:00.000Z')).toBe('2026-11-26T16:00:00.000Z');
    expect(endOfOfficeDay('2026-12-31T16:00:00.000Z')).toBe('2027-01-01T16:00:00.000Z');
  });

  it('adds months to a day with end-of-month clamping, both directions', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29'); // leap year
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2028-03-31', -1)).toBe('2028-02-29');
    expect(addMonths('2026-05-31', 1)).toBe('2026-06-30');
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15');
    // Across years, forwards and backwards; Feb 29 a year on is Feb 28.
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-01-31', -2)).toBe('2026-11-30');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2028-02-29', -48)).toBe('2024-02-29');
    expect(addMonths('2026-08-31', -18)).toBe('2025-02-28');
    // Clamping does not stick: the 31st two months on is the 31st again.
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31');
    expect(addMonths('2026-06-10', 0)).toBe('2026-06-10');
  });

  it('adds months to a month', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-11', -23)).toBe('2024-12');
  });

  it('adds months to an instant on the office calendar, keeping the office clock time', () => {
    // 2026-01-31 00:30 office time (16:30Z on the 30th) → 2026-02-28 00:30 office time.
    expect(addMonths('2026-01-30T16:30:00.000Z', 1)).toBe('2026-02-27T16:30:00.000Z');
    // 2028-03-31 23:59 office time → 2028-02-29 23:59 office time.
    expect(addMonths('2028-03-31T15:59:00.000Z', -1)).toBe('2028-02-29T15:59:00.000Z');
    // The UTC date (Jan 30) would not clamp; the office date (Jan 31) does.
    expect(officeDayOf(addMonths('2026-01-30T16:30:00.000Z', 1))).toBe('2026-02-28');
    expect(addMonths('2026-12-15T04:05:06.789Z', 1)).toBe('2027-01-15T04:05:06.789Z');
  });

  it('gives an office month as a UTC range from 16:00Z on the last day before it', () => {
    expect(officeMonthRange('2026-11')).toEqual({ start: '2026-10-31T16:00:00.000Z', end: '2026-11-30T16:00:00.000Z' });
    // December runs into January of the next year.
    expect(officeMonthRange('2026-12')).toEqual({ start: '2026-11-30T16:00:00.000Z', end: '2026-12-31T16:00:00.000Z' });
    expect(officeMonthRange('2027-01')).toEqual({ start: '2026-12-31T16:00:00.000Z', end: '2027-01-31T16:00:00.000Z' });
    expect(officeMonthRange('2028-02').end).toBe('2028-02-29T16:00:00.000Z');
    // A month's range is its first day's start to its last day's end.
    expect(officeMonthRange('2028-02')).toEqual({ start: officeDayRange('2028-02-01').start, end: officeDayRange('2028-02-29').end });
  });

  it('puts an instant on its office month, across office midnight at the month end', () => {
    expect(officeMonthOf('2026-11-30T15:59:59.999Z')).toBe('2026-11');
    expect(officeMonthOf('2026-11-30T16:00:00.000Z')).toBe('2026-12');
    expect(officeMonthOf('2026-12-31T16:00:00.000Z')).toBe('2027-01');
    const { start, end } = officeMonthRange('2026-12');
    expect(officeMonthOf(start)).toBe('2026-12');
    expect(officeMonthOf(addMinutes(end, -1))).toBe('2026-12');
    expect(officeMonthOf(end)).toBe('2027-01');
  });

  it('refuses malformed days, months, instants and amounts instead of computing nonsense', () => {
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-13', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-1-5', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-01-31', 1.5)).toThrow(RangeError);
    expect(() => officeMonthRange('2026-00')).toThrow(RangeError);
    expect(() => officeMonthRange('2026-11-01')).toThrow(RangeError);
    expect(() => addMinutes('not a time', 5)).toThrow(RangeError);
    expect(() => addMinutes('2026-11-25T00:00:00.000Z', 0.5)).toThrow(RangeError);
    expect(() => addOfficeDays('2026-11-25T00:00:00.000Z', Number.NaN)).toThrow(RangeError);
    expect(() => endOfOfficeDay('')).toThrow(RangeError);
    expect(() => officeMonthOf('2026-11-31T00:00:00Z')).toThrow(RangeError);
  });
});
