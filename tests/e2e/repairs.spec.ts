import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { test, expect, type Locator, type Page } from '@playwright/test';
import { mmToPoints, PAPERS } from '../../shared/print';
import { scanBurst } from './support/scan';
import { signIn as signInAt, startDemoHost, type DemoHost } from './support/demo';
import { expectEmbeddedCjkFont, pageSizePt, pdfText, UNMASKED_ID } from './support/pdf';

/**
 * 报修派工 as a new receptionist meets it, on the `npm run demo` estate (issue #12, "Done when"):
 * a walk-in reports a leaking pipe at 3-2-1101, logged in reception and turned into a 维修单 in
 * one action; dispatched; the 维修单 printed to PDF (paper, font, number, QR); the arrival recorded
 * 20 minutes after the appointment on the server's clock (--clock-file) and flagged late; the
 * returned slip found by its number (F2) and entered with two material lines; the charge unpaid
 * on the unit card; the call-back 不满意 reopening the order; the monthly summary counting it.
 */
const MINUTE_MS = 60_000;
let clockFile = '';
let host: DemoHost | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // No clock file yet: the server runs on real time until the walk moves its clock.
  host = await startDemoHost('repairs', { clockFile: (d) => (clockFile = join(d, 'clock-offset-ms')) });
});
test.afterAll(async () => {
  await host?.close();
});
test.afterEach(() => {
  writeFileSync(clockFile, '0');
});

const PASSWORD = 'demo-qiantai-1';
const signIn = (page: Page) => signInAt(page, host!.serve.url, 'qiantai', PASSWORD);
const stampOf = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
const orderNoIn = (text: string | null) => text?.match(/WX\d{12}/)?.[0] ?? '';

/** F2, the text, Enter: what the counter search opens. */
async function counterSearch(page: Page, text: string) {
  await page.keyboard.press('F2');
  const box = page.getByTestId('counter-search').getByRole('combobox', { name: '前台搜索' });
  await expect(box).toBeFocused();
  await box.pressSequentially(text, { delay: 0 });
  await box.press('Enter');
}

/** The desk's list, loaded (the shell is back after a print preview). */
async function toOrderList(page: Page) {
  await page.goto(`${host!.serve.url}#/repairs`);
  await expect(page.getByRole('table', { name: '维修单列表' })).toBeVisible();
}

/**
 * Moves the server's clock ahead (past the 10-minute idle lock): the page, read again, finds its
 * session locked, and the password opens it.
 */
async function moveServerClock(page: Page, ms: number) {
  writeFileSync(clockFile, String(ms));
  await page.reload();
  const locked = page.getByRole('dialog', { name: '屏幕已锁定' });
  await locked.getByRole('textbox', { name: '密码' }).fill(PASSWORD);
  await locked.getByRole('textbox', { name: '密码' }).press('Enter');
  await expect(locked).toBeHidden();
}

/** A dialog's 确定, and the dialog gone (the command succeeded). */
async function confirm(dialog: Locator) {
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog).toBeHidden();
}

/** One of the order's action buttons, and its dialog. */
async function act(page: Page, label: string, no: string): Promise<Locator> {
  await page.getByTestId('order-detail').getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `${label} ${no}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

const stateTag = (page: Page) => page.getByTestId('order-detail').locator('[data-state]').first();

/** The 报修 count of the 水电 · 入户维修 row of this month's summary (0 when the row is absent). */
async function plumbingInHomeCount(page: Page): Promise<number> {
  await page.goto(`${host!.serve.url}#/repairs/summary`);
  const table = page.getByTestId('repairs-summary');
  await expect(table.locator('tbody tr', { hasText: '合计' })).toBeVisible();
  const row = table.locator('tbody tr', { hasText: '水电' }).filter({ hasText: '入户维修' });
  if ((await row.count()) === 0) return 0;
  return Number(await row.locator('td').nth(2).textContent());
}

