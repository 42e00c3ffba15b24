import { sql } from 'kysely';
import { fail } from '../shared/result';
import { formatSerial, serialCapacity, serialExhaustedMessage, serialPeriodOf, serialPolicy, type SerialOverride, type SerialPolicy, type SeriesKey } from '../shared/serials';
import type { CommandContext, Db } from './context';

/**
 * The next printed number of a series (shared/serials.ts), e.g. JD202611250007. Counted in the
 * command's own transaction, so a failed command gives its number back and no two records ever
 * share one. `override` carries the office's own start and width once settings offer them.
 */
export async function nextSerial(ctx: CommandContext, key: SeriesKey, override?: SerialOverride): Promise<string> {
  return takeSerial(ctx.db, ctx.now, serialPolicy(key, override));
}

/**
 * One counter row per (prefix, period): the office day, the office year or '-' for a series that
 * never restarts. A start raised above the numbers already given (a new receipt book) is jumped to.
 * Call it only inside a transaction: an exhausted series fails the command, which rolls back.
 */
export async function takeSerial(db: Db, now: Date, policy: SerialPolicy): Promise<string> {
  const period = serialPeriodOf(policy, now);
  const row = await sql<{ last: number }>`
    INSERT INTO serial_counters (prefix, day, last) VALUES (${policy.prefix}, ${period}, ${policy.start})
    ON CONFLICT (prefix, day) DO UPDATE SET last = max(last + 1, excluded.last)
    RETURNING last`.execute(db);
  const last = row.rows[0]!.last;
  if (last > serialCapacity(policy)) throw fail.conflict(serialExhaustedMessage(policy));
  return formatSerial(policy, period, last);
}
