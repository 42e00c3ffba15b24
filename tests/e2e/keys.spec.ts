import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { mmToPoints, PAPERS } from '../../shared/print';
import { apiAs as apiAsAt, type ApiClient } from './support/api';
import { scanBurst } from './support/scan';
import { signIn as signInAt, startDemoHost, type DemoHost } from './support/demo';
import { expectEmbeddedCjkFont, pageSizePt, pdfText, printedRecord as printed, UNMASKED_ID } from './support/pdf';

/**
 * 钥匙管理 as a new key custodian (赵国庆, login yaoshi) meets it, on the `npm run demo` estate
 * (issue #14, "Done when"): keys registered for ten vacant units and their labels printed (40×30 mm,
 * one a page, the tag codes, no address); one lent to a contractor by scanning, the keyboard
 * actions counted; overdue after closing time on the server's clock (--clock-file), in the list
 * and the header badge; returned by scanning; an owner's deposited key lent with the supervisor's
 * approval typed at the custodian's screen; a cabinet audit with one key missing, reported. And a
 * scan while a form is open changes nothing. Every check reads state (the page, the printed PDF,
 * the server's answers), never a toast.
 */
let clockFile = '';
let host: DemoHost | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  host = await startDemoHost('keys', { clockFile: (d) => (clockFile = join(d, 'clock-offset-ms')) });
});
test.afterAll(async () => {
  await host?.close();
});
test.afterEach(() => {
  writeFileSync(clockFile, '0');
});

const CUSTODIAN = { login: 'yaoshi', password: 'demo-yaoshi-1' };
const SUPERVISOR = { login: 'zhuguan', password: 'demo-zhuguan-1' };
const HOUR_MS = 3_600_000;
const stampOf = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** Tomorrow at the office (Asia/Shanghai), "YYYY-MM-DD": a working day whose hours the test sets. */
const officeTomorrow = () => new Date(Date.now() + 8 * HOUR_MS + 24 * HOUR_MS).toISOString().slice(0, 10);
/** The server's clock set to that day at this office time (the shift re-read on every request). */
function setServerClock(day: string, hhmm: string) {
  writeFileSync(clockFile, String(Date.parse(`${day}T${hhmm}:00+08:00`) - Date.now()));
}

/** A signed-in client of this host's command API, for what a test sets up or reads back. */
const apiAs = (who: { login: string; password: string }) => apiAsAt(host!.serve.url, who);

const signIn = (page: Page) => signInAt(page, host!.serve.url, CUSTODIAN.login, CUSTODIAN.password);

/** The server's clock moved hours ahead (past the idle lock): the page, read again, finds its session locked; the password opens it. */
async function afterClockMove(page: Page) {
  await page.reload();
  const locked = page.getByRole('dialog', { name: '屏幕已锁定' });
  await locked.getByRole('textbox', { name: '密码' }).fill(CUSTODIAN.password);
  await locked.getByRole('textbox', { name: '密码' }).press('Enter');
  await expect(locked).toBeHidden();
}

