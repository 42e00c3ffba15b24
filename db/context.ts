import type { Insertable, Kysely, Transaction } from 'kysely';
import type { CommandName, CommandOutput, ParsedInput } from '../shared/contract';
import type { Role } from '../shared/roles';
import type { Database, SessionRow } from './schema';
import type { Settings } from '../shared/contract/settings';

export interface SignedInOperator {
  id: number;
  login: string;
  displayName: string;
  roles: Role[];
}

export interface AuditEntry {
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** What the dispatcher hands to every command: the transaction, who runs it, and when. */
export interface CommandContext {
  db: Transaction<Database>;
  command: CommandName;
  /** Fixed for the whole command, from the injected clock, so tests can set the time. */
  now: Date;
  nowIso: string;
  operator: SignedInOperator | null;
  session: SessionRow | null;
  /** The session exists but is locked (idle or locked by hand): only unlock/sign-out run. */
  sessionLocked: boolean;
  settings: Settings;
  services: Services;
  /**
   * Insert many rows fast (demo estates, large imports): prepared statements on the same
   * connection, so they belong to this command's transaction and roll back with it.
   */
  bulkInsert: BulkInsert;
  /** Append an audit row (inside the command's transaction). */
  audit(entry: AuditEntry): Promise<void>;
  /** Give the transport a new session token (login) or tell it to forget it (logout). */
  setSession(token: string | null): void;
  requireOperator(): SignedInOperator;
}

/** Long-lived helpers shared by all commands of one running app. */
export interface Services {
  /** Printed by the browser host at first start; null where the transport is trusted (Electron). */
  setupCode: string | null;
  loginThrottle: LoginThrottle;
  log: import('./log').Logger;
}

export interface LoginThrottle {
  /** Seconds the caller must still wait before trying this login again (0 = may try). */
  waitSeconds(login: string, now: Date): number;
  failed(login: string, now: Date): void;
  succeeded(login: string): void;
}

export type Handler<N extends CommandName> = (
  ctx: CommandContext,
  input: ParsedInput<N>,
) => Promise<CommandOutput<N>>;

export type Handlers<N extends CommandName = CommandName> = { [K in N]: Handler<K> };

export type Db = Kysely<Database> | Transaction<Database>;

export type BulkInsert = <T extends keyof Database & string>(table: T, rows: Insertable<Database[T]>[]) => Promise<void>;
