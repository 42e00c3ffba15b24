import type { Handlers } from '../../context';
import type { feesCounterCommands } from '../../../shared/contract/fees-counter';

export const feesCounterHandlers: Handlers<keyof typeof feesCounterCommands> = {};
