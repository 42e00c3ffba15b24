/**
 * Smoke test of the real desktop app: build, launch Electron on a fresh userData folder, and see
 * the Chinese first-run (or sign-in) page arrive over app://qiantai with the bridge in place.
 * Skips — saying why — where the Electron binary was never downloaded.
 */
import { test, expect, _electron, type ElectronApplication } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BRIDGE_FUNCTIONS } from '../../electron/bridge';
import { electronBinaryPath, USER_DATA_ENV } from '../../electron/paths';

const root = fileURLToPath(new URL('../..', import.meta.url));
const electronBinary = electronBinaryPath(join(root, 'node_modules', 'electron'));
const SKIP_REASON = 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD) — smoke test needs it';

/** This process's environment, minus ELECTRON_RUN_AS_NODE (it would start Node, not the app). */
function launchEnv(userDataDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  env[USER_DATA_ENV] = userDataDir;
  return env;
}

test.describe('Electron shell', () => {
  let app: ElectronApplication | null = null;
  let userData = '';

  test.beforeAll(() => {
    if (!electronBinary) return;
    const steps: [string, string[]][] = [
      [process.execPath, [join(root, 'electron', 'build.mjs')]],
      [process.execPath, [join(root, 'electron', 'native', 'build-native.mjs')]],
    ];
    // The renderer bundle: `npm test` builds it before Playwright; build it here only if missing.
    if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
      steps.unshift([process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build']]);
    }
    for (const [cmd, args] of steps) {
      const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${args[0]} failed:\n${r.stdout}\n${r.stderr}`);
    }
  });

  test.afterEach(async () => {
    await app?.close();
    app = null;
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('opens one window on the Chinese setup or sign-in page', async () => {
    if (!electronBinary) console.log(`[electron.spec] skipped: ${SKIP_REASON}`);
    test.skip(!electronBinary, SKIP_REASON);

    userData = mkdtempSync(join(tmpdir(), 'qiantai-electron-'));
    app = await _electron.launch({
      executablePath: electronBinary!,
      // Chromium refuses to start as root (CI containers) without --no-sandbox.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
      cwd: root,
      env: launchEnv(userData),
    });

    const page = await app.firstWindow();
    await expect(page.getByTestId('setup-page').or(page.getByTestId('login-page'))).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    expect(await page.title()).toBe('物业前台');
    expect(page.url()).toMatch(/^app:\/\/qiantai\//);

    // The page sees the narrow bridge functions (invoke and the three print ones) and no Node.
    const surface = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown> & { qiantai?: Record<string, unknown> };
      return { keys: Object.keys(w.qiantai ?? {}).sort(), require: typeof w.require, process: typeof w.process };
    });
    expect(surface).toEqual({ keys: [...BRIDGE_FUNCTIONS].sort(), require: 'undefined', process: 'undefined' });

    // Names outside the contract never reach the main process.
    const refused = await page.evaluate(() =>
      (window as unknown as { qiantai: { invoke(c: string, i: unknown): Promise<unknown> } }).qiantai
        .invoke('db.exec', {})
        .then(() => 'resolved', () => 'rejected'),
    );
    expect(refused).toBe('rejected');

    expect(app.windows()).toHaveLength(1);
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const win = BrowserWindow.getAllWindows()[0]!;
      return { title: win.getTitle(), visible: win.isVisible() };
    });
    expect(prefs).toEqual({ title: '物业前台', visible: true });
  });
});
