import { hasAnyRole } from '../../shared/permissions';
import { PASS_APPROVERS, PASS_NO_PATTERN, PASS_STATE_LABELS, PASS_TYPE_LABELS, passStateAt, type PassState, type PassType } from '../../shared/passes';
import type { AttentionProvider, DemoGenerator, OpenItemsProvider, SearchProvider } from '../desk-module';
import { DEMO_PASSES, generatePasses } from './demo';

/** Pass numbers typed or scanned from the pass's QR at the counter (FX2026000123). */
export const passesSearchProvider: SearchProvider = {
  kind: 'passes',
  label: '放行条',
  shows: 'passes.get',
  async search(ctx, q, limit) {
    if (!PASS_NO_PATTERN.test(q.compact)) return [];
    const rows = await ctx.db
      .selectFrom('passes as p')
      .innerJoin('units as u', 'u.id', 'p.unit_id')
      .select(['p.id', 'p.no', 'p.type', 'p.state', 'p.valid_until', 'p.applicant_name', 'p.unit_id', 'u.code'])
      .where('p.no', '=', q.compact)
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      kind: 'passes',
      id: r.id,
      title: r.no,
      subtitle: [PASS_TYPE_LABELS[r.type as PassType], r.code, r.applicant_name, PASS_STATE_LABELS[passStateAt(r.state as PassState, r.valid_until, ctx.now)]].join(' · '),
      unitId: r.unit_id,
    }));
  },
};

/** The unit card: the unit's passes still to be approved or used (not past their window). */
export const passesOpenItems: OpenItemsProvider = {
  shows: 'passes.get',
  list: async (ctx, unitId) => {
    const passes = await ctx.db
      .selectFrom('passes')
      .select(['id', 'no', 'type', 'state', 'items_text', 'valid_until', 'created_at'])
      .where('unit_id', '=', unitId)
      .where('state', 'in', ['pending', 'approved'])
      .where('valid_until', '>', ctx.nowIso)
      .orderBy('created_at', 'desc')
      .limit(50)
      .execute();
    if (!passes.length) return null;
    return {
      desk: 'passes',
      label: '放行条（待审批/待放行）',
      items: passes.map((p) => ({
        id: String(p.id),
        title: `${p.no} ${PASS_TYPE_LABELS[p.type as PassType]} · ${PASS_STATE_LABELS[p.state as PassState]}`,
        detail: p.items_text.slice(0, 60),
        at: p.created_at,
      })),
    };
  },
};

/**
 * The sidebar's number: applications awaiting approval (for approvers), and approved passes good
 * now that have not gone out (for the gate and the front desk).
 */
export const passesAttention: AttentionProvider = {
  shows: 'passes.byNumber',
  count: async (ctx) => {
    const approver = hasAnyRole(ctx.requireOperator().roles, PASS_APPROVERS);
    const live = (state: PassState) =>
      ctx.db
        .selectFrom('passes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', '=', state)
        .where('valid_until', '>', ctx.nowIso)
        .$if(state === 'approved', (q) => q.where('valid_from', '<=', ctx.nowIso))
        .executeTakeFirstOrThrow();
    const pending = approver ? Number((await live('pending')).n) : 0;
    const waitingAtGate = Number((await live('approved')).n);
    return { badge: pending + waitingAtGate, counts: { pending, waitingAtGate } };
  },
};

export const passesDemo: DemoGenerator = {
  label: '近一年物品放行',
  generate: async (ctx) => (await generatePasses(ctx.db, ctx.bulkInsert, DEMO_PASSES, ctx.now, ctx.requireOperator().id)).passes,
};
