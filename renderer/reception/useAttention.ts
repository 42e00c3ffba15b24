import { useEffect, useRef, useState } from 'react';
import type { Attention } from '../../shared/contract/reception';
import { call } from '../api/client';
import { useDeskChanges } from '../api/useDeskChanges';

const POLL_MS = 60_000;

/**
 * reception.attention for the signed-in operator: polled every minute, when the window regains
 * focus and after any write that changes the reception desk. null until the first answer (or when `enabled` is off).
 */
export function useAttention(enabled: boolean): Attention | null {
  const [attention, setAttention] = useState<Attention | null>(null);
  const ticket = useRef(0);
  const [generation, setGeneration] = useState(0);
  useDeskChanges(['reception'], () => setGeneration((g) => g + 1));

  useEffect(() => {
    if (!enabled) return;
    const mine = ++ticket.current;
    void call('reception.attention', {}).then((result) => {
      // A failed poll keeps the last count: the badge must not flicker on a transient error.
      if (mine === ticket.current && result.ok) setAttention(result.value);
    });
  }, [enabled, generation]);

  useEffect(() => {
    if (!enabled) return;
    const bump = () => setGeneration((g) => g + 1);
    const timer = window.setInterval(bump, POLL_MS);
    window.addEventListener('focus', bump);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', bump);
    };
  }, [enabled]);

  return enabled ? attention : null;
}
