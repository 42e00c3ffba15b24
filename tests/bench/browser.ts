/**
 * Where the clerk feels speed, for `npm run bench`: the built interface in Debian's Chromium,
 * served by browser mode on the bench's own 20,000-unit estate.
 * - 前台搜索（界面）: from the last keystroke in the F2 box to the hits painted (the box waits
 *   DEBOUNCE_MS after the last key, then asks the server, then React renders). Timed inside the
 *   page: the last keydown's time, and two animation frames after the hits appear (after paint).
 * - 接待登记列表（界面）: from clicking 接待登记 in the sidebar to its first page of rows shown.
 * Chromium stands in for Electron's renderer (the same engine, not the same build).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { App } from '../../db/app';
import { startHttpHost, type HttpHost } from '../../db/http/host';
import { PERSONAL_READS } from '../../db/estate/personal-reads';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/chromium';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SEARCHES = 300;
const LIST_OPENS = 20;
const WARM_UP = 5;
const PASSWORD = 'bench-web-1';

export interface BrowserMeasured {
  scenario: string;
  runs: number;
  p50: number;
  p95: number;
  target: string;
  pass: boolean | null;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const round1 = (x: number) => Math.round(x * 10) / 10;

function measured(scenario: string, times: number[], targetP95: number | null): BrowserMeasured {
  const sorted = [...times].sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  return {
    scenario,
    runs: sorted.length,
    p50: round1(percentile(sorted, 50)),
    p95: round1(p95),
    target: targetP95 === null ? '—' : `p95 ≤ ${targetP95} ms`,
    pass: targetP95 === null ? null : p95 <= targetP95,
  };
}

/** Why the browser scenarios cannot run here, or null. */
function missing(): string | null {
  if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) return '界面尚未构建（先运行 npm run build:renderer）';
  try {
    if (!existsSync(chromiumPath())) return '找不到 Chromium';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return null;
}

/** A receptionist signed in through the page (cookie session, as a clerk's browser has it). */
async function clerkPage(browser: Browser, host: HttpHost, app: App, adminToken: string, n: number): Promise<Page> {
  const login = `bench-web-${n}`;
  const created = await app.dispatcher.run('operators.create', { displayName: `前台网页${n}`, login, password: PASSWORD, roles: ['receptionist'] }, { sessionToken: adminToken });
  if (!created.response.ok) throw new Error(`operators.create: ${JSON.stringify(created.response.error)}`);
  const context = await browser.newContext({ baseURL: host.url, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('账号').fill(login);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('shell').waitFor();
  // The last keydown's time, and when hits containing the expected text were painted.
  await page.evaluate(() => {
    const w = window as unknown as { __lastKey: number; __expect: string; __paintedAt: number };
    w.__lastKey = 0;
    w.__expect = '';
    w.__paintedAt = 0;
    document.addEventListener('keydown', () => (w.__lastKey = performance.now()), true);
    new MutationObserver(() => {
      if (!w.__expect || w.__paintedAt) return;
      const list = document.getElementById('counter-search-results');
      if (list?.textContent?.includes(w.__expect)) {
        w.__paintedAt = -1;
        requestAnimationFrame(() => requestAnimationFrame(() => (w.__paintedAt = performance.now())));
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  return page;
}

export async function measureBrowser(app: App, adminToken: string, unitCodes: string[]): Promise<BrowserMeasured[] | { skipped: string }> {
  const why = missing();
  if (why) return { skipped: why };
  let host: HttpHost | null = null;
  let browser: Browser | null = null;
  try {
    host = await startHttpHost({ dispatcher: app.dispatcher, rendererDir: join(root, 'dist', 'renderer'), port: 0 });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });

    // Each clerk stays well inside the per-operator read allowance (one search per typed code).
    const perClerk = Math.floor(PERSONAL_READS.limit * 0.8);
    const searchTimes: number[] = [];
    let page: Page | null = null;
    for (let i = 0; i < WARM_UP + SEARCHES; i++) {
      if (i % perClerk === 0) {
        await page?.context().close();
        page = await clerkPage(browser, host, app, adminToken, Math.floor(i / perClerk) + 1);
        await page.keyboard.press('F2');
        await page.getByRole('combobox', { name: '前台搜索' }).waitFor();
      }
      const code = unitCodes[i % unitCodes.length]!;
      const box = page!.getByRole('combobox', { name: '前台搜索' });
      await box.fill('');
      await page!.evaluate((expect) => {
        const w = window as unknown as { __expect: string; __paintedAt: number };
        w.__expect = expect;
        w.__paintedAt = 0;
      }, code);
      await box.pressSequentially(code);
      await page!.waitForFunction(() => (window as unknown as { __paintedAt: number }).__paintedAt > 0);
      const ms = await page!.evaluate(() => {
        const w = window as unknown as { __lastKey: number; __paintedAt: number };
        return w.__paintedAt - w.__lastKey;
      });
      if (i >= WARM_UP) searchTimes.push(ms);
    }
    await page?.keyboard.press('Escape');

    // The reception desk's first page, opened from another desk each time.
    const listTimes: number[] = [];
    const shell = page!.getByTestId('shell');
    for (let i = 0; i < WARM_UP + LIST_OPENS; i++) {
      await shell.getByRole('menuitem', { name: '房屋住户' }).click();
      await page!.getByRole('table', { name: '接待登记列表' }).waitFor({ state: 'detached' });
      const t0 = performance.now();
      await shell.getByRole('menuitem', { name: '接待登记' }).click();
      await page!.getByRole('table', { name: '接待登记列表' }).locator('tbody tr[data-index]').first().waitFor();
      if (i >= WARM_UP) listTimes.push(performance.now() - t0);
    }
    return [measured('前台搜索（界面）：最后一次按键 → 结果显示', searchTimes, 100), measured('接待登记列表（界面）：点开 → 第一页显示', listTimes, null)];
  } finally {
    await browser?.close();
    await host?.close();
  }
}

export function printBrowser(r: BrowserMeasured[] | { skipped: string }): void {
  if ('skipped' in r) {
    console.log(`界面场景：跳过——${r.skipped}`);
    return;
  }
  console.table(r.map((m) => ({ 场景: m.scenario, 次数: m.runs, 'p50 ms': m.p50, 'p95 ms': m.p95, 目标: m.target, 达标: m.pass === null ? '—' : m.pass ? '是' : '否' })));
  console.log('注：Debian Chromium 中的真实界面（浏览器模式）；搜索框在最后一次按键后稍等（DEBOUNCE_MS，renderer/search/useCounterSearch.ts）再查询，时间在页面内计到结果绘制之后。');
}
