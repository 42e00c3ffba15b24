import { createHash } from 'node:crypto';

// The session's rules on their own (no imports from the app), so the sign-in throttle can read them.

/** A session lives at most this long, however active; then the operator signs in again. */
export const SESSION_MAX_HOURS = 16;
/** How stale a session's last-seen time may get before a command refreshes it. */
export const TOUCH_EVERY_MS = 15_000;

/** Only a hash of a session token is stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
