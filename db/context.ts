import type { Insertable, Kysely, Transaction } from 'kysely';
import type { CommandName, CommandOutput, ParsedInput } from '../shared/contract';
import type { Role } from '../shared/roles';
import type { Database, SessionRow } from './schema';
import type { Settings } from '../shared/contract/settings';
import type { RateLimiter } from './rate-limit';
import type { SearchHit } from '../shared/contract/search';
import type { OpenItemGroup } from '../shared/contract/estate';
import type { DeskAttention } from '../shared/contract/shell';
import type { DeskKey } from '../shared/desks';
import type { CounterQuery } from './search/query';


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

/** What a command knows in both of its steps: who runs it, from where, and when. */
interface CommandScope {
  command: CommandName;
  /** Fixed for the whole command, from the injected clock, so tests can set the time. */
  now: Date;
  operator: SignedInOperator | null;
  /**
   * The second person who approved this command (dual control, the contract's `approval`),
   * verified by the dispatcher; recorded on every audit row the command writes. Null otherwise.
   */
  approver: SignedInOperator | null;
  session: SessionRow | null;
  /** The session exists but is locked (idle or locked by hand): only unlock/sign-out run. */
  sessionLocked: boolean;
  /**
   * Which client sent the command: the browser's long-lived client cookie, or the Electron
   * window. Throttles count per client, so one stranger cannot slow everyone else down.
   */
  clientId: string;
  settings: Settings;
  services: Services;
}

/** What the dispatcher hands to every command: the transaction, who runs it, and when. */
export interface CommandContext extends CommandScope {
  db: Transaction<Database>;
  nowIso: string;
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
  /** Wrong passwords at sign-in (db/auth/throttle.ts). */
  loginThrottle: import('./auth/throttle').LoginThrottle;
  /** Recent-event counts for throttles and read limits (db/rate-limit.ts). */
  limits: RateLimiter;
  log: import('./log').Logger;
  /** The desks' search providers, unit-card items, reminders and demo data (db/desks.ts). */
  desks: DeskRegistry;
}

export type Handler<N extends CommandName> = (
  ctx: CommandContext,
  input: ParsedInput<N>,
) => Promise<CommandOutput<N>>;

/**
 * What a command may do before its transaction: slow work that must not hold the database
 * (hashing a password, reading an uploaded spreadsheet), so every other command keeps answering.
 * Reads only, outside any transaction — the transaction re-checks whatever it relies on.
 */
export interface PrepareContext extends CommandScope {
  /** The connection itself, not a transaction: for reads. */
  db: Kysely<Database>;
}

/** A command in two steps: `prepare` outside the transaction, `run` inside it with what prepare found. */
export interface PreparedHandler<N extends CommandName, P> {
  prepare(pre: PrepareContext, input: ParsedInput<N>): Promise<P>;
  run(ctx: CommandContext, input: ParsedInput<N>, prepared: P): Promise<CommandOutput<N>>;
}

/** Declare a two-step handler (keeps `P` inferred from `prepare`). */
export function prepared<N extends CommandName, P>(handler: PreparedHandler<N, P>): PreparedHandler<N, P> {
  return handler;
}

// `any`: each command's prepared value has its own type, checked where the handler is declared.
export type Handlers<N extends CommandName = CommandName> = { [K in N]: Handler<K> | PreparedHandler<K, any> };

export type Db = Kysely<Database> | Transaction<Database>;

export type BulkInsert = <T extends keyof Database & string>(table: T, rows: Insertable<Database[T]>[]) => Promise<void>;

/**
 * The server side of a desk: everything the lower layers (the counter search, the unit card,
 * the shell's badges, the demo office, the bench) know of it. A desk exports one of these from
 * db/<desk>/module.ts; db/desks.ts lists them. Lower layers read the combined list through
 * `ctx.services.desks`, never by importing a desk.
 */
