/**
 * The IPC transport's rules against the real dispatcher and a real SQLite file; only the Electron
 * event objects are stand-ins (shaped like IpcMainInvokeEvent / WebFrameMain).
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createTestApp, ADMIN, type TestApp } from '../support/app';
import { createInvokeHandler, createSessionLenders, FORBIDDEN, type FrameLike, type InvokeEventLike, type SenderLike } from '../../electron/invoke';
import type { Dispatcher, DispatchOutcome } from '../../db/dispatcher';
import { APP_INDEX_URL } from '../../electron/security';

function fakeWindow(id: number, url = APP_INDEX_URL) {
  const mainFrame: FrameLike = { url, processId: 7, routingId: id, parent: null };
  const listeners: (() => void)[] = [];
  const sender: SenderLike = {
    id,
    mainFrame,
    once: (_event, listener) => listeners.push(listener),
  };
  return { sender, mainFrame, destroy: () => listeners.forEach((l) => l()), event: (frame: FrameLike | null = mainFrame): InvokeEventLike => ({ sender, senderFrame: frame }) };
}

describe('[stand-in Electron events] IPC invoke handler, on the real dispatcher and SQLite', () => {
  let t: TestApp;
  let outcomes: DispatchOutcome[];
  let calls: number;
  let ours: Set<number>;
  let spy: Dispatcher;

  beforeEach(async () => {
    t = await createTestApp({ setup: 'trusted' });
    outcomes = [];
    calls = 0;
    ours = new Set([1]);
    spy = {
      async run(name, input, caller) {
        calls++;
        const out = await t.app.dispatcher.run(name, input, caller);
        outcomes.push(out);
        return out;
      },
    };
  });
  afterEach(async () => t.close());

  const handlerFor = () => createInvokeHandler({ dispatcher: spy, isOurWindow: (s) => ours.has(s.id) });

  it('keeps the session token in the main process and never returns it', async () => {
    const handle = handlerFor();
    const win = fakeWindow(1);
    const setup = await handle(win.event(), 'auth.setup', { displayName: ADMIN.displayName, login: ADMIN.login, password: ADMIN.password });
    expect(setup.ok).toBe(true);
    const token = outcomes[0]?.session?.token;
    expect(typeof token).toBe('string');
    expect(JSON.stringify(setup)).not.toContain(token!);
    expect(setup).not.toHaveProperty('session');

    const session = await handle(win.event(), 'auth.session', {});
    expect(session).toMatchObject({ ok: true, value: { operator: { login: ADMIN.login } } });
    expect(handle.sessions).toBe(1);

    // logout: the transport forgets the token
    expect(await handle(win.event(), 'auth.logout', {})).toMatchObject({ ok: true });
    expect(handle.sessions).toBe(0);
    expect(await handle(win.event(), 'auth.session', {})).toMatchObject({ ok: true, value: { operator: null } });
    expect(await handle(win.event(), 'operators.list', {})).toMatchObject({ ok: false, error: { kind: 'unauthenticated' } });
  });

  it('forgets a window’s session when the window is destroyed', async () => {
    const handle = handlerFor();
    const win = fakeWindow(1);
    await handle(win.event(), 'auth.setup', { displayName: ADMIN.displayName, login: ADMIN.login, password: ADMIN.password });
    expect(handle.sessions).toBe(1);
    win.destroy();
    expect(handle.sessions).toBe(0);
  });

  it('refuses senders that are not our window’s main frame on app://qiantai, without touching the database', async () => {
    const handle = handlerFor();
    const win = fakeWindow(1);
    const sub: FrameLike = { url: APP_INDEX_URL, processId: 7, routingId: 99, parent: win.mainFrame };
    const evilTop: FrameLike = { ...win.mainFrame, url: 'https://evil.example/' };
    const sameUrlOtherFrame: FrameLike = { ...win.mainFrame, routingId: 2 };
    const stranger = fakeWindow(2);

    for (const event of [
      win.event(null), // frame gone (navigated or destroyed)
      win.event(sub),
      win.event(sameUrlOtherFrame),
      { sender: { ...win.sender, mainFrame: evilTop }, senderFrame: evilTop },
      { sender: win.sender, senderFrame: { ...win.mainFrame, url: 'file:///etc/passwd' } },
      stranger.event(), // a window that is not ours
    ]) {
      expect(await handle(event, 'auth.session', {})).toEqual(FORBIDDEN);
    }
    expect(FORBIDDEN).toEqual({ ok: false, error: { kind: 'forbidden', message: '拒绝来自未知页面的请求' } });
    expect(calls).toBe(0);
  });

  it('passes unknown names and bad input to the dispatcher, which answers in Chinese', async () => {
    const handle = handlerFor();
    const win = fakeWindow(1);
    expect(await handle(win.event(), 'db.exec', {})).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(await handle(win.event(), 'auth.login', { login: '' })).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('turns a thrown error into an internal envelope (never a bare rejection)', async () => {
    const errors: unknown[] = [];
    const handle = createInvokeHandler({
      dispatcher: { run: () => Promise.reject(new Error('boom')) },
      isOurWindow: () => true,
      onError: (e) => errors.push(e),
    });
    const res = await handle(fakeWindow(1).event(), 'auth.session', {});
    expect(res).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(errors).toHaveLength(1);
  });
});

describe('[stand-in Electron events] print windows borrowing the sign-in of the window that asked', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ setup: 'trusted' });
  });
  afterEach(async () => t.close());

  it('read with the lender’s session, may not write or change it, and lose it when released', async () => {
    const lenders = createSessionLenders();
    const handle = createInvokeHandler({ dispatcher: t.app.dispatcher, isOurWindow: (s) => s.id === 1, lenders });
    const main = fakeWindow(1);
    const printWin = fakeWindow(2, `${APP_INDEX_URL}#/print/test-page`);
    expect((await handle(main.event(), 'auth.setup', { displayName: ADMIN.displayName, login: ADMIN.login, password: ADMIN.password })).ok).toBe(true);

    // Not lent yet: a stranger.
    expect(await handle(printWin.event(), 'auth.session', {})).toEqual(FORBIDDEN);

    lenders.lend(2, 1);
    expect(await handle(printWin.event(), 'auth.session', {})).toMatchObject({ ok: true, value: { operator: { login: ADMIN.login } } });
    expect(await handle(printWin.event(), 'settings.get', {})).toMatchObject({ ok: true, value: { officeName: '物业管理处' } });

    const audits = () => (t.app.connection.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const before = audits();
    for (const [name, input] of [
      ['settings.update', { officeName: '被打印窗口改掉' }],
      ['auth.logout', {}],
      ['auth.lock', {}],
      ['operators.create', { displayName: '某人', login: 'x1', password: 'long-enough-1', roles: ['cashier'] }],
    ] as const) {
      expect(await handle(printWin.event(), name, input), name).toEqual({ ok: false, error: { kind: 'forbidden', message: '打印窗口只能读取数据' } });
    }
    expect(audits()).toBe(before);
    // …and the main window is still signed in, unlocked.
    expect(await handle(main.event(), 'auth.session', {})).toMatchObject({ ok: true, value: { operator: { login: ADMIN.login } } });
    expect(handle.sessions).toBe(1);

    // A print window still needs our own page in its top frame.
    expect(await handle(printWin.event({ ...printWin.mainFrame, url: 'https://evil.example/' }), 'auth.session', {})).toEqual(FORBIDDEN);

    lenders.release(2);
    expect(lenders.size).toBe(0);
    expect(await handle(printWin.event(), 'auth.session', {})).toEqual(FORBIDDEN);
  });

  it('has nothing to borrow once the lender signs out or closes', async () => {
    const lenders = createSessionLenders();
    const handle = createInvokeHandler({ dispatcher: t.app.dispatcher, isOurWindow: (s) => s.id === 1, lenders });
    const main = fakeWindow(1);
    await handle(main.event(), 'auth.setup', { displayName: ADMIN.displayName, login: ADMIN.login, password: ADMIN.password });
    lenders.lend(2, 1);
    const printWin = fakeWindow(2);
    main.destroy();
    expect(await handle(printWin.event(), 'settings.get', {})).toMatchObject({ ok: false, error: { kind: 'unauthenticated' } });
  });
});
