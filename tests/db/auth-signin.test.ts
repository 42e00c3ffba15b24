import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp } from '../../db/app';
import { scryptSlots } from '../../db/auth/password';
import { LOGIN_RULES } from '../../db/auth/throttle';
import { createTestApp, expectError, valueOf, PASSWORD, type TestApp } from '../support/app';

const SIGNED_OUT = '解锁失败次数过多，已退出登录，请重新登录';

describe('sign-in throttling: a stranger cannot keep a clerk out, and guessing stays slow', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    await t.setupAdmin();
    await t.operatorWith(['receptionist'], 'qiantai');
  });
  afterEach(() => t.close());

  const login = (name: string, password: string, clientId: string) => t.app.dispatcher.run('auth.login', { login: name, password }, { sessionToken: null, clientId });
  const sql = (query: string, ...args: unknown[]) => t.app.connection.sqlite.prepare(query).all(...args);

  it('never slows the clerk’s own counter for wrong passwords typed at other clients', async () => {
    // The counter has signed in before: it is a trusted client for qiantai.
    expect((await login('qiantai', PASSWORD, 'browser:counter')).response.ok).toBe(true);
    // A stranger types wrong passwords for qiantai from 40 clients (a new cookie for every try).
    for (let i = 0; i < 40; i++) await login('qiantai', `guess-${i}-xx`, `browser:stranger-${i}`);
    // Before: three misses made the real user wait, doubling up to 5 minutes.
    const out = await login('qiantai', PASSWORD, 'browser:counter');
    expect(out.response).toMatchObject({ ok: true, value: { operator: { login: 'qiantai' } } });
  });

  it('slows the guesser on their own client, doubling from 2 s, with a rate_limited answer', async () => {
    for (let i = 0; i < LOGIN_RULES.freePerClient; i++) {
      expect(expectError((await login('qiantai', 'wrong-pass-1', 'browser:guesser')).response).kind).toBe('unauthenticated');
    }
    // Even the right password waits now, at that client.
    const slowed = expectError((await login('qiantai', PASSWORD, 'browser:guesser')).response);
    expect(slowed).toMatchObject({ kind: 'rate_limited', message: '密码错误次数过多，请 2 秒后再试' });
    t.clock.advance(2_000);
    expect(expectError((await login('qiantai', 'wrong-pass-1', 'browser:guesser')).response).kind).toBe('unauthenticated');
    expect(expectError((await login('qiantai', PASSWORD, 'browser:guesser')).response).message).toBe('密码错误次数过多，请 4 秒后再试');
    t.clock.advance(4_000);
    expect((await login('qiantai', PASSWORD, 'browser:guesser')).response.ok).toBe(true);
  });

  it('counts failures from all untrusted clients per login, so new cookies per try do not help; trusted clients still sign in', async () => {
    expect((await login('qiantai', PASSWORD, 'browser:counter')).response.ok).toBe(true);
    for (let i = 0; i < LOGIN_RULES.freeUntrusted; i++) {
      expect(expectError((await login('qiantai', `guess-${i}-xx`, `browser:minted-${i}`)).response).kind).toBe('unauthenticated');
    }
    const fresh = expectError((await login('qiantai', PASSWORD, 'browser:minted-new')).response);
    expect(fresh.kind).toBe('rate_limited');
    expect(fresh.message).toMatch(/^该账号密码错误次数过多，请 \d+ 秒后再试，或请管理员解除限制$/);
    expect((await login('qiantai', PASSWORD, 'browser:counter')).response.ok).toBe(true);
  });

  it('limits wrong passwords across the whole app: beyond the limit untrusted clients wait, trusted ones do not', async () => {
    expect((await login('qiantai', PASSWORD, 'browser:counter')).response.ok).toBe(true);
    for (let i = 0; i < LOGIN_RULES.overallPerMinute; i++) {
      expect(expectError((await login(`nobody${i}`, 'guess-pass-1', `browser:spray-${i}`)).response).kind).toBe('unauthenticated');
    }
    const next = expectError((await login('admin', 'admin-pass-1', 'browser:spray-new')).response);
    expect(next).toMatchObject({ kind: 'rate_limited', message: '登录尝试过多，请 60 秒后再试' });
    expect((await login('qiantai', PASSWORD, 'browser:counter')).response.ok).toBe(true);
    t.clock.advance(61_000);
    expect((await login('admin', 'admin-pass-1', 'browser:spray-new')).response.ok).toBe(true);
  });

  it('counts unknown logins like known ones', async () => {
    for (let i = 0; i < LOGIN_RULES.freePerClient; i++) {
      expect(expectError((await login('ghost', 'guess-pass-1', 'browser:g')).response).message).toBe('账号或密码不正确');
    }
    expect(expectError((await login('ghost', 'guess-pass-1', 'browser:g')).response)).toMatchObject({ kind: 'rate_limited', message: '密码错误次数过多，请 2 秒后再试' });
  });

  it('remembers trusted clients across a restart, storing only a hash of the client name', async () => {
    expect((await login('qiantai', PASSWORD, 'browser:counter-cookie-123')).response.ok).toBe(true);
    const stored = sql('SELECT client_hash FROM trusted_clients') as { client_hash: string }[];
    expect(stored.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored)).not.toContain('counter-cookie-123');
    // The app starts again on the same file: its in-memory counts are gone, the trust is not.
    const restarted = await openApp({ dbPath: t.dbPath, clock: t.clock.now, setup: 'trusted' });
    try {
      const again = (password: string, clientId: string) => restarted.dispatcher.run('auth.login', { login: 'qiantai', password }, { sessionToken: null, clientId });
      for (let i = 0; i < 20; i++) await again(`guess-${i}-xx`, `browser:stranger-${i}`);
      expect((await again(PASSWORD, 'browser:counter-cookie-123')).response.ok).toBe(true);
      // A cookie-less caller is never trusted, even after signing in.
      expect((await login('qiantai', PASSWORD, 'browser:anonymous')).response.ok).toBe(true);
      expect(sql('SELECT count(*) n FROM trusted_clients')).toEqual([{ n: 3 }]);
    } finally {
      await restarted.close();
    }
  });

  it('keeps other operators’ commands answering while 20 unknown-login checks run in parallel, at most 2 scrypt at once', async () => {
    const desk = await t.operatorWith(['receptionist'], 'desk');
    const finished: string[] = [];
    let peak = 0;
    let sampling = true;
    const sample = () => {
      peak = Math.max(peak, scryptSlots.running);
      if (sampling) setImmediate(sample);
    };
    sample();
    const logins = Array.from({ length: 20 }, (_, i) =>
      login(`nobody${i}`, 'guess-pass-1', `browser:parallel-${i}`).then((out) => {
        finished.push('login');
        return out.response;
      }),
    );
    const started = performance.now();
    const other = t.app.dispatcher.run('settings.get', {}, { sessionToken: desk, clientId: 'browser:desk' }).then((out) => {
      finished.push('other');
      return { response: out.response, ms: performance.now() - started };
    });
    const [answers, otherDone] = await Promise.all([Promise.all(logins), other]);
    sampling = false;
    expect(otherDone.response.ok).toBe(true);
    // Before: every login held the one connection through its scrypt, so the other command came last.
    expect(finished.indexOf('other')).toBeLessThan(finished.length - 1);
    expect(otherDone.ms).toBeLessThan(1_000);
    for (const answer of answers) expect(expectError(answer).message).toBe('账号或密码不正确');
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(2);
  });

  it('turns untrusted tries away when the line for scrypt is long, but never a trusted client', async () => {
    expect((await login('qiantai', PASSWORD, 'browser:counter')).response.ok).toBe(true);
    const flood = Array.from({ length: 40 }, (_, i) => login(`nobody${i}`, 'guess-pass-1', `browser:flood-${i}`));
    const trusted = login('qiantai', PASSWORD, 'browser:counter');
    const answers = (await Promise.all(flood)).map((out) => expectError(out.response));
    expect(answers.filter((e) => e.kind === 'rate_limited' && e.message === '登录的人太多，请稍等几秒再试').length).toBeGreaterThan(0);
    for (const answer of answers) expect(['unauthenticated', 'rate_limited']).toContain(answer.kind);
    expect((await trusted).response.ok).toBe(true);
  });

  it('lets the session that owns a locked screen unlock with the right password whatever strangers typed elsewhere', async () => {
    const token = (await login('qiantai', PASSWORD, 'browser:counter')).session!.token!;
    valueOf(await t.run(token, 'auth.lock'));
    for (let i = 0; i < 20; i++) await login('qiantai', `guess-${i}-xx`, `browser:stranger-${i}`);
    const out = await t.app.dispatcher.run('auth.unlock', { password: PASSWORD }, { sessionToken: token, clientId: 'browser:counter' });
    expect(out.response).toMatchObject({ ok: true, value: { operator: { login: 'qiantai' } } });
  });

  it('does not count wrong unlock passwords against the login', async () => {
    const token = (await login('qiantai', PASSWORD, 'browser:counter')).session!.token!;
    valueOf(await t.run(token, 'auth.lock'));
    for (let i = 0; i < 5; i++) {
      expect(expectError(await t.run(token, 'auth.unlock', { password: 'wrong-pass-1' })).fields).toEqual({ password: '密码不正确' });
    }
    expect((await login('qiantai', PASSWORD, 'browser:other-desk')).response.ok).toBe(true);
  });

  it('ends a session after 10 wrong unlock passwords, audited, and says so', async () => {
    const token = (await login('qiantai', PASSWORD, 'browser:counter')).session!.token!;
    valueOf(await t.run(token, 'auth.lock'));
    for (let i = 1; i < LOGIN_RULES.sessionPasswordFailures; i++) {
      expect(expectError(await t.run(token, 'auth.unlock', { password: `wrong-pass-${i}` })).fields).toEqual({ password: '密码不正确' });
    }
    const last = await t.app.dispatcher.run('auth.unlock', { password: 'wrong-pass-10' }, { sessionToken: token });
    expect(last.response).toEqual({ ok: true, value: { signedOut: SIGNED_OUT } });
    expect(last.session).toEqual({ token: null });
    expect(sql("SELECT end_reason FROM sessions WHERE ended_at IS NOT NULL AND end_reason = 'password_failures'")).toHaveLength(1);
    expect(sql("SELECT after_json FROM audit_log WHERE command = 'auth.unlock'")).toEqual([{ after_json: JSON.stringify({ event: 'signed_out', reason: 'password_failures' }) }]);
    // The right password no longer helps: the session is gone.
    expect(expectError(await t.run(token, 'auth.unlock', { password: PASSWORD })).kind).toBe('unauthenticated');
  });

  it('lets an admin see and clear a login’s lock-out, audited', async () => {
    const admin = (await login('admin', 'admin-pass-1', 'browser:admin-desk')).session!.token!;
    const id = (sql("SELECT id FROM operators WHERE login = 'qiantai'")[0] as { id: number }).id;
    const row = async () =>
      valueOf<{ rows: { login: string; loginWaitSeconds: number }[] }>(await t.run(admin, 'operators.list', { filters: {} })).rows.find((r) => r.login === 'qiantai')!;
    expect((await row()).loginWaitSeconds).toBe(0);
    for (let i = 0; i <= LOGIN_RULES.freeUntrusted; i++) await login('qiantai', `guess-${i}-xx`, `browser:stranger-${i}`);
    expect((await row()).loginWaitSeconds).toBeGreaterThan(0);
    expect(expectError((await login('qiantai', PASSWORD, 'browser:new-pc')).response).kind).toBe('rate_limited');

    expect(expectError(await t.run(admin, 'operators.clearLockout', { id: 999 })).kind).toBe('not_found');
    valueOf(await t.run(admin, 'operators.clearLockout', { id }));
    expect((await row()).loginWaitSeconds).toBe(0);
    expect(sql("SELECT entity, entity_id, after_json FROM audit_log WHERE command = 'operators.clearLockout'")).toEqual([
      { entity: 'operator', entity_id: String(id), after_json: JSON.stringify({ event: 'lockout_cleared', login: 'qiantai' }) },
    ]);
    expect((await login('qiantai', PASSWORD, 'browser:new-pc')).response.ok).toBe(true);
  });
});

