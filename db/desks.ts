import type { DeskCommands } from '../shared/contract/desks';
import { combineServerDesks, type ServerDesk } from './desk-module';
import { allHandlers, coreHandlers } from './handlers';
import { CORE_AUDIT_ENTITIES } from './audit/entities';
import { estateDesk } from './estate/module';
import { receptionDesk } from './reception/module';
import { repairsDesk } from './repairs/module';
import { feesDesk } from './fees/module';
import { keysDesk } from './keys/module';
import { passesDesk } from './passes/module';

/**
 * The server's desk modules, one line per desk (the shared list is shared/contract/desks.ts, the
 * renderer's renderer/desks.ts). Combined once here; the dispatcher and the lower layers get the
 * result, never a desk's own folder.
 */
export const SERVER_DESKS = [estateDesk, receptionDesk, repairsDesk, feesDesk, keysDesk, passesDesk] as const;

type NamesOf<D> = D extends ServerDesk<infer N> ? N : never;
/** The desks' commands that no listed server module handles: a desk whose contract is listed but whose module is not. */
type Unhandled = Exclude<keyof DeskCommands, NamesOf<(typeof SERVER_DESKS)[number]>>;
const everyDeskServed: [Unhandled] extends [never] ? true : Unhandled = true;
void everyDeskServed;

export const DESK_REGISTRY = combineServerDesks(SERVER_DESKS, { commands: Object.keys(coreHandlers), auditEntities: CORE_AUDIT_ENTITIES });

/** Every command's implementation, the core's and the desks'. */
export const handlers = allHandlers(DESK_REGISTRY);
