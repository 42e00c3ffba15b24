import { useEffect, useRef } from 'react';

/**
 * Longest pause between two keys of one scan, Enter included. A keyboard-wedge scanner "types"
 * well under 30 ms a key; a clerk, even a fast one, rarely types four keys and Enter this
 * quickly. Generous, so a busy counter PC still tells a scan from typing.
 */
export const SCAN_MAX_KEY_GAP_MS = 50;
/** Shortest code taken for a scan: unit codes, JD numbers and tags are all longer. */
export const SCAN_MIN_LENGTH = 4;

export interface Scan {
  /** The field the code was scanned into (it already holds the code), or null for none. */
  field: HTMLElement | null;
}

/** Scans a screen has taken as its own ('taken' from its onScan): the shell's fallback leaves them. */
const takenScans = new WeakSet<Event>();

/** Text-entry fields: what the clerk types into (not radios, checkboxes or buttons). */
function editableField(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof HTMLElement)) return null;
  if (target.isContentEditable) return target;
  return target.closest<HTMLElement>('textarea, select, input:not([type="radio"]):not([type="checkbox"]):not([type="button"]):not([type="submit"]):not([type="reset"])');
}

/**
 * Would this Enter submit a form? Only in a form's field, and not in an open dropdown list
 * (a picker's Enter chooses the option there and never submits).
 */
function submitsForm(field: HTMLElement): boolean {
  return !!field.closest('form') && field.getAttribute('aria-expanded') !== 'true';
}

/**
 * Keyboard-wedge scanners: a burst of keys (each within SCAN_MAX_KEY_GAP_MS of the last, at least
 * SCAN_MIN_LENGTH characters) ending in Enter. Listens on the whole window in the capture phase,
 * before any field or form sees the Enter, and calls `onScan` with the code. Never submits a
 * half-filled form: a scan's Enter in a form field is stopped there (the code stays in the
 * field), and so is one with nothing to type into (it would press a focused button). In a field
 * outside a form (a search box) the Enter is the field's own and goes on. Typing by hand is left
 * alone.
 *
 * A screen that takes every scan as its own (the gate screen: any scan is a pass) returns 'taken';
 * a `fallback` listener (the shell's counter search) hears a scan only after the others, and only
 * one none of them took — whichever mounted first.
 */
export function useScanner(onScan: (code: string, scan: Scan) => void | 'taken', enabled = true, options: { fallback?: boolean } = {}): void {
  const fallback = options.fallback ?? false;
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  });
  useEffect(() => {
    if (!enabled) return;
    let code = '';
    let lastAt = -Infinity;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.isComposing || e.ctrlKey || e.altKey || e.metaKey) {
        code = '';
        return;
      }
      // A scanner holds Shift for capitals; that key alone is no part of the code.
      if (e.key === 'Shift' || e.key === 'CapsLock') return;
      const quick = e.timeStamp - lastAt <= SCAN_MAX_KEY_GAP_MS;
      lastAt = e.timeStamp;
      if (e.key.length === 1) {
        code = quick ? code + e.key : e.key;
        return;
      }
      const scanned = e.key === 'Enter' && quick && code.length >= SCAN_MIN_LENGTH ? code : '';
      code = '';
      if (!scanned) return;
      const field = editableField(e.target);
      if (!field || submitsForm(field)) {
        e.preventDefault();
        e.stopPropagation();
      }
      if (!fallback) {
        if (latest.current(scanned, { field }) === 'taken') takenScans.add(e);
        return;
      }
      // After every other listener of this key has run (they are all called before the next task).
      setTimeout(() => {
        if (!takenScans.has(e)) latest.current(scanned, { field });
      }, 0);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [enabled, fallback]);
}
