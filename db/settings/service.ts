import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../shared/contract/settings';
import type { Db } from '../context';

/**
 * Stored values over the defaults; a value that no longer validates falls back to its own
 * default (a bad printer entry must not reset the office name).
 */
export async function readSettings(db: Db): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value_json']).execute();
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const shape = settingsSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
  for (const row of rows) {
    if (!(row.key in DEFAULT_SETTINGS)) continue;
    const value: unknown = JSON.parse(row.value_json);
    if (shape[row.key]!.safeParse(value).success) merged[row.key] = value;
  }
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
