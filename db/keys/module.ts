import type { ServerDesk } from '../desk-module';
import type { keysCommands } from '../../shared/contract/keys';
import { keysHandlers } from './handlers';
import { KEYS_AUDIT_ENTITIES } from './audit-entities';
import { keysAttention, keysOpenItems, keysSearchProvider } from './providers';

/** 钥匙管理 as the lower layers see it (db/desk-module.ts). */
export const keysDesk: ServerDesk<keyof typeof keysCommands> = {
  desk: 'keys',
  handlers: keysHandlers,
  searchProviders: [keysSearchProvider],
  openItems: [keysOpenItems],
  attention: keysAttention,
  auditEntities: KEYS_AUDIT_ENTITIES,
};
