import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, startServe } from './support/server';

/**
 * Print from the record (#11 §2): a form's number, 补打 count and 作废 mark come from the server,
 * whatever the URL says; a print counts when it was printed, not when the preview opened; the
 * handover prints a stored snapshot that a reprint shows unchanged.
 */
test.describe.configure({ mode: 'serial' });

const ADMIN = { displayName: '王管理', login: 'admin', password: 'admin-pass-1' };
let context: BrowserContext;
let page: Page;
let dir: string;
let host: ChildProcess | undefined;

test.beforeAll(async ({ browser }) => {
  dir = mkdtempSync(join(tmpdir(), 'qiantai-print-record-'));
  const started = await startServe(join(dir, 'print-record.db'));
  host = started.proc;
  context = await browser.newContext({ baseURL: started.info.url });
  page = await context.newPage();
  const csrf = ((await (await page.request.get('/api/session')).json()) as { csrf: string }).csrf;
  const res = await page.request.post('/api/auth.setup', { headers: { 'x-csrf-token': csrf }, data: { ...ADMIN, setupCode: started.info.setupCode } });
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
});

test.afterAll(async () => {
  await context?.close();
  if (host && host.exitCode === null) {
    host.kill('SIGTERM');
    await new Promise((r) => host!.once('exit', r));
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function api<T>(command: string, input: unknown): Promise<T> {
  const csrf = ((await (await page.request.get('/api/session')).json()) as { csrf: string }).csrf;
  const body = (await (await page.request.post(`/api/${command}`, { headers: { 'x-csrf-token': csrf }, data: input })).json()) as { ok: boolean; value: T; error?: unknown };
  expect(body.ok, JSON.stringify(body.error)).toBe(true);
  return body.value;
}

const logEntry = (content: string) => api<{ id: number; no: string }>('reception.log', { channel: 'call', category: 'complaint', contactName: '李女士', content });
const printCount = async (id: number) => (await api<{ printCount: number }>('reception.get', { id })).printCount;
const preview = () => page.locator('[data-testid="print-preview"][data-print-ready="1"]');

/** The entry's page, then its 打印工作联系单 button: the slip's preview, laid out. */
async function openSlipFromEntry(id: number) {
  await page.goto(`/#/reception/entry/${id}`);
  await page.getByTestId('entry-detail').getByRole('button', { name: '打印工作联系单' }).click();
  await preview().waitFor({ state: 'attached', timeout: 15_000 });
}

test('a tampered hash (reprint=0&voided=0) still prints 补打 and 作废 on a voided, printed entry', async () => {
  const entry = await logEntry('登记错误的投诉');
  await api('reception.void', { id: entry.id, reason: '重复登记' });
  await openSlipFromEntry(entry.id);
  await page.getByRole('button', { name: '打印', exact: true }).click();
  await expect.poll(() => printCount(entry.id)).toBe(1);

  await page.goto(`/#/print/work-contact-slip?serial=${entry.no}&reprint=0&voided=0`);
  await preview().waitFor({ state: 'attached', timeout: 15_000 });
  await expect(page.getByTestId('print-reprint')).toHaveText('补打（第 1 次）');
  await expect(page.getByTestId('print-void-stamp')).toBeVisible();
  await expect(page.getByTestId('print-void')).toBeVisible();

  // …and a made-up count on a record never voided or printed adds nothing.
  const fresh = await logEntry('楼上漏水');
  await page.goto(`/#/print/work-contact-slip?serial=${fresh.no}&reprint=7&voided=1`);
  await preview().waitFor({ state: 'attached', timeout: 15_000 });
  await expect(page.getByTestId('print-preview')).toContainText(fresh.no);
  await expect(page.getByTestId('print-reprint')).toHaveCount(0);
  await expect(page.getByTestId('print-void-stamp')).toHaveCount(0);
  await expect(page.getByTestId('print-void')).toHaveCount(0);
});

test('opening the preview and closing it prints nothing and counts nothing; each print counts once', async () => {
  const entry = await logEntry('小区广场夜间噪音');
  await openSlipFromEntry(entry.id);
  await expect(page.getByTestId('print-reprint')).toHaveCount(0);
  await page.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByTestId('entry-detail')).toBeVisible();
  await openSlipFromEntry(entry.id);
  await expect(page.getByTestId('print-reprint')).toHaveCount(0);
  expect(await printCount(entry.id)).toBe(0);

  await page.getByRole('button', { name: '打印', exact: true }).click();
  // Printed once: the preview now shows what the next copy is — a 补打.
  await expect(page.getByTestId('print-reprint')).toHaveText('补打（第 1 次）');
  expect(await printCount(entry.id)).toBe(1);
  await page.getByRole('button', { name: '打印', exact: true }).click();
  await expect(page.getByTestId('print-reprint')).toHaveText('补打（第 2 次）');
  expect(await printCount(entry.id)).toBe(2);
});

test('the handover prints a stored snapshot under its own number; its reprint shows the same content after the entry is closed', async () => {
  const entry = await logEntry('电梯异响');
  await page.goto('/#/reception/handover');
  await expect(page.getByTestId('handover').getByRole('table', { name: '未办结事项（按时限）' })).toContainText(entry.no);
  await page.getByTestId('handover').getByRole('button', { name: '打印', exact: true }).click();
  await expect(page).toHaveURL(/#\/print\/reception-handover\?serial=JJ\d{11}$/);
  const no = decodeURIComponent(page.url()).match(/JJ\d{11}/)![0];
  await preview().waitFor({ state: 'attached', timeout: 15_000 });
  await expect(page.getByTestId('print-preview')).toContainText(entry.no);
  await expect(page.getByTestId('print-reprint')).toHaveCount(0);
  await page.getByRole('button', { name: '打印', exact: true }).click();
  await expect(page.getByTestId('print-reprint')).toHaveText('补打（第 1 次）');

  await api('reception.close', { id: entry.id, result: '已联系电梯公司检修' });
  await page.goto('/#/reception/handover');
  const handover = page.getByTestId('handover');
  await expect(handover.getByRole('table', { name: '未办结事项（按时限）' })).not.toContainText(entry.no);
  const past = handover.getByRole('table', { name: '已打印的交班表' }).getByRole('row', { name: new RegExp(no) });
  await expect(past).toContainText('1 次');
  await past.getByRole('button', { name: '补打' }).click();
  await expect(page).toHaveURL(new RegExp(`#/print/reception-handover\\?serial=${no}$`));
  await preview().waitFor({ state: 'attached', timeout: 15_000 });
  await expect(page.getByTestId('print-preview')).toContainText(entry.no);
  await expect(page.getByTestId('print-preview')).toContainText(no);
  await expect(page.getByTestId('print-reprint')).toHaveText('补打（第 1 次）');
});

test('desktop (stand-in bridge): a job counts when the bridge reports it printed or the PDF saved, not when cancelled', async ({ browser }) => {
  // A STAND-IN for the preload, as in print.spec.ts: it answers as main's print handlers do
  // (tests/electron/print-jobs.test.ts runs those) — first cancelled, then printed, then a PDF saved.
  const desk = await browser.newContext({ baseURL: new URL(page.url()).origin });
  await desk.addInitScript(() => {
    const answers = [{ status: 'cancelled' }, { status: 'printed', printer: 'XP-80C', copies: 2 }];
    (window as unknown as { qiantai: unknown }).qiantai = {
      print: async () => ({ ok: true, value: answers.shift() ?? { status: 'cancelled' } }),
      savePdf: async () => ({ ok: true, value: { status: 'saved', path: 'D:\\单据\\联系单.pdf' } }),
      printers: async () => ({ ok: true, value: [] }),
    };
  });
  const p = await desk.newPage();
  try {
    const csrf = ((await (await p.request.get('/api/session')).json()) as { csrf: string }).csrf;
    const login = await p.request.post('/api/auth.login', { headers: { 'x-csrf-token': csrf }, data: { login: ADMIN.login, password: ADMIN.password } });
    expect(((await login.json()) as { ok: boolean }).ok).toBe(true);
    const entry = await logEntry('车库闸机故障');
    await p.goto(`/#/print/work-contact-slip?serial=${entry.no}`);
    await p.locator('[data-testid="print-preview"][data-print-ready="1"]').waitFor({ state: 'attached', timeout: 15_000 });

    await p.getByRole('button', { name: '打印', exact: true }).click();
    await expect(p.getByRole('button', { name: '打印', exact: true })).toBeEnabled();
    expect(await printCount(entry.id)).toBe(0);
    await p.getByRole('button', { name: '打印', exact: true }).click();
    await expect(p.getByTestId('print-reprint')).toHaveText('补打（第 1 次）');
    await p.getByRole('button', { name: '另存为 PDF' }).click();
    await expect(p.getByTestId('print-reprint')).toHaveText('补打（第 2 次）');
    expect(await printCount(entry.id)).toBe(2);
  } finally {
    await desk.close();
  }
});
