import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { test, expect, type Locator, type Page } from '@playwright/test';
import { mmToPoints, PAPERS, type PaperKey } from '../../shared/print';
import type { ServeProcess } from './support/server';
import { signIn as signInAt, startDemoHost, type DemoHost } from './support/demo';
import { DEMO_OPERATORS } from '../../db/demo/operators';
import { expectEmbeddedCjkFont, pageSizePt, pdfText, UNMASKED_ID } from './support/pdf';
import { voidEntry } from './support/reception';

/**
 * 接待登记 as a new receptionist meets it, on the `npm run demo` estate: a walk-in repair logged
 * from the unit card by keyboard (the actions counted), a phone complaint for a caller, the time
 * left, a day passing on the server's clock (--clock-file), the overdue list and the shell badge,
 * escalating, closing, a reopen refused without a reason, the daily report and the handover
 * printed to PDF and exported.
 */
test.describe.configure({ mode: 'serial' });

const HOUR_MS = 3_600_000;
let dir: string;
let clockFile: string;
let serve: ServeProcess;
let host: DemoHost | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // No clock file yet: the server runs on real time until the test moves its clock.
  host = await startDemoHost('reception', { clockFile: (d) => (clockFile = join(d, 'clock-offset-ms')) });
  ({ dir, serve } = host);
  expect(host.demoOutput).toMatch(/qiantai\s+demo-qiantai-1\s+前台接待/);
});
test.afterAll(async () => {
  await host?.close();
});

const signIn = (page: Page, login: string, password: string) => signInAt(page, serve.url, login, password);

/** The demo's admin and supervisor by name, as the 上报 picker lists them. */
const demoName = (login: string) => DEMO_OPERATORS.find((o) => o.login === login)!.displayName;
const entryNo = (text: string | null) => text?.match(/JD\d{12}/)?.[0] ?? '';
/** The list's row holding a number or a piece of content. */
const listRow = (page: Page, text: string) => page.getByRole('table', { name: '接待登记列表' }).locator('tr', { hasText: text });