describe('changing one’s password', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    await t.setupAdmin();
  });
  afterEach(() => t.close());
  const sql = (query: string, ...args: unknown[]) => t.app.connection.sqlite.prepare(query).all(...args);

  it('ends the operator’s other sessions and keeps the current one', async () => {
    const here = await t.operatorWith(['cashier'], 'li');
    const other = (await t.app.dispatcher.run('auth.login', { login: 'li', password: PASSWORD }, { sessionToken: null, clientId: 'browser:home' })).session!.token!;
    const admin = (await t.app.dispatcher.run('auth.login', { login: 'admin', password: 'admin-pass-1' }, { sessionToken: null })).session!.token!;
    valueOf(await t.run(here, 'auth.changePassword', { currentPassword: PASSWORD, newPassword: 'new-pass-99' }));
    expect((await t.run(here, 'auth.touch')).ok).toBe(true);
    expect(expectError(await t.run(other, 'auth.touch')).kind).toBe('unauthenticated');
    // Nobody else is signed out.
    expect((await t.run(admin, 'auth.touch')).ok).toBe(true);
    expect(sql("SELECT count(*) n FROM sessions WHERE end_reason = 'password_changed'")).toEqual([{ n: 1 }]);
    expect(sql("SELECT after_json FROM audit_log WHERE command = 'auth.changePassword'")).toEqual([
      { after_json: JSON.stringify({ event: 'password_changed', sessionsEnded: 1 }) },
    ]);
  });

  it('counts wrong current passwords per session and ends the session after 10', async () => {
    const token = await t.operatorWith(['cashier'], 'li');
    for (let i = 1; i < LOGIN_RULES.sessionPasswordFailures; i++) {
      expect(expectError(await t.run(token, 'auth.changePassword', { currentPassword: `bad-one-${i}`, newPassword: 'new-pass-99' })).fields).toEqual({
        currentPassword: '当前密码不正确',
      });
    }
    const last = await t.app.dispatcher.run('auth.changePassword', { currentPassword: 'bad-one-10', newPassword: 'new-pass-99' }, { sessionToken: token });
    expect(last.response).toEqual({ ok: true, value: { signedOut: '密码错误次数过多，已退出登录，请重新登录' } });
    expect(expectError(await t.run(token, 'auth.touch')).kind).toBe('unauthenticated');
    expect((await t.run(null, 'auth.login', { login: 'li', password: PASSWORD })).ok).toBe(true);
  });
});