async function toPdf(page: Page, name: string) {
  const file = join(host!.dir, `${name}-${stampOf()}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  return { file, text: pdfText(file) };
}

/** The building of the demo estate with the most unsold and vacant units, and those units' codes. */
async function keylessBuilding(api: ApiClient): Promise<{ label: string; codes: string[] }> {
  const estates = (await api.ok('estate.overview', {})) as { buildings: { id: number; code: string; name: string }[] }[];
  let best = { label: '', codes: [] as string[] };
  for (const b of estates.flatMap((e) => e.buildings)) {
    const codes: string[] = [];
    for (const state of ['unsold', 'vacant']) {
      const page = (await api.ok('estate.units', { filters: { buildingId: b.id, state }, pageSize: 200 })) as { rows: { code: string }[] };
      codes.push(...page.rows.map((r) => r.code));
    }
    if (codes.length > best.codes.length) best = { label: b.name || `${b.code}栋`, codes };
    if (best.codes.length >= 10) break;
  }
  expect(best.codes.length, 'a building with ten unsold or vacant units').toBeGreaterThanOrEqual(10);
  best.codes.sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }));
  return best;
}

/** Fills the borrower at the counter by typing (fill: Playwright's fast typing would look like a scan). */
async function chooseBorrower(page: Page, b: { type: string; name: string; phone: string; organisation: string; purpose: string }) {
  const panel = page.getByTestId('borrower-panel');
  await panel.getByRole('button', { name: '换一位借用人' }).click();
  await panel.getByRole('combobox', { name: '借用人类型' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: b.type }).click();
  await panel.getByRole('textbox', { name: '姓名' }).fill(b.name);
  await panel.getByRole('textbox', { name: '电话' }).fill(b.phone);
  await panel.getByRole('textbox', { name: '单位/部门' }).fill(b.organisation);
  await panel.getByRole('textbox', { name: '借用事由' }).fill(b.purpose);
}

test('register ten vacant units’ keys and print their labels; lend one to a contractor by scan, overdue after closing, returned by scan', async ({ page }) => {
  test.setTimeout(240_000);
  // 14:00: the default four hours would pass the 17:30 closing, so a contractor's loan is due at closing.
  const day = officeTomorrow();
  setServerClock(day, '14:00');
  let custodian = await apiAs(CUSTODIAN);
  const building = await keylessBuilding(custodian);
  const ten = building.codes.slice(0, 10);
  await signIn(page);

  // 1. 登记钥匙 → 按房屋批量登记: the building, its unsold and vacant units ticked, cabinet and first hook.
  await page.goto(`${host!.serve.url}#/keys/register`);
  const batch = page.getByTestId('batch-register');
  await batch.getByRole('combobox', { name: '楼栋' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: building.label }).first().click();
  for (const code of ten) await batch.getByRole('checkbox', { name: `选择 ${code}`, exact: true }).check();
  const cabinet = `E${stampOf().slice(-4).toUpperCase()}`;
  await batch.getByRole('textbox', { name: '柜号' }).fill(cabinet);
  await batch.getByRole('textbox', { name: '起始挂钩号' }).fill('01');
  await expect(batch).toContainText('已选 10 套');
  await batch.getByTestId('batch-submit').click();

  // 2. Their labels print at once: ten 40×30 mm pages, one tag each, no unit code or building.
  const record = await printed(page, 'key-label');
  expect(record).toMatch(/^YS\d{6}-YS\d{6}$/);
  const [first, last] = record.split('-').map((t) => Number(t.slice(2)));
  const tags = Array.from({ length: last! - first! + 1 }, (_, i) => `YS${String(first! + i).padStart(6, '0')}`);
  expect(tags).toHaveLength(10);
  const labels = await toPdf(page, 'labels');
  const size = pageSizePt(labels.file);
  expect(size.pages).toBe(10);
  expect(Math.abs(size.w - mmToPoints(PAPERS['label-40x30'].widthMm))).toBeLessThanOrEqual(1);
  expect(Math.abs(size.h - mmToPoints(PAPERS['label-40x30'].heightMm!))).toBeLessThanOrEqual(1);
  expectEmbeddedCjkFont(labels.file);
  for (const tag of tags) expect(labels.text).toContain(tag);
  for (const code of ten) expect(labels.text, `a label shows no address (${code})`).not.toContain(code);
  expect(labels.text).not.toContain(building.label);
  expect(labels.text.replace(/\s+/g, '')).toContain(`空置·${cabinet}-01`);
  // The register has them in the cabinet, hooks numbered in the units' order.
  const registered = (await custodian.ok('keys.list', { filters: { cabinet }, pageSize: 50, sort: { field: 'tag', desc: false } })) as { rows: { tag: string; unitCode: string; hook: string; state: string }[] };
  expect(registered.rows.map((r) => r.unitCode)).toEqual(ten);
  expect(registered.rows.map((r) => r.hook)).toEqual(ten.map((_, i) => String(i + 1).padStart(2, '0')));
  expect(registered.rows.every((r) => r.state === 'in_cabinet')).toBe(true);

  // 3. Lend one to a contractor by scanning, once the borrower is chosen: the scan (1), Enter in the form (2).
  await page.goto(`${host!.serve.url}#/keys`);
  await chooseBorrower(page, { type: '施工单位', name: '钱师傅', phone: '13900001111', organisation: '安居装饰', purpose: '空置房水电检查' });
  const tag = tags[0]!;
  let actions = 0;
  await scanBurst(page, tag);
  actions++;
  const lend = page.getByRole('dialog', { name: new RegExp(`^借出钥匙 ${tag}`) });
  await expect(lend).toBeVisible();
  // The due time the rules give a contractor: today's closing time.
  await expect(lend.getByRole('textbox', { name: '归还时间' })).toHaveValue(`${day} 17:30`);
  // Enter at once, as a quick custodian presses it, the dialog perhaps still opening: the cursor is
  // already in the form (its purpose, filled in from the borrower), so Enter lends.
  await page.keyboard.press('Enter');
  actions++;
  const slipNo = await printed(page, 'key-loan-slip');
  expect(actions).toBeLessThanOrEqual(3);
  expect(slipNo).toMatch(/^JY\d{8}$/);
  const slip = await toPdf(page, 'loan-slip');
  expect(pageSizePt(slip.file).pages).toBe(1);
  const flat = slip.text.replace(/\s+/g, '');
  for (const s of [slipNo, '钥匙借用登记表', tag, '钱师傅', '安居装饰', '空置房水电检查', '17:30']) expect(flat, `the slip shows ${s}`).toContain(s.replace(/\s+/g, ''));
  expect(slip.text).not.toMatch(UNMASKED_ID);
  const lent = (await custodian.ok('keys.get', { tag })) as { state: string; loan: { no: string; dueAt: string } | null };
  expect(lent.state).toBe('lent');
  expect(lent.loan?.no).toBe(slipNo);
  expect(lent.loan?.dueAt).toBe(new Date(`${day}T17:30:00+08:00`).toISOString());

  // 4. After closing time on the server's clock: overdue in the header badge and in the loans list.
  setServerClock(day, '18:00');
  await page.goto(`${host!.serve.url}#/keys`);
  await afterClockMove(page);
  // The API's session went idle with the clock too: a fresh one.
  await custodian.dispose();
  custodian = await apiAs(CUSTODIAN);
  const badge = page.getByTestId('keys-overdue-badge');
  await expect(badge).toContainText(/钥匙逾期 \d+/);
  await badge.click();
  await expect(page).toHaveURL(/#\/keys\/loans/);
  const loans = page.getByRole('table', { name: '借用记录' });
  const row = loans.locator('tbody tr', { hasText: slipNo });
  await expect(row.locator('[data-status]')).toHaveAttribute('data-status', 'overdue');
  await expect(row).toContainText('逾期');

  // 5. Returned by scanning at the counter: the scan box has the focus, the return form opens, Enter.
  await page.goto(`${host!.serve.url}#/keys`);
  await expect(page.getByRole('textbox', { name: '扫描钥匙标签' })).toBeFocused();
  await scanBurst(page, tag);
  const giveBack = page.getByRole('dialog', { name: new RegExp(`^归还钥匙 ${tag}`) });
  await expect(giveBack).toBeVisible();
  await expect(giveBack).toContainText('钱师傅');
  await expect(giveBack.getByRole('spinbutton', { name: /归还数量/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(giveBack).toBeHidden();
  const back = (await custodian.ok('keys.get', { tag })) as { state: string; loan: unknown };
  expect(back.state).toBe('in_cabinet');
  expect(back.loan).toBeNull();
  const closed = (await custodian.ok('keys.loans', { filters: { keyId: (await custodian.ok('keys.get', { tag })).id }, pageSize: 10 })) as { rows: { no: string; status: string; partial: boolean }[] };
  expect(closed.rows.find((l) => l.no === slipNo)).toMatchObject({ status: 'returned', partial: false });
  await custodian.dispose();
});

test('a scan while the lend form is open submits nothing, says so on screen, and changes nothing', async ({ page }) => {
  test.setTimeout(120_000);
  setServerClock(officeTomorrow(), '10:00');
  const custodian = await apiAs(CUSTODIAN);
  const made = (await custodian.ok('keys.register', {
    keys: [0, 1].map((i) => ({ place: 'plant_room', placeNote: `E2E ${stampOf()}`, keyClass: 'public', keyCount: 1, cabinet: 'S', hook: String(i + 1) })),
  })) as { keys: { id: number; tag: string }[] };
  const [one, other] = made.keys;
  await signIn(page);
  await page.goto(`${host!.serve.url}#/keys`);
  await chooseBorrower(page, { type: '员工/维修人员', name: '周师傅', phone: '13900002222', organisation: '工程部', purpose: '设备房巡检' });
  await page.getByRole('textbox', { name: '扫描钥匙标签' }).focus();
  await scanBurst(page, one!.tag);
  const lend = page.getByRole('dialog', { name: new RegExp(`^借出钥匙 ${one!.tag}`) });
  await expect(lend).toBeVisible();
  // The custodian reaches for the next key: its scan lands in the form's focused field.
  await expect(lend.getByRole('textbox', { name: '借用事由' })).toBeFocused();
  await scanBurst(page, other!.tag);
  await expect(lend.getByTestId('scan-not-taken')).toContainText(other!.tag);
  await expect(lend.getByTestId('scan-not-taken')).toContainText('未被接受');
  await expect(lend).toBeVisible();
  await expect(lend.getByRole('textbox', { name: '借用事由' })).toHaveValue('设备房巡检');
  // Nothing was lent, neither the key of the form nor the one scanned.
  for (const k of [one!, other!]) expect(((await custodian.ok('keys.get', { keyId: k.id })) as { state: string }).state).toBe('in_cabinet');
  await page.keyboard.press('Escape');
  await expect(lend).toBeHidden();
  for (const k of [one!, other!]) expect(((await custodian.ok('keys.get', { keyId: k.id })) as { state: string }).state).toBe('in_cabinet');
  await custodian.dispose();
});

test('an owner’s deposited key lent with the supervisor’s approval typed at the custodian’s screen', async ({ page }) => {
  test.setTimeout(120_000);
  setServerClock(officeTomorrow(), '10:00');
  const custodian = await apiAs(CUSTODIAN);
  const building = await keylessBuilding(custodian);
  const unit = (await custodian.ok('estate.units', { filters: { search: building.codes.at(-1) }, pageSize: 5 })) as { rows: { id: number; code: string }[] };
  const unitId = unit.rows.find((u) => u.code === building.codes.at(-1))!.id;
  const deposited = (await custodian.ok('keys.deposit', {
    unitId,
    keyCount: 2,
    cabinet: 'J',
    hook: '1',
    depositorName: '吴业主',
    depositorPhone: '13800003333',
    authorisation: '业主书面委托，紧急情况可开门',
    allowedCollectors: ['吴小妹'],
  })) as { id: number; tag: string };
  await signIn(page);
  await page.goto(`${host!.serve.url}#/keys`);
  await chooseBorrower(page, { type: '业主', name: '吴业主', phone: '13800003333', organisation: '', purpose: '回家取物' });
  await page.getByRole('textbox', { name: '扫描钥匙标签' }).focus();
  await scanBurst(page, deposited.tag);
  const lend = page.getByRole('dialog', { name: new RegExp(`^借出钥匙 ${deposited.tag}`) });
  await expect(lend.getByTestId('lend-approval')).toContainText('主管审批');
  await expect(lend.getByRole('textbox', { name: '借用事由' })).toBeFocused();
  await page.keyboard.press('Enter');
  const approval = page.getByRole('dialog', { name: '主管核准' });
  await expect(approval.getByRole('textbox', { name: '核准人账号' })).toBeFocused();
  await approval.getByRole('textbox', { name: '核准人账号' }).fill(SUPERVISOR.login);
  await approval.getByLabel('核准人密码').fill(SUPERVISOR.password);
  await approval.getByLabel('核准人密码').press('Enter');
  const slipNo = await printed(page, 'key-loan-slip');
  const loan = (await custodian.ok('keys.get', { keyId: deposited.id })) as { state: string; loan: { no: string; approverName: string; entryNo: string | null } };
  expect(loan.state).toBe('lent');
  expect(loan.loan.no).toBe(slipNo);
  expect(loan.loan.approverName).not.toBe('');
  // The loan of an owner's key is logged at reception too.
  expect(loan.loan.entryNo).toMatch(/^JD\d+/);
  const slip = await toPdf(page, 'deposited-slip');
  expect(slip.text.replace(/\s+/g, '')).toContain(loan.loan.approverName);
  await custodian.dispose();
});

test('a cabinet audit with one key missing: reported missing, compared with the previous audit, printed', async ({ page }) => {
  test.setTimeout(180_000);
  setServerClock(officeTomorrow(), '10:00');
  const custodian = await apiAs(CUSTODIAN);
  const made = (await custodian.ok('keys.register', {
    keys: [0, 1, 2].map((i) => ({ place: 'roof', placeNote: `E2E 盘点 ${stampOf()}`, keyClass: 'public', keyCount: 1, cabinet: 'P', hook: String(i + 1) })),
  })) as { keys: { id: number; tag: string }[] };
  const missing = made.keys[2]!;
  // An audit left open by another test is finished first: this one starts clean.
  const audits = (await custodian.ok('keys.audits', { pageSize: 5 })) as { rows: { id: number; finishedAt: string | null }[] };
  for (const a of audits.rows.filter((x) => x.finishedAt === null)) await custodian.ok('keys.finishAudit', { auditId: a.id });

  await signIn(page);
  await page.goto(`${host!.serve.url}#/keys/audit`);
  await page.getByRole('button', { name: '开始盘点' }).click();
  const running = page.getByTestId('audit-running');
  await expect(running).toBeVisible();
  await expect(running).toContainText(/盘点 PD\d{8} 进行中/);
  const auditNo = (await running.textContent())?.match(/PD\d{8}/)?.[0] ?? '';
  const auditId = Number(auditNo.slice(2));
  // Every other key in the cabinet (the demo's and the other tests') is scanned through the API; ours at the screen.
  for (let p = 1; ; p++) {
    const inCabinet = (await custodian.ok('keys.list', { filters: { state: 'in_cabinet' }, page: p, pageSize: 200 })) as { rows: { id: number; tag: string }[]; total: number };
    for (const k of inCabinet.rows) if (!made.keys.some((m) => m.id === k.id)) await custodian.ok('keys.auditScan', { auditId, tag: k.tag });
    if (p * 200 >= inCabinet.total) break;
  }
  await expect(page.getByRole('textbox', { name: '盘点扫描' })).toBeFocused();
  for (const k of made.keys.slice(0, 2)) {
    await scanBurst(page, k.tag);
    await expect(page.getByTestId('audit-scans')).toContainText(k.tag);
  }
  await scanBurst(page, 'YS999998');
  await expect(page.getByTestId('audit-scans')).toContainText('未登记');
  await running.getByRole('button', { name: '结束盘点' }).click();

  const result = page.getByTestId('audit-result');
  await expect(result).toBeVisible();
  await expect(page.getByTestId('audit-missing')).toContainText(missing.tag);
  await expect(page.getByTestId('audit-missing').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('audit-unknown')).toContainText('YS999998');
  await expect(page.getByTestId('audit-comparison')).toBeVisible();
  const finished = (await custodian.ok('keys.audit', { auditId })) as { missingKeys: { tag: string }[]; finishedAt: string | null };
  expect(finished.finishedAt).not.toBeNull();
  expect(finished.missingKeys.map((k) => k.tag)).toEqual([missing.tag]);

  await result.getByRole('button', { name: '打印盘点报告' }).click();
  expect(await printed(page, 'key-audit')).toBe(auditNo);
  const report = await toPdf(page, 'audit');
  expect(Math.abs(pageSizePt(report.file).w - mmToPoints(PAPERS['a4-portrait'].widthMm))).toBeLessThanOrEqual(1);
  const flat = report.text.replace(/\s+/g, '');
  for (const s of [auditNo, '钥匙盘点报告', missing.tag, 'YS999998']) expect(flat).toContain(s);
  await custodian.dispose();
});

test('issued to the owner with the 发放 line printed; a lost key re-cut (复配) with the new tag’s label printed at once', async ({ page }) => {
  test.setTimeout(120_000);
  setServerClock(officeTomorrow(), '10:00');
  const custodian = await apiAs(CUSTODIAN);
  const building = await keylessBuilding(custodian);
  const unit = (await custodian.ok('estate.units', { filters: { search: building.codes[0] }, pageSize: 5 })) as { rows: { id: number; code: string }[] };
  const unitId = unit.rows.find((u) => u.code === building.codes[0])!.id;
  const made = (await custodian.ok('keys.register', {
    keys: [1, 2].map((hook) => ({ unitId, keyClass: 'vacant', keyCount: 2, cabinet: 'F', hook: String(hook) })),
  })) as { keys: { id: number; tag: string }[] };
  const [issued, lost] = made.keys;
  await signIn(page);

  // 发放: the owner's document type and last digits only, the keys counted, the acknowledgement; its line prints.
  await page.goto(`${host!.serve.url}#/keys/key/${issued!.id}`);
  await page.getByTestId('key-detail').getByRole('button', { name: '发放给业主' }).click();
  const issue = page.getByRole('dialog', { name: `发放钥匙 ${issued!.tag} 给业主` });
  await issue.getByRole('textbox', { name: '领取人（业主）' }).fill('郑业主');
  await issue.getByRole('textbox', { name: '证件号后 4–6 位' }).fill('0312');
  await issue.getByRole('checkbox', { name: '业主已当面清点并确认签收' }).check();
  await issue.getByRole('button', { name: '发放并打印发放单' }).click();
  const issueNo = await printed(page, 'key-issue-slip');
  expect(issueNo).toMatch(/^FF\d{8}$/);
  const slip = (await toPdf(page, 'issue-slip')).text.replace(/\s+/g, '');
  for (const s of [issueNo, '钥匙发放登记表', issued!.tag, '郑业主', '0312', '2把']) expect(slip, `the issue line shows ${s}`).toContain(s);
  expect(((await custodian.ok('keys.get', { keyId: issued!.id })) as { state: string }).state).toBe('issued');

  // 遗失 with 复配: the old key is lost, a new key with a new tag hangs in its place, its label printed.
  await page.goto(`${host!.serve.url}#/keys/key/${lost!.id}`);
  await page.getByTestId('key-detail').getByRole('button', { name: '报遗失' }).click();
  const report = page.getByRole('dialog', { name: `钥匙 ${lost!.tag} 遗失` });
  await report.getByRole('radio', { name: '已复配（新标签）' }).check();
  await report.getByRole('textbox', { name: '原因' }).fill('施工人员遗失');
  await report.getByRole('button', { name: '确认遗失' }).click();
  const newTag = await printed(page, 'key-label');
  expect(newTag).toMatch(/^YS\d{6}$/);
  expect(newTag).not.toBe(lost!.tag);
  const label = await toPdf(page, 'recut-label');
  expect(pageSizePt(label.file).pages).toBe(1);
  expect(label.text).toContain(newTag);
  expect(label.text).not.toContain(building.codes[0]);
  const old = (await custodian.ok('keys.get', { keyId: lost!.id })) as { state: string; replacedByTag: string | null };
  expect(old).toMatchObject({ state: 'lost', replacedByTag: newTag });
  expect(((await custodian.ok('keys.get', { tag: newTag })) as { state: string }).state).toBe('in_cabinet');
  await custodian.dispose();
});
