import type { Handlers } from './context';
import { authHandlers } from './auth/handlers';
import { operatorHandlers } from './operators/handlers';
import { settingsHandlers } from './settings/handlers';
import { auditHandlers } from './audit/handlers';
import { searchHandlers } from './search/handlers';
import { staffHandlers } from './staff/handlers';
import { shellHandlers } from './shell/handlers';
import type { DeskRegistry } from './desk-module';

/** The commands below the desks. */
export const coreHandlers = {
  ...authHandlers,
  ...operatorHandlers,
  ...settingsHandlers,
  ...auditHandlers,
  ...searchHandlers,
  ...staffHandlers,
  ...shellHandlers,
};

/**
 * Every command's implementation: the core's and the listed desks' (db/desks.ts). Each desk
 * module's handlers are typed against its own contract, so a missing one is a compile error there;
 * tests/db/contract.test.ts checks the combined map covers every command once.
 */
export function allHandlers(registry: DeskRegistry): Handlers {
  return { ...coreHandlers, ...registry.handlers } as Handlers;
}
