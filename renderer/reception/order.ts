import type { EntryRow } from '../../shared/contract/reception';

/** Soonest deadline first (overdue ones first of all); entries that owe nothing (answered, waiting to close) last. */
export function byNextDeadline(a: EntryRow, b: EntryRow): number {
  const x = a.time.msLeft ?? Number.POSITIVE_INFINITY;
  const y = b.time.msLeft ?? Number.POSITIVE_INFINITY;
  return x === y ? a.receivedAt.localeCompare(b.receivedAt) : x - y;
}
