import type BetterSqlite3 from 'better-sqlite3';

/** The tables whose rows decide who may run a command (sessions, operators, their roles) and how (settings). */
export type WatchedTable = 'sessions' | 'operators' | 'operator_roles' | 'settings';
const WATCHED_TABLES: readonly WatchedTable[] = ['sessions', 'operators', 'operator_roles', 'settings'];

/**
 * How often the watched tables have changed, for the caches that stand in for reading them on every
 * command (db/dispatcher.ts). Counted by TEMP triggers on every inserted, updated or deleted row,
 * whoever wrote it through this connection — any handler, a raw statement, a bulk insert — so no
 * writer has to remember to say so; commits by any other connection (another process on the same
 * file) show as a change of PRAGMA data_version. Counted when the row is written, not when it
 * commits: a change rolled back afterwards costs one needless re-read, never a stale answer.
 */
export interface TableChanges {
  /** Differs from every earlier answer once any of these tables may have changed. */
  version(tables: readonly WatchedTable[]): number;
  /** Rows of this table written through this connection so far (within a transaction: by it). */
  written(table: WatchedTable): number;
}

const tableChangesOf = new WeakMap<BetterSqlite3.Database, TableChanges>();

/** The change counts of a migrated database's connection (the triggers are set up on first use). */
export function tableChanges(sqlite: BetterSqlite3.Database): TableChanges {
  const known = tableChangesOf.get(sqlite);
  if (known) return known;
  const counts = new Map<WatchedTable, number>(WATCHED_TABLES.map((t) => [t, 0]));
  sqlite.function('qiantai_table_changed', { deterministic: false }, (table: unknown) => {
    const name = table as WatchedTable;
    counts.set(name, counts.get(name)! + 1);
    return null;
  });
  for (const table of WATCHED_TABLES) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      sqlite.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS "qiantai_watch_${table}_${event.toLowerCase()}" AFTER ${event} ON main."${table}"
         BEGIN SELECT qiantai_table_changed('${table}'); END`,
      );
    }
  }
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  let seenDataVersion = dataVersion.get();
  let elsewhere = 0;
  const changes: TableChanges = {
    version(tables) {
      const now = dataVersion.get();
      if (now !== seenDataVersion) {
        seenDataVersion = now;
        elsewhere++;
      }
      let sum = elsewhere;
      for (const table of tables) sum += counts.get(table)!;
      return sum;
    },
    written: (table) => counts.get(table)!,
  };
  tableChangesOf.set(sqlite, changes);
  return changes;
}

/**
 * Something read from the watched tables, kept per key for as long as those tables have not changed.
 * Sound because one process owns the database (the Electron main process or `npm run serve`) and
 * every write through its connection is counted; another process's commits still show, through
 * data_version, and drop everything.
 */
export interface CachedWhileUnchanged<K, V> {
  /**
   * The value for `key`, loaded unless kept since the tables last changed, and the tables' version
   * it was taken at. Misses (`null`) are not kept. A value loaded while the tables changed is
   * returned but not kept: it may mix the state before and after.
   */
  get(key: K, load: () => Promise<V | null>): Promise<{ value: V | null; version: number }>;
  /** The tables changed after `version` (a value taken then may be out of date). */
  changedSince(version: number): boolean;
}

export function cacheWhileUnchanged<K, V>(changes: TableChanges, tables: readonly WatchedTable[]): CachedWhileUnchanged<K, V> {
  const values = new Map<K, V>();
  let keptAt = -1;
  return {
    async get(key, load) {
      const version = changes.version(tables);
      if (version !== keptAt) {
        values.clear();
        keptAt = version;
      }
      const kept = values.get(key);
      if (kept !== undefined) return { value: kept, version };
      const value = await load();
      if (value !== null && keptAt === version && changes.version(tables) === version) values.set(key, value);
      return { value, version };
    },
    changedSince: (version) => changes.version(tables) !== version,
  };
}
