import { fail } from '../../shared/result';
import type { RateLimiter, RateRule } from '../rate-limit';
import { SESSION_MAX_HOURS } from './session-rules';

/**
 * How wrong passwords slow sign-in. Three aims: a stranger who knows a login name cannot keep
 * the clerk out of the counter; guessing stays slow however many clients (cookies) the guesser
 * makes up; a failed try never writes to the database (kept in memory: it guards the running
 * app). Which clients are trusted is kept in the database (trusted_clients, db/auth/trust.ts).
 */
export const LOGIN_RULES = {
  /** Wrong passwords for one login at one client before each further one doubles the wait (2 s … 5 min). */
  freePerClient: 3,
  /** Wrong passwords for one login from all untrusted clients together, per quarter hour, before they wait. */
  freeUntrusted: 5,
  maxWaitSeconds: 300,
  /** A back-off is forgotten after this long without a wrong password. */
  forgetAfterMs: 60 * 60_000,
  /** Wrong passwords per minute for the whole app (every login, every client) before untrusted clients wait. */
  overallPerMinute: 30,
  /** Wrong passwords typed in one signed-in session (unlocking, changing the password) before it is ended. */
  sessionPasswordFailures: 10,
} as const;

const UNTRUSTED: RateRule = { limit: LOGIN_RULES.freeUntrusted, windowMs: 15 * 60_000 };
const OVERALL: RateRule = { limit: LOGIN_RULES.overallPerMinute, windowMs: 60_000 };
const PER_SESSION: RateRule = { limit: LOGIN_RULES.sessionPasswordFailures, windowMs: SESSION_MAX_HOURS * 3600_000 };

/** One try at a login from one client. `trusted`: the client has signed in as this login before. */
export interface LoginAttempt {
  login: string;
  clientId: string;
  trusted: boolean;
}

export interface LoginThrottle {
  /** Throws rate_limited when this try must wait; a trusted client never waits for others' failures. */
  check(attempt: LoginAttempt, now: Date): void;
  failed(attempt: LoginAttempt, now: Date): void;
  /** The right password at this client: its own misses are forgiven. */
  succeeded(attempt: LoginAttempt): void;
  /** Seconds this login is slowed, at its untrusted clients or any one client (0 = not slowed). */
  waitSeconds(login: string, now: Date): number;
  /** An admin clears the login's lock-out (operators.clearLockout). */
  clear(login: string): void;
  /** Count a wrong password typed in a signed-in session; true once the session must be ended. */
  sessionFailed(sessionId: number, now: Date): boolean;
  /** The session has already had too many (a parallel try got there first). */
  sessionSpent(sessionId: number, now: Date): boolean;
  /** The right password in this session: its count starts again. */
  sessionSucceeded(sessionId: number): void;
}

interface Backoff {
  fails: number;
  lastAt: number;
  until: number;
}

const SWEEP_EVERY = 500;

export function createLoginThrottle(limits: RateLimiter): LoginThrottle {
  // Per login, per client: that client's own back-off.
  const logins = new Map<string, Map<string, Backoff>>();
  let failuresSinceSweep = 0;
  const key = (login: string) => login.trim().toLowerCase();
  const untrustedKey = (login: string) => `login:untrusted:${key(login)}`;
  const fresh = (): Backoff => ({ fails: 0, lastAt: 0, until: 0 });
  const secondsLeft = (b: Backoff | undefined, at: number) => (b ? Math.max(0, Math.ceil((b.until - at) / 1000)) : 0);

  const bump = (b: Backoff, at: number) => {
    if (at - b.lastAt > LOGIN_RULES.forgetAfterMs) b.fails = 0;
    b.fails++;
    b.lastAt = at;
    const free = LOGIN_RULES.freePerClient;
    if (b.fails >= free) b.until = at + Math.min(2 ** (b.fails - free + 1), LOGIN_RULES.maxWaitSeconds) * 1000;
  };

  // Made-up logins and clients must not grow the maps for ever.
  const sweep = (at: number) => {
    const stale = (b: Backoff) => at - b.lastAt > LOGIN_RULES.forgetAfterMs;
    for (const [login, clients] of logins) {
      for (const [client, b] of clients) if (stale(b)) clients.delete(client);
      if (!clients.size) logins.delete(login);
    }
  };

  return {
    check(attempt, now) {
      const at = now.getTime();
      const own = secondsLeft(logins.get(key(attempt.login))?.get(attempt.clientId), at);
      if (own > 0) throw fail.rateLimited(`密码错误次数过多，请 ${own} 秒后再试`);
      if (attempt.trusted) return;
      const shared = limits.waitSeconds(untrustedKey(attempt.login), now, UNTRUSTED);
      if (shared > 0) throw fail.rateLimited(`该账号密码错误次数过多，请 ${shared} 秒后再试，或请管理员解除限制`);
      const overall = limits.waitSeconds('login:wrong', now, OVERALL);
      if (overall > 0) throw fail.rateLimited(`登录尝试过多，请 ${overall} 秒后再试`);
    },
    failed(attempt, now) {
      const at = now.getTime();
      const k = key(attempt.login);
      const clients = logins.get(k) ?? new Map<string, Backoff>();
      logins.set(k, clients);
      const own = clients.get(attempt.clientId) ?? fresh();
      clients.set(attempt.clientId, own);
      bump(own, at);
      if (!attempt.trusted) limits.hit(untrustedKey(attempt.login), now, UNTRUSTED);
      limits.hit('login:wrong', now, OVERALL);
      if (++failuresSinceSweep >= SWEEP_EVERY) {
        failuresSinceSweep = 0;
        sweep(at);
      }
    },
    succeeded(attempt) {
      logins.get(key(attempt.login))?.delete(attempt.clientId);
    },
    waitSeconds(login, now) {
      const at = now.getTime();
      const clients = [...(logins.get(key(login))?.values() ?? [])];
      return Math.max(limits.waitSeconds(untrustedKey(login), now, UNTRUSTED), ...clients.map((b) => secondsLeft(b, at)));
    },
    clear(login) {
      logins.delete(key(login));
      limits.clear(untrustedKey(login));
    },
    sessionFailed(sessionId, now) {
      return limits.hit(`login:session:${sessionId}`, now, PER_SESSION).count >= PER_SESSION.limit;
    },
    sessionSpent(sessionId, now) {
      return limits.count(`login:session:${sessionId}`, now, PER_SESSION) >= PER_SESSION.limit;
    },
    sessionSucceeded(sessionId) {
      limits.clear(`login:session:${sessionId}`);
    },
  };
}
