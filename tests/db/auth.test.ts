import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_MAX_HOURS } from '../../db/auth/session-rules';
import { createTestApp, expectError, valueOf, ADMIN, PASSWORD, type TestApp } from '../support/app';
import type { SessionView } from '../../shared/contract/auth';

describe('first start', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('asks for the admin account once, with the printed code in browser mode', async () => {
    t = await createTestApp({ setup: 'printed' });
    expect(t.app.setupCode).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    const status = valueOf<SessionView>(await t.run(null, 'auth.session'));
    expect(status).toMatchObject({ operator: null, needsSetup: true, setupCodeRequired: true });

    const wrong = expectError(await t.run(null, 'auth.setup', { ...ADMIN, setupCode: 'WRONG' }));
    expect(wrong).toMatchObject({ kind: 'validation', fields: { setupCode: '初始化码不正确' } });
    expect(t.app.connection.sqlite.prepare('SELECT count(*) n FROM operators').get()).toEqual({ n: 0 });

    const out = await t.app.dispatcher.run('auth.setup', { ...ADMIN, setupCode: t.app.setupCode! }, { sessionToken: null });
    expect(out.response.ok).toBe(true);
    expect(out.session?.token).toBeTruthy();
    const me = valueOf<SessionView>(await t.run(out.session!.token, 'auth.session'));
    expect(me.operator).toMatchObject({ login: 'admin', roles: ['admin'] });
    expect(me.needsSetup).toBe(false);

    const again = expectError(await t.run(null, 'auth.setup', { ...ADMIN, login: 'admin2', setupCode: t.app.setupCode! }));
    expect(again.kind).toBe('conflict');
  });

  it('takes the office name with the admin account, so the header and every print carry it from the start', async () => {
    t = await createTestApp();
    expect(valueOf<SessionView>(await t.run(null, 'auth.session')).officeName).toBe('物业管理处');
    // Too long: refused in Chinese, and nothing is created (no admin, no setting).
    const long = expectError(await t.run(null, 'auth.setup', { ...ADMIN, officeName: '阳'.repeat(61) }));
    expect(long.fields).toEqual({ officeName: '最多 60 个字' });
    expect(t.app.connection.sqlite.prepare('SELECT (SELECT count(*) FROM operators) ops, (SELECT count(*) FROM settings) settings').get()).toEqual({ ops: 0, settings: 0 });

    const out = await t.app.dispatcher.run('auth.setup', { ...ADMIN, officeName: ' 阳光花园物业服务中心 ' }, { sessionToken: null });
    expect(out.response.ok).toBe(true);
    // Before signing in (the login page) and after, and in the settings the print forms read.
    expect(valueOf<SessionView>(await t.run(null, 'auth.session')).officeName).toBe('阳光花园物业服务中心');
    expect(valueOf<{ officeName: string }>(await t.run(out.session!.token, 'settings.get')).officeName).toBe('阳光花园物业服务中心');
    const audit = t.app.connection.sqlite.prepare("SELECT command, operator_id, after_json FROM audit_log WHERE entity = 'settings'").all();
    expect(audit).toEqual([{ command: 'auth.setup', operator_id: 1, after_json: JSON.stringify({ officeName: '阳光花园物业服务中心' }) }]);
  });
});

