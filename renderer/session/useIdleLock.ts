import { useEffect, useRef } from 'react';
import { call } from '../api/client';

const TOUCH_EVERY_MS = 60_000;
const CHECK_EVERY_MS = 5_000;
const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

/**
 * Locks the screen after `lockMinutes` without keyboard or mouse, like the server does after
 * the same time without commands. Reading a long list sends no command, so while the operator
 * is active we tell the server (auth.touch), at most once a minute.
 */
export function useIdleLock(options: { lockMinutes: number; locked: boolean; lock(): void }) {
  const { lockMinutes, locked, lock } = options;
  const lastActivity = useRef(0);
  const lastTouch = useRef(0);

  useEffect(() => {
    if (locked) return;
    // Unlocking (or signing in) is itself activity, and the server just saw it.
    lastActivity.current = Date.now();
    lastTouch.current = Date.now();

    const onActivity = () => {
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastTouch.current >= TOUCH_EVERY_MS) {
        lastTouch.current = now;
        void call('auth.touch', {});
      }
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    // Checked by wall clock, so a PC waking from sleep locks at once.
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current >= lockMinutes * 60_000) lock();
    }, CHECK_EVERY_MS);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      window.clearInterval(timer);
    };
  }, [lockMinutes, locked, lock]);
}
