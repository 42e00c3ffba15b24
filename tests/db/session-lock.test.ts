/**
 * Issue #10 item 13: a screen that locked because its operator was away stays locked when an
 * admin later raises 锁屏时间 — the lock is stored when it happens, not recomputed from the setting.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, PASSWORD, valueOf, type TestApp } from '../support/app';

describe('an idle lock is stored when it happens', () => {
  let t: TestApp;
  let admin: string;
  let clerk: string;
  beforeEach(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    clerk = await t.operatorWith(['receptionist'], 'qiantai');
    expect((await t.run(admin, 'settings.update', { lockMinutes: 5 })).ok).toBe(true);
  });
  afterEach(() => t.close());

  const locked = async (token: string) => valueOf<{ locked: boolean }>(await t.run(token, 'auth.session', {})).locked;
  /** The admin comes back to the desk (their own screen locked too) and raises the lock time. */
  async function adminRaisesLockMinutes(minutes: number) {
    const out = await t.app.dispatcher.run('auth.login', { login: ADMIN.login, password: ADMIN.password }, { sessionToken: null });
    expect((await t.run(out.session!.token!, 'settings.update', { lockMinutes: minutes })).ok).toBe(true);
  }
  const storedLock = () => t.app.connection.sqlite.prepare("SELECT s.locked_at FROM sessions s JOIN operators o ON o.id = s.operator_id WHERE o.login = 'qiantai' AND s.ended_at IS NULL").get();

  it('after the clerk’s screen was seen locked, raising lockMinutes does not unlock it', async () => {
    t.clock.advanceMinutes(6);
    expect(await locked(clerk)).toBe(true);
    expect(storedLock()).toEqual({ locked_at: new Date(Date.parse('2026-03-02T01:30:00.000Z') + 5 * 60_000).toISOString() });
    await adminRaisesLockMinutes(30);
    expect(await locked(clerk)).toBe(true);
    expect((await t.run(clerk, 'estate.overview', {})) as { ok: false; error: { kind: string } }).toMatchObject({ ok: false, error: { kind: 'unauthenticated' } });
  });

  it('a screen idle past the lock time but not asked since is locked by the change of setting, not freed by it', async () => {
    t.clock.advanceMinutes(6);
    await adminRaisesLockMinutes(30);
    expect(await locked(clerk)).toBe(true);
  });

  it('a screen still in use is not locked by the change, and the clerk’s password unlocks a stored lock', async () => {
    t.clock.advanceMinutes(4);
    expect(await locked(clerk)).toBe(false);
    await adminRaisesLockMinutes(30);
    t.clock.advanceMinutes(20);
    expect(await locked(clerk)).toBe(false);
    t.clock.advanceMinutes(31);
    expect(await locked(clerk)).toBe(true);
    expect((await t.run(clerk, 'auth.unlock', { password: PASSWORD })).ok).toBe(true);
    expect(await locked(clerk)).toBe(false);
  });
});
