import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // Dual control: the second person who approved the command (login and password typed at the
    // operator's counter). Null for commands that need no approval and for every older row.
    // Adding a column rewrites no row, so the append-only triggers are not involved.
    sql`ALTER TABLE audit_log ADD COLUMN approver_id INTEGER REFERENCES operators(id)`,
    sql`CREATE INDEX audit_log_approver ON audit_log(approver_id, at) WHERE approver_id IS NOT NULL`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversed: restore the backup taken before migrating.');
}