async function printToPdf(page: Page, name: string, paper: PaperKey, mustContain: string[]) {
  await page.locator('[data-testid="print-preview"][data-print-ready="1"]').waitFor({ state: 'attached', timeout: 15_000 });
  const file = join(dir, `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const size = pageSizePt(file);
  expect(Math.abs(size.w - mmToPoints(PAPERS[paper].widthMm)), `${name} width`).toBeLessThanOrEqual(1);
  expect(Math.abs(size.h - mmToPoints(PAPERS[paper].heightMm!)), `${name} height`).toBeLessThanOrEqual(1);
  expectEmbeddedCjkFont(file);
  const text = pdfText(file);
  const flat = text.replace(/\s+/g, '');
  for (const s of mustContain) expect(flat, `${name} shows ${s}`).toContain(s.replace(/\s+/g, ''));
  expect(text, name).not.toMatch(UNMASKED_ID);
  return flat;
}

const stampOf = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** The list, F4: a blank 新登记 with the focus on the categories. */
async function openLogForm(page: Page): Promise<Locator> {
  await page.goto(`${serve.url}#/reception`);
  await page.keyboard.press('F4');
  const form = page.getByRole('dialog', { name: '新登记' });
  await expect(form.getByRole('radio', { name: '1 报修' })).toBeFocused();
  return form;
}

/** 新登记 from the list for a caller who is not on file: F4, the category digit, the name, the content, Ctrl+Enter. */
async function logCaller(page: Page, digit: string, name: string, content: string): Promise<string> {
  const form = await openLogForm(page);
  await page.keyboard.press(digit);
  await form.getByRole('textbox', { name: '联系人' }).fill(name);
  await form.getByRole('textbox', { name: '内容' }).fill(content);
  await page.keyboard.press('Control+Enter');
  await expect(form).toBeHidden();
  const row = listRow(page, content);
  await expect(row).toBeVisible();
  return entryNo(await row.textContent());
}

async function openEntry(page: Page, no: string) {
  await listRow(page, no).dblclick();
  const detail = page.getByTestId('entry-detail');
  await expect(detail).toContainText(no);
  return detail;
}

/** 上报 from the entry's page: the superior found by typing their pinyin initials, Enter, a note, 确定. */
async function escalateTo(page: Page, detail: Locator, initials: string, name: string, note: string) {
  await detail.getByRole('button', { name: '上报' }).click();
  const escalate = page.getByRole('dialog', { name: '上报上级' });
  await expect(escalate.getByRole('combobox', { name: '上报给' })).toBeFocused();
  await page.keyboard.type(initials);
  await expect(page.locator('.ant-select-item-option', { hasText: name })).toBeVisible();
  await page.keyboard.press('Enter');
  await escalate.getByRole('textbox', { name: '说明' }).fill(note);
  await escalate.getByRole('button', { name: '确定' }).click();
  await expect(escalate).toBeHidden();
  await expect(page.getByTestId('entry-timeline')).toContainText(`上报：${name}`);
}

let repairNo = '';
let complaintNo = '';

test('from the unit card a walk-in repair takes ≤ 8 keys; a phone complaint for a caller; the list shows the time left', async ({ page }) => {
  await signIn(page, 'qiantai', 'demo-qiantai-1');
  // The unit is found the usual way: F2, the code, Enter.
  await page.keyboard.press('F2');
  const box = page.getByTestId('counter-search').getByRole('combobox', { name: '前台搜索' });
  await expect(box).toBeFocused();
  await box.pressSequentially('3-2-1101', { delay: 0 });
  await box.press('Enter');
  const card = page.getByTestId('unit-card');
  await expect(card.getByRole('table', { name: '住户' })).toContainText('张三');

  // From here every key press and every typed field is one action, exactly as performed.
  let actions = 0;
  const press = async (key: string) => {
    actions++;
    await page.keyboard.press(key);
  };
  const type = async (text: string) => {
    actions++;
    await page.keyboard.type(text);
  };
  await press('F4');
  const form = page.getByRole('dialog', { name: '登记接待 · 3-2-1101' });
  await expect(form.getByRole('radio', { name: '1 报修' })).toBeFocused();
  // Prefilled: the unit's owner, a walk-in.
  await expect(form.getByRole('textbox', { name: '联系人' })).toHaveValue('张三');
  await expect(form.getByRole('radio', { name: '来访' })).toBeChecked();
  // Typed straight after the category key, with no pause: every character must land in 内容.
  await press('1');
  await type('厨房水管漏水，请师傅上门查看');
  await expect(form.getByRole('radio', { name: '1 报修' })).toBeChecked();
  await expect(form.getByRole('radio', { name: '入户维修' })).toBeChecked();
  await expect(form.getByRole('textbox', { name: '内容' })).toHaveValue('厨房水管漏水，请师傅上门查看');
  await press('Control+Enter');
  expect(actions).toBeLessThanOrEqual(8);
  test.info().annotations.push({ type: 'keyboard actions (walk-in repair from the unit card)', description: String(actions) });
  console.log(`walk-in repair from the unit card: ${actions} keyboard actions`);
  await expect(form).toBeHidden();
  // The unit card lists it among the open items, linked to the entry (the number is read there,
  // not from the few-second toast that announced it).
  const openRepair = card.locator('li, .ant-list-item', { hasText: '厨房水管漏水，请师傅上门查看' }).getByRole('link', { name: /JD\d{12}/ });
  await expect(openRepair).toBeVisible();
  repairNo = entryNo(await openRepair.textContent());
  expect(repairNo).not.toBe('');

  // A phone complaint from someone who is not on file, for the order department.
  await page.keyboard.press('Alt+1');
  await expect(listRow(page, repairNo)).toBeVisible();
  await page.keyboard.press('F4');
  const blank = page.getByRole('dialog', { name: '新登记' });
  await expect(blank.getByRole('radio', { name: '1 报修' })).toBeFocused();
  // Bad input first: no category, no content → Chinese errors on the fields, nothing saved.
  await page.keyboard.press('Control+Enter');
  await expect(blank.getByText('请选择类别（数字键 1–6）')).toBeVisible();
  await blank.getByRole('radio', { name: '1 报修' }).focus();
  await page.keyboard.press('2');
  await expect(blank.getByRole('combobox', { name: '房屋 / 住户' })).toBeFocused();
  // Ctrl+Enter from inside the unit picker (a Select, which would take Enter as "choose") submits too.
  await page.keyboard.press('Control+Enter');
  await expect(blank.getByText('必填')).toBeVisible();
  await blank.getByRole('radio', { name: '来电' }).check();
  await blank.getByRole('radio', { name: '重大' }).check();
  await blank.getByRole('textbox', { name: '联系人' }).fill('刘女士');
  await blank.getByRole('textbox', { name: '电话' }).fill('13900001234');
  await blank.getByRole('textbox', { name: '被投诉对象' }).fill('秩序部 夜班');
  await blank.getByRole('textbox', { name: '内容' }).fill('小区广场夜间噪音，十点后仍未劝离');
  await blank.getByRole('combobox', { name: '处理人' }).fill('秩序部');
  await page.locator('.ant-select-item-option[title="秩序部（部门）"], .ant-select-item-option:has-text("秩序部（部门）")').first().click();
  await blank.getByRole('button', { name: '登记 (Ctrl+Enter)' }).click();
  await expect(blank).toBeHidden();
  complaintNo = entryNo(await listRow(page, '小区广场夜间噪音，十点后仍未劝离').textContent());
  expect(complaintNo).not.toBe('');
  expect(complaintNo).not.toBe(repairNo);

  // Both in the list, with the time left.
  await expect(listRow(page, complaintNo)).toContainText('投诉重大');
  await expect(listRow(page, complaintNo)).toContainText('秩序部');
  await expect(listRow(page, complaintNo)).toContainText(/剩 \d+小时/);
  await expect(listRow(page, repairNo)).toContainText(/剩 \d+小时/);
  // Entry numbers are found by the counter search.
  await page.keyboard.press('F2');
  await box.fill(complaintNo);
  await box.press('Enter');
  await expect(page.getByTestId('entry-detail')).toContainText(complaintNo);
  await expect(page.getByTestId('entry-detail')).toContainText('刘女士');
});

test('a day later (server clock +25 h) both are overdue: the 超时 list, the badge; escalate, close, reopen needs a reason', async ({ page }) => {
  writeFileSync(clockFile, String(25 * HOUR_MS));
  await signIn(page, 'qiantai', 'demo-qiantai-1');
  const badge = page.getByTestId('overdue-badge');
  await expect(badge).toHaveText('超时 2');
  // The sidebar says the same in a number beside the desk (shell.attention, one poll for every desk).
  const sideBadge = page.getByTestId('desk-badge-reception');
  await expect(sideBadge).toHaveText('2');
  await badge.click();
  await expect(page.getByRole('radio', { name: '超时' })).toBeChecked();
  await expect(listRow(page, repairNo)).toContainText(/超时 1小时/);
  await expect(listRow(page, complaintNo)).toContainText(/超时 1小时/);

  // Escalate the complaint.
  await listRow(page, complaintNo).dblclick();
  const detail = page.getByTestId('entry-detail');
  await expect(detail).toContainText(complaintNo);
  await escalateTo(page, detail, 'wjh', demoName('admin'), '秩序部夜班人手不足，需协调');
  await expect(page.getByTestId('entry-timeline')).toContainText('上报上级');

  // Close the repair with a result; the badge follows at once.
  await page.keyboard.press('Escape');
  await listRow(page, repairNo).dblclick();
  await expect(detail).toContainText(repairNo);
  await detail.getByRole('button', { name: '办结' }).click();
  const close = page.getByRole('dialog', { name: '办结' });
  await close.getByRole('textbox', { name: '处理结果' }).fill('已更换厨房水管接头，业主确认不再漏水');
  await close.getByRole('button', { name: '确定' }).click();
  await expect(close).toBeHidden();
  await expect(detail).toContainText('已办结');
  await expect(detail).toContainText('已更换厨房水管接头');
  await expect(badge).toHaveText('超时 1');
  await expect(sideBadge).toHaveText('1');
  // A closed entry is a record of work done: 重新打开 is offered, 作废 is not (the server refuses it too).
  const actions = detail.getByLabel('操作', { exact: true });
  await expect(actions.getByRole('button', { name: '重新打开' })).toBeVisible();
  await expect(actions.getByRole('button', { name: '作废' })).toHaveCount(0);

  // Reopening without a reason is refused in Chinese, nothing changes.
  await detail.getByRole('button', { name: '重新打开' }).click();
  const reopen = page.getByRole('dialog', { name: '重新打开' });
  await reopen.getByRole('button', { name: '确定' }).click();
  await expect(reopen.getByText('必填')).toBeVisible();
  await reopen.getByRole('button', { name: '取消' }).click();
  await expect(detail).toContainText('已办结');
  // The timeline only grows: nothing on it can be edited or deleted.
  await expect(page.getByTestId('entry-timeline').getByRole('button')).toHaveCount(0);
});

test('the supervisor sees every overdue entry and the major one awaiting them, and acknowledges it', async ({ page }) => {
  await signIn(page, 'zhuguan', 'demo-zhuguan-1');
  await expect(page.getByTestId('overdue-badge')).toHaveText('超时 1');
  const major = page.getByTestId('major-badge');
  await expect(major).toHaveText('重大待阅 1');
  // The sidebar counts what awaits the supervisor at this desk: the overdue entry and the major one.
  await expect(page.getByTestId('desk-badge-reception')).toHaveText('2');
  await major.click();
  await expect(listRow(page, complaintNo)).toBeVisible();
  await expect(listRow(page, repairNo)).toHaveCount(0);
  await listRow(page, complaintNo).dblclick();
  await page.getByTestId('entry-detail').getByRole('button', { name: '主管已阅' }).click();
  const ack = page.getByRole('dialog', { name: '主管已阅' });
  await ack.getByRole('textbox', { name: '批示（可不填）' }).fill('请秩序部今晚加强巡逻');
  await ack.getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('entry-timeline')).toContainText('请秩序部今晚加强巡逻');
  await expect(major).toHaveCount(0);
  await expect(page.getByTestId('entry-detail').getByRole('button', { name: '主管已阅' })).toHaveCount(0);
});

