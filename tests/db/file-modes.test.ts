/**
 * Issue #10 item 13: the database (with its -wal and -shm), the pre-migration backup and the log
 * hold ID numbers, mobiles and who did what — readable by the office's Windows/Linux account only.
 * POSIX modes; Windows has no such bits (its files inherit the user profile's ACL).
 */
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openApp } from '../../db/app';
import { connect } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe.skipIf(process.platform === 'win32')('files holding personal data are private to the account running the app', () => {
  let dir: string;
  let umask: number;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qiantai-modes-'));
    // The most permissive umask: the modes must not depend on how the machine is set up.
    umask = process.umask(0);
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the database, its -wal and -shm, and the log 0600 (the log folder 0700)', async () => {
    const dbPath = join(dir, 'qiantai.db');
    const app = await openApp({ dbPath, logDir: join(dir, 'logs'), setup: 'printed' });
    try {
      app.log.error('probe', { detail: 'x' });
      expect({ db: mode(dbPath), wal: mode(`${dbPath}-wal`), shm: mode(`${dbPath}-shm`), log: mode(app.log.file!), logDir: mode(join(dir, 'logs')) }).toEqual({
        db: '600',
        wal: '600',
        shm: '600',
        log: '600',
        logDir: '700',
      });
    } finally {
      await app.close();
    }
  });

  it('makes an existing database and log written 0644 by an older version private when it opens them', async () => {
    const dbPath = join(dir, 'old.db');
    const first = await openApp({ dbPath, logDir: join(dir, 'logs'), setup: 'trusted' });
    first.log.error('probe', {});
    await first.close();
    chmodSync(dbPath, 0o644);
    chmodSync(first.log.file!, 0o644);
    const again = await openApp({ dbPath, logDir: join(dir, 'logs'), setup: 'trusted' });
    try {
      again.log.error('probe', {});
      expect([mode(dbPath), mode(again.log.file!)]).toEqual(['600', '600']);
    } finally {
      await again.close();
    }
  });

  it('writes the pre-migration backup 0600', async () => {
    const path = join(dir, 'c.db');
    const conn = connect(path);
    await migrate(conn);
    conn.sqlite.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('officeName', '\"名字\"', 'x')").run();
    const next = { ...MIGRATIONS, '9000_test_extra': { up: async (db: Parameters<(typeof MIGRATIONS)[string]['up']>[0]) => void (await sql`CREATE TABLE extra (id INTEGER PRIMARY KEY) STRICT`.execute(db)) } };
    const result = await migrate(conn, { migrations: next });
    await conn.db.destroy();
    expect(mode(result.backupPath!)).toBe('600');
    expect(mode(join(dir, 'backups'))).toBe('700');
  });

  it('rotates the log into files that stay 0600', async () => {
    const { createFileLogger } = await import('../../db/log');
    const log = createFileLogger(join(dir, 'logs'));
    const line = { detail: 'x'.repeat(64 * 1024) };
    for (let i = 0; i < 40; i++) log.info('fill', line);
    expect([mode(log.file!), mode(`${log.file!}.1`)]).toEqual(['600', '600']);
  });
});
