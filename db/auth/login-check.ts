import { createHash, randomBytes } from 'node:crypto';
import type { PrepareContext } from '../context';
import { loadOperatorByLogin } from '../operators/service';
import { DUMMY_HASH, verifyPassword } from './password';
import type { LoginAttempt } from './throttle';
import { isTrustedClient } from './trust';

type OperatorWithHash = NonNullable<Awaited<ReturnType<typeof loadOperatorByLogin>>>;

// Per running app, so the log's hashes cannot be looked up in a table made elsewhere.
const LOG_SALT = randomBytes(16);

/**
 * How a typed login goes into the log: a known one as it is; an unknown one only as a short
 * salted hash and its length — people type their password into the login box.
 */
export function loggedLogin(typed: string, known: boolean): Record<string, unknown> {
  if (known) return { login: typed };
  return { loginHash: createHash('sha256').update(LOG_SALT).update(typed).digest('hex').slice(0, 12), loginLength: [...typed].length };
}

/**
 * A typed login and password, checked under the sign-in throttle (db/auth/throttle.ts) as an
 * attempt at that login from this client: sign-in and a supervisor's approval alike, so neither
 * is a side door for guessing. A wrong password (or unknown login) is counted and logged as
 * `event`, and answers null; throttled tries throw rate_limited. The caller forgives the client
 * (throttle.succeeded) once it accepts the operator.
 */
export async function checkLoginPassword(
  pre: PrepareContext,
  typed: { login: string; password: string },
  event: string,
  detail: Record<string, unknown> = {},
): Promise<{ operator: OperatorWithHash; attempt: LoginAttempt } | null> {
  const found = await loadOperatorByLogin(pre.db, typed.login);
  const attempt: LoginAttempt = {
    login: typed.login,
    clientId: pre.clientId,
    trusted: found ? await isTrustedClient(pre.db, found.id, pre.clientId) : false,
  };
  const throttle = pre.services.loginThrottle;
  throttle.check(attempt, pre.now);
  // Unknown logins cost the same scrypt as known ones, so timing does not tell which exist.
  // Checked again once a slot is free: the tries ahead in line may have failed meanwhile.
  const ok = await verifyPassword(typed.password, found?.passwordHash ?? DUMMY_HASH, {
    priority: attempt.trusted,
    beforeStart: () => throttle.check(attempt, pre.now),
  });
  if (!found || !ok) {
    throttle.failed(attempt, pre.now);
    pre.services.log.warn(event, { ...loggedLogin(typed.login, !!found), known: !!found, trusted: attempt.trusted, ...detail });
    return null;
  }
  return { operator: found, attempt };
}
