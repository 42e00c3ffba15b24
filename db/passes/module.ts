import type { ServerDesk } from '../desk-module';
import type { passesCommands } from '../../shared/contract/passes';
import { passesHandlers } from './handlers';

/** 物品放行 as the lower layers see it (db/desk-module.ts). */
export const passesDesk: ServerDesk<keyof typeof passesCommands> = {
  desk: 'passes',
  handlers: passesHandlers,
};
