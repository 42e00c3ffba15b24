import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { sqlite, db };
}
