import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import { join, dirname, basename } from 'node:path';
import { createPrivateDir, createPrivateFile, keepPrivate } from './private-file';
import type { Connection } from './connection';
import { MIGRATIONS } from './migrations';

export class DatabaseTooNewError extends Error {
  constructor(readonly unknown: string[]) {
    super(
      `这个数据库由更新版本的物业前台创建（包含本程序不认识的升级：${unknown.join('、')}），` +
        '为保护数据，本程序不会打开它。请安装最新版本后再打开。',
    );
    this.name = 'DatabaseTooNewError';
  }
}


export interface MigrateResult {
  applied: string[];
  backupPath: string | null;
}

/**
 * Bring the database to this app's schema. Refuses a database that has migrations this app
 * does not know (made by a newer version); takes an online backup before touching a
 * database that already holds data.
 */
export async function migrate(
  conn: Connection,
  options: { backupDir?: string; now?: Date; migrations?: Record<string, Migration> } = {},
): Promise<MigrateResult> {
  const migrations = options.migrations ?? MIGRATIONS;
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({ db: conn.db, provider });
  const known = await migrator.getMigrations();
  const executed = known.filter((m) => m.executedAt).map((m) => m.name);
  const recorded = await readRecorded(conn);
  const unknown = recorded.filter((name) => !(name in migrations));
  if (unknown.length) throw new DatabaseTooNewError(unknown);

  const pending = known.filter((m) => !m.executedAt).map((m) => m.name);
  if (!pending.length) return { applied: [], backupPath: null };

  let backupPath: string | null = null;
  const file = conn.sqlite.name;
  if (executed.length > 0 && file && file !== ':memory:') {
    const dir = options.backupDir ?? join(dirname(file), 'backups');
    createPrivateDir(dir);
    const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
    backupPath = join(dir, `${basename(file)}.${stamp}.before-${pending[0]}.bak`);
    // A copy of every ID number on file: private from its first byte, like the database.
    createPrivateFile(backupPath);
    await conn.sqlite.backup(backupPath);
    keepPrivate(backupPath);
  }

  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  conn.sqlite.pragma(`user_version = ${Object.keys(migrations).length}`);
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName), backupPath };
}

async function readRecorded(conn: Connection): Promise<string[]> {
  const table = conn.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'")
    .get();
  if (!table) return [];
  return (conn.sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name);
}
