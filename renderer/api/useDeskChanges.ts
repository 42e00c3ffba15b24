import { useEffect, useRef } from 'react';
import type { Desk } from '../../shared/contract/changes';
import { onDeskChange } from './desk-changes';

/**
 * Calls `onChange` once per delivered change (see desk-changes.ts) that names one of `desks`,
 * while the component is mounted; never after it unmounts.
 */
export function useDeskChanges(desks: readonly Desk[], onChange: () => void): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  // Callers pass a fresh array on every render; listen again only when the desks themselves change.
  const key = [...new Set(desks)].sort().join(' ');
  useEffect(() => {
    const watched = new Set(key.split(' '));
    return onDeskChange((change) => {
      if ([...change.desks].some((desk) => watched.has(desk))) latest.current();
    });
  }, [key]);
}
