import type { CommandContext } from '../context';

/** A unit's state changes are kept as history: from, to, when, who and why. */
export async function recordStateChange(ctx: CommandContext, unitId: number, from: string | null, to: string, reason: string): Promise<void> {
  await ctx.db
    .insertInto('unit_state_history')
    .values({ unit_id: unitId, from_state: from, to_state: to, at: ctx.nowIso, operator_id: ctx.operator?.id ?? null, reason })
    .execute();
}