test('the daily report and the handover print on A4 and export; the work contact slip prints on A5', async ({ page }) => {
  await signIn(page, 'qiantai', 'demo-qiantai-1');
  const day = `${repairNo.slice(2, 6)}-${repairNo.slice(6, 8)}-${repairNo.slice(8, 10)}`;

  // 日报表 for the day the two were logged (the browser's today; the server is a day ahead).
  await page.goto(`${serve.url}#/reception/daily`);
  const report = page.getByTestId('daily-report');
  await page.getByRole('textbox', { name: '日期' }).fill(day);
  await page.getByRole('textbox', { name: '日期' }).press('Enter');
  await page.getByRole('textbox', { name: '日期' }).press('Escape');
  await expect(report.getByRole('table', { name: '当日登记明细' })).toContainText(repairNo);
  await expect(report.getByRole('group', { name: '入户维修', exact: true })).toHaveText('入户维修1');
  await expect(report.getByRole('group', { name: '投诉', exact: true })).toHaveText('投诉1');
  const grid = report.getByRole('table', { name: '渠道与类别统计' });
  // Rows are channels, columns categories: 来访 报修 1, 来电 投诉 1, 2 in all.
  await expect(grid.getByRole('row', { name: /^来访/ })).toHaveText(/来访1000001/);
  await expect(grid.getByRole('row', { name: /^来电/ })).toHaveText(/来电0100001/);
  await expect(grid.getByRole('row', { name: /^合计/ })).toHaveText(/合计1100002/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Excel' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const xlsx = await download.path();
  expect(statSync(xlsx).size).toBeGreaterThan(1000);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
  expect(JSON.stringify(book.worksheets.map((w) => w.getSheetValues()))).toContain(repairNo);

  await page.getByRole('button', { name: '打印' }).click();
  await expect(page).toHaveURL(new RegExp(`#/print/reception-daily\\?serial=${day}`));
  await printToPdf(page, 'daily', 'a4-portrait', ['客服中心日报表', day, repairNo, complaintNo]);

  // 交班: the complaint is still open.
  await page.goto(`${serve.url}#/reception/handover`);
  await expect(page.getByTestId('handover').getByRole('table', { name: '未办结事项（按时限）' })).toContainText(complaintNo);
  await page.getByRole('button', { name: '打印' }).click();
  await expect(page).toHaveURL(/#\/print\/reception-handover\?serial=JJ\d{11}/);
  const serial = decodeURIComponent(page.url()).match(/JJ\d{11}/)![0];
  const handover = await printToPdf(page, 'handover', 'a4-portrait', ['交班表', serial, complaintNo, '交班人', '接班人']);
  expect(handover).not.toContain(repairNo);

  // 工作联系单 for the complaint: recorded as printed, then the slip on A5 landscape.
  await page.goto(`${serve.url}#/reception`);
  await listRow(page, complaintNo).dblclick();
  await page.getByRole('button', { name: '打印工作联系单' }).click();
  await expect(page).toHaveURL(new RegExp(`#/print/work-contact-slip\\?serial=${complaintNo}`));
  await printToPdf(page, 'slip', 'a5-landscape', ['工作联系单', complaintNo, '客服中心', '秩序部', '重大', '发单人', '接收人', '小区广场夜间噪音']);
});

/**
 * The tests below each make their own entries, on the server's real clock (the clock file set
 * back to 0), so they do not depend on what the tests above left behind.
 */
test('logging from the list by keyboard records the unit’s owner as the contact, changeable by keyboard; the entry and its slip carry name and phone', async ({ page }) => {
  writeFileSync(clockFile, '0');
  const stamp = stampOf();
  await signIn(page, 'qiantai', 'demo-qiantai-1');
  const form = await openLogForm(page);
  await page.keyboard.press('1');
  await expect(form.getByRole('combobox', { name: '房屋 / 住户' })).toBeFocused();
  await page.keyboard.type('3-2-1101');
  await expect(page.locator('.ant-select-item-option', { hasText: '3-2-1101' }).first()).toBeVisible();
  await page.keyboard.press('Enter');
  const content = form.getByRole('textbox', { name: '内容' });
  await expect(content).toBeFocused();

  // The unit's owner is offered first and filled in, and the form says where the name and phone came from.
  const name = form.getByRole('textbox', { name: '联系人' });
  const phone = form.getByRole('textbox', { name: '电话' });
  await expect(name).toHaveValue('张三');
  await expect(phone).toHaveValue(/^1\d{10}$/);
  const mobile = await phone.inputValue();
  const owner = form.getByRole('radio', { name: /张三/ });
  await expect(owner).toBeChecked();
  await expect(form.getByText('已按房屋带出业主 张三 的姓名和电话', { exact: false })).toBeVisible();

  // Changed by keyboard: back past the repair scope to the residents; the last choice (another
  // person) empties the fields, 1 brings the owner back.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(owner).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(form.getByRole('radio', { name: /其他人/ })).toBeChecked();
  await expect(name).toHaveValue('');
  await expect(phone).toHaveValue('');
  await page.keyboard.press('1');
  await expect(owner).toBeChecked();
  await expect(name).toHaveValue('张三');
  await expect(phone).toHaveValue(mobile);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(content).toBeFocused();
  await page.keyboard.type(`卫生间地漏堵塞 ${stamp}`);
  await page.keyboard.press('Control+Enter');
  await expect(form).toBeHidden();

  const row = listRow(page, stamp);
  await expect(row).toContainText('张三');
  const no = entryNo(await row.textContent());
  const detail = await openEntry(page, no);
  await expect(detail).toContainText('联系人张三');
  await expect(detail).toContainText(`电话${mobile}`);
  await detail.getByRole('button', { name: '打印工作联系单' }).click();
  await expect(page).toHaveURL(new RegExp(`#/print/work-contact-slip\\?serial=${no}`));
  await printToPdf(page, 'slip-contact', 'a5-landscape', ['工作联系单', no, '张三', mobile]);
});

test('Esc closes an untouched log form at once and asks before throwing away a half-filled one', async ({ page }) => {
  writeFileSync(clockFile, '0');
  const stamp = stampOf();
  await signIn(page, 'qiantai', 'demo-qiantai-1');
  const form = await openLogForm(page);
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();

  await page.keyboard.press('F4');
  await expect(form.getByRole('radio', { name: '1 报修' })).toBeFocused();
  await page.keyboard.press('4');
  const content = form.getByRole('textbox', { name: '内容' });
  await content.focus();
  await page.keyboard.type(`停车月卡怎么办理 ${stamp}`);
  await page.keyboard.press('Escape');
  const confirm = page.getByRole('dialog').filter({ hasText: '放弃这条登记？' });
  await expect(confirm).toBeVisible();
  await expect(form).toBeVisible();
  // The second Esc (the one that used to lose the form) keeps it, with what was typed.
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(form).toBeVisible();
  await expect(content).toHaveValue(`停车月卡怎么办理 ${stamp}`);
  // Thrown away only on purpose.
  await page.keyboard.press('Escape');
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '放弃' }).click();
  await expect(form).toBeHidden();
  await expect(listRow(page, stamp)).toHaveCount(0);
});

