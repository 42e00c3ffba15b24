import { describe, expect, it } from 'vitest';
import { officeDateTime, officeDayOf, officeDayRange, spanText } from '../../shared/office-time';
import { DEFAULT_RECEPTION_LIMITS, deadlineViews, deadlinesFor, nextDueAt, timeStatus, type EntryClock } from '../../shared/reception';

/** The time-limit arithmetic, in one place for both sides; the office is in Asia/Shanghai (UTC+8, no DST). */
describe('office calendar (Asia/Shanghai)', () => {
  it('puts an instant on the office day it falls on, across UTC midnight', () => {
    // 2026-11-24 16:30 UTC is 2026-11-25 00:30 in Shanghai; 15:59 UTC is still the 24th there.
    expect(officeDayOf('2026-11-24T16:30:00.000Z')).toBe('2026-11-25');
    expect(officeDayOf('2026-11-24T15:59:59.999Z')).toBe('2026-11-24');
    expect(officeDateTime('2026-11-24T16:30:00.000Z')).toBe('2026-11-25 00:30');
  });

  it('gives an office day as a UTC range starting at 16:00 the day before', () => {
    expect(officeDayRange('2026-11-25')).toEqual({ start: '2026-11-24T16:00:00.000Z', end: '2026-11-25T16:00:00.000Z' });
    // Month and year ends roll over.
    expect(officeDayRange('2027-01-01')).toEqual({ start: '2026-12-31T16:00:00.000Z', end: '2027-01-01T16:00:00.000Z' });
  });

  it('reads spans the way the counter says them', () => {
    expect(spanText(30_000)).toBe('不到1分');
    expect(spanText(45 * 60_000)).toBe('45分');
    expect(spanText(2 * 3_600_000)).toBe('2小时');
    expect(spanText(2 * 3_600_000 + 5 * 60_000 + 59_000)).toBe('2小时5分');
    expect(spanText(-(26 * 3_600_000))).toBe('1天2小时');
    expect(spanText(3 * 86_400_000)).toBe('3天');
  });
});

