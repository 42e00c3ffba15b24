import type { ServerDesk } from '../desk-module';
import type { feesCommands } from '../../shared/contract/fees';
import { feesBillingHandlers } from './billing/handlers';
import { feesCounterHandlers } from './counter/handlers';
import { FEES_COUNTER_AUDIT_ENTITIES, feesCounterAttention, feesReceiptSearchProvider } from './counter/providers';
import { feesCounterDemo } from './counter/demo';
import { feesCounterBench } from './counter/bench';

/** 收费 as the lower layers see it (db/desk-module.ts). */
export const feesDesk: ServerDesk<keyof typeof feesCommands> = {
  desk: 'fees',
  handlers: { ...feesBillingHandlers, ...feesCounterHandlers },
  // Counter: receipt and refund numbers (SJ…, TK…).
  searchProviders: [feesReceiptSearchProvider],
  // Counter: a shift left open from an earlier day.
  attention: feesCounterAttention,
  // Counter: payments on the bills made before (the billing side's demo must run first).
  demo: feesCounterDemo,
  // Counter: payments, the close, receipt lookups.
  bench: feesCounterBench,
  auditEntities: { ...FEES_COUNTER_AUDIT_ENTITIES },
};
