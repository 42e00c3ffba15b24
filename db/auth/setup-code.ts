import { randomBytes, timingSafeEqual } from 'node:crypto';
import { fail } from '../../shared/result';
import type { RateLimiter, RateRule } from '../rate-limit';

/**
 * The one-time code the browser host prints at first start: whoever types it on the setup page
 * creates the first admin. 12 characters from 32 (no 0/O, 1/I to mix up) = 60 bits, shown as
 * three groups of four (K7QM-2WXR-9DHT), taken in any case, with or without the dashes.
 */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function newSetupCode(): string {
  // 32 symbols divide 256 evenly: the low five bits of a random byte pick one without bias.
  const chars = [...randomBytes(12)].map((b) => ALPHABET[b & 31]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

const normal = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

const PER_CLIENT: RateRule = { limit: 5, windowMs: 60_000 };
const OVERALL: RateRule = { limit: 20, windowMs: 60_000 };

/**
 * Throws unless `typed` is the code. Wrong codes count per client and for the whole app; past
 * either limit the caller waits, even with the right code, so guessing stays slow.
 */
export function checkSetupCode(limits: RateLimiter, clientId: string, typed: string | undefined, code: string, now: Date): void {
  const clientKey = `setup:client:${clientId}`;
  if (limits.count(clientKey, now, PER_CLIENT) >= PER_CLIENT.limit || limits.count('setup:all', now, OVERALL) >= OVERALL.limit) {
    throw fail.rateLimited('初始化码错误次数过多，请 1 分钟后再试');
  }
  const x = Buffer.from(normal(typed ?? ''));
  const y = Buffer.from(normal(code));
  if (x.length === y.length && timingSafeEqual(x, y)) return;
  limits.hit(clientKey, now, PER_CLIENT);
  limits.hit('setup:all', now, OVERALL);
  throw fail.validation('初始化码不正确（见启动窗口中打印的初始化码）', { setupCode: '初始化码不正确' });
}
