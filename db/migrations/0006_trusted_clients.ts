import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // A client (browser cookie, app window) an operator has signed in from. Wrong passwords typed
    // at other clients never slow a trusted one, so a stranger cannot keep a clerk out of the
    // counter; kept across restarts so a restart does not hand the stranger that power back.
    // Only a hash of the client's name is stored: the name is the browser's long-lived cookie.
    sql`CREATE TABLE trusted_clients (
      operator_id INTEGER NOT NULL REFERENCES operators(id),
      client_hash TEXT NOT NULL CHECK (length(client_hash) = 64),
      first_at TEXT NOT NULL,
      last_at TEXT NOT NULL,
      PRIMARY KEY (operator_id, client_hash)
    ) STRICT, WITHOUT ROWID`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversed: restore the backup taken before migrating.');
}
