import type { Handlers } from './context';
import { authHandlers } from './auth/handlers';
import { operatorHandlers } from './operators/handlers';
import { settingsHandlers } from './settings/handlers';
import { auditHandlers } from './audit/handlers';
import { estateHandlers } from './estate/handlers';
import { searchHandlers } from './search/handlers';
import { staffHandlers } from './staff/handlers';
import { receptionHandlers } from './reception/handlers';

/** Every command's implementation; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...authHandlers,
  ...operatorHandlers,
  ...settingsHandlers,
  ...auditHandlers,
  ...estateHandlers,
  ...searchHandlers,
  ...staffHandlers,
  ...receptionHandlers,
};
