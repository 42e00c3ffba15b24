/**
 * #11 §5: the dispatcher keeps the live session, its operator and the settings in memory instead
 * of reading them for every command. Whatever changes them must be seen by the very next command:
 * each test warms the cache first (the same token runs a command twice), changes one thing, and
 * checks the next command honours it.
 */
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandInput, CommandName } from '../../shared/contract';
import { createTestApp, PASSWORD, valueOf, type TestApp } from '../support/app';

describe('the dispatcher’s session, operator and settings caches', () => {
  let t: TestApp;
  let admin: string;
  let clerk: string;
  beforeEach(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    clerk = await t.operatorWith(['receptionist'], 'qiantai');
  });
  afterEach(() => t.close());

  /** 'ok' or the error kind: what the next command of this token gets. */
  async function outcome<N extends CommandName>(token: string, name: N, input?: CommandInput<N>): Promise<string> {
    const r = await t.run(token, name, input);
    return r.ok ? 'ok' : r.error.kind;
  }
  /** Run a command twice, so the token's session and operator are certainly cached. */
  async function warm<N extends CommandName>(token: string, name: N, input?: CommandInput<N>) {
    expect(await outcome(token, name, input)).toBe('ok');
    expect(await outcome(token, name, input)).toBe('ok');
  }
  const idOf = (login: string) => (t.app.connection.sqlite.prepare('SELECT id FROM operators WHERE login = ?').get(login) as { id: number }).id;
  const signIn = async (login: string, password = PASSWORD) => (await t.app.dispatcher.run('auth.login', { login, password }, { sessionToken: null })).session?.token ?? null;

  it('a disabled operator is refused at once, and may sign in again once enabled', async () => {
    await warm(clerk, 'estate.overview');
    valueOf(await t.run(admin, 'operators.setDisabled', { id: idOf('qiantai'), disabled: true, reason: '离职' }));
    expect(await outcome(clerk, 'estate.overview')).toBe('unauthenticated');
    expect(await signIn('qiantai')).toBeNull();
    valueOf(await t.run(admin, 'operators.setDisabled', { id: idOf('qiantai'), disabled: false, reason: '返岗' }));
    const again = await signIn('qiantai');
    expect(again).not.toBeNull();
    expect(await outcome(again!, 'estate.overview')).toBe('ok');
  });

  it('a removed role is refused at once, and a role given back is allowed at once', async () => {
    const boss = await t.operatorWith(['admin', 'supervisor'], 'boss');
    await warm(boss, 'operators.list', { filters: {} });
    valueOf(await t.run(admin, 'operators.update', { id: idOf('boss'), displayName: '主管', roles: ['supervisor'] }));
    expect(await outcome(boss, 'operators.list', { filters: {} })).toBe('forbidden');
    valueOf(await t.run(admin, 'operators.update', { id: idOf('boss'), displayName: '主管', roles: ['supervisor', 'admin'] }));
    expect(await outcome(boss, 'operators.list', { filters: {} })).toBe('ok');
  });

  it('a signed-out token is refused at once', async () => {
    await warm(clerk, 'auth.touch');
    valueOf(await t.run(clerk, 'auth.logout'));
    expect(await outcome(clerk, 'auth.touch')).toBe('unauthenticated');
    expect(valueOf<{ operator: unknown }>(await t.run(clerk, 'auth.session')).operator).toBeNull();
  });

  it('a screen locked by hand is honoured at once, and unlocking lets the next command through', async () => {
    await warm(clerk, 'estate.overview');
    valueOf(await t.run(clerk, 'auth.lock'));
    expect(await outcome(clerk, 'estate.overview')).toBe('unauthenticated');
    expect(valueOf<{ locked: boolean }>(await t.run(clerk, 'auth.session')).locked).toBe(true);
    valueOf(await t.run(clerk, 'auth.unlock', { password: PASSWORD }));
    expect(await outcome(clerk, 'estate.overview')).toBe('ok');
  });

  it('an idle lock is honoured when it falls due, and a shorter 锁屏时间 at once', async () => {
    valueOf(await t.run(admin, 'settings.update', { lockMinutes: 5 }));
    await warm(clerk, 'estate.overview');
    t.clock.advanceMinutes(4);
    expect(await outcome(admin, 'settings.get')).toBe('ok');
    expect(valueOf<{ locked: boolean }>(await t.run(clerk, 'auth.session')).locked).toBe(false);
    // The clerk was last seen 4 minutes ago: within 5, past 3.
    valueOf(await t.run(admin, 'settings.update', { lockMinutes: 3 }));
    expect(await outcome(clerk, 'estate.overview')).toBe('unauthenticated');
    expect(valueOf<{ locked: boolean; lockMinutes: number }>(await t.run(clerk, 'auth.session'))).toMatchObject({ locked: true, lockMinutes: 3 });
    // A session idle past the (cached) lock time locks without any write in between.
    valueOf(await t.run(clerk, 'auth.unlock', { password: PASSWORD }));
    expect(await outcome(clerk, 'estate.overview')).toBe('ok');
    t.clock.advanceMinutes(3.5);
    expect(await outcome(clerk, 'estate.overview')).toBe('unauthenticated');
  });

  it('changing one’s password ends one’s other sessions at once, and an admin’s reset ends all of them', async () => {
    const sameClerkElsewhere = (await signIn('qiantai'))!;
    await warm(clerk, 'estate.overview');
    await warm(sameClerkElsewhere, 'estate.overview');
    valueOf(await t.run(clerk, 'auth.changePassword', { currentPassword: PASSWORD, newPassword: 'new-pass-2026' }));
    expect(await outcome(sameClerkElsewhere, 'estate.overview')).toBe('unauthenticated');
    expect(await outcome(clerk, 'estate.overview')).toBe('ok');
    valueOf(await t.run(admin, 'operators.resetPassword', { id: idOf('qiantai'), password: 'reset-pass-2026' }));
    expect(await outcome(clerk, 'estate.overview')).toBe('unauthenticated');
    expect(await signIn('qiantai', 'reset-pass-2026')).not.toBeNull();
  });

  it('a session ended after too many wrong unlock passwords is refused at once', async () => {
    await warm(clerk, 'auth.touch');
    valueOf(await t.run(clerk, 'auth.lock'));
    let signedOut = false;
    for (let i = 0; i < 20 && !signedOut; i++) {
      const r = await t.run(clerk, 'auth.unlock', { password: 'wrong-password' });
      signedOut = r.ok && 'signedOut' in (r.value as object);
    }
    expect(signedOut).toBe(true);
    expect(await outcome(clerk, 'auth.unlock', { password: PASSWORD })).toBe('unauthenticated');
    expect(valueOf<{ operator: unknown }>(await t.run(clerk, 'auth.session')).operator).toBeNull();
  });

  it('sees writes made on the same connection outside any command (the tables themselves are watched)', async () => {
    const boss = await t.operatorWith(['admin'], 'boss');
    await warm(boss, 'operators.list', { filters: {} });
    await warm(clerk, 'estate.overview');
    const raw = t.app.connection.sqlite;
    raw.prepare("UPDATE operator_roles SET role = 'supervisor' WHERE operator_id = ?").run(idOf('boss'));
    expect(await outcome(boss, 'operators.list', { filters: {} })).toBe('forbidden');
    raw.prepare('UPDATE operators SET disabled_at = ? WHERE login = ?').run(t.clock.now().toISOString(), 'qiantai');
    expect(await outcome(clerk, 'estate.overview')).toBe('unauthenticated');
    raw.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('officeName', '\"改过的名字\"', 'x')").run();
    expect(valueOf<{ officeName: string }>(await t.run(admin, 'auth.session')).officeName).toBe('改过的名字');
  });

  it('sees writes committed by another connection to the same database file', async () => {
    await warm(clerk, 'estate.overview');
    await warm(admin, 'settings.get');
    const other = new BetterSqlite3(t.dbPath);
    try {
      other.prepare("UPDATE sessions SET ended_at = ?, end_reason = 'logout' WHERE operator_id = ?").run(t.clock.now().toISOString(), idOf('qiantai'));
      other.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('officeName', '\"别处改的名字\"', 'x')").run();
    } finally {
      other.close();
    }
    expect(await outcome(clerk, 'estate.overview')).toBe('unauthenticated');
    expect(valueOf<{ officeName: string }>(await t.run(admin, 'settings.get')).officeName).toBe('别处改的名字');
  });

  it('a command that waited for another transaction is judged by what that transaction committed', async () => {
    await warm(clerk, 'estate.overview');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Another command's transaction holds the connection; it disables the clerk only after the
    // clerk's command has been judged from what was kept, and commits while that command waits.
    const disabling = t.app.connection.db.transaction().execute(async (trx) => {
      await gate;
      await trx.updateTable('operators').set({ disabled_at: t.clock.now().toISOString() }).where('login', '=', 'qiantai').execute();
    });
    await new Promise((resolve) => setImmediate(resolve));
    const waiting = t.run(clerk, 'estate.overview', {});
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await disabling;
    expect(await waiting).toMatchObject({ ok: false, error: { kind: 'unauthenticated' } });
  });

  it('no write of an operator lands after the commit that disabled them, however the two commands interleave', async () => {
    const boss = await t.operatorWith(['supervisor'], 'boss');
    await warm(boss, 'estate.overview');
    const [disabled, bossWrite] = await Promise.all([
      t.run(admin, 'operators.setDisabled', { id: idOf('boss'), disabled: true, reason: '离职' }),
      t.run(boss, 'estate.saveEstate', { name: '停用前后写入的小区' }),
    ]);
    expect(disabled.ok).toBe(true);
    const lastAudit = (command: string) =>
      (t.app.connection.sqlite.prepare('SELECT max(id) AS id FROM audit_log WHERE command = ?').get(command) as { id: number | null }).id;
    if (bossWrite.ok) {
      // Then it committed first: its audit row comes before the disabling's.
      expect(lastAudit('estate.saveEstate')!).toBeLessThan(lastAudit('operators.setDisabled')!);
    } else {
      expect(bossWrite).toMatchObject({ ok: false, error: { kind: 'unauthenticated' } });
      expect(lastAudit('estate.saveEstate')).toBeNull();
    }
  });

  it('a settings change is seen by the next command of every operator', async () => {
    await warm(admin, 'settings.get');
    valueOf(await t.run(admin, 'settings.update', { officeName: '新名字物业管理处' }));
    expect(valueOf<{ officeName: string }>(await t.run(admin, 'settings.get')).officeName).toBe('新名字物业管理处');
    expect(valueOf<{ officeName: string }>(await t.run(clerk, 'auth.session')).officeName).toBe('新名字物业管理处');
  });
});
