/**
 * Named deadlines a record owes ("the handler answers within 24 hours", "a repairman arrives
 * within 15 minutes"), at minute resolution: limits are set in minutes and added with the
 * office-calendar helpers in office-time.ts. The due instant itself still counts as on time —
 * late means strictly after it, as reception's time limits have always read.
 */
import { spanText } from './office-time';

export interface Deadline {
  /** Which deadline of the record this is, e.g. 'handler', 'owner', 'arrive'. */
  key: string;
  /** UTC ISO instant; met on time at or before it. */
  dueAt: string;
  /** When it was met (UTC ISO), null while still owed. */
  metAt: string | null;
}

export type DeadlineStatus =
  | { kind: 'met_on_time'; text: string }
  | { kind: 'met_late'; msLate: number; text: string }
  | { kind: 'open'; msLeft: number; text: string }
  | { kind: 'overdue'; msOver: number; text: string };

/** Where a deadline stands at `now`, with the words the counter uses ("剩 15分", "超时 1小时30分"). */
export function deadlineStatus(deadline: Deadline, now: Date): DeadlineStatus {
  const due = Date.parse(deadline.dueAt);
  if (deadline.metAt !== null) {
    const msLate = Date.parse(deadline.metAt) - due;
    return msLate > 0 ? { kind: 'met_late', msLate, text: `超时 ${spanText(msLate)}完成` } : { kind: 'met_on_time', text: '按时完成' };
  }
  const msLeft = due - now.getTime();
  if (msLeft < 0) return { kind: 'overdue', msOver: -msLeft, text: `超时 ${spanText(msLeft)}` };
  return { kind: 'open', msLeft, text: `剩 ${spanText(msLeft)}` };
}

/** The deadline still owed that falls first (what a record's next_due_at stores), or null when all are met. */
export function earliestOpenDeadline(deadlines: readonly Deadline[]): Deadline | null {
  let earliest: Deadline | null = null;
  for (const d of deadlines) {
    if (d.metAt === null && (earliest === null || Date.parse(d.dueAt) < Date.parse(earliest.dueAt))) earliest = d;
  }
  return earliest;
}
