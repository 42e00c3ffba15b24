import type { ServerDesk } from '../desk-module';
import type { feesCommands } from '../../shared/contract/fees';
import { feesBillingHandlers } from './billing/handlers';
import { feesCounterHandlers } from './counter/handlers';

/** 收费 as the lower layers see it (db/desk-module.ts). */
export const feesDesk: ServerDesk<keyof typeof feesCommands> = {
  desk: 'fees',
  handlers: { ...feesBillingHandlers, ...feesCounterHandlers },
};
