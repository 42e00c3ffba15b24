import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { startServe, type ServeProcess } from './server';

export interface DemoHost {
  dir: string;
  serve: ServeProcess;
  /** What `npm run demo` printed (counts and logins). */
  demoOutput: string;
  close(): Promise<void>;
}

/**
 * A spec's own browser-mode host on a fresh `npm run demo` database (the demo CLI in a child
 * process, as a new office would run it), optionally on a shifted clock (`--clock-file`).
 */
export async function startDemoHost(name: string, options: { clockFile?: (dir: string) => string } = {}): Promise<DemoHost> {
  const dir = mkdtempSync(join(tmpdir(), `qiantai-e2e-${name}-`));
  const dbPath = join(dir, 'demo.db');
  const demo = spawnSync(process.execPath, ['--import', 'tsx', 'db/demo/cli.ts', '--db', dbPath], { encoding: 'utf8' });
  expect(demo.status, demo.stderr).toBe(0);
  const started = await startServe(dbPath, options.clockFile ? { clockFile: options.clockFile(dir) } : {});
  return {
    dir,
    serve: started.info,
    demoOutput: demo.stdout,
    async close() {
      if (started.proc.exitCode === null) {
        started.proc.kill('SIGTERM');
        await new Promise((r) => started.proc.once('exit', r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in on the Chinese login page with the keyboard and waits for the shell. */
export async function signIn(page: Page, url: string, login: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('textbox', { name: '账号', exact: true }).fill(login);
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(password);
  await page.getByRole('textbox', { name: '密码', exact: true }).press('Enter');
  await expect(page.getByTestId('shell')).toBeVisible();
}
