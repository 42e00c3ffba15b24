import type { Handlers } from '../context';
import type { settingsCommands } from '../../shared/contract/settings';
import { readSettings } from './service';

export const settingsHandlers: Handlers<keyof typeof settingsCommands> = {
  'settings.get': async (ctx) => ctx.settings,

  'settings.update': async (ctx, input) => {
    const before = await readSettings(ctx.db);
    for (const [key, value] of Object.entries(input)) {
      if (value === undefined) continue;
      await ctx.db
        .insertInto('settings')
        .values({ key, value_json: JSON.stringify(value), updated_at: ctx.nowIso })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: JSON.stringify(value), updated_at: ctx.nowIso }))
        .execute();
    }
    const after = await readSettings(ctx.db);
    await ctx.audit({ entity: 'settings', entityId: null, before, after });
    return after;
  },
};