test('a caller’s number is taken as people say it: a landline with area code and extension, spaced, is stored whole and normalised', async ({ page }) => {
  writeFileSync(clockFile, '0');
  const stamp = stampOf();
  await signIn(page, 'qiantai', 'demo-qiantai-1');
  const form = await openLogForm(page);
  await page.keyboard.press('4');
  await form.getByRole('textbox', { name: '联系人' }).fill('陈先生');
  // Typed as a caller reads it out: 24 characters, longer than the stored form.
  await form.getByRole('textbox', { name: '电话' }).pressSequentially('0755 - 8888 1234 转 8012');
  await form.getByRole('textbox', { name: '内容' }).fill(`咨询装修押金退还 ${stamp}`);
  await page.keyboard.press('Control+Enter');
  await expect(form).toBeHidden();
  const detail = await openEntry(page, entryNo(await listRow(page, stamp).textContent()));
  await expect(detail).toContainText('0755-88881234转8012');
});

test('voided and closed entries count nothing down, a closing without a handler reply is not shown as one, and the slip prints what was replied', async ({ page }) => {
  writeFileSync(clockFile, '0');
  const stamp = stampOf();
  await signIn(page, 'qiantai', 'demo-qiantai-1');

  const wrong = await logCaller(page, '6', '测试甲', `登记错了 ${stamp}`);
  let detail = await openEntry(page, wrong);
  await voidEntry(page, detail);
  const deadlines = detail.getByRole('table', { name: '时限' });
  await expect(deadlines).toContainText('已作废，不再计时');
  await expect(deadlines).not.toContainText(/剩 |超时 /);

  const lamp = await logCaller(page, '6', '测试乙', `楼道灯不亮 ${stamp}`);
  detail = await openEntry(page, lamp);
  await detail.getByRole('button', { name: '办结' }).click();
  const closing = page.getByRole('dialog', { name: '办结' });
  await closing.getByRole('textbox', { name: '处理结果' }).fill('保洁已更换灯泡');
  await closing.getByRole('button', { name: '确定' }).click();
  await expect(closing).toBeHidden();
  await expect(detail).toContainText('已办结');
  const handlerRow = deadlines.getByRole('row', { name: /处理人回复/ });
  await expect(handlerRow).toContainText('无回复');
  await expect(handlerRow).not.toContainText('完成');
  await expect(deadlines).not.toContainText(/剩 |超时 /);
  await detail.getByRole('button', { name: '打印工作联系单' }).click();
  await expect(page).toHaveURL(new RegExp(`#/print/work-contact-slip\\?serial=${lamp}`));
  await printToPdf(page, 'slip-closed', 'a5-landscape', ['处理情况回复', '保洁已更换灯泡']);
});

