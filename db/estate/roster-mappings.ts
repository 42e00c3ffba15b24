import { createHash } from 'node:crypto';
import type { CommandContext, Db } from '../context';
import { ROSTER_COLUMNS, type RosterField } from '../../shared/estate-import';

/** Template column → the file's header, as set by hand; null = "不导入" chosen for a guessed column. */
export type HandMapping = Partial<Record<RosterField, string | null>>;

/**
 * The mapping an office set by hand, remembered per roster layout (table roster_mappings, keyed
 * by a digest of the header texts in order), so next month's file of the same layout maps itself.
 */
const layoutKey = (headers: string[]) => createHash('sha256').update(JSON.stringify(headers)).digest('hex');

export async function rememberedMapping(db: Db, headers: string[]): Promise<HandMapping | null> {
  const row = await db.selectFrom('roster_mappings').select('mapping_json').where('headers_key', '=', layoutKey(headers)).executeTakeFirst();
  if (!row) return null;
  const stored = JSON.parse(row.mapping_json) as Record<string, unknown>;
  const mapping: HandMapping = {};
  // Only what still makes sense for these headers: a stored value never breaks an import.
  for (const { key } of ROSTER_COLUMNS) {
    const header = stored[key];
    if (header === null || (typeof header === 'string' && headers.includes(header))) mapping[key] = header;
  }
  return Object.keys(mapping).length ? mapping : null;
}

/** Keep what was set by hand (over what was remembered before) for the next file with these headers. */
export async function rememberMapping(ctx: CommandContext, headers: string[], hand: HandMapping): Promise<void> {
  const before = await rememberedMapping(ctx.db, headers);
  const merged: HandMapping = { ...before, ...hand };
  const ordered: HandMapping = {};
  for (const { key } of ROSTER_COLUMNS) if (merged[key] !== undefined) ordered[key] = merged[key];
  const mappingJson = JSON.stringify(ordered);
  if (before && JSON.stringify(before) === mappingJson) return;
  const key = layoutKey(headers);
  const values = { headers_key: key, headers_json: JSON.stringify(headers), mapping_json: mappingJson, updated_at: ctx.nowIso, operator_id: ctx.operator?.id ?? null };
  await ctx.db
    .insertInto('roster_mappings')
    .values(values)
    .onConflict((oc) => oc.column('headers_key').doUpdateSet({ mapping_json: mappingJson, updated_at: ctx.nowIso, operator_id: values.operator_id }))
    .execute();
  await ctx.audit({ entity: 'roster_mapping', entityId: key.slice(0, 16), before: before ?? undefined, after: { headers, mapping: ordered } });
}
