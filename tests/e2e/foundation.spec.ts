import { test, expect } from './support/server';

const ADMIN = { name: '王管理', login: 'admin', password: 'admin-pass-1' };

test.describe.configure({ mode: 'serial' });

test('first run: creates the admin with the printed setup code and lands in the shell', async ({ page, serve }) => {
  expect(serve.setupCode).toMatch(/^[0-9A-F]{8}$/);
  await page.goto(serve.url);
  await expect(page.getByTestId('setup-page')).toBeVisible();
  await expect(page.getByRole('button', { name: '创建管理员' })).toBeVisible();

  await page.getByLabel('显示名称').fill(ADMIN.name);
  await page.getByLabel('登录账号').fill(ADMIN.login);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('确认密码').fill(ADMIN.password);
  await page.getByLabel('初始化码').fill('00000000');
  await page.getByRole('button', { name: '创建管理员' }).click();
  await expect(page.getByText('初始化码不正确').first()).toBeVisible();

  await page.getByLabel('初始化码').fill(serve.setupCode!);
  await page.getByRole('button', { name: '创建管理员' }).click();
  await expect(page.getByTestId('shell')).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByText(ADMIN.name).first()).toBeVisible();
});

test('signs out, refuses a wrong password in Chinese, signs in with the keyboard', async ({ page, serve }) => {
  await page.goto(serve.url);
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByTestId('login-page')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.getByLabel('账号').fill(ADMIN.login);
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByText('账号或密码不正确').first()).toBeVisible();

  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByTestId('shell')).toBeVisible();
});

test('the sidebar shows every desk to the admin; unbuilt desks say they are coming', async ({ page, serve }) => {
  await page.goto(serve.url);
  const nav = page.getByTestId('shell');
  for (const desk of ['接待登记', '报修派工', '钥匙管理', '物品放行', '收费', '房屋住户', '报表', '设置']) {
    await expect(nav.getByRole('menuitem', { name: desk })).toBeVisible();
  }
  await nav.getByRole('menuitem', { name: '钥匙管理' }).click();
  await expect(page.getByRole('main')).toContainText('即将上线');
});

test('a receptionist sees only her desks, and the server refuses her admin commands', async ({ page, serve }) => {
  await page.goto(serve.url);
  await page.getByTestId('shell').getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: '操作员' }).click();
  await page.getByRole('button', { name: '新增操作员' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('钱前台');
  await dialog.getByLabel('登录账号').fill('qian');
  await dialog.getByLabel('初始密码').fill('qian-pass-1');
  await dialog.getByText('前台接待').click();
  await dialog.getByRole('button', { name: /确\s*定|保\s*存/ }).click();
  await expect(page.getByRole('table').getByText('qian', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('账号').fill('qian');
  await page.getByLabel('密码').fill('qian-pass-1');
  await page.getByRole('button', { name: '登录' }).click();
  const shell = page.getByTestId('shell');
  await expect(shell).toBeVisible();
  await expect(shell.getByRole('menuitem', { name: '接待登记' })).toBeVisible();
  await expect(shell.getByRole('menuitem', { name: '钥匙管理' })).toHaveCount(0);
  await expect(shell.getByRole('menuitem', { name: '收费' })).toHaveCount(0);

  // The UI hides the desk, but the dispatcher is what refuses: call it directly from the page.
  const answer = await page.evaluate(async () => {
    const { csrf } = await (await fetch('/api/session')).json();
    const r = await fetch('/api/operators.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ filters: {} }),
    });
    return r.json();
  });
  expect(answer).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
});

test('locks with Ctrl+L and unlocks with the password, keeping the page', async ({ page, serve }) => {
  await page.goto(serve.url);
  await expect(page.getByTestId('shell')).toBeVisible();
  await page.keyboard.press('Control+l');
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible();
  // Locked on the server too: commands other than unlock are refused.
  const refused = await page.evaluate(async () => {
    const { csrf } = await (await fetch('/api/session')).json();
    const r = await fetch('/api/settings.get', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: '{}' });
    return r.json();
  });
  expect(refused.error.message).toMatch(/锁定/);
  await lock.getByLabel('密码').fill('wrong-password');
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock.getByText('密码不正确').first()).toBeVisible();
  await lock.getByLabel('密码').fill('qian-pass-1');
  await lock.getByLabel('密码').press('Enter');
  await expect(lock).toBeHidden();
  await expect(page.getByTestId('shell')).toBeVisible();

  await page.getByRole('button', { name: '锁屏' }).click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
});

test('the shortcut help lists the keys in Chinese', async ({ page, serve }) => {
  await page.goto(serve.url);
  const lock = page.getByTestId('lock-screen');
  if (await lock.isVisible()) {
    await lock.getByLabel('密码').fill('qian-pass-1');
    await lock.getByRole('button', { name: '解锁' }).click();
  }
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog');
  await expect(help).toContainText('Ctrl+L');
  await expect(help).toContainText('锁');
});
