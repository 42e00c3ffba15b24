import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // A plate typed by its last four characters (the counter search reads 4 or 5): without its own
    // index that lookup scanned every vehicle.
    sql`CREATE INDEX vehicles_plate_tail4 ON vehicles(substr(plate, -4))`,
    // ID numbers are now found by their last 4 characters only (the part the mask shows); the
    // 5- and 6-character tail indexes would only cost every write.
    sql`DROP INDEX people_id_tail5`,
    sql`DROP INDEX people_id_tail6`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversed: restore the backup taken before migrating.');
}
