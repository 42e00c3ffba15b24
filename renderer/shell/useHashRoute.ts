import { useCallback, useSyncExternalStore } from 'react';

/** `#/settings/operators` → desk "settings", section "operators". No router: two levels are all we need. */
export interface Route {
  desk: string;
  section: string | undefined;
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** A query (`#/reception?due=overdue`) belongs to the desk that reads it, not to the route. */
export function parseHash(hash: string): Route {
  const [desk = '', section] = hash.replace(/^#\/?/, '').split('?')[0]!.split('/').filter(Boolean);
  return { desk, section };
}

export function useHashRoute(): [Route, (desk: string, section?: string, replace?: boolean) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const navigate = useCallback((desk: string, section?: string, replace = false) => {
    const next = `#/${desk}${section ? `/${section}` : ''}`;
    if (next === window.location.hash) return;
    if (replace) {
      window.history.replaceState(null, '', next);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } else {
      window.location.hash = next;
    }
  }, []);
  return [parseHash(hash), navigate];
}
