import type { Handlers } from '../../context';
import type { feesBillingCommands } from '../../../shared/contract/fees-billing';

export const feesBillingHandlers: Handlers<keyof typeof feesBillingCommands> = {};