describe('the failed-login log line', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    await t.setupAdmin();
  });
  afterEach(() => t.close());

  it('never carries what was typed for an unknown login (people type passwords there): a short salted hash and its length', async () => {
    await t.run(null, 'auth.login', { login: 'MySecret-Pass-77', password: 'x' });
    await t.run(null, 'auth.login', { login: 'admin', password: 'not-the-pass' });
    const lines = readFileSync(join(t.dir, 'logs', 'qiantai.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.event === 'login_failed');
    expect(JSON.stringify(lines)).not.toMatch(/MySecret/i);
    expect(lines[0]).toMatchObject({ known: false, loginHash: expect.stringMatching(/^[0-9a-f]{12}$/), loginLength: 16 });
    expect(lines[0]).not.toHaveProperty('login');
    expect(lines[1]).toMatchObject({ known: true, login: 'admin' });
    expect(JSON.stringify(lines)).not.toContain('not-the-pass');
  });
});

describe('the browser-mode setup code', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ setup: 'printed' });
  });
  afterEach(() => t.close());
  const setup = (setupCode: string, clientId: string) =>
    t.app.dispatcher.run('auth.setup', { displayName: '王管理', login: 'admin', password: 'admin-pass-1', setupCode }, { sessionToken: null, clientId });

  it('is 12 readable characters (60 bits) and is taken in any case, with or without dashes', async () => {
    const code = t.app.setupCode!;
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    const other = await openApp({ dbPath: join(t.dir, 'second.db'), setup: 'printed' });
    expect(other.setupCode).not.toBe(code);
    await other.close();
    const typed = ` ${code.replace(/-/g, '').toLowerCase()} `;
    expect((await setup(typed, 'browser:admin')).response.ok).toBe(true);
  });

  it('throttles wrong codes per client (5 a minute) and overall (20 a minute)', async () => {
    const code = t.app.setupCode!;
    for (let i = 0; i < 5; i++) expect(expectError((await setup('AAAA-BBBB-CCCC', 'browser:guesser')).response).fields).toEqual({ setupCode: '初始化码不正确' });
    expect(expectError((await setup(code, 'browser:guesser')).response)).toMatchObject({ kind: 'rate_limited', message: '初始化码错误次数过多，请 1 分钟后再试' });
    for (let i = 0; i < 15; i++) await setup('AAAA-BBBB-CCCC', `browser:minted-${i}`);
    expect(expectError((await setup(code, 'browser:admin')).response).kind).toBe('rate_limited');
    expect(t.app.connection.sqlite.prepare('SELECT count(*) n FROM operators').get()).toEqual({ n: 0 });
    t.clock.advance(61_000);
    expect((await setup(code, 'browser:admin')).response.ok).toBe(true);
  });
});