describe('signing in and out', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    await t.setupAdmin();
  });
  afterEach(() => t.close());

  it('stores scrypt hashes, never passwords, and accepts the login in any letter case', async () => {
    const hash = (t.app.connection.sqlite.prepare('SELECT password_hash h FROM operators').get() as { h: string }).h;
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain(ADMIN.password);
    const out = await t.app.dispatcher.run('auth.login', { login: 'ADMIN', password: ADMIN.password }, { sessionToken: null });
    expect(out.response.ok).toBe(true);
    const stored = t.app.connection.sqlite.prepare('SELECT token_hash FROM sessions').all() as { token_hash: string }[];
    expect(stored.map((s) => s.token_hash)).not.toContain(out.session!.token);
  });

  it('says the same thing for an unknown login and a wrong password, and slows repeated misses', async () => {
    const unknown = expectError(await t.run(null, 'auth.login', { login: 'ghost', password: 'x' }));
    const wrong = expectError(await t.run(null, 'auth.login', { login: 'admin', password: 'wrong' }));
    expect(unknown.message).toBe('账号或密码不正确');
    expect(wrong.message).toBe(unknown.message);
    await t.run(null, 'auth.login', { login: 'admin', password: 'wrong' });
    await t.run(null, 'auth.login', { login: 'admin', password: 'wrong' });
    // Third miss: even the right password must wait now.
    const slowed = expectError(await t.run(null, 'auth.login', { login: 'admin', password: ADMIN.password }));
    expect(slowed.message).toMatch(/请 \d+ 秒后再试/);
    t.clock.advance(3_000);
    expect((await t.run(null, 'auth.login', { login: 'admin', password: ADMIN.password })).ok).toBe(true);
  });

  it('ends the session at sign-out', async () => {
    const out = await t.app.dispatcher.run('auth.login', { login: 'admin', password: ADMIN.password }, { sessionToken: null });
    const token = out.session!.token!;
    const bye = await t.app.dispatcher.run('auth.logout', {}, { sessionToken: token });
    expect(bye.session).toEqual({ token: null });
    expect(expectError(await t.run(token, 'operators.list', { filters: {} })).kind).toBe('unauthenticated');
    const events = t.app.connection.sqlite.prepare("SELECT after_json FROM audit_log WHERE entity = 'session'").all() as { after_json: string }[];
    expect(events.map((e) => JSON.parse(e.after_json).event)).toEqual(['login', 'login', 'logout']);
  });

  it('locks after the idle minutes, keeps active sessions open, unlocks with the password only', async () => {
    const token = await t.operatorWith(['receptionist'], 'qian');
    t.clock.advanceMinutes(9);
    expect((await t.run(token, 'auth.touch')).ok).toBe(true);
    t.clock.advanceMinutes(9);
    expect((await t.run(token, 'settings.get')).ok).toBe(true);
    t.clock.advanceMinutes(11);
    const locked = expectError(await t.run(token, 'settings.get'));
    expect(locked).toMatchObject({ kind: 'unauthenticated', message: '屏幕已锁定，请输入密码解锁' });
    expect(valueOf<SessionView>(await t.run(token, 'auth.session')).locked).toBe(true);
    expect(expectError(await t.run(token, 'auth.unlock', { password: 'nope-nope' })).fields).toEqual({ password: '密码不正确' });
    expect(valueOf<{ operator: { login: string } }>(await t.run(token, 'auth.unlock', { password: PASSWORD })).operator.login).toBe('qian');
    expect((await t.run(token, 'settings.get')).ok).toBe(true);

    expect((await t.run(token, 'auth.lock')).ok).toBe(true);
    expect(expectError(await t.run(token, 'settings.get')).message).toMatch(/锁定/);
  });

  it('does not count the shell badge’s background poll as activity: an idle screen still locks', async () => {
    const token = await t.operatorWith(['receptionist'], 'poller');
    for (let minute = 1; minute <= 9; minute++) {
      t.clock.advanceMinutes(1);
      expect((await t.run(token, 'shell.attention')).ok).toBe(true);
    }
    t.clock.advanceMinutes(2);
    expect(expectError(await t.run(token, 'shell.attention'))).toMatchObject({ kind: 'unauthenticated', message: '屏幕已锁定，请输入密码解锁' });
  });

  it('follows the configured lock minutes', async () => {
    const admin = await t.operatorWith(['admin'], 'admin2');
    valueOf(await t.run(admin, 'settings.update', { lockMinutes: 30 }));
    t.clock.advanceMinutes(25);
    expect((await t.run(admin, 'settings.get')).ok).toBe(true);
    expect(expectError(await t.run(admin, 'settings.update', { lockMinutes: 0 })).fields).toEqual({ lockMinutes: '至少 1 分钟' });
  });

  it('expires any session after its maximum age', async () => {
    const token = await t.operatorWith(['cashier'], 'sun');
    for (let h = 0; h < SESSION_MAX_HOURS; h++) {
      t.clock.advanceMinutes(59);
      await t.run(token, 'auth.touch');
    }
    t.clock.advanceMinutes(SESSION_MAX_HOURS + 1);
    expect(expectError(await t.run(token, 'auth.touch')).message).toBe('登录已过期，请重新登录');
  });

  it('lets an operator change their own password after proving the current one', async () => {
    const token = await t.operatorWith(['cashier'], 'li');
    expect(expectError(await t.run(token, 'auth.changePassword', { currentPassword: 'bad-one-1', newPassword: 'new-pass-99' })).fields).toEqual({
      currentPassword: '当前密码不正确',
    });
    valueOf(await t.run(token, 'auth.changePassword', { currentPassword: PASSWORD, newPassword: 'new-pass-99' }));
    expect((await t.run(null, 'auth.login', { login: 'li', password: 'new-pass-99' })).ok).toBe(true);
  });
});

