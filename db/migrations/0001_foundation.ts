import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE operators (
      id INTEGER PRIMARY KEY,
      login TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(login) BETWEEN 2 AND 32),
      display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 32),
      password_hash TEXT NOT NULL,
      disabled_at TEXT,
      disabled_reason TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`,
    // Operators are disabled, never deleted: audit rows and records point at them for years.
    sql`CREATE TRIGGER operators_never_deleted BEFORE DELETE ON operators
      BEGIN SELECT RAISE(ABORT, '操作员不可删除，请停用'); END`,
    sql`CREATE TABLE operator_roles (
      operator_id INTEGER NOT NULL REFERENCES operators(id),
      role TEXT NOT NULL CHECK (role IN ('receptionist','key_custodian','cashier','officer','supervisor','admin')),
      PRIMARY KEY (operator_id, role)
    ) STRICT, WITHOUT ROWID`,
    sql`CREATE TABLE sessions (
      id INTEGER PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      operator_id INTEGER NOT NULL REFERENCES operators(id),
      created_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      locked_at TEXT,
      ended_at TEXT,
      end_reason TEXT
    ) STRICT`,
    sql`CREATE INDEX sessions_operator ON sessions(operator_id)`,
    sql`CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      operator_id INTEGER REFERENCES operators(id),
      command TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT,
      before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
      after_json TEXT CHECK (after_json IS NULL OR json_valid(after_json))
    ) STRICT`,
    sql`CREATE INDEX audit_log_entity ON audit_log(entity, entity_id)`,
    sql`CREATE INDEX audit_log_at ON audit_log(at)`,
    sql`CREATE INDEX audit_log_operator ON audit_log(operator_id, at)`,
    // The audit trail is append-only, enforced by the database itself.
    sql`CREATE TRIGGER audit_log_never_updated BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, '操作日志不可修改'); END`,
    sql`CREATE TRIGGER audit_log_never_deleted BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, '操作日志不可删除'); END`,
    sql`CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value_json TEXT NOT NULL CHECK (json_valid(value_json)),
      updated_at TEXT NOT NULL
    ) STRICT`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversed: restore the backup taken before migrating.');
}
