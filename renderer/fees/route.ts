import { useSyncExternalStore } from 'react';

/**
 * Where in the 收费 desk we are: `#/fees` (收银台, no unit yet), `#/fees/unit/12` (the counter on a
 * unit: the counter search, the unit card's 收费 button and its arrears item open it),
 * `#/fees/receipts`, `#/fees/receipt/SJ…` (a receipt by its number: a scan or F2),
 * `#/fees/close`, and the billing side's tabs `#/fees/<its key>`.
 */
export type FeesPage =
  | { page: 'counter'; unitId: number | null }
  | { page: 'receipts' }
  | { page: 'receipt'; no: string }
  | { page: 'close' }
  | { page: 'billing'; tab: string };

/** The desk's own tabs; the billing side's follow (renderer/fees/billing/index.ts). */
export type FeesCounterTab = 'counter' | 'receipts' | 'close';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function parseFeesHash(hash: string): FeesPage {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  const [, what, arg] = path.split('/').filter(Boolean);
  if (what === 'unit' && arg && /^\d+$/.test(arg)) return { page: 'counter', unitId: Number(arg) };
  if (what === 'receipt' && arg) return { page: 'receipt', no: decodeURIComponent(arg) };
  if (what === 'receipts') return { page: 'receipts' };
  if (what === 'close') return { page: 'close' };
  if (what) return { page: 'billing', tab: what };
  return { page: 'counter', unitId: null };
}

/** The shell's route knows two levels; the unit and the receipt need a third, read here. */
export function useFeesHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export const feesHash = {
  counter: '#/fees',
  unit: (unitId: number | string) => `#/fees/unit/${unitId}`,
  receipts: '#/fees/receipts',
  receipt: (no: string) => `#/fees/receipt/${encodeURIComponent(no)}`,
  close: '#/fees/close',
  tab: (tab: string) => (tab === 'counter' ? '#/fees' : `#/fees/${tab}`),
};

export function go(hash: string) {
  if (window.location.hash !== hash) window.location.hash = hash;
}

/** Leaves the current address without a history step (the counter cleared after a payment). */
export function replaceHash(hash: string) {
  if (window.location.hash === hash) return;
  window.history.replaceState(null, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
