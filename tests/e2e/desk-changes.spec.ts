import { test, expect, type Page } from '@playwright/test';
import type { ServeProcess } from './support/server';
import { signIn as signInAt, startDemoHost, type DemoHost } from './support/demo';
import { voidEntry } from './support/reception';

/**
 * Writes announce what changed (#11 §1): after a write, every list and card on screen that shows
 * its desk — or a desk it declares it affects — refreshes by itself. No test here reloads a page
 * or presses a 刷新 button; each opens what it needs itself (no test depends on another).
 */
let serve: ServeProcess;
let host: DemoHost | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  host = await startDemoHost('desk-changes');
  ({ serve } = host);
});
test.afterAll(async () => {
  await host?.close();
});

const signIn = (page: Page, login: string, password: string) => signInAt(page, serve.url, login, password);
const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** F2, the unit's code, Enter: its card. */
async function openUnitCard(page: Page, code: string) {
  await page.keyboard.press('F2');
  const box = page.getByTestId('counter-search').getByRole('combobox', { name: '前台搜索' });
  await expect(box).toBeFocused();
  await box.fill(code);
  await expect(page.getByTestId('counter-search').getByRole('option').first()).toContainText(code);
  await box.press('Enter');
  const card = page.getByTestId('unit-card');
  await expect(card.getByRole('heading', { name: code })).toBeVisible();
  return card;
}

test('a unit moved to another building on its card: the card shows its new code, and back on the list the buildings count it where it now is', async ({ page }) => {
  await signIn(page, 'kefu', 'demo-kefu-1');
  await page.getByTestId('shell').getByRole('menuitem', { name: '房屋住户' }).click();
  const buildings = page.getByRole('navigation', { name: '项目与楼栋' });
  const building = (name: string) => buildings.getByRole('menuitem').filter({ hasText: new RegExp(`^${name}`) });
  await expect(building('4栋')).toContainText('168 套');
  await expect(building('5栋')).toContainText('168 套');

  const card = await openUnitCard(page, '4-1-101');
  await card.getByRole('button', { name: '修改房屋' }).click();
  const dialog = page.getByRole('dialog', { name: /修改房屋/ });
  await dialog.getByRole('combobox', { name: '楼栋' }).fill('5号楼');
  await dialog.getByRole('combobox', { name: '楼栋' }).press('Enter');
  await dialog.getByRole('textbox', { name: '房号' }).fill('2201');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByRole('heading', { name: '5-1-2201' })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(page.getByRole('table', { name: '房屋列表' })).toBeVisible();
  await expect(building('4栋')).toContainText('167 套');
  await expect(building('5栋')).toContainText('169 套');
});

test('a vehicle registered on the unit card shows on the card at once', async ({ page }) => {
  await signIn(page, 'qiantai', 'demo-qiantai-1');
  const card = await openUnitCard(page, '6-2-1503');
  const plate = `粤B${Math.floor(10000 + Math.random() * 89999)}`;
  await card.getByRole('button', { name: '登记车辆' }).click();
  const dialog = page.getByRole('dialog', { name: '登记车辆' });
  await dialog.getByRole('textbox', { name: '车牌号' }).fill(plate);
  await dialog.getByRole('textbox', { name: '车牌号' }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(card.getByRole('table', { name: '车辆' })).toContainText(plate);
});

test('an entry logged from the unit card shows in its open items and the list; voided, the detail, the list and the card follow', async ({ page }) => {
  await signIn(page, 'qiantai', 'demo-qiantai-1');
  const content = `阳台地漏堵塞 ${stamp()}`;
  const card = await openUnitCard(page, '7-1-801');
  await page.keyboard.press('F4');
  const form = page.getByRole('dialog', { name: '登记接待 · 7-1-801' });
  await expect(form.getByRole('radio', { name: '1 报修' })).toBeFocused();
  await page.keyboard.press('1');
  await page.keyboard.type(content);
  await expect(form.getByRole('textbox', { name: '内容' })).toHaveValue(content);
  await page.keyboard.press('Control+Enter');
  await expect(form).toBeHidden();

  // The card (the estate desk) shows the reception entry among its open items.
  const openItem = card.locator('.ant-list-item', { hasText: content }).getByRole('link', { name: /JD\d{12}/ });
  await expect(openItem).toBeVisible();
  const no = (await openItem.textContent())!.match(/JD\d{12}/)![0];

  // Its page, 作废: the page shows it voided.
  await openItem.click();
  const detail = page.getByTestId('entry-detail');
  await expect(detail).toContainText(no);
  await expect(detail.getByText('处理中').first()).toBeVisible();
  await voidEntry(page, detail);
  await expect(page.getByTestId('entry-timeline')).toContainText('作废：重复登记');
  await expect(detail.getByRole('button', { name: '作废' })).toHaveCount(0);

  // The list says so, and the card no longer counts it open.
  await page.keyboard.press('Escape');
  const row = page.getByRole('table', { name: '接待登记列表' }).locator('tr', { hasText: no });
  await expect(row).toContainText('已作废');
  const again = await openUnitCard(page, '7-1-801');
  await expect(again.getByText(content)).toHaveCount(0);
});

test('访客登记: a visitor signed in appears in the list; 离开 and 作废 show in their rows at once', async ({ page }) => {
  await signIn(page, 'qiantai', 'demo-qiantai-1');
  await page.goto(`${serve.url}#/reception/visitors`);
  const name = `访客${stamp()}`;
  const form = page.getByRole('main').locator('form');
  await form.getByRole('textbox', { name: '姓名' }).fill(name);
  await form.getByRole('textbox', { name: '事由' }).fill('送快递');
  await form.getByRole('button', { name: '登记来访' }).click();
  const visitors = page.getByRole('table', { name: '访客列表' });
  const row = visitors.locator('tr', { hasText: name });
  await expect(row).toContainText('未离开');

  await row.getByRole('button', { name: `离开 ${name}` }).click();
  await expect(row).not.toContainText('未离开');
  await expect(row.getByRole('button', { name: `离开 ${name}` })).toHaveCount(0);

  await row.getByRole('button', { name: `作废 ${name}` }).click();
  const voiding = page.getByRole('dialog', { name: `作废访客记录：${name}` });
  await voiding.getByRole('textbox', { name: '作废原因' }).fill('登记错了');
  await voiding.getByRole('button', { name: '作废' }).click();
  await expect(voiding).toBeHidden();
  await expect(row).toContainText('已作废');
});
