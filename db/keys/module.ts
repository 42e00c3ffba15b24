import type { ServerDesk } from '../desk-module';
import type { keysCommands } from '../../shared/contract/keys';
import { keysHandlers } from './handlers';
import { KEYS_AUDIT_ENTITIES } from './audit-entities';
import { keysAttention, keysDemo, keysOpenItems, keysSearchProvider } from './providers';
import { keysBench } from './bench';

/** 钥匙管理 as the lower layers see it (db/desk-module.ts). */
export const keysDesk: ServerDesk<keyof typeof keysCommands> = {
  desk: 'keys',
  handlers: keysHandlers,
  searchProviders: [keysSearchProvider],
  openItems: [keysOpenItems],
  attention: keysAttention,
  demo: keysDemo,
  bench: keysBench,
  auditEntities: KEYS_AUDIT_ENTITIES,
};
