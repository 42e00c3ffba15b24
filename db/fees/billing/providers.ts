import { formatYuan } from '../../../shared/money';
import type { DemoGenerator, OpenItemsProvider } from '../../desk-module';
import { unpaidBillsOf } from './bills';
import { DEMO_FEES, generateFeeBills } from './demo';

/** The unit card: 欠费 N 个月 ¥X, and each unpaid bill (the counter takes them). */
export const feesBillingOpenItems: OpenItemsProvider = {
  shows: 'fees.unpaid',
  list: async (ctx, unitId) => {
    const owed = await unpaidBillsOf(ctx, unitId);
    if (!owed.bills.length) return null;
    const label = owed.monthsOverdue > 0 ? `收费：欠费 ${owed.monthsOverdue} 个月 ${formatYuan(owed.overdueFen)}` : `收费：未缴 ${formatYuan(owed.totalFen)}`;
    return {
      desk: 'fees',
      label,
      items: owed.bills.slice(0, 50).map((b) => ({
        id: `bill-${b.id}`,
        title: `${b.item}${b.period ? ` ${b.period}` : ''} ${formatYuan(b.amountFen)}`,
        detail: [b.sourceLabel, b.monthsOverdue > 0 ? `逾期 ${b.monthsOverdue} 个月` : `${b.dueDate ?? ''} 到期`, b.lateFeeFen ? `滞纳金 ${formatYuan(b.lateFeeFen)}` : ''].filter(Boolean).join(' · '),
        at: b.createdAt,
      })),
    };
  },
};

export const feesBillingDemo: DemoGenerator = {
  label: '收费项目和近一年月度账单',
  generate: (ctx) => generateFeeBills(ctx.db, ctx.bulkInsert, DEMO_FEES, ctx.now, ctx.requireOperator().id, ctx.settings.feeRules),
};
