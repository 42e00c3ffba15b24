import { describe, expect, it } from 'vitest';
import { deadlineStatus, earliestOpenDeadline, type Deadline } from '../../shared/deadlines';
import { addMinutes } from '../../shared/office-time';

const received = '2026-11-25T15:50:00.000Z'; // 23:50 office time
const due = addMinutes(received, 15); // 00:05 the next office day
const at = (iso: string) => new Date(iso);
const deadline = (metAt: string | null, dueAt = due): Deadline => ({ key: 'arrive', dueAt, metAt });

describe('deadlines', () => {
  it('is open up to and including the due instant, overdue from the next millisecond', () => {
    expect(deadlineStatus(deadline(null), at(received))).toEqual({ kind: 'open', msLeft: 15 * 60_000, text: '剩 15分' });
    expect(deadlineStatus(deadline(null), at(due))).toEqual({ kind: 'open', msLeft: 0, text: '剩 不到1分' });
    expect(deadlineStatus(deadline(null), new Date(Date.parse(due) + 1))).toEqual({ kind: 'overdue', msOver: 1, text: '超时 不到1分' });
    expect(deadlineStatus(deadline(null), at(addMinutes(due, 90)))).toEqual({ kind: 'overdue', msOver: 90 * 60_000, text: '超时 1小时30分' });
  });

  it('is met on time when met at or before the due instant, late after it — whatever the time now', () => {
    const later = at(addMinutes(due, 3 * 1440));
    expect(deadlineStatus(deadline(received), later)).toEqual({ kind: 'met_on_time', text: '按时完成' });
    expect(deadlineStatus(deadline(due), later)).toEqual({ kind: 'met_on_time', text: '按时完成' });
    const oneMsLate = new Date(Date.parse(due) + 1).toISOString();
    expect(deadlineStatus(deadline(oneMsLate), later)).toEqual({ kind: 'met_late', msLate: 1, text: '超时 不到1分完成' });
    expect(deadlineStatus(deadline(addMinutes(due, 26 * 60)), later)).toEqual({ kind: 'met_late', msLate: 26 * 3_600_000, text: '超时 1天2小时完成' });
    // Met before "now" even though now is earlier than the due instant: still on time.
    expect(deadlineStatus(deadline(received), at(received))).toMatchObject({ kind: 'met_on_time' });
  });

  it('finds the earliest deadline still owed, none when all are met', () => {
    const handler: Deadline = { key: 'handler', dueAt: '2026-11-26T15:10:00.000Z', metAt: null };
    const owner: Deadline = { key: 'owner', dueAt: '2026-11-27T15:10:00.000Z', metAt: null };
    const early: Deadline = { key: 'early', dueAt: '2026-11-25T00:00:00.000Z', metAt: '2026-11-24T23:00:00.000Z' };
    expect(earliestOpenDeadline([owner, early, handler])).toBe(handler);
    // Compared as instants, not as text: +08:00 input sorts by the instant it names.
    const shanghai: Deadline = { key: 'sh', dueAt: '2026-11-26T23:00:00.000+08:00', metAt: null };
    expect(earliestOpenDeadline([handler, shanghai])).toBe(shanghai);
    expect(earliestOpenDeadline([{ ...handler, metAt: handler.dueAt }, early])).toBeNull();
    expect(earliestOpenDeadline([])).toBeNull();
  });
});
