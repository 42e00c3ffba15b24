import { useSyncExternalStore } from 'react';

/**
 * Where in the 钥匙管理 desk we are: `#/keys` (钥匙台: the scan box and the borrower), `#/keys/list`
 * (the register; `?relabel=1` the worn labels), `#/keys/key/12` (a key and its history),
 * `#/keys/tag/K000123` (a key by its tag code: the counter search, a scan elsewhere),
 * `#/keys/register` (登记钥匙, one or a batch by units), `#/keys/loans` (`?due=overdue`, `?due=due_soon`:
 * the header badge links there), `#/keys/audit` (盘点; `#/keys/audit/3` one audit's result) and
 * `#/keys/handover` (交接班).
 */
export type KeysPage =
  | { page: 'counter' }
  | { page: 'list' }
  | { page: 'key'; keyId: number }
  | { page: 'tag'; tag: string }
  | { page: 'register' }
  | { page: 'loans' }
  | { page: 'audit'; auditId: number | null }
  | { page: 'handover' };
export type KeysTab = 'counter' | 'list' | 'register' | 'loans' | 'audit' | 'handover';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function parseKeysHash(hash: string): { page: KeysPage; query: URLSearchParams } {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [, what, arg] = path.split('/').filter(Boolean);
  const q = new URLSearchParams(query);
  const id = arg && /^\d+$/.test(arg) ? Number(arg) : null;
  if (what === 'key' && id !== null) return { page: { page: 'key', keyId: id }, query: q };
  if (what === 'tag' && arg) return { page: { page: 'tag', tag: decodeURIComponent(arg) }, query: q };
  if (what === 'audit') return { page: { page: 'audit', auditId: id }, query: q };
  if (what === 'list' || what === 'register' || what === 'loans' || what === 'handover') return { page: { page: what }, query: q };
  return { page: { page: 'counter' }, query: q };
}

/** The shell's route knows two levels; a key, a tag and an audit need a third, read here. */
export function useKeysHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export const keysHash = {
  counter: '#/keys',
  list: '#/keys/list',
  relabel: '#/keys/list?relabel=1',
  register: '#/keys/register',
  loans: '#/keys/loans',
  overdue: '#/keys/loans?due=overdue',
  dueSoon: '#/keys/loans?due=due_soon',
  audit: '#/keys/audit',
  auditResult: (id: number | string) => `#/keys/audit/${id}`,
  handover: '#/keys/handover',
  key: (id: number | string) => `#/keys/key/${id}`,
  tag: (tag: string) => `#/keys/tag/${encodeURIComponent(tag)}`,
  tab: (tab: KeysTab) => (tab === 'counter' ? '#/keys' : `#/keys/${tab}`),
};

export function go(hash: string) {
  if (window.location.hash !== hash) window.location.hash = hash;
}
