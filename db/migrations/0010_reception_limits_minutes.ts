import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Reception's time limits were stored in whole hours; the platform's deadlines now run to the
// minute, so an office's own limits are carried over as minutes (a value that was not a whole
// number of hours could not have been stored, so ×60 is exact).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE settings SET value_json = json_object(
      'handlerMinutes', json_extract(value_json, '$.handlerHours') * 60,
      'escalateMinutes', json_extract(value_json, '$.escalateHours') * 60,
      'escalatedAnswerMinutes', json_extract(value_json, '$.escalatedAnswerHours') * 60,
      'ownerOrdinaryMinutes', json_extract(value_json, '$.ownerOrdinaryHours') * 60,
      'ownerMajorMinutes', json_extract(value_json, '$.ownerMajorHours') * 60,
      'dueSoonMinutes', json_extract(value_json, '$.dueSoonHours') * 60
    )
    WHERE key = 'receptionLimits' AND json_valid(value_json) AND json_extract(value_json, '$.handlerHours') IS NOT NULL
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversed: restore the backup taken before migrating.');
}