describe('reception time limits', () => {
  // 23:10 Shanghai on 25 Nov (15:10 UTC): deadlines land on the next office days.
  const receivedAt = '2026-11-25T15:10:00.000Z';

  it('counts every deadline from the moment received, with the procedure defaults', () => {
    const ordinary = deadlinesFor({ receivedAt, channel: 'visit', category: 'repair', urgency: 'ordinary' }, DEFAULT_RECEPTION_LIMITS);
    expect(ordinary).toEqual({
      handlerDueAt: '2026-11-26T15:10:00.000Z',
      escalateDueAt: '2026-11-25T17:10:00.000Z',
      ownerDueAt: '2026-11-26T15:10:00.000Z',
    });
    // Escalation due 01:10 on the 26th in Shanghai: past midnight, a different office day.
    expect(officeDateTime(ordinary.escalateDueAt)).toBe('2026-11-26 01:10');
    const major = deadlinesFor({ receivedAt, channel: 'call', category: 'complaint', urgency: 'major' }, DEFAULT_RECEPTION_LIMITS);
    expect(officeDateTime(major.ownerDueAt)).toBe('2026-11-27 23:10');
  });

  it('gives staff feedback no owner deadline, and an item its own deadline for the handler', () => {
    const staff = deadlinesFor({ receivedAt, channel: 'staff', category: 'staff_feedback', urgency: 'ordinary', ownDueAt: '2026-11-25T20:00:00.000Z' }, DEFAULT_RECEPTION_LIMITS);
    expect(staff.ownerDueAt).toBeNull();
    expect(staff.handlerDueAt).toBe('2026-11-25T20:00:00.000Z');
  });

  it('follows the configured limits', () => {
    const d = deadlinesFor({ receivedAt, channel: 'visit', category: 'repair', urgency: 'ordinary' }, { ...DEFAULT_RECEPTION_LIMITS, handlerMinutes: 6 * 60, ownerOrdinaryMinutes: 12 * 60 });
    expect(d.handlerDueAt).toBe('2026-11-25T21:10:00.000Z');
    expect(d.ownerDueAt).toBe('2026-11-26T03:10:00.000Z');
  });

  const clock = (over: Partial<EntryClock> = {}): EntryClock => ({
    state: 'open',
    handlerDueAt: '2026-11-26T15:10:00.000Z',
    handlerAnsweredAt: null,
    escalateDueAt: '2026-11-25T17:10:00.000Z',
    escalatedAt: null,
    ownerDueAt: '2026-11-27T15:10:00.000Z',
    ownerAnsweredAt: null,
    ...over,
  });

  it('owes the earliest unanswered deadline, nothing once answered or closed', () => {
    expect(nextDueAt(clock())).toBe('2026-11-26T15:10:00.000Z');
    expect(nextDueAt(clock({ handlerAnsweredAt: '2026-11-26T01:00:00.000Z' }))).toBe('2026-11-27T15:10:00.000Z');
    expect(nextDueAt(clock({ handlerAnsweredAt: '2026-11-26T01:00:00.000Z', ownerAnsweredAt: '2026-11-26T02:00:00.000Z' }))).toBeNull();
    expect(nextDueAt(clock({ state: 'closed' }))).toBeNull();
  });

  it('shows time left, due soon and overdue across midnight and days', () => {
    const next = '2026-11-26T15:10:00.000Z';
    const limits = { dueSoonMinutes: 4 * 60 };
    expect(timeStatus('open', next, new Date('2026-11-25T15:10:00.000Z'), limits)).toMatchObject({ kind: 'ok', text: '剩 1天' });
    expect(timeStatus('open', next, new Date('2026-11-26T12:00:00.000Z'), limits)).toMatchObject({ kind: 'due_soon', text: '剩 3小时10分' });
    expect(timeStatus('open', next, new Date('2026-11-26T15:10:00.000Z'), limits)).toMatchObject({ kind: 'due_soon', text: '剩 不到1分' });
    expect(timeStatus('open', next, new Date('2026-11-28T17:40:00.000Z'), limits)).toMatchObject({ kind: 'overdue', text: '超时 2天2小时' });
    expect(timeStatus('open', null, new Date(), limits)).toMatchObject({ kind: 'waiting' });
    expect(timeStatus('closed', null, new Date(), limits)).toMatchObject({ kind: 'done', text: '已办结' });
    expect(timeStatus('voided', null, new Date(), limits)).toMatchObject({ kind: 'done', text: '已作废' });
  });

  it('shows the escalation limit only once escalated, late when 上报 came after it', () => {
    const now = new Date('2026-11-25T18:00:00.000Z');
    expect(deadlineViews(clock(), now).map((d) => d.key)).toEqual(['handler', 'owner']);
    const late = deadlineViews(clock({ escalatedAt: '2026-11-25T17:30:00.000Z' }), now).find((d) => d.key === 'escalate');
    expect(late).toMatchObject({ label: '上报上级', late: true, metAt: '2026-11-25T17:30:00.000Z' });
    const inTime = deadlineViews(clock({ escalatedAt: '2026-11-25T16:00:00.000Z' }), now).find((d) => d.key === 'escalate');
    expect(inTime?.late).toBe(false);
    // An unanswered handler deadline in the past is late while the entry is open.
    const overdue = deadlineViews(clock(), new Date('2026-11-27T00:00:00.000Z'));
    expect(overdue.find((d) => d.key === 'handler')?.late).toBe(true);
    expect(overdue.find((d) => d.key === 'owner')?.late).toBe(false);
  });

  it('counts nothing down once an entry is closed or voided, and shows a closing without a reply as no reply', () => {
    const now = new Date('2026-11-28T00:00:00.000Z');
    // Open: still owed, running.
    expect(deadlineViews(clock(), now).map((d) => [d.key, d.status])).toEqual([
      ['handler', 'owed'],
      ['owner', 'owed'],
    ]);
    // Closed on the 26th at 10:00 UTC, before the handler's deadline, with no handler reply on record;
    // the closing answered the owner.
    const closedAt = '2026-11-26T10:00:00.000Z';
    expect(deadlineViews(clock({ state: 'closed', ownerAnsweredAt: closedAt, closedAt }), now)).toEqual([
      { key: 'handler', label: '处理人回复', dueAt: '2026-11-26T15:10:00.000Z', metAt: null, status: 'unmet', late: false },
      { key: 'owner', label: '答复业主', dueAt: '2026-11-27T15:10:00.000Z', metAt: closedAt, status: 'met', late: false },
    ]);
    // Closed after the handler's deadline without a reply: the deadline was missed.
    const lateClose = '2026-11-26T16:00:00.000Z';
    expect(deadlineViews(clock({ state: 'closed', ownerAnsweredAt: lateClose, closedAt: lateClose }), now)[0]).toMatchObject({ status: 'unmet', late: true });
    // Voided: nothing runs and nothing is late, however long ago the deadlines passed.
    expect(deadlineViews(clock({ state: 'voided' }), now).map((d) => [d.key, d.status, d.late])).toEqual([
      ['handler', 'unmet', false],
      ['owner', 'unmet', false],
    ]);
    // What was met before the voiding stays met.
    expect(deadlineViews(clock({ state: 'voided', handlerAnsweredAt: '2026-11-26T01:00:00.000Z' }), now)[0]).toMatchObject({ status: 'met', late: false });
  });
});
