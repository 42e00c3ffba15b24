import { createHash } from 'node:crypto';
import { DEFAULT_SETTINGS, SETTINGS_SCHEMAS, type Settings } from '../../shared/contract/settings';
import type { DeskSettingsSection } from '../../shared/contract/desk-settings';
import type { CommandContext, Db } from '../context';
import { cacheWhileUnchanged, type CachedWhileUnchanged, type TableChanges } from '../table-changes';

/**
 * Stored values over the defaults; a value that no longer validates falls back to its own
 * default (a bad printer entry must not reset the office name).
 */
export async function readSettings(db: Db): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value_json']).execute();
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    const schema = SETTINGS_SCHEMAS[row.key];
    if (!schema) continue;
    const parsed = schema.safeParse(JSON.parse(row.value_json));
    if (parsed.success) merged[row.key] = parsed.data;
  }
  return merged as Settings;
}

/** The handler of a desk's `<desk>.updateSettings`: store its section, answer it as now stored. */
export function updateDeskSettings<Value>(section: DeskSettingsSection<string, import('zod').ZodType<Value>>) {
  return async (ctx: CommandContext, value: Value): Promise<Value> => {
    const after = await writeSettings(ctx, { [section.key]: value } as Partial<Settings>);
    return (after as unknown as Record<string, Value>)[section.key]!;
  };
}

/**
 * Every command reads the settings (lock minutes, time limits): kept in memory until a row of the
 * settings table changes, whoever writes it (db/table-changes.ts).
 */
export function createSettingsCache(changes: TableChanges): { read(db: Db): Promise<{ settings: Settings; version: number }>; changedSince(version: number): boolean } {
  const kept: CachedWhileUnchanged<'settings', Settings> = cacheWhileUnchanged(changes, ['settings']);
  return {
    async read(db) {
      const { value, version } = await kept.get('settings', () => readSettings(db));
      return { settings: value!, version };
    },
    changedSince: kept.changedSince,
  };
}

function logoDigest(dataUrl: string): string {
  if (!dataUrl) return '（无）';
  return `${dataUrl.slice(5, dataUrl.indexOf(';'))}，${dataUrl.length} 字符，sha256 ${createHash('sha256').update(dataUrl).digest('hex').slice(0, 16)}`;
}

/**
 * Store validated settings (settings.update, and the office name given at first-run setup) and
 * audit what changed. Returns the settings as they now are.
 */
export async function writeSettings(ctx: CommandContext, patch: Partial<Settings>): Promise<Settings> {
  const before = await readSettings(ctx.db);
  for (const [key, value] of Object.entries(patch)) {
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
}