test('a walk-in repair from the counter to the call-back, with the slip, the time rule, the bill and the summary', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page);
  const before = await plumbingInHomeCount(page);

  // 1. Logged in reception from the unit card: F4, 1 (报修), the content, Ctrl+Enter.
  const content = `厨房水管漏水 ${stampOf()}`;
  await counterSearch(page, '3-2-1101');
  const card = page.getByTestId('unit-card');
  await expect(card.getByRole('table', { name: '住户' })).toContainText('张三');
  await page.keyboard.press('F4');
  const log = page.getByRole('dialog', { name: '登记接待 · 3-2-1101' });
  await expect(log.getByRole('radio', { name: '1 报修' })).toBeFocused();
  await page.keyboard.press('1');
  await page.keyboard.type(content);
  await page.keyboard.press('Control+Enter');
  await expect(log).toBeHidden();

  // 2. 转维修单 on the entry: one action; unit, contact and content come over.
  await page.goto(`${host!.serve.url}#/reception`);
  await page.getByRole('table', { name: '接待登记列表' }).locator('tr', { hasText: content }).dblclick();
  const entry = page.getByTestId('entry-detail');
  await expect(entry).toContainText(content);
  await entry.getByRole('button', { name: '转维修单' }).click();
  const toOrder = page.getByRole('dialog', { name: /^转维修单：JD\d{12}$/ });
  await expect(toOrder).toContainText('3-2-1101');
  await expect(toOrder).toContainText(content);
  await toOrder.getByText('1 水电').click();
  await toOrder.getByText('有偿', { exact: true }).click();
  await toOrder.getByRole('textbox', { name: '已告知业主的收费项目和金额' }).fill('更换角阀和软管，材料按价，人工 ¥30');
  await confirm(toOrder);
  const detail = page.getByTestId('order-detail');
  await expect(page).toHaveURL(/#\/repairs\/order\/\d+$/);
  const no = orderNoIn(await page.getByTestId('order-no').textContent());
  expect(no).toMatch(/^WX\d{12}$/);
  await expect(stateTag(page)).toHaveAttribute('data-state', 'pending');
  await expect(detail).toContainText('张三');
  await expect(detail).toContainText(content);
  // Only what the machine allows from 待派单 is offered.
  const offered = await detail.getByRole('button').allTextContents();
  expect(offered.map((t) => t.replace(/\s+/g, ''))).toEqual(expect.arrayContaining(['派单', '作废']));
  for (const never of ['到场', '回单录入', '回访', '转单', '退单']) await expect(detail.getByRole('button', { name: never, exact: true })).toHaveCount(0);
  // The entry now shows the order's number.
  await page.goBack();
  await expect(page.getByTestId('entry-detail')).toContainText(no);
  await expect(page.getByTestId('entry-detail').getByRole('button', { name: '转维修单' })).toHaveCount(0);
  await page.getByTestId('entry-detail').getByRole('link', { name: no }).click();
  await expect(page.getByTestId('order-no')).toHaveText(no);

  // 3. 派单 to a technician of 工程部, chosen by typing (each one's load shown).
  const dispatch = await act(page, '派单', no);
  await expect(dispatch.getByRole('combobox', { name: '师傅' })).toBeFocused();
  await page.keyboard.type('工程部');
  await expect(page.locator('.ant-select-item-option', { hasText: '今日' }).first()).toBeVisible();
  await page.keyboard.press('Enter');
  await confirm(dispatch);
  await expect(stateTag(page)).toHaveAttribute('data-state', 'dispatched');
  await expect(detail).toContainText('工程部');

  // 4. The 维修单 prints: A5 landscape, the Chinese font embedded, the number and its QR.
  await detail.getByRole('button', { name: '打印维修单' }).click();
  await page.locator('[data-testid="print-preview"][data-print-ready="1"]').waitFor({ state: 'attached', timeout: 15_000 });
  await expect(page.locator(`[data-testid="print-qr"][aria-label="${no}"]`).first()).toBeAttached();
  await expect(page.getByTestId('slip-blank-line').first()).toBeAttached();
  const pdf = join(host!.dir, 'repair-order.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const size = pageSizePt(pdf);
  expect(Math.abs(size.w - mmToPoints(PAPERS['a5-landscape'].widthMm))).toBeLessThanOrEqual(1);
  expect(Math.abs(size.h - mmToPoints(PAPERS['a5-landscape'].heightMm!))).toBeLessThanOrEqual(1);
  expectEmbeddedCjkFont(pdf);
  const text = pdfText(pdf).replace(/\s+/g, '');
  for (const s of [no, '维修单', '3-2-1101', '张三', '厨房水管漏水', '更换角阀和软管', '业主满意度', '不满意']) expect(text, `the slip shows ${s}`).toContain(s);
  expect(text).not.toMatch(UNMASKED_ID);

  // 5. Twenty minutes after the appointment (the server's clock moved): overdue, then the arrival flagged late.
  await toOrderList(page);
  await moveServerClock(page, 20 * MINUTE_MS);
  await counterSearch(page, no);
  await expect(page.getByTestId('order-no')).toHaveText(no);
  await expect(detail.locator('[data-time-kind]').first()).toHaveAttribute('data-time-kind', 'overdue');
  await confirm(await act(page, '到场', no));
  await expect(stateTag(page)).toHaveAttribute('data-state', 'arrived');
  const arrival = page.getByTestId('order-deadlines').locator('tr', { hasText: '到场' });
  await expect(arrival.locator('[data-late="1"]')).toHaveText(/迟 [5-9] 分钟/);
  await expect(page.getByTestId('order-timeline')).toContainText(/迟 [5-9] 分钟/);

  await confirm(await act(page, '开始维修', no));
  await expect(stateTag(page)).toHaveAttribute('data-state', 'in_progress');
  await confirm(await act(page, '提交验收', no));
  await expect(stateTag(page)).toHaveAttribute('data-state', 'inspection');

  // 6. The returned slip, found by its number (F2), entered with two material lines by keyboard.
  await toOrderList(page);
  await counterSearch(page, no);
  await expect(page.getByTestId('order-no')).toHaveText(no);
  const complete = await act(page, '回单录入', no);
  await expect(complete.getByRole('textbox', { name: '名称 1' })).toBeFocused();
  // Typed only once the dialog has finished opening (the first key must land in the first box).
  await expect(complete).not.toHaveClass(/-(appear|enter)\b/);
  // Name, spec, model, unit, quantity, price: as the slip reads, Tab between them.
  for (const [i, typed] of ['角阀', 'DN15', 'J11', '个', '1', '35'].entries()) {
    if (i > 0) await page.keyboard.press('Tab');
    await page.keyboard.type(typed);
  }
  await page.keyboard.press('Alt+N');
  await expect(complete.getByRole('textbox', { name: '名称 2' })).toBeFocused();
  await page.keyboard.type('不锈钢软管');
  await complete.getByRole('textbox', { name: '单位 2' }).fill('米');
  await complete.getByRole('textbox', { name: '数量 2' }).fill('1.5');
  await complete.getByRole('textbox', { name: '单价 2' }).fill('12');
  await complete.getByRole('textbox', { name: '人工费' }).fill('30');
  // 35 + 1.5 × 12 + 30
  await expect(complete.getByTestId('complete-total')).toHaveText('¥83.00');
  // Without the materials confirmed the order is not completed.
  await complete.getByRole('button', { name: /确\s*定/ }).click();
  await expect(complete.getByText('请先请业主当面核对材料')).toBeVisible();
  await complete.getByText('材料已当面请业主').click();
  await expect(complete.getByRole('textbox', { name: '签字人姓名' })).toHaveValue('张三');
  await complete.getByText('满意', { exact: true }).click();
  await confirm(complete);
  await expect(stateTag(page)).toHaveAttribute('data-state', 'completed');
  const materials = page.getByTestId('order-materials');
  await expect(materials.locator('tr.ant-table-row')).toHaveCount(2);
  await expect(materials).toContainText('1.5米');
  await expect(page.getByTestId('order-bill')).toHaveAttribute('data-bill-state', 'unpaid');
  await expect(page.getByTestId('order-bill')).toContainText('¥83.00');
  // An 入户 order is closed only after its call-back: 关闭 is not offered yet.
  await expect(detail.getByRole('button', { name: '关闭', exact: true })).toHaveCount(0);

  // 7. The owner's charge appears as an unpaid bill on the unit card.
  await toOrderList(page);
  await counterSearch(page, '3-2-1101');
  await expect(card).toContainText(`维修费 ${no} ¥83.00`);
  // Listed by the fees desk with the unit's other unpaid bills; the receptionist does not take
  // payments, so it is not a link into the counter (fees.spec follows it as the cashier).
  const charge = card.locator('.ant-list', { hasText: '收费：' }).locator('.ant-list-item', { hasText: `维修费 ${no} ¥83.00` });
  await expect(charge).toBeVisible();
  await expect(charge.getByRole('link')).toHaveCount(0);

  // 8. The call-back: 不满意 reopens the order, and the dialog says so first.
  await toOrderList(page);
  await counterSearch(page, no);
  await expect(page.getByTestId('order-no')).toHaveText(no);
  const callback = await act(page, '回访', no);
  await expect(callback.getByTestId('callback-reopens')).toContainText('重新派修');
  await callback.locator('.ant-form-item', { hasText: '维修结果' }).getByText('不满意').click();
  await callback.getByRole('textbox', { name: '回访记录' }).fill('业主反映角阀处仍有渗水');
  await confirm(callback);
  await expect(stateTag(page)).toHaveAttribute('data-state', 'pending');
  await expect(page.getByTestId('order-timeline')).toContainText('重新派修');
  await expect(detail.getByRole('button', { name: '派单', exact: true })).toBeVisible();

  // 9. The monthly summary counts it.
  writeFileSync(clockFile, '0');
  const count = await plumbingInHomeCount(page);
  expect(count).toBe(before + 1);
  // The .xlsx says the same as the screen.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Excel' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^维修月度汇总-\d{4}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const rows = Array.from(book.getWorksheet('维修月度汇总')!.getSheetValues(), (r) => (Array.isArray(r) ? r.slice(1) : []));
  expect(rows.find((r) => r[0] === '水电' && r[1] === '入户维修')?.[2]).toBe(count);
  await page.getByRole('button', { name: '打印月报（A4）' }).click();
  await page.locator('[data-testid="print-preview"][data-print-ready="1"]').waitFor({ state: 'attached', timeout: 15_000 });
  await expect(page.getByTestId('summary-print')).toContainText('水电');
});

