import type { ServerDesk } from '../desk-module';
import type { feesCommands } from '../../shared/contract/fees';
import { feesBillingHandlers } from './billing/handlers';
import { feesCounterHandlers } from './counter/handlers';
import { FEES_COUNTER_AUDIT_ENTITIES, feesCounterAttention, feesReceiptSearchProvider } from './counter/providers';
import { FEES_BILLING_AUDIT_ENTITIES } from './billing/audit-entities';
import { feesBillingDemo, feesBillingOpenItems } from './billing/providers';
import { feesBillingBench } from './billing/bench';

/** 收费 as the lower layers see it (db/desk-module.ts). */
export const feesDesk: ServerDesk<keyof typeof feesCommands> = {
  desk: 'fees',
  handlers: { ...feesBillingHandlers, ...feesCounterHandlers },
  searchProviders: [feesReceiptSearchProvider],
  // The counter's only count so far: a shift left open from an earlier day.
  attention: feesCounterAttention,
  // billing: the unit card's arrears, the demo's items and bills, 10 years of bills in the bench.
  // The counter's feesCounterDemo / feesCounterBench are composed with these at merge.
  openItems: [feesBillingOpenItems],
  demo: feesBillingDemo,
  bench: feesBillingBench,
  auditEntities: { ...FEES_COUNTER_AUDIT_ENTITIES, ...FEES_BILLING_AUDIT_ENTITIES },
};
