import type { ServerDesk } from '../desk-module';
import type { keysCommands } from '../../shared/contract/keys';
import { keysHandlers } from './handlers';

/** 钥匙管理 as the lower layers see it (db/desk-module.ts). */
export const keysDesk: ServerDesk<keyof typeof keysCommands> = {
  desk: 'keys',
  handlers: keysHandlers,
};