test('the daily report counts by one stated rule: voided entries are listed and marked, not counted; screen, A4 and Excel agree', async ({ page }) => {
  writeFileSync(clockFile, '0');
  const stamp = stampOf();
  await signIn(page, 'qiantai', 'demo-qiantai-1');
  const wrong = await logCaller(page, '6', '测试丙', `重复登记的 ${stamp}`);
  await voidEntry(page, await openEntry(page, wrong));

  await page.goto(`${serve.url}#/reception/daily`);
  const report = page.getByTestId('daily-report');
  const entries = report.getByRole('table', { name: '当日登记明细' });
  await expect(entries).toContainText(wrong);
  const figure = async (label: string) => Number(((await report.getByRole('group', { name: label, exact: true }).textContent()) ?? '').replace(label, ''));
  const total = await figure('登记总数');
  const voided = await figure('作废');
  expect(voided).toBeGreaterThanOrEqual(1);
  const listed = total + voided;
  await expect(report.getByText(`当日登记明细（共 ${listed} 条，含作废 ${voided} 条）`)).toBeVisible();
  await expect(entries.locator('tbody tr[data-row-key]')).toHaveCount(listed);
  await expect(entries.locator('tbody tr[data-row-key]', { hasText: '已作废' })).toHaveCount(voided);
  await expect(report.getByRole('table', { name: '渠道与类别统计' }).getByRole('row', { name: /^合计/ })).toHaveText(new RegExp(`${total}$`));
  const rule = report.getByTestId('daily-count-rule');
  await expect(rule).toContainText('作废的登记不计入登记总数');
  const ruleText = ((await rule.textContent()) ?? '').trim();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Excel' }).click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const summary = new Map<string, unknown>();
  book.getWorksheet('汇总')!.eachRow((r) => summary.set(String(r.getCell(1).value), r.getCell(2).value));
  expect(summary.get('登记总数')).toBe(total);
  expect(summary.get('作废')).toBe(voided);
  expect(summary.has(ruleText)).toBe(true);
  expect(book.getWorksheet('当日登记')!.rowCount).toBe(1 + listed);

  await page.getByRole('button', { name: '打印' }).click();
  await printToPdf(page, 'daily-rule', 'a4-portrait', [ruleText, `登记总数${total}`, `作废${voided}`, `共${listed}条`]);
});

