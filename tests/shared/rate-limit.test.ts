import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../db/rate-limit';

const at = (seconds: number) => new Date(Date.UTC(2026, 2, 2, 1, 0, seconds));

describe('the rate limiter', () => {
  it('allows `limit` events per window, refuses the next with the seconds until one fits, and counts refusals too', () => {
    const limits = createRateLimiter();
    const rule = { limit: 3, windowMs: 10_000 };
    expect([0, 1, 2].map((s) => limits.hit('k', at(s), rule).allowed)).toEqual([true, true, true]);
    expect(limits.waitSeconds('k', at(2), rule)).toBe(8);
    expect(limits.hit('k', at(3), rule)).toEqual({ allowed: false, count: 4, retryAfterSeconds: 8 });
    expect(limits.waitSeconds('k', at(3), rule)).toBe(8);
    expect(limits.hit('k', at(10), rule).allowed).toBe(false);
    // Refused tries count: at 11 s the window holds 2, 3 and the refused 10.
    expect(limits.hit('k', at(11), rule).allowed).toBe(false);
    expect(limits.hit('k', at(14), rule).allowed).toBe(true);
    expect(limits.count('other', at(14), rule)).toBe(0);
  });

  it('keeps keys apart and forgets a key, or every key with a prefix, when told', () => {
    const limits = createRateLimiter();
    const rule = { limit: 1, windowMs: 60_000 };
    limits.hit('login:a', at(0), rule);
    limits.hit('login:b', at(0), rule);
    limits.hit('read:a', at(0), rule);
    expect(limits.hit('login:a', at(1), rule).allowed).toBe(false);
    limits.clear('login:a');
    expect(limits.hit('login:a', at(2), rule).allowed).toBe(true);
    limits.clearPrefix('login:');
    expect(limits.count('login:a', at(2), rule)).toBe(0);
    expect(limits.count('login:b', at(2), rule)).toBe(0);
    expect(limits.count('read:a', at(2), rule)).toBe(1);
  });
});
