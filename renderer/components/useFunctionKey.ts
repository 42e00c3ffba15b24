import { useEffect, useRef } from 'react';
import { useSession } from '../session/SessionContext';

/**
 * A desk's own function key (reception's F4 新登记, repairs' F8 新报修; listed in the F1 help through
 * the desk module's `shortcuts`). Handled by the page that owns it — the desk opens a blank form,
 * the unit card a prefilled one — never under a dialog or the lock screen.
 */
export function useFunctionKey(key: string, handler: () => void, enabled = true): void {
  const { session } = useSession();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  const active = enabled && !session.locked;
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== key || e.ctrlKey || e.altKey || e.metaKey || e.shiftKey || e.defaultPrevented) return;
      e.preventDefault();
      // Keys typed in a dialog (or the counter search) are its own — unless it is already
      // closing: Enter in the search opens the unit card, and the key may follow before the search
      // has faded out and handed the focus back.
      const dialog = (e.target as HTMLElement | null)?.closest('[role="dialog"]');
      if (dialog && !/-leave\b/.test(dialog.className)) return;
      // Open once it is gone: a closing dialog gives the focus back when it ends, which would
      // take it from the new form.
      let tries = 0;
      const run = () => {
        if (document.querySelector('[role="dialog"][class*="-leave"]') && tries++ < 30) window.setTimeout(run, 25);
        else latest.current();
      };
      run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active, key]);
}
