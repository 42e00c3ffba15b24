import type { Handlers } from '../context';
import type { settingsCommands } from '../../shared/contract/settings';
import { createHash } from 'node:crypto';
import type { Settings } from '../../shared/contract/settings';
import { readSettings } from './service';

function logoDigest(dataUrl: string): string {
  if (!dataUrl) return '（无）';
  return `${dataUrl.slice(5, dataUrl.indexOf(';'))}，${dataUrl.length} 字符，sha256 ${createHash('sha256').update(dataUrl).digest('hex').slice(0, 16)}`;
}

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
    // Only what changed, and the logo as size and digest: the audit log keeps every row forever.
    const changed = (Object.keys(after) as (keyof Settings)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    const view = (s: Settings) => Object.fromEntries(changed.map((k) => [k, k === 'officeLogo' ? logoDigest(s.officeLogo) : s[k]]));
    await ctx.audit({ entity: 'settings', entityId: null, before: view(before), after: view(after) });
    return after;
  },
};
