import type { OpenItemGroup } from '../../shared/contract/estate';
import type { CommandContext } from '../context';
import type { CommandName } from '../../shared/contract';
import { receptionOpenItems } from '../reception/providers';

/**
 * The unit card's "open items": each later desk (repairs, keys, passes, fees) registers one
 * provider here that lists what is still open for a unit.
 */
export interface OpenItemsProvider {
  /** The command whose roles may see these items (they show that command's data). */
  shows: CommandName;
  list(ctx: CommandContext, unitId: number): Promise<OpenItemGroup | null>;
}

export const OPEN_ITEM_PROVIDERS: OpenItemsProvider[] = [receptionOpenItems];
