import { useEffect, useRef } from 'react';

/**
 * A tiny bus: every reception write (log, close, escalate, visitor in/out…) announces itself, so
 * the shell badge and any open list refresh at once instead of waiting for the next poll.
 */
const listeners = new Set<() => void>();

export function receptionChanged(): void {
  for (const listener of listeners) listener();
}

export function useReceptionChanges(onChange: () => void): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => {
    const listener = () => latest.current();
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
}
