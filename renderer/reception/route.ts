import { useSyncExternalStore } from 'react';

/**
 * Where in the desk we are: `#/reception` (the list), `#/reception/entry/12`,
 * `#/reception/visitors`, `#/reception/daily`, `#/reception/handover`. The list also takes a
 * query (`#/reception?due=overdue`, `#/reception?urgency=major`, `#/reception?escalated=me`) so the shell badge can link
 * straight to a filtered list.
 */
export type ReceptionPage =
  | { page: 'list' }
  | { page: 'entry'; entryId: number }
  | { page: 'visitors' }
  | { page: 'daily' }
  | { page: 'handover' };

export type ReceptionTab = 'list' | 'visitors' | 'daily' | 'handover';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function parseReceptionHash(hash: string): { page: ReceptionPage; query: URLSearchParams } {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [, what, arg] = path.split('/').filter(Boolean);
  const q = new URLSearchParams(query);
  if (what === 'entry' && arg && /^\d+$/.test(arg)) return { page: { page: 'entry', entryId: Number(arg) }, query: q };
  if (what === 'visitors' || what === 'daily' || what === 'handover') return { page: { page: what }, query: q };
  return { page: { page: 'list' }, query: q };
}

/** The shell's route knows two levels; the entry page needs a third (its id), read here. */
export function useReceptionHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export const receptionHash = {
  list: '#/reception',
  overdue: '#/reception?due=overdue',
  majorPending: '#/reception?urgency=major&state=open',
  escalatedToMe: '#/reception?escalated=me',
  entry: (id: number | string) => `#/reception/entry/${id}`,
  tab: (tab: ReceptionTab) => (tab === 'list' ? '#/reception' : `#/reception/${tab}`),
};

export function go(hash: string) {
  if (window.location.hash !== hash) window.location.hash = hash;
}
