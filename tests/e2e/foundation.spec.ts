import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, startServe, type ServeProcess } from './support/server';

const ADMIN = { name: '王建华', login: 'admin', password: 'admin-pass-1' };
const RECEPTIONIST = { name: '钱晓燕', login: 'qian', password: 'qian-pass-1' };
/** Made through the API for the tests that need a receptionist without watching one be added. */
const COUNTER = { name: '孙丽', login: 'sunli', password: 'sunli-pass-1', roles: ['receptionist'] };
/** Strangers type wrong passwords for this one (a login of its own, so no other test is slowed). */
const TARGET = { name: '周敏', login: 'zhoumin', password: 'zhoumin-pass-1', roles: ['receptionist'] };
const OFFICE = '翠湖苑物业服务中心';
const ESTATE = '翠湖苑';

/**
 * Sign-in, setup, the shell and its security in browser mode. Each test runs alone: the first-run
 * test has a host of its own on an empty database; the others share this file's host (the
 * worker's `serve`) and make the accounts they sign in with through the API if it has none yet.
 */
async function ensureAccounts(page: Page, serve: ServeProcess, extra: (typeof COUNTER)[] = []) {
  const post = async (command: string, data: unknown) => {
    const { csrf } = (await (await page.request.get(`${serve.url}api/session`)).json()) as { csrf: string };
    return (await (await page.request.post(`${serve.url}api/${command}`, { headers: { 'x-csrf-token': csrf }, data })).json()) as {
      ok: boolean;
      value: { needsSetup?: boolean };
      error?: { kind: string };
    };
  };
  if ((await post('auth.session', {})).value.needsSetup) {
    expect((await post('auth.setup', { displayName: ADMIN.name, login: ADMIN.login, password: ADMIN.password, setupCode: serve.setupCode, officeName: OFFICE })).ok).toBe(true);
  } else {
    expect((await post('auth.login', { login: ADMIN.login, password: ADMIN.password })).ok).toBe(true);
  }
  for (const op of extra) {
    const made = await post('operators.create', { displayName: op.name, login: op.login, password: op.password, roles: op.roles });
    expect(made.ok || made.error?.kind === 'conflict', JSON.stringify(made)).toBe(true);
  }
  expect((await post('auth.logout', {})).ok).toBe(true);
}

const field = (scope: Page | ReturnType<Page['getByRole']>, name: string) => scope.getByRole('textbox', { name, exact: true });

