import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database } from './schema';
import { createPrivateFile, keepPrivate } from './private-file';

export interface OpenOptions {
  /**
   * Path of a better_sqlite3.node built for the running ABI. Electron passes its own
   * Electron-ABI copy here so the Node build in node_modules keeps serving tests and
   * browser mode.
   */
  nativeBinding?: string;
  readonly?: boolean;
}

export interface Connection {
  sqlite: BetterSqlite3.Database;
  db: Kysely<Database>;
}

/** A path SQLite keeps in memory or in a temporary file of its own, not a file of ours. */
const inMemory = (path: string) => path === '' || path === ':memory:' || path.startsWith('file:');

export function openSqlite(path: string, options: OpenOptions = {}): BetterSqlite3.Database {
  if (!options.readonly && !inMemory(path)) createPrivateFile(path);
  const sqlite = new BetterSqlite3(path, {
    nativeBinding: options.nativeBinding,
    readonly: options.readonly ?? false,
  });
  if (!options.readonly) sqlite.pragma('journal_mode = WAL');
  // FULL: a receipt acknowledged to the cashier survives a power cut.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // SQLite creates -wal and -shm with the database file's mode; ones left by an older version are tightened.
  if (!options.readonly && !inMemory(path)) for (const suffix of ['-wal', '-shm']) keepPrivate(path + suffix);
  return sqlite;
}

export function connect(path: string, options: OpenOptions = {}): Connection {
  const sqlite = openSqlite(path, options);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }) });
  connections.set(db, sqlite);
  return { sqlite, db };
}

const connections = new WeakMap<Kysely<Database>, BetterSqlite3.Database>();

/** The raw connection under a Kysely instance made by connect(). */
export function sqliteUnder(db: Kysely<Database>): BetterSqlite3.Database | undefined {
  return connections.get(db);
}

/** Distinct statements kept prepared; past this the least recently used is dropped. */
const KEPT_STATEMENTS = 500;

/**
 * Kysely's SQLite driver prepares every statement it runs, every time — for a counter read that is
 * most of the cost. Keep the prepared statements by their SQL text (Kysely's parameters are always
 * bound, never inlined), least recently used dropped first: queries built with lists of varying length
 * and bulk inserts make many texts used once.
 */
function reusingStatements(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sqlText) {
      let statement = statements.get(sqlText);
      if (statement) {
        statements.delete(sqlText);
      } else {
        statement = sqlite.prepare(sqlText);
        if (statements.size >= KEPT_STATEMENTS) statements.delete(statements.keys().next().value!);
      }
      statements.set(sqlText, statement);
      return statement;
    },
    close: () => sqlite.close(),
  };
}
