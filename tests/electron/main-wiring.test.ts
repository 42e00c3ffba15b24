/**
 * The built main process (dist/electron/main.cjs) loaded in plain Node against a stand-in for the
 * 'electron' module. This is NOT Electron: it checks the wiring main.ts does — scheme, CSP header,
 * file confinement, permission and navigation denial, IPC over a real SQLite file, window options,
 * clean close — on machines where the Electron binary cannot be installed.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import Module, { createRequire } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANNELS, PRINTERS_CHANNEL, PRINT_CHANNEL, SAVE_PDF_CHANNEL } from '../../electron/bridge';
import { READY_PROBE } from '../../electron/print-jobs';
import { APP_INDEX_URL, CONTENT_SECURITY_POLICY } from '../../electron/security';

const root = fileURLToPath(new URL('../..', import.meta.url));

type Listener = (...args: unknown[]) => unknown;

/**
 * Waits for what main.ts does asynchronously, however busy the machine: no cap of its own, the
 * hook's or test's timeout (vitest.config.ts) is what bounds it.
 */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setTimeout(r, 25));
}
type ProtocolHandler = (request: { url: string; method: string }) => Promise<Response>;

/** Records what main.ts asks of Electron. */
function fakeElectron(userData: string) {
  const appListeners = new Map<string, Listener[]>();
  const rec = {
    privileged: [] as unknown[],
    sandboxEnabled: false,
    protocolHandlers: new Map<string, ProtocolHandler>(),
    permissionRequest: null as null | Listener,
    permissionCheck: null as null | Listener,
    devicePermission: null as null | Listener,
    ipc: new Map<string, Listener>(),
    windows: [] as FakeWindow[],
    menu: null as unknown,
    errors: [] as string[],
    saveDialogs: [] as { defaultPath: string }[],
    /** What the print window's page answers to the readiness probe (tests set it). */
    probe: (_win: FakeWindow): Promise<unknown> => Promise.resolve({ state: 'ready', rollMm: null }),
    exitCode: null as number | null,
    quitCalls: 0,
    emit(event: string, ...args: unknown[]) {
      for (const l of appListeners.get(event) ?? []) l(...args);
    },
  };
  let nextId = 41;
  class FakeWindow {
    options: Record<string, unknown>;
    loaded: string | null = null;
    shown = false;
    destroyed = false;
    printed: unknown[] = [];
    pdfs: unknown[] = [];
    private listeners = new Map<string, Listener[]>();
    webContents = {
      id: nextId++,
      executeJavaScript: (script: string) => (script === READY_PROBE ? rec.probe(this) : Promise.reject(new Error('unexpected script'))),
      print: (options: unknown, callback: (success: boolean, reason: string) => void) => {
        this.printed.push(options);
        callback(true, '');
      },
      printToPDF: async (options: unknown) => {
        this.pdfs.push(options);
        return Buffer.from('%PDF-1.4 stand-in');
      },
      getPrintersAsync: async () => [{ name: 'XP-80C', displayName: 'XP-80C', description: '', options: {} }],
    };
    constructor(options: Record<string, unknown>) {
      this.options = options;
      rec.windows.push(this);
    }
    destroy() {
      this.destroyed = true;
      this.emit('closed');
    }
    once(event: string, l: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), l]);
    }
    on(event: string, l: Listener) {
      this.once(event, l);
    }
    emit(event: string) {
      for (const l of this.listeners.get(event) ?? []) l();
    }
    async loadURL(url: string) {
      this.loaded = url;
    }
    show() {
      this.shown = true;
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return false;
    }
  }
  const ses = {
    protocol: { handle: (scheme: string, h: ProtocolHandler) => rec.protocolHandlers.set(scheme, h) },
    setPermissionRequestHandler: (h: Listener) => (rec.permissionRequest = h),
    setPermissionCheckHandler: (h: Listener) => (rec.permissionCheck = h),
    setDevicePermissionHandler: (h: Listener) => (rec.devicePermission = h),
  };
  const electron = {
    app: {
      isPackaged: false,
      setPath() {},
      getPath: (name: string) => (name === 'userData' ? userData : tmpdir()),
      getVersion: () => '0.0.0-test',
      enableSandbox: () => (rec.sandboxEnabled = true),
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      setAppUserModelId() {},
      on(event: string, l: Listener) {
        appListeners.set(event, [...(appListeners.get(event) ?? []), l]);
      },
      quit: () => {
        rec.quitCalls++;
        const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
        rec.emit('before-quit', event);
      },
      exit: (code: number) => (rec.exitCode = code),
    },
    protocol: { registerSchemesAsPrivileged: (s: unknown[]) => rec.privileged.push(...s) },
    session: { defaultSession: ses },
    ipcMain: { handle: (channel: string, l: Listener) => rec.ipc.set(channel, l), removeHandler() {} },
    BrowserWindow: FakeWindow,
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (rec.menu = m) },
    dialog: {
      showErrorBox: (title: string, body: string) => rec.errors.push(`${title}: ${body}`),
      showMessageBox: async () => ({}),
      showSaveDialog: async (_win: unknown, options: { defaultPath: string }) => {
        rec.saveDialogs.push(options);
        return { canceled: false, filePath: join(userData, 'saved.pdf') };
      },
    },
  };
  return { electron, rec };
}

