import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../shared/contract/settings';
import type { Db } from '../context';

/** Stored values over the defaults; a value that no longer validates falls back to its default. */
export async function readSettings(db: Db): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value_json']).execute();
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (row.key in DEFAULT_SETTINGS) merged[row.key] = JSON.parse(row.value_json);
  }
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