test('a new order from the desk (F8) for a public location: only what 待派单 allows is offered, its scanned number opens it, 作废 needs a reason', async ({ page }) => {
  await signIn(page);
  await toOrderList(page);
  await page.keyboard.press('F8');
  const open = page.getByRole('dialog', { name: '新报修' });
  await expect(open).toBeVisible();
  await open.getByText('公共报修').click();
  const where = `3栋2单元 电梯厅 ${stampOf()}`;
  await open.getByRole('textbox', { name: '位置' }).fill(where);
  await open.getByText('5 电梯').click();
  await open.getByRole('textbox', { name: '故障描述' }).fill('电梯按钮失灵');
  await confirm(open);
  await expect(page).toHaveURL(/#\/repairs\/order\/\d+$/);
  const no = orderNoIn(await page.getByTestId('order-no').textContent());
  await expect(page.getByTestId('order-detail')).toContainText(where);
  await expect(page.getByTestId('order-detail').getByRole('button', { name: '回访', exact: true })).toHaveCount(0);

  // The slip's QR scanned with the focus on the page (a keyboard-wedge burst ending in Enter) opens it.
  await toOrderList(page);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await scanBurst(page, no);
  await expect(page.getByTestId('order-no')).toHaveText(no);

  const voiding = await act(page, '作废', no);
  await voiding.getByRole('button', { name: /确\s*定/ }).click();
  await expect(voiding).toBeVisible();
  await expect(stateTag(page)).toHaveAttribute('data-state', 'pending');
  await voiding.getByRole('textbox', { name: '原因' }).fill('重复报修');
  await confirm(voiding);
  await expect(stateTag(page)).toHaveAttribute('data-state', 'voided');
  await expect(page.getByTestId('order-detail').getByRole('button', { name: '派单', exact: true })).toHaveCount(0);
});

test('F8 puts the focus in the unit box, so the code typed right after it finds the unit; a category the office added in 设置 is offered by its digit', async ({ browser, page }) => {
  // The office adds 智能门锁 (设置 → 维修设置), as its admin.
  const admin = await browser.newPage();
  await signInAt(admin, host!.serve.url, 'admin', 'demo-admin-1');
  await admin.goto(`${host!.serve.url}#/settings`);
  await admin.getByRole('tab', { name: '维修设置' }).click();
  const label = `门锁${stampOf().slice(-4)}`;
  await admin.getByRole('button', { name: '新增类别' }).click();
  const rows = admin.getByRole('textbox', { name: /^类别名称 \d+$/ });
  const position = await rows.count();
  await rows.last().fill(label);
  await admin.getByRole('button', { name: /^保\s*存$/ }).click();
  // Saved: the new row lost its 移除 (saved categories are stopped, never removed).
  await expect(admin.getByRole('button', { name: '移除' })).toHaveCount(0);
  await admin.close();

  await signIn(page);
  await toOrderList(page);
  await page.keyboard.press('F8');
  const open = page.getByRole('dialog', { name: '新报修' });
  await expect(open.getByRole('combobox', { name: '房屋' })).toBeFocused();
  await page.keyboard.type('3-2-1101');
  // Every key landed in the box: the unit is the first hit, and Enter picks it.
  await expect(page.locator('.ant-select-item-option-active')).toContainText('3-2-1101');
  await page.keyboard.press('Enter');
  await expect(open.locator('.ant-select-selection-item, .ant-select-content').filter({ hasText: '3-2-1101' }).first()).toBeVisible();
  await expect(open.getByText(`${position} ${label}`)).toBeVisible();
});
