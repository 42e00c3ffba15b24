import { useSyncExternalStore } from 'react';

/**
 * Where in the 物品放行 desk we are: `#/passes` (the applications), `#/passes/pass/12` (one pass),
 * `#/passes/no/FX…` (a pass by its number: a scan or F2), `#/passes/gate` (门岗放行: the guard's
 * screen, and the front desk's 回单录入; `#/passes/gate/FX…` with a pass loaded), `#/passes/reports` (值班登记 and 月报).
 * The list also takes `?state=pending` so the header badge can link straight to it.
 */
export type PassesPage =
  | { page: 'list' }
  | { page: 'pass'; passId: number }
  | { page: 'passNo'; no: string }
  | { page: 'gate'; no: string | null }
  | { page: 'reports' };
export type PassesTab = 'list' | 'gate' | 'reports';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function parsePassesHash(hash: string): { page: PassesPage; query: URLSearchParams } {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [, what, arg] = path.split('/').filter(Boolean);
  const q = new URLSearchParams(query);
  if (what === 'pass' && arg && /^\d+$/.test(arg)) return { page: { page: 'pass', passId: Number(arg) }, query: q };
  if (what === 'no' && arg) return { page: { page: 'passNo', no: decodeURIComponent(arg) }, query: q };
  if (what === 'gate') return { page: { page: 'gate', no: arg ? decodeURIComponent(arg) : null }, query: q };
  if (what === 'reports') return { page: { page: 'reports' }, query: q };
  return { page: { page: 'list' }, query: q };
}

/** The shell's route knows two levels; a pass needs a third (its id), read here. */
export function usePassesHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export const passesHash = {
  list: '#/passes',
  pending: '#/passes?state=pending',
  approved: '#/passes?state=approved',
  pass: (id: number | string) => `#/passes/pass/${id}`,
  passNo: (no: string) => `#/passes/no/${encodeURIComponent(no)}`,
  gate: '#/passes/gate',
  /** The gate screen with a pass loaded: the detail's 门岗回单录入. */
  gateNo: (no: string) => `#/passes/gate/${encodeURIComponent(no)}`,
  tab: (tab: PassesTab) => (tab === 'list' ? '#/passes' : `#/passes/${tab}`),
};

export function go(hash: string) {
  if (window.location.hash !== hash) window.location.hash = hash;
}