describe('[stand-in electron module] dist/electron/main.cjs wired in plain Node (not Electron; the real app: tests/e2e/electron.spec.ts)', () => {
  let dir: string;
  let userData: string;
  let rec: ReturnType<typeof fakeElectron>['rec'];
  const originalLoad = (Module as unknown as { _load: Listener })._load;

  beforeAll(async () => {
    // A throwaway app root laid out like the repo: bundle, renderer, Electron-ABI binding slot.
    dir = mkdtempSync(join(tmpdir(), 'qiantai-main-'));
    const build = spawnSync(process.execPath, [join(root, 'electron', 'build.mjs'), '--outdir', join(dir, 'dist', 'electron')], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(build.status, build.stderr).toBe(0);
    userData = join(dir, 'userData');
    mkdirSync(join(dir, 'dist', 'electron'), { recursive: true });
    mkdirSync(join(dir, 'dist', 'renderer', 'assets'), { recursive: true });
    mkdirSync(join(dir, '.electron-native'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>物业前台</title>');
    writeFileSync(join(dir, 'dist', 'renderer', 'assets', 'index.js'), 'export {};');
    writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
    // In plain Node the "Electron-ABI" slot can only hold the Node build; the path logic is what counts.
    copyFileSync(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), join(dir, '.electron-native', 'better_sqlite3.node'));
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'junction');

    const fake = fakeElectron(userData);
    rec = fake.rec;
    (Module as unknown as { _load: Listener })._load = function (request: unknown, ...rest: unknown[]) {
      if (request === 'electron') return fake.electron;
      return originalLoad.call(this, request, ...rest);
    };
    createRequire(join(dir, 'package.json'))(join(dir, 'dist', 'electron', 'main.cjs'));
    await until(() => !!rec.windows[0]?.loaded);
  }, 120_000);

  afterAll(() => {
    (Module as unknown as { _load: Listener })._load = originalLoad;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starts without an error dialog and opens one window on app://qiantai/index.html', () => {
    expect(rec.errors).toEqual([]);
    expect(rec.exitCode).toBeNull();
    expect(rec.windows).toHaveLength(1);
    const win = rec.windows[0]!;
    expect(win.loaded).toBe(APP_INDEX_URL);
    const web = win.options.webPreferences as Record<string, unknown>;
    expect(web).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: true });
    expect(web.preload).toBe(join(dir, 'dist', 'electron', 'preload.cjs'));
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
    expect(rec.sandboxEnabled).toBe(true);
    expect(rec.menu).not.toBeNull();
  });

  it('creates the database under userData', () => {
    expect(existsSync(join(userData, 'qiantai.db'))).toBe(true);
  });

  it('registers app:// as a privileged standard scheme and serves only the renderer, with the CSP header', async () => {
    expect(rec.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    const serve = rec.protocolHandlers.get('app')!;
    const index = await serve({ url: APP_INDEX_URL, method: 'GET' });
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('物业前台');
    const js = await serve({ url: 'app://qiantai/assets/index.js', method: 'GET' });
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    for (const url of ['app://qiantai/..%2F..%2Fsecret.txt', 'app://qiantai/missing.js', 'app://other/index.html']) {
      const res = await serve({ url, method: 'GET' });
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    expect((await serve({ url: APP_INDEX_URL, method: 'POST' })).status).toBe(405);
  });

  it('denies every permission request and check', () => {
    let granted: unknown = 'unanswered';
    rec.permissionRequest!({}, 'media', (ok: boolean) => (granted = ok));
    expect(granted).toBe(false);
    expect(rec.permissionCheck!({}, 'clipboard-read')).toBe(false);
    expect(rec.devicePermission!({})).toBe(false);
  });

  it('keeps every webContents on the app: navigation, redirects, new windows, webviews', () => {
    const listeners = new Map<string, Listener>();
    let openHandler: Listener | null = null;
    const contents = { on: (e: string, l: Listener) => listeners.set(e, l), setWindowOpenHandler: (h: Listener) => (openHandler = h) };
    rec.emit('web-contents-created', {}, contents);
    const attempt = (event: string, url: string) => {
      const e = { url, prevented: false, preventDefault() { this.prevented = true; } };
      listeners.get(event)!(e, url);
      return e.prevented;
    };
    expect(attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(attempt('will-navigate', APP_INDEX_URL)).toBe(false);
    expect(attempt('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(attempt('will-attach-webview', APP_INDEX_URL)).toBe(true);
    expect(openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('answers our window over IPC with the envelope from the real database, and refuses others', async () => {
    const handle = rec.ipc.get('qiantai:invoke')!;
    const frame = { url: APP_INDEX_URL, processId: 1, routingId: 1, parent: null };
    const ours = { id: 41, mainFrame: frame, once() {} };
    const res = await handle({ sender: ours, senderFrame: frame }, 'auth.session', {});
    expect(res).toMatchObject({ ok: true, value: { operator: null, needsSetup: true, setupCodeRequired: false } });
    const other = { id: 99, mainFrame: frame, once() {} };
    expect(await handle({ sender: other, senderFrame: frame }, 'auth.session', {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('registers the command channel and the three print channels, nothing else', () => {
    expect([...rec.ipc.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('prints a form through a hidden window that borrows the main window’s sign-in to read, and closes it', async () => {
    const frame = { url: APP_INDEX_URL, processId: 1, routingId: 1, parent: null };
    const ours = { id: 41, mainFrame: frame, once() {} };
    const invoke = rec.ipc.get('qiantai:invoke')!;
    // The main window signs in first (a fresh database: first-run setup with 'trusted').
    const setup = await invoke({ sender: ours, senderFrame: frame }, 'auth.setup', { displayName: '王管理', login: 'admin', password: 'admin-pass-1' });
    expect(setup).toMatchObject({ ok: true });

    const fromPrintWindow: unknown[] = [];
    rec.probe = async (win) => {
      // What the print window's page does while it lays out: read with the borrowed sign-in…
      const printFrame = { url: win.loaded!, processId: 2, routingId: 1, parent: null };
      const sender = { id: win.webContents.id, mainFrame: printFrame, once() {} };
      fromPrintWindow.push(await invoke({ sender, senderFrame: printFrame }, 'settings.get', {}));
      fromPrintWindow.push(await invoke({ sender, senderFrame: printFrame }, 'auth.logout', {}));
      return { state: 'ready', rollMm: 96.2 };
    };
    const job = {
      formKey: 'test-page',
      hash: '#/print/test-page?serial=T-1',
      form: { paper: 'roll-80', copies: 2, printer: 'XP-80C', offsetXmm: 0, offsetYmm: 0 },
      rollHeightMm: null,
      silent: true,
    };
    const res = await rec.ipc.get(PRINT_CHANNEL)!({ sender: ours, senderFrame: frame }, job);
    expect(res).toEqual({ ok: true, value: { status: 'printed', printer: 'XP-80C', copies: 2 } });

    const printWin = rec.windows[1]!;
    expect(printWin.loaded).toBe(`${APP_INDEX_URL}#/print/test-page?serial=T-1&paper=roll-80&dx=0&dy=0`);
    const web = printWin.options.webPreferences as Record<string, unknown>;
    expect(web).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: join(dir, 'dist', 'electron', 'preload.cjs') });
    expect(printWin.options.show).toBe(false);
    expect(printWin.printed).toEqual([expect.objectContaining({ silent: true, deviceName: 'XP-80C', copies: 2, pageSize: { width: 80000, height: 97000 } })]);
    expect(printWin.destroyed).toBe(true);
    expect(fromPrintWindow[0]).toMatchObject({ ok: true, value: { officeName: '物业管理处' } });
    expect(fromPrintWindow[1]).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    // The main window is still signed in.
    expect(await invoke({ sender: ours, senderFrame: frame }, 'auth.session', {})).toMatchObject({ ok: true, value: { operator: { login: 'admin' } } });

    // Once closed, the print window borrows nothing any more.
    const gone = { url: printWin.loaded!, processId: 2, routingId: 1, parent: null };
    expect(await invoke({ sender: { id: printWin.webContents.id, mainFrame: gone, once() {} }, senderFrame: gone }, 'settings.get', {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('saves a PDF where the save dialog says, lists printers, and refuses other windows', async () => {
    const frame = { url: APP_INDEX_URL, processId: 1, routingId: 1, parent: null };
    const ours = { id: 41, mainFrame: frame, once() {} };
    rec.probe = async () => ({ state: 'ready', rollMm: null });
    const job = { formKey: 'test-page', hash: '#/print/test-page', form: { paper: 'a5-portrait', copies: 1, printer: '', offsetXmm: 0, offsetYmm: 0 }, rollHeightMm: null, fileName: '打印测试页-T-2' };
    const res = await rec.ipc.get(SAVE_PDF_CHANNEL)!({ sender: ours, senderFrame: frame }, job);
    expect(res).toEqual({ ok: true, value: { status: 'saved', path: join(userData, 'saved.pdf') } });
    expect(readFileSync(join(userData, 'saved.pdf'), 'utf8')).toBe('%PDF-1.4 stand-in');
    expect(rec.saveDialogs.at(-1)!.defaultPath.endsWith('打印测试页-T-2.pdf')).toBe(true);
    expect(rec.windows.at(-1)!.destroyed).toBe(true);

    expect(await rec.ipc.get(PRINTERS_CHANNEL)!({ sender: ours, senderFrame: frame })).toEqual({ ok: true, value: [{ name: 'XP-80C', displayName: 'XP-80C', description: '' }] });
    const other = { id: 99, mainFrame: frame, once() {} };
    expect(await rec.ipc.get(PRINTERS_CHANNEL)!({ sender: other, senderFrame: frame })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await rec.ipc.get(PRINT_CHANNEL)!({ sender: other, senderFrame: frame }, { ...job, silent: true })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('closes the database before quitting', async () => {
    rec.emit('before-quit', { preventDefault() {} });
    await until(() => rec.quitCalls > 0);
    expect(rec.quitCalls).toBe(1);
  });
});