export interface ServerDesk<Names extends CommandName = CommandName> {
  desk: DeskKey;
  handlers: Handlers<Names>;
  /** What the counter search (F2) finds of this desk: entry numbers, key tags, pass numbers… */
  searchProviders?: readonly SearchProvider[];
  /** What the unit card lists as still open for a unit (entries being handled, keys out…). */
  openItems?: readonly OpenItemsProvider[];
  /** The desk's counts for the signed-in operator (the sidebar badge, the shell's reminders). */
  attention?: AttentionProvider;
  /** Adds the desk's part of the demo office once the estate exists (estate.generateDemo). */
  demo?: DemoGenerator;
  /** The desk's records at a busy office's volume and its hot paths, for `npm run bench`. */
  bench?: DeskBench;
  /** The kinds of record the desk's commands audit (`entity` of ctx.audit), as the operation log names them. */
  auditEntities?: Readonly<Record<string, AuditEntityKind>>;
}

/** Record ids (the audit row's entity_id, as numbers) → how a person names that record. */
export type RecordNames = (db: Db, ids: number[]) => Promise<Map<number, string>>;

/** One kind of audited record in the operation log (db/audit/entities.ts). */
export interface AuditEntityKind {
  /** The kind of record in Chinese. */
  label: string;
  /** The record's own number or name; absent for kinds that have none (the settings). */
  names?: RecordNames;
}

/** One provider per kind of thing the counter looks up; the box groups hits by provider. */
export interface SearchProvider {
  kind: string;
  label: string;
  /** The command whose roles may see these hits (they show that command's data). */
  shows: CommandName;
  search(ctx: CommandContext, q: CounterQuery, limit: number): Promise<SearchHit[]>;
}

export interface OpenItemsProvider {
  /** The command whose roles may see these items (they show that command's data). */
  shows: CommandName;
  list(ctx: CommandContext, unitId: number): Promise<OpenItemGroup | null>;
}

export interface AttentionProvider {
  /** The command whose roles may see these counts. */
  shows: CommandName;
  count(ctx: CommandContext): Promise<DeskAttention>;
}

export interface DemoGenerator {
  /** Chinese, how the count reads: '近一个月接待登记'. */
  label: string;
  generate(ctx: CommandContext): Promise<number>;
}

/**
 * One timed path of `npm run bench`: a command run through the real dispatcher with inputs drawn
 * from the bench database, next to the same lookup as one raw prepared statement when there is one.
 */
export interface BenchScenario {
  name: string;
  target: { p99Ms: number; maxRatio?: number };
  command: CommandName;
  /**
   * Timed runs, when not the bench's usual 400 after 20 warm-ups: a write that is measured only the
   * first time (a month's run creates its bills once; run again it finds them made) has no warm-up
   * and as many runs as it has inputs.
   */
  runs?: number;
  /** Inputs cycled through the runs. */
  inputs(sqlite: import('better-sqlite3').Database): unknown[];
  /** The same lookup as one raw prepared statement (the floor the dispatcher is compared to). */
  raw: ((sqlite: import('better-sqlite3').Database) => (input: any) => unknown) | null;
}

export interface DeskBench {
  /** Adds the desk's records to the bench estate (a year of a busy office; a tenth with `small`); returns how many. */
  data?(db: Db, bulkInsert: BulkInsert, options: { small: boolean; now: Date; operatorId: number }): Promise<{ label: string; rows: number }>;
  scenarios: readonly BenchScenario[];
}

/** The desks' pieces, combined once at start (db/desks.ts). */
export interface DeskRegistry {
  desks: readonly ServerDesk<never>[];
  handlers: Record<string, unknown>;
  searchProviders: readonly SearchProvider[];
  openItems: readonly OpenItemsProvider[];
  attention: readonly (AttentionProvider & { desk: DeskKey })[];
  demo: readonly (DemoGenerator & { desk: DeskKey })[];
  bench: readonly (DeskBench & { desk: DeskKey })[];
  auditEntities: Readonly<Record<string, AuditEntityKind>>;
}
