import type { Handlers } from '../context';
import type { shellCommands } from '../../shared/contract/shell';
import type { DeskAttention } from '../../shared/contract/shell';
import type { DeskKey } from '../../shared/desks';
import { mayRun } from '../../shared/contract';

export const shellHandlers: Handlers<keyof typeof shellCommands> = {
  /** One poll for every desk's reminders: each desk's counts, for the desks this operator may read. */
  'shell.attention': async (ctx) => {
    const roles = ctx.requireOperator().roles;
    const out: Partial<Record<DeskKey, DeskAttention>> = {};
    for (const provider of ctx.services.desks.attention) {
      if (mayRun(roles, provider.shows)) out[provider.desk] = await provider.count(ctx);
    }
    return out;
  },
};
