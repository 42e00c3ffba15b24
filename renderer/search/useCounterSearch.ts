import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchGroup } from '../../shared/contract/search';
import type { CommandError } from '../../shared/result';
import { call } from '../api/client';

export interface SearchAnswer {
  /** The text this answer is for (trimmed). */
  q: string;
  groups: SearchGroup[];
  error: CommandError | null;
}

/**
 * Quiet time after the last key before asking. Short: the answer must be on screen within 100 ms
 * of the last key (npm run bench, 前台搜索（界面）), and a clerk's keys come slower than this anyway,
 * so it saves calls only on a burst (a scanner, a paste).
 */
export const DEBOUNCE_MS = 40;

/**
 * `search.counter` as the operator types: debounced, newest answer wins (a slow answer for
 * "3-2" never replaces the one for "3-2-1101"). `flush()` asks at once, for Enter.
 */
export function useCounterSearch(text: string, limit = 8) {
  const q = text.trim();
  const [answer, setAnswer] = useState<SearchAnswer>({ q: '', groups: [], error: null });
  const ticket = useRef(0);
  const asked = useRef<string | null>(null);

  const ask = useCallback(
    (query: string) => {
      if (asked.current === query) return;
      asked.current = query;
      const mine = ++ticket.current;
      if (!query) {
        setAnswer({ q: '', groups: [], error: null });
        return;
      }
      void call('search.counter', { q: query, limit }).then((result) => {
        if (mine !== ticket.current) return;
        setAnswer(result.ok ? { q: query, groups: result.value.groups, error: null } : { q: query, groups: [], error: result.error });
      });
    },
    [limit],
  );

  useEffect(() => {
    if (!q) {
      ask('');
      return;
    }
    const timer = window.setTimeout(() => ask(q), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [q, ask]);

  const flush = useCallback(() => ask(q), [ask, q]);
  const reset = useCallback(() => {
    asked.current = null;
    ticket.current++;
    setAnswer({ q: '', groups: [], error: null });
  }, []);

  return { answer, current: answer.q === q, flush, reset };
}
