import { expect, type Page } from '@playwright/test';
import { startPreparedHost, type PreparedHost } from './server';

export interface DemoHost extends PreparedHost {
  /** What `npm run demo` printed (counts and logins). */
  demoOutput: string;
}

/**
 * A spec's own browser-mode host on a fresh `npm run demo` database (the demo CLI in a child
 * process, as a new office would run it), optionally on a shifted clock (`--clock-file`).
 */
export async function startDemoHost(name: string, options: { clockFile?: (dir: string) => string } = {}): Promise<DemoHost> {
  const host = await startPreparedHost(name, (dbPath) => ['--import', 'tsx', 'db/demo/cli.ts', '--db', dbPath], options);
  return { ...host, demoOutput: host.prepared };
}

/** Signs in on the Chinese login page with the keyboard and waits for the shell. */
export async function signIn(page: Page, url: string, login: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('textbox', { name: '账号', exact: true }).fill(login);
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(password);
  await page.getByRole('textbox', { name: '密码', exact: true }).press('Enter');
  await expect(page.getByTestId('shell')).toBeVisible();
}
