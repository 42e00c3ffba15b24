import { useSyncExternalStore } from 'react';

/**
 * Where in the desk we are: `#/repairs` (the list), `#/repairs/order/12`, `#/repairs/no/WX202611250007`
 * (an order by its number: reception's entry links to it), `#/repairs/from-entry/7` (转维修单 of a
 * reception entry, over the list), `#/repairs/summary`.
 * The list also takes a query (`#/repairs?due=overdue`, `?state=pending`, `?callback=due_today`)
 * so the header badge can link straight to a filtered list.
 */
export type RepairsPage =
  | { page: 'list' }
  | { page: 'order'; orderId: number }
  | { page: 'orderNo'; no: string }
  | { page: 'fromEntry'; entryId: number }
  | { page: 'summary' };
export type RepairsTab = 'list' | 'summary';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function parseRepairsHash(hash: string): { page: RepairsPage; query: URLSearchParams } {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [, what, arg] = path.split('/').filter(Boolean);
  const q = new URLSearchParams(query);
  if (what === 'order' && arg && /^\d+$/.test(arg)) return { page: { page: 'order', orderId: Number(arg) }, query: q };
  if (what === 'no' && arg) return { page: { page: 'orderNo', no: decodeURIComponent(arg) }, query: q };
  if (what === 'from-entry' && arg && /^\d+$/.test(arg)) return { page: { page: 'fromEntry', entryId: Number(arg) }, query: q };
  if (what === 'summary') return { page: { page: 'summary' }, query: q };
  return { page: { page: 'list' }, query: q };
}

/** The shell's route knows two levels; the order page needs a third (its id), read here. */
export function useRepairsHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export const repairsHash = {
  list: '#/repairs',
  overdue: '#/repairs?due=overdue',
  pending: '#/repairs?state=pending',
  callbacks: '#/repairs?callback=due_today',
  callbacksOverdue: '#/repairs?callback=overdue',
  order: (id: number | string) => `#/repairs/order/${id}`,
  orderNo: (no: string) => `#/repairs/no/${encodeURIComponent(no)}`,
  tab: (tab: RepairsTab) => (tab === 'list' ? '#/repairs' : `#/repairs/${tab}`),
};

export function go(hash: string) {
  if (window.location.hash !== hash) window.location.hash = hash;
}
