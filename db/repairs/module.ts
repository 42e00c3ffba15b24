import type { ServerDesk } from '../desk-module';
import type { repairsCommands } from '../../shared/contract/repairs';
import { repairsHandlers } from './handlers';
import { repairsBench } from './bench';
import { REPAIRS_AUDIT_ENTITIES } from './audit-entities';
import { repairsAttention, repairsDemo, repairsOpenItems, repairsSearchProvider } from './providers';

/** 报修派工 as the lower layers see it (db/desk-module.ts). */
export const repairsDesk: ServerDesk<keyof typeof repairsCommands> = {
  desk: 'repairs',
  handlers: repairsHandlers,
  searchProviders: [repairsSearchProvider],
  openItems: [repairsOpenItems],
  attention: repairsAttention,
  demo: repairsDemo,
  bench: repairsBench,
  auditEntities: REPAIRS_AUDIT_ENTITIES,
};
