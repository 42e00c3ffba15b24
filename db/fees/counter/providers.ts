import { RECEIPT_NO_PATTERN, REFUND_NO_PATTERN } from '../../../shared/contract/fees-counter';
import { PAYMENT_METHOD_LABELS, RECEIPT_KIND_LABELS, RECEIPT_STATE_LABELS, type PaymentMethod, type ReceiptKind, type ReceiptState } from '../../../shared/fees-counter';
import { formatYuan } from '../../../shared/money';
import type { AttentionProvider, AuditEntityKind, SearchProvider } from '../../context';
import { column } from '../../audit/entities';
import { staleShift } from './closes';

/** Receipt and refund numbers typed or scanned from the receipt's QR at the counter (SJ00000123, TK20260001). */
export const feesReceiptSearchProvider: SearchProvider = {
  kind: 'fees-receipt',
  label: '收据',
  shows: 'fees.receipt',
  async search(ctx, q, limit) {
    if (!RECEIPT_NO_PATTERN.test(q.compact) && !REFUND_NO_PATTERN.test(q.compact)) return [];
    const rows = await ctx.db
      .selectFrom('receipts as r')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .select(['r.id', 'r.no', 'r.kind', 'r.state', 'r.method', 'r.total_fen', 'r.unit_id', 'u.code'])
      .where('r.no', '=', q.compact)
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      kind: 'fees-receipt',
      id: r.id,
      title: r.no,
      subtitle: [
        RECEIPT_KIND_LABELS[r.kind as ReceiptKind],
        r.code,
        formatYuan(r.total_fen),
        PAYMENT_METHOD_LABELS[r.method as PaymentMethod],
        RECEIPT_STATE_LABELS[r.state as ReceiptState],
      ].join(' · '),
      unitId: r.unit_id,
    }));
  },
};

/** The cashier's reminder: a shift still open from an earlier day (the close was forgotten). */
export const feesCounterAttention: AttentionProvider = {
  shows: 'fees.shift',
  count: async (ctx) => {
    const stale = (await staleShift(ctx)) ? 1 : 0;
    return { badge: stale, counts: { staleShift: stale } };
  },
};

/** The counter's records as the operation log names them. */
export const FEES_COUNTER_AUDIT_ENTITIES: Record<string, AuditEntityKind> = {
  receipt: { label: '收据', names: column('receipts', 'no') },
  deposit: { label: '保证金', names: column('deposits', 'item') },
  cashier_close: { label: '日结', names: column('cashier_closes', 'no') },
};