test('上报 goes to a superior chosen by keyboard, who has it in their attention list until it is answered', async ({ page }) => {
  writeFileSync(clockFile, '0');
  const stamp = stampOf();
  await signIn(page, 'qiantai', 'demo-qiantai-1');
  const no = await logCaller(page, '2', '测试丁', `保洁不到位 ${stamp}`);
  let detail = await openEntry(page, no);
  await escalateTo(page, detail, 'wt', demoName('zhuguan'), '保洁外包合同问题，需主管协调');

  await page.getByRole('button', { name: '退出登录' }).click();
  await signIn(page, 'zhuguan', 'demo-zhuguan-1');
  const badge = page.getByTestId('escalated-badge');
  await expect(badge).toHaveText('上报待复 1');
  await badge.click();
  await expect(listRow(page, no)).toBeVisible();
  detail = await openEntry(page, no);
  await detail.getByRole('button', { name: '添加跟进' }).click();
  const note = page.getByRole('dialog', { name: '添加跟进' });
  await note.getByRole('radio', { name: '处理人回复' }).check();
  await note.getByRole('textbox', { name: '内容' }).fill('已约保洁公司，明日整改');
  await note.getByRole('button', { name: '确定' }).click();
  await expect(note).toBeHidden();
  await expect(page.getByTestId('entry-timeline')).toContainText('已约保洁公司，明日整改');
  await expect(badge).toHaveCount(0);
});
