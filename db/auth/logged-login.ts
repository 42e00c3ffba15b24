import { createHash, randomBytes } from 'node:crypto';

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
