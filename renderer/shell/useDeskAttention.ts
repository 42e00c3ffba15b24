import { useEffect, useRef, useState } from 'react';
import type { DeskAttention } from '../../shared/contract/shell';
import type { DeskKey } from '../../shared/desks';
import { call } from '../api/client';
import { onDeskChange } from '../api/desk-changes';

type AllAttention = Partial<Record<DeskKey, DeskAttention>>;

const POLL_MS = 60_000;

/**
 * shell.attention for the signed-in operator — every desk's reminders in one background poll:
 * every minute (deadlines pass without a write), when the window regains focus, and after any
 * write in this window (renderer/api/desk-changes.ts). Empty until the first answer, and while
 * `enabled` is off (the screen is locked).
 */
export function useDeskAttention(enabled: boolean): AllAttention {
  const [attention, setAttention] = useState<AllAttention>({});
  const ticket = useRef(0);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    const mine = ++ticket.current;
    void call('shell.attention', {}).then((result) => {
      // A failed poll keeps the last counts: the badges must not flicker on a transient error.
      if (mine === ticket.current && result.ok) setAttention(result.value);
    });
  }, [enabled, generation]);

  useEffect(() => {
    if (!enabled) return;
    const bump = () => setGeneration((g) => g + 1);
    const timer = window.setInterval(bump, POLL_MS);
    window.addEventListener('focus', bump);
    const stopListening = onDeskChange(bump);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', bump);
      stopListening();
    };
  }, [enabled]);

  return enabled ? attention : {};
}