describe('managing operators', () => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
  });
  afterEach(() => t.close());

  it('disables an operator: signed out at once, cannot sign in, history kept; enabling restores', async () => {
    const token = await t.operatorWith(['key_custodian'], 'zhou');
    const id = (t.app.connection.sqlite.prepare("SELECT id FROM operators WHERE login = 'zhou'").get() as { id: number }).id;
    expect(expectError(await t.run(admin, 'operators.setDisabled', { id, disabled: true, reason: '' } as never)).fields).toEqual({ reason: '必填' });
    valueOf(await t.run(admin, 'operators.setDisabled', { id, disabled: true, reason: '调岗' }));
    expect(expectError(await t.run(token, 'auth.touch')).kind).toBe('unauthenticated');
    expect(expectError(await t.run(null, 'auth.login', { login: 'zhou', password: PASSWORD })).message).toBe('该账号已停用，请联系管理员');
    const list = valueOf<{ rows: { login: string }[] }>(await t.run(admin, 'operators.list', { filters: {} }));
    expect(list.rows.map((r) => r.login)).not.toContain('zhou');
    const all = valueOf<{ rows: { login: string; disabled: boolean }[] }>(await t.run(admin, 'operators.list', { filters: { includeDisabled: true } }));
    expect(all.rows.find((r) => r.login === 'zhou')).toMatchObject({ disabled: true });
    // Audit history still names the operator.
    expect(t.app.connection.sqlite.prepare('SELECT count(*) n FROM audit_log WHERE operator_id = ?').get(id)).toEqual({ n: 1 });
    valueOf(await t.run(admin, 'operators.setDisabled', { id, disabled: false, reason: '回岗' }));
    expect((await t.run(null, 'auth.login', { login: 'zhou', password: PASSWORD })).ok).toBe(true);
  });

  it('keeps at least one active admin and never disables oneself', async () => {
    expect(expectError(await t.run(admin, 'operators.setDisabled', { id: 1, disabled: true, reason: '测试' })).message).toBe('不能停用自己的账号');
    expect(expectError(await t.run(admin, 'operators.update', { id: 1, displayName: '王管理', roles: ['supervisor'] })).kind).toBe('conflict');
    expect(expectError(await t.run(admin, 'operators.update', { id: 999, displayName: '无人', roles: ['supervisor'] })).kind).toBe('not_found');
  });

  it('resets a password and ends that operator’s sessions', async () => {
    const token = await t.operatorWith(['cashier'], 'wu');
    const id = (t.app.connection.sqlite.prepare("SELECT id FROM operators WHERE login = 'wu'").get() as { id: number }).id;
    valueOf(await t.run(admin, 'operators.resetPassword', { id, password: 'fresh-pass-7' }));
    expect(expectError(await t.run(token, 'auth.touch')).kind).toBe('unauthenticated');
    expect((await t.run(null, 'auth.login', { login: 'wu', password: 'fresh-pass-7' })).ok).toBe(true);
    const audit = t.app.connection.sqlite.prepare("SELECT after_json FROM audit_log WHERE command = 'operators.resetPassword'").get() as { after_json: string };
    expect(audit.after_json).not.toContain('fresh-pass-7');
  });

  it('pages, sorts and filters the operator list on the server', async () => {
    for (const [login, role] of [['a1', 'cashier'], ['b2', 'receptionist'], ['c3', 'cashier']] as const) {
      await t.run(admin, 'operators.create', { displayName: `员工${login}`, login, password: PASSWORD, roles: [role] });
    }
    const page = valueOf<{ rows: { login: string }[]; total: number }>(
      await t.run(admin, 'operators.list', { page: 2, pageSize: 2, sort: { field: 'login', desc: false }, filters: {} }),
    );
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.login)).toEqual(['b2', 'c3']);
    const cashiers = valueOf<{ rows: { login: string }[] }>(await t.run(admin, 'operators.list', { filters: { role: 'cashier' } }));
    expect(cashiers.rows.map((r) => r.login).sort()).toEqual(['a1', 'c3']);
    const search = valueOf<{ rows: { login: string }[] }>(await t.run(admin, 'operators.list', { filters: { search: '员工b' } }));
    expect(search.rows.map((r) => r.login)).toEqual(['b2']);
    expect(expectError(await t.run(admin, 'operators.list', { pageSize: 5000, filters: {} })).fields).toEqual({ pageSize: '不能大于 200' });
  });
});
