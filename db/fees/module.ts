import type { DemoGenerator, DeskBench, ServerDesk } from '../desk-module';
import type { feesCommands } from '../../shared/contract/fees';
import { feesBillingHandlers } from './billing/handlers';
import { feesCounterHandlers } from './counter/handlers';
import { FEES_BILLING_AUDIT_ENTITIES } from './billing/audit-entities';
import { feesBillingDemo, feesBillingOpenItems } from './billing/providers';
import { feesBillingBench } from './billing/bench';
import { FEES_COUNTER_AUDIT_ENTITIES, feesCounterAttention, feesReceiptSearchProvider } from './counter/providers';
import { feesCounterDemo } from './counter/demo';
import { feesCounterBench } from './counter/bench';

/** One desk, two halves: the billing side's part first (the bills), then the counter's (their payments). */
function demoInTurn(first: DemoGenerator, then: DemoGenerator): DemoGenerator {
  return { label: `${first.label}；${then.label}`, generate: async (ctx) => (await first.generate(ctx)) + (await then.generate(ctx)) };
}

function benchInTurn(first: DeskBench, then: DeskBench): DeskBench {
  return {
    data: async (db, bulkInsert, options) => {
      const made = [await first.data?.(db, bulkInsert, options), await then.data?.(db, bulkInsert, options)].filter((m) => m !== undefined);
      return { label: made.map((m) => m.label).join('、'), rows: made.reduce((sum, m) => sum + m.rows, 0) };
    },
    scenarios: [...first.scenarios, ...then.scenarios],
  };
}

/** 收费 as the lower layers see it (db/desk-module.ts). */
export const feesDesk: ServerDesk<keyof typeof feesCommands> = {
  desk: 'fees',
  handlers: { ...feesBillingHandlers, ...feesCounterHandlers },
  // billing: the unit card's arrears.
  openItems: [feesBillingOpenItems],
  // counter: receipt and refund numbers (SJ…, TK…); a shift left open from an earlier day.
  searchProviders: [feesReceiptSearchProvider],
  attention: feesCounterAttention,
  // The billing side's items and a year of bills, then the counter's payments on them.
  demo: demoInTurn(feesBillingDemo, feesCounterDemo),
  bench: benchInTurn(feesBillingBench, feesCounterBench),
  auditEntities: { ...FEES_BILLING_AUDIT_ENTITIES, ...FEES_COUNTER_AUDIT_ENTITIES },
};
