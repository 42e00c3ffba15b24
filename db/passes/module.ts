import type { ServerDesk } from '../desk-module';
import type { passesCommands } from '../../shared/contract/passes';
import { passesHandlers } from './handlers';
import { passesBench } from './bench';
import { PASSES_AUDIT_ENTITIES } from './audit-entities';
import { passesAttention, passesDemo, passesOpenItems, passesSearchProvider } from './providers';

/** 物品放行 as the lower layers see it (db/desk-module.ts). */
export const passesDesk: ServerDesk<keyof typeof passesCommands> = {
  desk: 'passes',
  handlers: passesHandlers,
  searchProviders: [passesSearchProvider],
  openItems: [passesOpenItems],
  attention: passesAttention,
  demo: passesDemo,
  bench: passesBench,
  auditEntities: PASSES_AUDIT_ENTITIES,
};
