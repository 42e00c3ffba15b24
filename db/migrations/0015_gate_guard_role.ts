import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// 门岗 (gate guard): offices that put a PC at the gate sign a guard in to check goods-release
// passes there. SQLite cannot widen a CHECK in place, so the role table is rebuilt with its rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE operator_roles_new (
      operator_id INTEGER NOT NULL REFERENCES operators(id),
      role TEXT NOT NULL CHECK (role IN ('receptionist','key_custodian','cashier','officer','supervisor','admin','gate_guard')),
      PRIMARY KEY (operator_id, role)
    ) STRICT, WITHOUT ROWID`,
    sql`INSERT INTO operator_roles_new (operator_id, role) SELECT operator_id, role FROM operator_roles`,
    sql`DROP TABLE operator_roles`,
    sql`ALTER TABLE operator_roles_new RENAME TO operator_roles`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversed: restore the backup taken before migrating.');
}