/** Post a command from the page, as its own client (its cookie), signed in or not. */
async function postFromPage(page: Page, command: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { kind: string; message: string } }> {
  return page.evaluate(
    async ([command, input]) => {
      const { csrf } = await (await fetch('/api/session')).json();
      const r = await fetch(`/api/${command}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify(input) });
      return r.json();
    },
    [command, input] as const,
  );
}

/** Each test has its own browser context (no cookie), so it signs in as a person would. */
async function signIn(page: Page, url: string, who: { login: string; password: string }) {
  await page.goto(url);
  await expect(page.getByTestId('login-page')).toBeVisible();
  await field(page, '账号').fill(who.login);
  await field(page, '密码').fill(who.password);
  await field(page, '密码').press('Enter');
  await expect(page.getByTestId('shell')).toBeVisible();
}

test('first run: asks for the office name and the estate, creates the admin with the printed setup code, and lands in the shell', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'qiantai-e2e-first-run-'));
  const { proc, info: serve } = await startServe(join(dir, 'first-run.db'));
  try {
    await firstRun(page, serve);
  } finally {
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
});

async function firstRun(page: Page, serve: ServeProcess) {
  // 60 bits, readable: three groups of four without 0/O or 1/I.
  expect(serve.setupCode).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  await page.goto(serve.url);
  await expect(page.getByTestId('setup-page')).toBeVisible();

  // The office name comes first and is required; the estate is named here too (or left for later).
  await expect(field(page, '管理处名称')).toBeFocused();
  await field(page, '显示名称').fill(ADMIN.name);
  await field(page, '登录账号').fill(ADMIN.login);
  await field(page, '密码').fill(ADMIN.password);
  await field(page, '确认密码').fill(ADMIN.password);
  await field(page, '初始化码').fill(serve.setupCode!);
  await page.getByRole('button', { name: '创建管理员' }).click();
  await expect(page.getByText('请填写小区名称，或选择“稍后新增”')).toBeVisible();
  await field(page, '小区名称').fill(ESTATE);
  await page.getByRole('button', { name: '创建管理员' }).click();
  await expect(page.getByTestId('setup-page').getByText('必填')).toBeVisible();
  await field(page, '管理处名称').fill(OFFICE);

  await field(page, '初始化码').fill('00000000');
  await page.getByRole('button', { name: '创建管理员' }).click();
  await expect(page.getByText('初始化码不正确').first()).toBeVisible();

  // Typed as people do: lower case, without the dashes.
  await field(page, '初始化码').fill(serve.setupCode!.replace(/-/g, '').toLowerCase());
  await page.getByRole('button', { name: '创建管理员' }).click();
  await expect(page.getByTestId('shell')).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByText(ADMIN.name).first()).toBeVisible();
  // The header carries the office's own name, not the default 物业管理处, and the estate exists.
  await expect(page.getByTestId('office-name')).toHaveText(OFFICE);
  // (The empty 房屋住户 page does not list estates yet, so the estate is read through the command.)
  const estates = await page.evaluate(async () => {
    const { csrf } = await (await fetch('/api/session')).json();
    const r = await fetch('/api/estate.overview', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: '{}' });
    return ((await r.json()) as { value: { name: string }[] }).value.map((e) => e.name);
  });
  expect(estates).toEqual([ESTATE]);
}

test('the Chinese login page refuses a wrong password, signs in with the keyboard, and signs out', async ({ page, serve }) => {
  await ensureAccounts(page, serve);
  await page.goto(serve.url);
  await expect(page.getByTestId('login-page')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();

  await field(page, '账号').fill(ADMIN.login);
  await field(page, '密码').fill('wrong-password');
  await field(page, '密码').press('Enter');
  await expect(page.getByText('账号或密码不正确').first()).toBeVisible();

  await field(page, '密码').fill(ADMIN.password);
  await field(page, '密码').press('Enter');
  await expect(page.getByTestId('shell')).toBeVisible();

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByTestId('login-page')).toBeVisible();
  // Signed out on the server too: a reload does not bring the session back.
  await page.reload();
  await expect(page.getByTestId('login-page')).toBeVisible();
});

test('the sidebar shows every desk to the admin; unbuilt desks say they are coming', async ({ page, serve }) => {
  await ensureAccounts(page, serve);
  await signIn(page, serve.url, ADMIN);
  const shell = page.getByTestId('shell');
  for (const desk of ['接待登记', '报修派工', '钥匙管理', '物品放行', '收费', '房屋住户', '报表', '设置']) {
    await expect(shell.getByRole('menuitem', { name: desk })).toBeVisible();
  }
  await shell.getByRole('menuitem', { name: '报表' }).click();
  await expect(page.getByRole('main')).toContainText('即将上线');
});

test('the admin adds a receptionist; she sees only her desks, and the server refuses her admin commands', async ({ page, serve }) => {
  await ensureAccounts(page, serve);
  await signIn(page, serve.url, ADMIN);
  await page.getByTestId('shell').getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: '操作员' }).click();
  await page.getByRole('button', { name: '新增操作员' }).click();
  const dialog = page.getByRole('dialog');
  await field(dialog, '显示名称').fill(RECEPTIONIST.name);
  await field(dialog, '登录账号').fill(RECEPTIONIST.login);
  // The one password rule, with the server's own Chinese message, before anything is sent.
  await field(dialog, '初始密码').fill('12345678');
  await field(dialog, '确认密码').fill('12345678');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog.getByText('密码不能是连续的数字或字母（如 12345678、abcdefgh）')).toBeVisible();
  await field(dialog, '初始密码').fill(RECEPTIONIST.password);
  await field(dialog, '确认密码').fill(RECEPTIONIST.password);
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog.getByText('至少选择一个角色')).toBeVisible();
  await dialog.getByRole('checkbox', { name: '前台接待' }).check();
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('table').getByText(RECEPTIONIST.login, { exact: true })).toBeVisible();

  await page.getByRole('button', { name: '退出登录' }).click();
  await field(page, '账号').fill(RECEPTIONIST.login);
  await field(page, '密码').fill(RECEPTIONIST.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  const shell = page.getByTestId('shell');
  await expect(shell).toBeVisible();
  await expect(shell.getByRole('menuitem', { name: '接待登记' })).toBeVisible();
  await expect(shell.getByRole('menuitem', { name: '钥匙管理' })).toHaveCount(0);
  await expect(shell.getByRole('menuitem', { name: '收费' })).toHaveCount(0);

  // The UI hides the desk, but the dispatcher is what refuses: call it directly from the page.
  const answer = await postFromPage(page, 'operators.list', { filters: {} });
  expect(answer).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
});

test('locks with Ctrl+L, refuses commands while locked, unlocks with the password only', async ({ page, serve }) => {
  await ensureAccounts(page, serve, [COUNTER]);
  await signIn(page, serve.url, COUNTER);
  await page.keyboard.press('Control+l');
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible();
  const refused = await postFromPage(page, 'settings.get', {});
  expect(refused.error?.message).toMatch(/锁定/);
  await field(lock, '密码').fill('wrong-password');
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock.getByText('密码不正确').first()).toBeVisible();
  await field(lock, '密码').fill(COUNTER.password);
  await field(lock, '密码').press('Enter');
  await expect(lock).toBeHidden();
  await expect(page.getByTestId('shell')).toBeVisible();

  await page.getByRole('button', { name: '锁屏' }).click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  // A reload keeps the lock: it lives on the server, not in the page.
  await page.reload();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
});

test('ends the session after 10 wrong unlock passwords and says why on the login page', async ({ page, serve }) => {
  await ensureAccounts(page, serve, [COUNTER]);
  await signIn(page, serve.url, COUNTER);
  await page.keyboard.press('Control+l');
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible();
  for (let i = 1; i < 10; i++) expect((await postFromPage(page, 'auth.unlock', { password: `wrong-pass-${i}` })).error?.message).toBe('密码不正确');
  await field(lock, '密码').fill('wrong-pass-10');
  await field(lock, '密码').press('Enter');
  const login = page.getByTestId('login-page');
  await expect(login).toBeVisible();
  await expect(login.getByText('解锁失败次数过多，已退出登录，请重新登录')).toBeVisible();
  // Ended on the server: a reload does not bring the session back.
  await page.reload();
  await expect(page.getByTestId('login-page')).toBeVisible();
});

test('the admin sees a login slowed by a stranger’s wrong passwords and clears it', async ({ page, serve, browser }) => {
  await ensureAccounts(page, serve, [TARGET]);
  // A stranger with a new browser (a new client cookie) for every guess.
  for (let i = 0; i < 5; i++) {
    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(serve.url);
    expect((await postFromPage(strangerPage, 'auth.login', { login: TARGET.login, password: `guess-${i}-pass` })).error?.kind).toBe('unauthenticated');
    await stranger.close();
  }
  // Now every browser zhoumin never signed in from waits, right password or not.
  await page.goto(serve.url);
  expect((await postFromPage(page, 'auth.login', { login: TARGET.login, password: TARGET.password })).error?.kind).toBe('rate_limited');

  await signIn(page, serve.url, ADMIN);
  await page.getByTestId('shell').getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: '操作员' }).click();
  const row = page.getByRole('row').filter({ hasText: TARGET.login });
  await expect(row.getByText(/^登录受限，剩余 \d+ 秒$/)).toBeVisible();
  await row.getByRole('button', { name: '解除限制' }).click();
  await expect(row.getByText(/登录受限/)).toHaveCount(0);
  await expect(row.getByRole('button', { name: '解除限制' })).toHaveCount(0);

  await page.getByRole('button', { name: '退出登录' }).click();
  await field(page, '账号').fill(TARGET.login);
  await field(page, '密码').fill(TARGET.password);
  await field(page, '密码').press('Enter');
  await expect(page.getByTestId('shell')).toBeVisible();
});

test('F1 opens the shortcut help in Chinese', async ({ page, serve }) => {
  await ensureAccounts(page, serve);
  await signIn(page, serve.url, ADMIN);
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog');
  await expect(help).toContainText('Ctrl+L');
  await expect(help).toContainText('锁');
  await expect(help).toContainText('Alt+1');
});

test('the app has an icon: the page links it, browser mode serves it as an image, and the page’s CSP lets it load', async ({ page, serve }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(serve.url);
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /\S/);
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  // The linked icon, and /favicon.ico for whatever asks for it without reading the page.
  for (const path of [href!, '/favicon.ico']) {
    const res = await page.request.get(new URL(path, serve.url).href);
    expect(res.status(), path).toBe(200);
    expect(res.headers()['content-type'], path).toMatch(/^image\//);
    // Drawn by the page itself, under its own content security policy.
    const width = await page.evaluate(
      (src) =>
        new Promise<number>((done) => {
          const img = new Image();
          img.onload = () => done(img.naturalWidth);
          img.onerror = () => done(0);
          img.src = src;
        }),
      new URL(path, serve.url).href,
    );
    expect(width, path).toBeGreaterThan(0);
  }
  expect(violations).toEqual([]);
});

// The real check beside tests/electron/config.test.ts's restated CSP: the browser enforces it.
test('browser mode’s content security policy is enforced: an inline script injected into the page does not run', async ({ page, serve }) => {
  await page.goto(serve.url);
  await expect(page.getByTestId('login-page').or(page.getByTestId('setup-page'))).toBeVisible();
  await page.evaluate(() => {
    const w = window as unknown as { __violated?: string };
    document.addEventListener('securitypolicyviolation', (e) => (w.__violated = e.violatedDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.appendChild(script);
  });
  await expect.poll(() => page.evaluate(() => (window as unknown as { __violated?: string }).__violated)).toMatch(/^script-src/);
  expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
});

// One policy (shared/csp.ts): the page's <meta> carries exactly the header's directives that a
// <meta> can carry (frame-ancestors works only as a header; in a <meta> Chromium ignores it and logs an error).
test('the built page’s <meta> CSP and browser mode’s CSP header are the same policy', async ({ page, serve }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  const response = await page.goto(serve.url);
  await expect(page.getByTestId('login-page').or(page.getByTestId('setup-page'))).toBeVisible();
  const header = response!.headers()['content-security-policy']!;
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = (policy: string) => policy.split(';').map((d) => d.trim().replace(/\s+/g, ' '));
  expect(directives(meta!)).toEqual(directives(header).filter((d) => !d.startsWith('frame-ancestors ')));
  expect(directives(header)).toContain("frame-ancestors 'none'");
  expect(errors).toEqual([]);
});
