import type { CommandName } from '../../shared/contract';
import { fail } from '../../shared/result';
import { prepared, type Handler, type PrepareContext, type PreparedHandler } from '../context';
import type { RateRule } from '../rate-limit';
import { auditOnItsOwn } from '../audit/standalone';

/**
 * Reads that can walk through people's data (the counter search, the unit card) share one
 * allowance per operator. A clerk at a busy counter makes a few a minute — the e2e counter flows
 * (estate, reception, shell specs) made at most 6 in any one minute — so 120 a minute never stops
 * work, while a script trying every candidate is stopped within a second and seen.
 */
export const PERSONAL_READS: RateRule = { limit: 120, windowMs: 60_000 };

/**
 * Count one personal-data read for the operator; over the allowance refuse it. The first refusal
 * of a window is a burst: one audit row (entity 'operator', event 'read_burst') and a log line,
 * written on their own since the refusal rolls back the command's transaction.
 */
async function countRead(pre: PrepareContext): Promise<void> {
  const operator = pre.operator;
  if (!operator) return; // the dispatcher lets no one without a session this far
  const { limits, log } = pre.services;
  const verdict = limits.hit(`read:${operator.id}`, pre.now, PERSONAL_READS);
  if (verdict.allowed) return;
  if (limits.hit(`read-burst:${operator.id}`, pre.now, { limit: 1, windowMs: PERSONAL_READS.windowMs }).allowed) {
    const detail = { event: 'read_burst', command: pre.command, reads: verdict.count, perMinutes: PERSONAL_READS.windowMs / 60_000 };
    await auditOnItsOwn(pre, { entity: 'operator', entityId: operator.id, after: detail });
    log.warn('read_burst', { ...detail, operatorId: operator.id, client: pre.clientId });
  }
  throw fail.rateLimited(`查询过于频繁，请 ${verdict.retryAfterSeconds} 秒后再试`);
}

/** A read command that counts against the operator's personal-data allowance before it runs. */
export function personalRead<N extends CommandName>(read: Handler<N>): PreparedHandler<N, null> {
  return prepared<N, null>({
    async prepare(pre) {
      await countRead(pre);
      return null;
    },
    run: (ctx, input) => read(ctx, input),
  });
}
