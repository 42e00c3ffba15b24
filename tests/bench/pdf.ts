/**
 * The print engine's number for `npm run bench`: an 80 mm receipt-sized form (the test page on
 * roll-80), laid out by the real renderer in Debian's Chromium, rendered to PDF with the page
 * size the desktop app passes to printToPDF (electron/print.ts). Target: p99 ≤ 500 ms.
 *
 * Browser mode is started in-process on a temp database, as tests/e2e/support/server.ts does it
 * in a child process. Chromium stands in for Electron's (same engine, not the same build); the
 * figure is page.pdf of an already laid-out form, as at the counter after the preview opened.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// @playwright/test re-exports playwright-core's launcher; it is the dependency package.json declares.
import { chromium, type Browser } from '@playwright/test';
import { openApp, type App } from '../../db/app';
import { startHttpHost, type HttpHost } from '../../db/http/host';
import { pdfOptions } from '../../electron/print';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/chromium';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNS = 20;
const WARM_UP = 3;
const TARGET_P99_MS = 500;
const SCENARIO = '打印：80 mm 小票测试页 → PDF';
const ADMIN = { displayName: '基准', login: 'bench', password: 'bench-pass-1' };

export interface PdfMeasured {
  scenario: string;
  runs: number;
  p50: number;
  p99: number;
  target: string;
  pass: boolean;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Why the scenario cannot run here, or null. */
function missing(): string | null {
  if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) return '界面尚未构建（先运行 npm run build:renderer）';
  try {
    const path = chromiumPath();
    if (!existsSync(path)) return `找不到 Chromium：${path}`;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return null;
}

export async function measurePdf(): Promise<PdfMeasured | { scenario: string; skipped: string }> {
  const why = missing();
  if (why) return { scenario: SCENARIO, skipped: why };

  const dir = mkdtempSync(join(tmpdir(), 'qiantai-bench-pdf-'));
  let app: App | null = null;
  let host: HttpHost | null = null;
  let browser: Browser | null = null;
  try {
    app = await openApp({ dbPath: join(dir, 'bench.db'), logDir: join(dir, 'logs'), setup: 'trusted' });
    const setup = await app.dispatcher.run('auth.setup', ADMIN, { sessionToken: null });
    if (!setup.response.ok) throw new Error(`setup failed: ${JSON.stringify(setup.response)}`);
    host = await startHttpHost({ dispatcher: app.dispatcher, rendererDir: join(root, 'dist', 'renderer'), port: 0 });

    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const context = await browser.newContext({ baseURL: host.url, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const csrf = ((await (await page.request.get('/api/session')).json()) as { csrf: string }).csrf;
    const login = await page.request.post('/api/auth.login', { headers: { 'x-csrf-token': csrf }, data: { login: ADMIN.login, password: ADMIN.password } });
    if (!((await login.json()) as { ok: boolean }).ok) throw new Error('login failed');

    const times: number[] = [];
    for (let i = 0; i < WARM_UP + RUNS; i++) {
      await page.goto(`/#/print/test-page?paper=roll-80&serial=BENCH-${String(i).padStart(4, '0')}`);
      const sheet = page.locator('[data-testid="print-preview"][data-print-ready="1"]');
      await sheet.waitFor({ state: 'attached', timeout: 15_000 });
      const rollMm = Number(await sheet.getAttribute('data-roll-mm'));
      // The size the desktop app hands printToPDF for this form (inches), not a size of our own.
      const size = pdfOptions({ paper: 'roll-80' }, rollMm).pageSize as { width: number; height: number };
      const t0 = performance.now();
      const pdf = await page.pdf({ width: `${size.width}in`, height: `${size.height}in`, preferCSSPageSize: true, printBackground: true, margin: { top: '0', right: '0', bottom: '0', left: '0' } });
      const ms = performance.now() - t0;
      if (pdf.subarray(0, 4).toString('latin1') !== '%PDF') throw new Error('page.pdf did not return a PDF');
      if (i >= WARM_UP) times.push(ms);
    }
    times.sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 10) / 10;
    const p99 = percentile(times, 99);
    return { scenario: SCENARIO, runs: RUNS, p50: round(percentile(times, 50)), p99: round(p99), target: `p99 ≤ ${TARGET_P99_MS} ms`, pass: p99 <= TARGET_P99_MS };
  } finally {
    await browser?.close();
    await host?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One more row for run.ts, in its table's columns (run.ts puts measurePdf() in its JSON itself). */
export async function benchPdf(): Promise<void> {
  const r = await measurePdf();
  if ('skipped' in r) {
    console.log(`${r.scenario}：跳过——${r.skipped}`);
    return;
  }
  console.table([{ 场景: r.scenario, 'p50 ms': r.p50, 'p99 ms': r.p99, '原始 p50': '—', '原始 p99': '—', 'p99 倍数': '—', 目标: r.target, 达标: r.pass ? '是' : '否' }]);
  console.log(`注：${r.runs} 次，Debian Chromium 的 page.pdf（已排版的页面，纸张尺寸同桌面版 printToPDF），不是 Electron 本身。`);
}
