import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The column mapping an office set by hand for a roster layout, keyed by that layout's header
  // row (a digest of the header texts), so next month's file with the same headers needs none.
  await sql`CREATE TABLE roster_mappings (
    headers_key TEXT PRIMARY KEY CHECK (length(headers_key) = 64),
    headers_json TEXT NOT NULL CHECK (json_valid(headers_json)),
    mapping_json TEXT NOT NULL CHECK (json_valid(mapping_json)),
    updated_at TEXT NOT NULL,
    operator_id INTEGER REFERENCES operators(id)
  ) STRICT`.execute(db);
}
