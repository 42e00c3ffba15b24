import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { fail } from '../../shared/result';

// scrypt from node:crypto: N=2^15 costs ~40 ms here — cheap at the counter, dear for guessing.
const N = 32768;
const R = 8;
const P = 1;
const KEYLEN = 32;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEYLEN, { N: n, r, p, maxmem: 128 * n * r * 2 }, (e, key) =>
      e ? reject(e) : resolve(key),
    ),
  );
}

/**
 * At most two scrypt computations at once, for the whole process: they run on libuv's small
 * thread pool (4 threads), which file I/O needs too, so a burst of guesses must not take all of
 * it. The rest wait in line; a long line answers rate_limited — except for `priority` work
 * (a signed-in session unlocking, a trusted client signing in, an admin setting a password),
 * which never gets turned away and goes ahead of the others.
 */
const MAX_RUNNING = 2;
const MAX_WAITING = 24;
const waiting: { priority: boolean; start: () => void }[] = [];
/** How many scrypt computations run now (tests watch it stay at most MAX_RUNNING). */
export const scryptSlots = { running: 0 };

async function inSlot<T>(priority: boolean, work: () => Promise<T>): Promise<T> {
  if (scryptSlots.running >= MAX_RUNNING) {
    if (!priority && waiting.length >= MAX_WAITING) throw fail.rateLimited('登录的人太多，请稍等几秒再试');
    await new Promise<void>((start) => {
      const at = priority ? waiting.findIndex((w) => !w.priority) : -1;
      waiting.splice(at === -1 ? waiting.length : at, 0, { priority, start });
    });
  } else {
    scryptSlots.running++;
  }
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line (running stays the same), or free it.
    const next = waiting.shift();
    if (next) next.start();
    else scryptSlots.running--;
  }
}

export interface SlotOptions {
  /** Never refused for a long line, and served first (see inSlot). */
  priority?: boolean;
  /** Checked again once the slot is ours, just before scrypt: the line may have waited on failures that count. */
  beforeStart?: () => void;
}

/** Hash a new password: set by a signed-in admin or operator, or at setup after its code, so first in line. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await inSlot(true, () => derive(password, salt, N, R, P));
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string, options: SlotOptions = {}): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await inSlot(options.priority ?? false, () => {
    options.beforeStart?.();
    return derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A password no one can type, spent on unknown logins so timing does not reveal which exist. */
export const DUMMY_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEYLEN).toString('base64')}`;
