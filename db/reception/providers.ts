import { CATEGORY_LABELS, ENTRY_STATE_LABELS, timeStatus, type Category, type EntryState } from '../../shared/reception';
import { ENTRY_NO_PATTERN } from '../../shared/contract/reception';
import type { AttentionProvider, DemoGenerator, OpenItemsProvider, SearchProvider } from '../desk-module';
import { attentionFor } from './lists';
import { seesWholeDesk } from './entries';
import { DEMO_RECEPTION, generateReceptionLog } from './demo';

/** Entry numbers typed or scanned at the counter (JD202611250007, with or without separators). */
export const receptionSearchProvider: SearchProvider = {
  kind: 'reception',
  label: '接待登记',
  shows: 'reception.get',
  async search(ctx, q, limit) {
    if (!ENTRY_NO_PATTERN.test(q.compact)) return [];
    const rows = await ctx.db
      .selectFrom('reception_entries as e')
      .leftJoin('units', 'units.id', 'e.unit_id')
      .select(['e.id', 'e.no', 'e.category', 'e.state', 'e.contact_name', 'e.unit_id', 'units.code'])
      .where('e.no', '=', q.compact)
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      kind: 'reception',
      id: r.id,
      title: r.no,
      subtitle: [CATEGORY_LABELS[r.category as Category], r.code, r.contact_name, ENTRY_STATE_LABELS[r.state as EntryState]].filter(Boolean).join(' · '),
      unitId: r.unit_id,
    }));
  },
};

/** The unit card lists the unit's entries still being handled. */
export const receptionOpenItems: OpenItemsProvider = {
  shows: 'reception.get',
  list: async (ctx, unitId) => {
    const rows = await ctx.db
      .selectFrom('reception_entries')
      .select(['id', 'no', 'category', 'content', 'received_at', 'next_due_at'])
      .where('unit_id', '=', unitId)
      .where('state', '=', 'open')
      .orderBy('received_at', 'desc')
      .limit(50)
      .execute();
    if (!rows.length) return null;
    return {
      desk: 'reception',
      label: '接待登记（处理中）',
      items: rows.map((r) => ({
        id: String(r.id),
        title: `${r.no} ${CATEGORY_LABELS[r.category as Category]}`,
        detail: `${r.content.slice(0, 60)} · ${timeStatus('open', r.next_due_at, ctx.now, ctx.settings.receptionLimits).text}`,
        at: r.received_at,
      })),
    };
  },
};

/**
 * The shell's reminders: the operator's overdue and due-soon entries (all of them for those who
 * see the whole desk), major matters awaiting a supervisor, entries escalated to this operator.
 * The sidebar's number counts what needs doing now: overdue, escalated, major unacknowledged.
 */
export const receptionAttention: AttentionProvider = {
  shows: 'reception.list',
  count: async (ctx) => {
    const operator = ctx.requireOperator();
    const counts = await attentionFor(ctx, operator, seesWholeDesk(operator));
    return { badge: counts.overdue + counts.escalated + counts.majorPending, counts: { ...counts } };
  },
};

/** A month of settled reception log, so the reports have a past; today starts empty. */
export const receptionDemo: DemoGenerator = {
  label: '近一个月接待登记（均已办结或作废）',
  generate: async (ctx) => (await generateReceptionLog(ctx.db, ctx.bulkInsert, DEMO_RECEPTION, ctx.now, ctx.requireOperator().id)).entries,
};
