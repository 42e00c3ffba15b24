import type { LoginThrottle } from '../context';

/**
 * Repeated wrong passwords slow the next try: after 3 misses on one login each further miss
 * doubles the wait (2 s, 4 s … at most 5 min). Kept in memory — it guards the running app,
 * and a failed login must not write to the database.
 */
export function createLoginThrottle(): LoginThrottle {
  const state = new Map<string, { fails: number; until: number }>();
  const key = (login: string) => login.trim().toLowerCase();
  return {
    waitSeconds(login, now) {
      const s = state.get(key(login));
      return s ? Math.max(0, Math.ceil((s.until - now.getTime()) / 1000)) : 0;
    },
    failed(login, now) {
      const s = state.get(key(login)) ?? { fails: 0, until: 0 };
      s.fails++;
      if (s.fails >= 3) s.until = now.getTime() + Math.min(2 ** (s.fails - 2), 300) * 1000;
      state.set(key(login), s);
    },
    succeeded(login) {
      state.delete(key(login));
    },
  };
}
