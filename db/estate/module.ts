import type { ServerDesk } from '../desk-module';
import type { estateCommands } from '../../shared/contract/estate';
import { estateHandlers } from './handlers';
import { ESTATE_SEARCH_PROVIDERS } from './search-providers';
import { ESTATE_BENCH } from './bench';
import { ESTATE_AUDIT_ENTITIES } from './audit-entities';

/** 房屋住户: units, people and vehicles — what every other desk points at. */
export const estateDesk: ServerDesk<keyof typeof estateCommands> = {
  desk: 'estate',
  handlers: estateHandlers,
  searchProviders: ESTATE_SEARCH_PROVIDERS,
  bench: { scenarios: ESTATE_BENCH },
  auditEntities: ESTATE_AUDIT_ENTITIES,
};
