import type { ServerDesk } from '../desk-module';
import type { receptionCommands } from '../../shared/contract/reception';
import { receptionHandlers } from './handlers';
import { receptionBench } from './bench';
import { RECEPTION_AUDIT_ENTITIES } from './audit-entities';
import { receptionAttention, receptionDemo, receptionOpenItems, receptionSearchProvider } from './providers';

/** 接待登记 as the lower layers see it (db/desk-module.ts). */
export const receptionDesk: ServerDesk<keyof typeof receptionCommands> = {
  desk: 'reception',
  handlers: receptionHandlers,
  searchProviders: [receptionSearchProvider],
  openItems: [receptionOpenItems],
  attention: receptionAttention,
  demo: receptionDemo,
  bench: receptionBench,
  auditEntities: RECEPTION_AUDIT_ENTITIES,
};
