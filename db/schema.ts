import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The one Kysely `Database` interface. Times are ISO-8601 UTC text; money is INTEGER fen.
 * Each desk adds its tables here next to its migration.
 */
export interface OperatorsTable {
  id: Generated<number>;
  login: string;
  display_name: string;
  password_hash: string;
  disabled_at: string | null;
  disabled_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface OperatorRolesTable {
  operator_id: number;
  role: string;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  operator_id: number;
  created_at: string;
  last_seen_at: string;
  locked_at: string | null;
  ended_at: string | null;
  end_reason: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  operator_id: number | null;
  command: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

export interface SettingsTable {
  key: string;
  value_json: string;
  updated_at: string;
}

export interface Database {
  operators: OperatorsTable;
  operator_roles: OperatorRolesTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
}

export type OperatorRow = Selectable<OperatorsTable>;
export type NewOperator = Insertable<OperatorsTable>;
export type OperatorUpdate = Updateable<OperatorsTable>;
export type SessionRow = Selectable<SessionsTable>;
