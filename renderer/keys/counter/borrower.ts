import { useCallback, useSyncExternalStore } from 'react';
import type { BorrowerType } from '../../../shared/keys';

/** Who is at the key counter: chosen once, then every key scanned is lent to them. */
export interface Borrower {
  borrowerType: BorrowerType;
  personId: number | null;
  /** The staff directory's pick ('s:12'), for showing it again. */
  staffKey: string | null;
  borrowerName: string;
  borrowerPhone: string;
  organisation: string;
  idTail: string;
  purpose: string;
}

export const NO_BORROWER: Borrower = { borrowerType: 'contractor', personId: null, staffKey: null, borrowerName: '', borrowerPhone: '', organisation: '', idTail: '', purpose: '' };

/**
 * Kept outside the desk's components: the loan slip's print preview replaces the desk, and back
 * at the counter the same contractor is still there for the next key. Cleared with 换一位借用人;
 * kept per operator, so whoever signs in next at this PC starts with nobody.
 */
let current: Borrower = NO_BORROWER;
let currentFor: number | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useBorrower(operatorId: number): [Borrower, (patch: Partial<Borrower> | null) => void] {
  if (currentFor !== operatorId) {
    currentFor = operatorId;
    current = NO_BORROWER;
  }
  const borrower = useSyncExternalStore(subscribe, () => current);
  const update = useCallback((patch: Partial<Borrower> | null) => {
    current = patch === null ? NO_BORROWER : { ...current, ...patch };
    for (const l of listeners) l();
  }, []);
  return [borrower, update];
}

/** The borrower is written down well enough to lend to: a name and what for (the form asks for the rest). */
export function borrowerChosen(b: Borrower): boolean {
  return b.borrowerName.trim() !== '' && b.purpose.trim() !== '';
}
