import { useSyncExternalStore } from 'react';

/** Where in the desk we are: `#/estate`, `#/estate/unit/12`, `#/estate/import`. */
export type EstatePage = { page: 'list' } | { page: 'unit'; unitId: number } | { page: 'import' };

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function parseEstateHash(hash: string): EstatePage {
  const [, what, arg] = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (what === 'unit' && arg && /^\d+$/.test(arg)) return { page: 'unit', unitId: Number(arg) };
  if (what === 'import') return { page: 'import' };
  return { page: 'list' };
}

/** The shell's route knows two levels; the unit card needs a third (its id), read here. */
export function useEstatePage(): EstatePage {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseEstateHash(hash);
}

export const estateHash = {
  list: '#/estate',
  unit: (id: number) => `#/estate/unit/${id}`,
  import: '#/estate/import',
};

export function go(hash: string) {
  if (window.location.hash !== hash) window.location.hash = hash;
}
