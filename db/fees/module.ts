import type { ServerDesk } from '../desk-module';
import type { feesCommands } from '../../shared/contract/fees';
import { feesBillingHandlers } from './billing/handlers';
import { feesCounterHandlers } from './counter/handlers';
import { FEES_COUNTER_AUDIT_ENTITIES, feesCounterAttention, feesReceiptSearchProvider } from './counter/providers';

/** 收费 as the lower layers see it (db/desk-module.ts). */
export const feesDesk: ServerDesk<keyof typeof feesCommands> = {
  desk: 'fees',
  handlers: { ...feesBillingHandlers, ...feesCounterHandlers },
  searchProviders: [feesReceiptSearchProvider],
  // The counter's only count so far: a shift left open from an earlier day.
  attention: feesCounterAttention,
  auditEntities: { ...FEES_COUNTER_AUDIT_ENTITIES },
};
