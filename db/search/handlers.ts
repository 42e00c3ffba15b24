import type { Handlers } from '../context';
import type { searchCommands } from '../../shared/contract/search';
import { mayRun } from '../../shared/contract';
import { readCounterQuery } from './query';
import { personalRead } from '../estate/personal-reads';

export const searchHandlers: Handlers<keyof typeof searchCommands> = {
  'search.counter': personalRead(async (ctx, input) => {
    const q = readCounterQuery(input.q);
    if (!q.compact) return { groups: [] };
    const groups = [];
    const roles = ctx.operator?.roles ?? null;
    for (const provider of ctx.services.desks.searchProviders) {
      if (!mayRun(roles, provider.shows)) continue;
      const hits = await provider.search(ctx, q, input.limit);
      if (hits.length) groups.push({ kind: provider.kind, label: provider.label, hits });
    }
    return { groups };
  }),
};
