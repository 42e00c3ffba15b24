import type { OpenItemGroup } from '../../shared/contract/estate';
import type { Db } from '../context';

/**
 * The unit card's "open items": each later desk (repairs, keys, passes, fees) registers one
 * provider here that lists what is still open for a unit.
 */
export type OpenItemsProvider = (db: Db, unitId: number) => Promise<OpenItemGroup | null>;

export const OPEN_ITEM_PROVIDERS: OpenItemsProvider[] = [];
