import { test, expect, type Page } from '@playwright/test';
import { signIn, startDemoHost, type DemoHost } from './support/demo';

/**
 * The shell as the other people at the counter meet it, on the `npm run demo` estate: where the
 * key custodian lands now that 钥匙管理 is built, where the cashier lands now that 收费 is built,
 * and the operation log as a supervisor reads it. Every test signs in by itself.
 */
let host: DemoHost | undefined;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  host = await startDemoHost('shell');
});
test.afterAll(async () => {
  await host?.close();
});

/** Chooses in an antd Select: open it, click the option shown in its dropdown. */
async function pick(page: Page, select: string, option: string) {
  await page.getByRole('combobox', { name: select }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click();
  await expect(page.locator('.ant-select', { has: page.getByRole('combobox', { name: select }) })).toContainText(option);
}

test('the 钥匙管理员 lands on 钥匙管理, the scan box focused: the first tag scanned is looked up', async ({ page }) => {
  await signIn(page, host!.serve.url, 'yaoshi', 'demo-yaoshi-1');
  await expect(page.getByTestId('shell').getByRole('menuitem', { name: '钥匙管理' })).toHaveClass(/ant-menu-item-selected/);
  await expect(page.getByRole('main')).not.toContainText('即将上线');
  const box = page.getByRole('textbox', { name: '扫描钥匙标签' });
  await expect(box).toBeFocused();
  await box.fill('YS999999');
  await box.press('Enter');
  await expect(page.getByTestId('scan-problem')).toContainText('YS999999');
  // 房屋住户 is still theirs: the unit card from the counter search.
  await expect(page.getByTestId('shell').getByRole('menuitem', { name: '房屋住户' })).toBeVisible();
});

test('the 收费员 lands on 收费, the unit box of the counter focused: the first keys typed find the unit', async ({ page }) => {
  await signIn(page, host!.serve.url, 'shoufei', 'demo-shoufei-1');
  await expect(page.getByTestId('shell').getByRole('menuitem', { name: '收费' })).toHaveClass(/ant-menu-item-selected/);
  await expect(page.getByRole('main')).not.toContainText('即将上线');
  const box = page.getByRole('combobox', { name: '收费房屋' });
  await expect(box).toBeFocused();
  await box.pressSequentially('3-2-1101', { delay: 0 });
  await expect(page.locator('.ant-select-item-option', { hasText: '3-2-1101' }).first()).toBeVisible();
  await box.press('Enter');
  await expect(page.getByTestId('counter-unit')).toHaveText('3-2-1101');
});

test('the receptionist still lands on 接待登记, with no search box in the way', async ({ page }) => {
  await signIn(page, host!.serve.url, 'qiantai', 'demo-qiantai-1');
  await expect(page.getByTestId('shell').getByRole('menuitem', { name: '接待登记' })).toHaveClass(/ant-menu-item-selected/);
  await expect(page.getByRole('table', { name: '接待登记列表' })).toBeVisible();
  await expect(page.getByTestId('counter-search')).toHaveCount(0);
});

test('the operation log reads in Chinese, with the record’s own number, filters by operator, desk and date, and keeps the raw names in the detail', async ({ page }) => {
  // Something to find: the receptionist signs in and out, then the supervisor reads the log.
  await signIn(page, host!.serve.url, 'qiantai', 'demo-qiantai-1');
  await page.getByRole('button', { name: '退出登录' }).click();
  await signIn(page, host!.serve.url, 'zhuguan', 'demo-zhuguan-1');
  await page.goto(`${host!.serve.url}#/settings/audit`);
  const table = page.getByRole('table', { name: '操作日志' });
  await expect(table.locator('tbody > tr').first()).toContainText(/\d{4}-\d{2}-\d{2}/);

  // Only the receptionist's rows, only 登录与密码: sign-in and sign-out, by summary and login.
  await pick(page, '按操作员筛选', '李晓雯（qiantai）');
  await pick(page, '按模块筛选', '登录与密码');
  const rows = table.locator('tbody > tr');
  await expect(rows.filter({ hasText: '退出登录' })).toHaveCount(1);
  await expect(rows.filter({ hasText: '登录会话' }).first()).toContainText('李晓雯（qiantai）');
  const text = await table.innerText();
  for (const raw of ['auth.login', 'auth.logout', 'session', 'reception_entry']) expect(text).not.toContain(raw);
  await expect(rows.filter({ hasNotText: '李晓雯（qiantai）' })).toHaveCount(0);

  // Enter on a row opens the raw names and what was stored.
  await table.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('audit-detail').first();
  await expect(detail).toContainText(/auth\.log(in|out)/);
  await expect(detail).toContainText('session');

  // A date range before the demo was made finds nothing.
  const range = page.getByPlaceholder('开始日期');
  await range.fill('2000-01-01');
  await page.getByPlaceholder('结束日期').fill('2000-01-02');
  await page.getByPlaceholder('结束日期').press('Enter');
  await expect(table).toContainText('没有记录');
});

test('设置 → 接待时限 is reception’s own tab: hours and minutes, saved by the admin, read-only for the receptionist', async ({ page }) => {
  await signIn(page, host!.serve.url, 'admin', 'demo-admin-1');
  await page.goto(`${host!.serve.url}#/settings/reception`);
  const hours = page.getByRole('spinbutton', { name: '上报时限（小时）' });
  const minutes = page.getByRole('spinbutton', { name: '上报时限（分钟）' });
  await expect(hours).toHaveValue('2');
  await expect(minutes).toHaveValue('0');
  await hours.fill('1');
  await minutes.fill('30');
  await page.getByRole('button', { name: '保存' }).click();
  // Read back from the server: a fresh page shows what was stored.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('spinbutton', { name: '上报时限（分钟）' })).toHaveValue('30', { timeout: 2000 });
  }).toPass();
  await expect(page.getByRole('spinbutton', { name: '上报时限（小时）' })).toHaveValue('1');
  await page.getByRole('button', { name: '退出登录' }).click();

  await signIn(page, host!.serve.url, 'qiantai', 'demo-qiantai-1');
  await page.goto(`${host!.serve.url}#/settings/reception`);
  await expect(page.getByRole('spinbutton', { name: '上报时限（分钟）' })).toHaveValue('30');
  await expect(page.getByRole('spinbutton', { name: '上报时限（分钟）' })).toBeDisabled();
  await expect(page.getByRole('button', { name: '保存' })).toHaveCount(0);
});
