import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import BetterSqlite3 from 'better-sqlite3';
import { connect } from '../../db/connection';
import { migrate, DatabaseTooNewError } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { openApp } from '../../db/app';

describe('the database file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qiantai-migrate-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens with WAL, synchronous=FULL, foreign keys and a busy timeout, and records its migrations', async () => {
    const conn = connect(join(dir, 'a.db'));
    const result = await migrate(conn);
    expect(result).toEqual({ applied: Object.keys(MIGRATIONS), backupPath: null });
    expect(conn.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(conn.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(conn.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(conn.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(conn.sqlite.pragma('user_version', { simple: true })).toBe(Object.keys(MIGRATIONS).length);
    const names = conn.sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all();
    expect(names).toEqual(Object.keys(MIGRATIONS).map((name) => ({ name })));
    // A second start applies nothing and takes no backup.
    expect(await migrate(conn)).toEqual({ applied: [], backupPath: null });
    await conn.db.destroy();
  });

  it('uses STRICT tables that refuse wrong types and keeps foreign keys', async () => {
    const conn = connect(join(dir, 'b.db'));
    await migrate(conn);
    const strict = conn.sqlite.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' AND strict = 0 AND name NOT LIKE 'kysely_%'").all();
    expect(strict).toEqual([]);
    expect(() =>
      conn.sqlite.prepare("INSERT INTO audit_log (at, operator_id, command, entity) VALUES ('t', 'not a number', 'c', 'e')").run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => conn.sqlite.prepare("INSERT INTO operator_roles (operator_id, role) VALUES (42, 'admin')").run()).toThrow(/FOREIGN KEY/);
    await conn.db.destroy();
  });

  it('0015 adds the 门岗 role and keeps every operator’s roles (the role table is rebuilt)', async () => {
    const conn = connect(join(dir, 'roles.db'));
    const upTo0014 = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0015'));
    await migrate(conn, { migrations: upTo0014 });
    const insertOperator = conn.sqlite.prepare("INSERT INTO operators (login, display_name, password_hash, created_at, updated_at) VALUES (?, ?, 'x', 't', 't')");
    const a = Number(insertOperator.run('qiantai', '前台').lastInsertRowid);
    const b = Number(insertOperator.run('zhuguan', '主管').lastInsertRowid);
    const addRole = conn.sqlite.prepare('INSERT INTO operator_roles (operator_id, role) VALUES (?, ?)');
    for (const [id, role] of [[a, 'receptionist'], [b, 'supervisor'], [b, 'admin']] as const) addRole.run(id, role);
    expect(() => addRole.run(a, 'gate_guard')).toThrow(/CHECK/);

    expect((await migrate(conn)).applied[0]).toBe('0015_gate_guard_role');
    const roles = () => conn.sqlite.prepare('SELECT operator_id, role FROM operator_roles ORDER BY operator_id, role').all();
    expect(roles()).toEqual([
      { operator_id: a, role: 'receptionist' },
      { operator_id: b, role: 'admin' },
      { operator_id: b, role: 'supervisor' },
    ]);
    addRole.run(a, 'gate_guard');
    expect(() => addRole.run(a, 'janitor')).toThrow(/CHECK/);
    expect(() => addRole.run(999, 'gate_guard')).toThrow(/FOREIGN KEY/);
    expect(() => addRole.run(a, 'gate_guard')).toThrow(/UNIQUE|PRIMARY/);
    await conn.db.destroy();
  });

  it('takes an online backup before applying a new migration to a database that holds data', async () => {
    const path = join(dir, 'c.db');
    const conn = connect(path);
    await migrate(conn);
    conn.sqlite.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('officeName', '\"旧名字\"', 'x')").run();
    const next = {
      ...MIGRATIONS,
      '9000_test_extra': { up: async (db: Parameters<(typeof MIGRATIONS)[string]['up']>[0]) => void (await sql`CREATE TABLE extra (id INTEGER PRIMARY KEY) STRICT`.execute(db)) },
    };
    const result = await migrate(conn, { migrations: next, now: new Date('2026-05-01T08:00:00Z') });
    expect(result.applied).toEqual(['9000_test_extra']);
    expect(result.backupPath).toMatch(/backups\/c\.db\.2026-05-01T08-00-00-000Z\.before-9000_test_extra\.bak$/);
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
    const backup = new BetterSqlite3(result.backupPath!, { readonly: true });
    expect(backup.prepare("SELECT value_json FROM settings WHERE key = 'officeName'").get()).toEqual({ value_json: '"旧名字"' });
    expect(backup.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toBeUndefined();
    backup.close();
    await conn.db.destroy();
  });

  it('refuses a database written by a newer version, with a clear Chinese message, and leaves it untouched', async () => {
    const path = join(dir, 'd.db');
    const conn = connect(path);
    await migrate(conn);
    conn.sqlite.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', '2030-01-01')").run();
    await conn.db.destroy();

    await expect(openApp({ dbPath: path, setup: 'trusted' })).rejects.toThrow(DatabaseTooNewError);
    await expect(openApp({ dbPath: path, setup: 'trusted' })).rejects.toThrow(/更新版本.*9999_from_the_future.*请安装最新版本/);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });
});
