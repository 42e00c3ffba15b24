import { useEffect, useRef } from 'react';
import { SHORTCUT_TEXT } from './strings';
import { S as SEARCH_TEXT } from './search/strings';
import { S as RECEPTION_TEXT } from './reception/strings';

/**
 * Every keyboard shortcut, once: the shell's handler and the help panel both read this list,
 * so the help can never describe a key that does nothing. Entries without `match` are handled
 * by the component that owns them (dialogs close on Esc, the list handles arrows and Enter);
 * they are listed so the operator can find them.
 */
export interface Shortcut {
  id: string;
  keys: string;
  description: string;
  /** Non-null when the event is this shortcut; the number is its argument (the desk's position). */
  match?(e: KeyboardEvent): number | null;
}

const plainAlt = (e: KeyboardEvent) => e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;
const plainCtrl = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;

export const SHORTCUTS = [
  {
    id: 'desk',
    keys: 'Alt+1 … Alt+8',
    description: SHORTCUT_TEXT.desk,
    // By physical key, so the layout or Alt's character on a Mac does not matter.
    match: (e: KeyboardEvent) => (plainAlt(e) && /^Digit[1-8]$/.test(e.code) ? Number(e.code.slice(5)) : null),
  },
  { id: 'lock', keys: 'Ctrl+L', description: SHORTCUT_TEXT.lock, match: (e: KeyboardEvent) => (plainCtrl(e) && e.code === 'KeyL' ? 0 : null) },
  { id: 'help', keys: 'F1', description: SHORTCUT_TEXT.help, match: (e: KeyboardEvent) => (e.key === 'F1' ? 0 : null) },
  {
    id: 'search',
    keys: 'F2 / Ctrl+K',
    description: SEARCH_TEXT.shortcut,
    match: (e: KeyboardEvent) => (e.key === 'F2' || (plainCtrl(e) && e.code === 'KeyK') ? 0 : null),
  },
  // Handled by the reception desk and the unit card themselves (renderer/reception/useNewEntryShortcut.ts).
  { id: 'newEntry', keys: 'F4', description: RECEPTION_TEXT.shortcutNewEntry },
  { id: 'close', keys: 'Esc', description: SHORTCUT_TEXT.close },
  { id: 'tableMove', keys: '↑ / ↓', description: SHORTCUT_TEXT.tableMove },
  { id: 'tableOpen', keys: 'Enter', description: SHORTCUT_TEXT.tableOpen },
] as const satisfies readonly Shortcut[];

type HandledId = Extract<(typeof SHORTCUTS)[number], { match: unknown }>['id'];
export type ShortcutHandlers = Record<HandledId, (arg: number) => void>;

/** Listens for the registry's shortcuts on the whole window while `enabled`. */
export function useShortcuts(handlers: ShortcutHandlers, enabled: boolean) {
  // Handlers change every render; the listener reads the latest without re-subscribing.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      for (const shortcut of SHORTCUTS) {
        if (!('match' in shortcut)) continue;
        const arg = shortcut.match(e);
        if (arg === null) continue;
        e.preventDefault();
        latest.current[shortcut.id](arg);
        return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
