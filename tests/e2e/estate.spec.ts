import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { test, expect, type Page } from '@playwright/test';
import type { ServeProcess } from './support/server';
import { signIn as signInAt, startDemoHost, type DemoHost } from './support/demo';

/**
 * The estate desk as a new office meets it: `npm run demo` estate, the counter search, the unit
 * card, importing a roster with broken rows (twice), exporting it again.
 */
test.describe.configure({ mode: 'serial' });

let dir: string;
let serve: ServeProcess;
let host: DemoHost | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  host = await startDemoHost('estate');
  ({ dir, serve } = host);
  expect(host.demoOutput).toMatch(/演示小区已生成：12 栋楼，2016 套房屋/);
  expect(host.demoOutput).toMatch(/kefu\s+demo-kefu-1\s+客服专员/);
});
test.afterAll(async () => {
  await host?.close();
});

const signIn = (page: Page, login: string, password: string) => signInAt(page, serve.url, login, password);

test('the receptionist finds 3-2-1101 with F2 like a scanner, and 张三 by zs, and opens the unit card', async ({ page }) => {
  await signIn(page, 'qiantai', 'demo-qiantai-1');
  await page.keyboard.press('F2');
  const search = page.getByTestId('counter-search');
  const box = search.getByRole('combobox', { name: '前台搜索' });
  await expect(box).toBeFocused();
  // A barcode scanner types fast and presses Enter: the first hit opens.
  await box.pressSequentially('3-2-1101', { delay: 0 });
  await box.press('Enter');
  const card = page.getByTestId('unit-card');
  await expect(card).toBeVisible();
  await expect(card).toContainText('3-2-1101');
  await expect(card.getByRole('table', { name: '住户' })).toContainText('张三');
  // ID numbers are masked on the card.
  await expect(card.getByRole('table', { name: '住户' })).toContainText(/\d{6}\*{8}[\dX]{4}/);

  await page.keyboard.press('Control+k');
  await box.fill('zs');
  const listbox = search.getByRole('listbox', { name: '搜索结果' });
  await expect(listbox.getByRole('option').first()).toContainText('张三');
  await expect(listbox.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await expect(listbox.getByRole('option').first()).toContainText('3-2-1101');
  await page.keyboard.press('Escape');
  await expect(search).toBeHidden();
});

test('the officer imports a roster with broken rows: problems by row, valid rows imported, re-import changes nothing, export', async ({ page }) => {
  test.setTimeout(120_000);
  const roster = join(dir, 'roster.xlsx');
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('名册');
  sheet.addRow(['楼栋', '单元', '房号', '楼层', '建筑面积', '业主姓名', '手机', '身份证号']);
  sheet.addRow(['20', '1', '101', 1, '88.50', '郑导入', '13600002001', '440524198001010013']);
  sheet.addRow(['20', '1', '102', 1, '90', '冯导入', '13600002002', '110105194912310021']);
  sheet.addRow(['20', '1', '', 1, '90', '陈导入', '13600002003', '']);
  sheet.addRow(['20', '1', '201', 2, '76.25', '褚导入', '13600002004', '']);
  writeFileSync(roster, Buffer.from(await wb.xlsx.writeBuffer()));

  await signIn(page, 'kefu', 'demo-kefu-1');
  await page.getByTestId('shell').getByRole('menuitem', { name: '房屋住户' }).click();
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await page.locator('input[type=file]').setInputFiles(roster);
  await page.getByRole('button', { name: '下一步：预览' }).click();
  await expect(page.getByText('共 4 行，有效 2 行')).toBeVisible();
  const problems = page.getByRole('table', { name: '问题列表' });
  await expect(problems).toContainText('身份证号校验位不正确，请核对');
  await expect(problems).toContainText('房号不能为空');
  await expect(problems.getByRole('row', { name: /^3 身份证号/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /^4 房号/ })).toBeVisible();

  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('导入完成')).toBeVisible();

  await page.getByRole('button', { name: '继续导入' }).click();
  await page.locator('input[type=file]').setInputFiles(roster);
  await page.getByRole('button', { name: '下一步：预览' }).click();
  await expect(page.getByText('共 4 行，有效 2 行')).toBeVisible();
  await expect(page.locator('.ant-descriptions').first()).toContainText('不变 2');

  // The imported units are found at the counter.
  await page.keyboard.press('F2');
  const box = page.getByTestId('counter-search').getByRole('combobox', { name: '前台搜索' });
  await box.fill('20-1-201');
  await expect(page.getByTestId('counter-search').getByRole('option').first()).toContainText('褚导入');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: '返回房屋列表' }).click();
  await page.getByRole('button', { name: '导出', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '导出房屋与住户' });
  // Only supervisors and admins may export full ID numbers.
  await expect(dialog.getByRole('checkbox', { name: '包含完整证件号' })).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '导出' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^房屋住户-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const exported = new ExcelJS.Workbook();
  await exported.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const text = JSON.stringify(exported.worksheets[0]!.getSheetValues());
  expect(text).toContain('郑导入');
  expect(text).toContain('440524********0013');
  expect(text).not.toContain('440524198001010013');
});
