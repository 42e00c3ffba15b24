import { sql } from 'kysely';
import { officeDayOf } from '../shared/office-time';
import type { CommandContext } from './context';

/**
 * Printed numbers: a prefix, the office date and a daily sequence — JD202611250007. Counted in
 * the command's own transaction, so a failed command gives its number back and no two records
 * ever share one. Later desks use it for passes (FX), loans (JY) and receipts (SJ).
 */
export async function nextSerial(ctx: CommandContext, prefix: string): Promise<string> {
  const day = officeDayOf(ctx.now);
  const row = await sql<{ last: number }>`
    INSERT INTO serial_counters (prefix, day, last) VALUES (${prefix}, ${day}, 1)
    ON CONFLICT (prefix, day) DO UPDATE SET last = last + 1
    RETURNING last`.execute(ctx.db);
  const last = row.rows[0]!.last;
  if (last > 9999) throw new Error(`serial overflow for ${prefix} on ${day}`);
  return `${prefix}${day.replaceAll('-', '')}${String(last).padStart(4, '0')}`;
}
