/**
 * Counting how often something happened recently, per key (an operator's reads, a login's wrong
 * passwords, a client's setup-code guesses). In memory: it guards the running app, and counting a
 * refused read must not write to the database.
 */
export interface RateLimiter {
  /**
   * Count one event for `key` and say whether it stays within `limit` events per `windowMs`.
   * A refused event is counted too, so hammering does not shorten the wait.
   */
  hit(key: string, now: Date, rule: RateRule): RateVerdict;
  /** How many events `key` had within the window, without counting one. */
  count(key: string, now: Date, rule: RateRule): number;
  /** Whole seconds until `key` has room for one more event (0 = it has room now), without counting one. */
  waitSeconds(key: string, now: Date, rule: RateRule): number;
  /** Forget `key` (a success that clears earlier failures, an admin clearing a lock-out). */
  clear(key: string): void;
  /** Forget every key starting with `prefix`. */
  clearPrefix(prefix: string): void;
}

export interface RateRule {
  limit: number;
  windowMs: number;
}

export interface RateVerdict {
  allowed: boolean;
  /** Events in the window, this one included. */
  count: number;
  /** Whole seconds until the oldest event in the window leaves it (0 when allowed). */
  retryAfterSeconds: number;
}

/** Keys untouched for this long are dropped, so the map stays small however many keys were tried. */
const SWEEP_EVERY = 1000;

export function createRateLimiter(): RateLimiter {
  // Event times per key, oldest first; never longer than limit + 1 entries of the longest rule used.
  const events = new Map<string, number[]>();
  let hitsSinceSweep = 0;
  let longestWindow = 0;

  const recent = (key: string, at: number, windowMs: number): number[] => {
    const times = events.get(key);
    if (!times) return [];
    const from = at - windowMs;
    let drop = 0;
    while (drop < times.length && times[drop]! <= from) drop++;
    return drop ? times.slice(drop) : times;
  };

  const sweep = (at: number) => {
    for (const [key, times] of events) if (!times.length || times[times.length - 1]! <= at - longestWindow) events.delete(key);
  };

  return {
    hit(key, now, rule) {
      const at = now.getTime();
      longestWindow = Math.max(longestWindow, rule.windowMs);
      if (++hitsSinceSweep >= SWEEP_EVERY) {
        hitsSinceSweep = 0;
        sweep(at);
      }
      const times = [...recent(key, at, rule.windowMs), at];
      // Keep at most limit + 1 times: enough to know both the count and when the window frees up.
      const kept = times.length > rule.limit + 1 ? times.slice(times.length - rule.limit - 1) : times;
      events.set(key, kept);
      const allowed = times.length <= rule.limit;
      // The next event fits once all but limit - 1 of these have left the window.
      const oldest = kept[kept.length - rule.limit];
      return {
        allowed,
        count: times.length,
        retryAfterSeconds: allowed || oldest === undefined ? 0 : Math.max(1, Math.ceil((oldest + rule.windowMs - at) / 1000)),
      };
    },
    count(key, now, rule) {
      return recent(key, now.getTime(), rule.windowMs).length;
    },
    waitSeconds(key, now, rule) {
      const at = now.getTime();
      const times = recent(key, at, rule.windowMs);
      if (times.length < rule.limit) return 0;
      // Room comes when all but limit - 1 of these have left the window.
      return Math.max(1, Math.ceil((times[times.length - rule.limit]! + rule.windowMs - at) / 1000));
    },
    clear(key) {
      events.delete(key);
    },
    clearPrefix(prefix) {
      for (const key of events.keys()) if (key.startsWith(prefix)) events.delete(key);
    },
  };
}
