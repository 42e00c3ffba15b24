import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { mmToPoints, PAPERS } from '../../shared/print';
import { scanBurst } from './support/scan';
import { apiAs as apiAt } from './support/api';
import { signIn, startDemoHost, type DemoHost } from './support/demo';
import { expectEmbeddedCjkFont, pageSizePt, pdfText, UNMASKED_ID } from './support/pdf';

/**
 * 物品放行 as a new user meets it, on the `npm run demo` estate (issue #15, "Done when"): a tenant of
 * 5-1-0602 applies to move out, the owner's confirmation recorded; the officer's approval is refused
 * while the unit owes a charge; the charge paid at the fees counter (one test) or a supervisor's
 * 特批 typed at the officer's screen (the other); the pass printed to PDF; at the gate (the guard
 * lands there and sees nothing else) one item missing → 拒绝放行; a reissued pass approved and
 * released; the same pass scanned again refused as used. Every check reads state (the page, the
 * PDF, the server's answers), never a toast or a sleep.
 */
let host: DemoHost | undefined;
let clockFile = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  host = await startDemoHost('passes', { clockFile: (d) => (clockFile = join(d, 'clock-offset-ms')) });
});
test.afterEach(() => {
  writeFileSync(clockFile, '0');
});
test.afterAll(async () => {
  await host?.close();
});
const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

const RECEPTIONIST = { login: 'qiantai', password: 'demo-qiantai-1' };
const OFFICER = { login: 'kefu', password: 'demo-kefu-1' };
const CASHIER = { login: 'shoufei', password: 'demo-shoufei-1' };
const SUPERVISOR = { login: 'zhuguan', password: 'demo-zhuguan-1' };
const GUARD = { login: 'menggang', password: 'demo-menggang-1' };
/** The 5-1-0602: the demo estate numbers its rooms without the leading zero (room 602 of 5栋 1单元). */
const UNIT = '5-1-602';
/** antd spaces a two-character button's text: 放 行. */
const RELEASE = /^放\s*行$/;
const stampOf = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** A signed-in client of the host's command API of its own, for what a test sets up or reads back. */
const apiAs = (who: { login: string; password: string }) => apiAt(host!.serve.url, who);

/** A page of its own (its own cookies), signed in: each person works at their own PC. */
async function pageAs(browser: Browser, who: { login: string; password: string }): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, host!.serve.url, who.login, who.password);
  return page;
}

/** A unit's id, through the counter search as the cashier would find it. */
async function unitIdOf(cashier: Awaited<ReturnType<typeof apiAs>>, code: string): Promise<number> {
  const { groups } = (await cashier.ok('search.counter', { q: code, limit: 5 })) as { groups: { kind: string; hits: { id: string | number; title: string }[] }[] };
  const hit = groups.find((g) => g.kind === 'unit')?.hits.find((h) => h.title.includes(code));
  expect(hit, `unit ${code} in the demo estate`).toBeDefined();
  return Number(hit!.id);
}

/** Picks a unit in a UnitPicker by typing its code and Enter on the hit. */
async function pickUnit(page: Page, box: Locator, code: string) {
  await box.click();
  await box.pressSequentially(code, { delay: 0 });
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: code }).first()).toBeVisible();
  await box.press('Enter');
}

/**
 * The receptionist's application for the tenant of 5-1-0602, by keyboard and `fill`: the owner's
 * confirmation is asked for (and refused without the owner's name), two item lines (Enter adds
 * the second). Returns the new pass's number and id from its page.
 */
async function applyAsTenant(page: Page, items: { name: string; quantity: number; unit: string }[]): Promise<{ no: string; id: number }> {
  await page.goto(`${host!.serve.url}#/passes`);
  await expect(page.getByRole('table', { name: '放行单列表' })).toBeVisible();
  await page.keyboard.press('F8');
  const dialog = page.getByRole('dialog', { name: '新申请物品放行' });
  await expect(dialog).toBeVisible();
  await pickUnit(page, dialog.getByRole('combobox', { name: '房屋' }), UNIT);
  await dialog.getByRole('radio', { name: '租户' }).check();
  // What a tenant must bring is shown and asked for.
  await expect(dialog.getByTestId('applicant-needs')).toContainText('业主确认');
  await expect(dialog.getByTestId('owner-confirmation')).toBeVisible();
  await dialog.getByLabel('申请人姓名').fill('赵租户');
  await dialog.getByLabel('证件号后 4 位', { exact: true }).fill('0612');
  for (const [i, item] of items.entries()) {
    await dialog.getByRole('textbox', { name: `物品名称 ${i + 1}` }).fill(item.name);
    await dialog.getByRole('spinbutton', { name: `数量 ${i + 1}` }).fill(String(item.quantity));
    const unit = dialog.getByRole('textbox', { name: `单位 ${i + 1}` });
    await unit.fill(item.unit);
    // Enter on the last line adds the next one, its name focused.
    if (i < items.length - 1) {
      await unit.press('Enter');
      await expect(dialog.getByRole('textbox', { name: `物品名称 ${i + 2}` })).toBeFocused();
    }
  }
  await dialog.getByLabel('车牌号').fill('粤B12345');
  await dialog.getByLabel('司机姓名').fill('李师傅');
  await dialog.getByLabel('驾驶证/证件号后 4 位').fill('1234');
  // Without the confirming owner's name the application is refused on that field, nothing sent.
  await dialog.getByRole('button', { name: '提交申请' }).click();
  await expect(dialog.getByTestId('owner-confirmation')).toContainText('必填');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('确认的业主').fill('钱业主');
  await dialog.getByRole('button', { name: '提交申请' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#\/passes\/pass\/\d+$/);
  const detail = page.getByTestId('pass-detail');
  await expect(detail.getByTestId('pass-state')).toHaveAttribute('data-state', 'pending');
  const no = (await detail.getByTestId('pass-no').textContent())!.trim();
  expect(no).toMatch(/^FX\d{10}$/);
  return { no, id: Number(page.url().match(/pass\/(\d+)$/)![1]) };
}

/** The officer tries to approve: refused in the server's words, the unit's unpaid bills listed, still 待审批. */
async function approvalRefusedForArrears(officer: Page, passId: number, item: string) {
  await officer.goto(`${host!.serve.url}#/passes/pass/${passId}`);
  const detail = officer.getByTestId('pass-detail');
  await expect(detail.getByTestId('pass-arrears')).toContainText(item);
  await detail.getByRole('button', { name: '审批通过' }).click();
  await expect(detail.getByTestId('approve-refusal')).toContainText('欠费');
  await expect(detail.getByTestId('pass-state')).toHaveAttribute('data-state', 'pending');
}

/** At the gate: the pass scanned into the focused number box, shown with its state. */
async function scanAtGate(guard: Page, no: string): Promise<Locator> {
  const box = guard.getByRole('textbox', { name: '放行单号' });
  await box.focus();
  await scanBurst(guard, no);
  const pass = guard.getByTestId('gate-pass');
  await expect(pass.getByTestId('gate-pass-no')).toHaveText(no);
  return pass;
}

/** Ticks item checkboxes by keyboard: focus, Space. */
async function tick(pass: Locator, names: string[]) {
  for (const name of names) {
    const box = pass.getByRole('checkbox', { name: `核对：${name}` });
    await box.focus();
    await box.press('Space');
    await expect(box).toBeChecked();
  }
}

test('the gate guard lands on the gate screen, with nothing else in the sidebar but 设置 and no counter search', async ({ page }) => {
  await signIn(page, host!.serve.url, GUARD.login, GUARD.password);
  await expect(page).toHaveURL(/#\/passes\/gate$/);
  await expect(page.getByTestId('gate-screen')).toBeVisible();
  await expect(page.getByRole('textbox', { name: '放行单号' })).toBeFocused();
  // Two desks: 物品放行 (with today's count of passes due out beside it) and 设置.
  const menu = page.getByRole('navigation').getByRole('menuitem');
  await expect(menu).toHaveCount(2);
  await expect(menu.nth(0)).toHaveAccessibleName('物品放行');
  await expect(menu.nth(1)).toHaveAccessibleName('设置');
  // The counter search finds units and people, which the guard may not see: not offered at all.
  await expect(page.getByRole('button', { name: /搜索/ })).toHaveCount(0);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('F2');
  await scanBurst(page, '3-2-1101');
  await expect(page.getByTestId('counter-search')).toHaveCount(0);
  // An address of the office's pages still shows the gate screen.
  await page.goto(`${host!.serve.url}#/passes`);
  await expect(page).toHaveURL(/#\/passes\/gate$/);
  await expect(page.getByTestId('gate-screen')).toBeVisible();
});

test('a tenant moves out: refused for an unpaid charge, paid at the counter, approved, printed; one item missing at the gate → refused; reissued, released, and used once only', async ({ browser }) => {
  test.setTimeout(240_000);
  const cashier = await apiAs(CASHIER);
  const receptionist = await pageAs(browser, RECEPTIONIST);
  const { no, id } = await applyAsTenant(receptionist, [
    { name: '双人床', quantity: 1, unit: '张' },
    { name: '冰箱', quantity: 1, unit: '台' },
  ]);

  // An unpaid charge on the unit, overdue (made at the fees desk by the cashier).
  const unitId = await unitIdOf(cashier, UNIT);
  const item = `装修垃圾清运费 ${stampOf()}`;
  await cashier.ok('fees.charge', { unitId, item, amountFen: 12_000, dueDate: '2026-01-15' });

  const officer = await pageAs(browser, OFFICER);
  await approvalRefusedForArrears(officer, id, item);

  // Everything the unit owes paid at the fees counter.
  const unpaid = (await cashier.ok('fees.unpaid', { unitId })) as { bills: { id: number }[]; totalFen: number; lateFeeFen: number };
  await cashier.ok('fees.pay', { unitId, billIds: unpaid.bills.map((b) => b.id), method: 'cash', cashReceivedFen: unpaid.totalFen + unpaid.lateFeeFen, payerName: '赵租户' });
  await officer.reload();
  const detail = officer.getByTestId('pass-detail');
  await expect(detail.getByTestId('pass-arrears')).toHaveAttribute('data-unpaid', '0');
  await detail.getByRole('button', { name: '审批通过' }).click();
  await expect(detail.getByTestId('pass-state')).toHaveAttribute('data-state', 'approved');
  await expect(detail.getByTestId('pass-timeline')).toContainText('批准');

  // The pass prints on A5: number, QR of the number, the items, the stub, no full ID number.
  await detail.getByRole('button', { name: '打印放行单' }).click();
  await expect(officer).toHaveURL(/#\/print\/goods-pass\?/);
  await officer.locator('[data-testid="print-preview"][data-print-ready="1"]').waitFor({ state: 'attached', timeout: 15_000 });
  await expect(officer.locator(`[data-testid="print-qr"][aria-label="${no}"]`).first()).toBeAttached();
  const file = join(host!.dir, `goods-pass-${stampOf()}.pdf`);
  await officer.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const size = pageSizePt(file);
  expect(size.pages).toBe(1);
  expect(Math.abs(size.w - mmToPoints(PAPERS['a5-portrait'].widthMm))).toBeLessThanOrEqual(1);
  expect(Math.abs(size.h - mmToPoints(PAPERS['a5-portrait'].heightMm!))).toBeLessThanOrEqual(1);
  expectEmbeddedCjkFont(file);
  const text = pdfText(file).replace(/\s+/g, '');
  for (const s of [no, '物品放行单', UNIT, '双人床', '冰箱', '存根', '赵租户', '粤B12345', '门岗', '业主/申请人']) expect(text, `the pass shows ${s}`).toContain(s);
  expect(pdfText(file)).not.toMatch(UNMASKED_ID);

  // At the gate the fridge is missing: 拒绝放行 with what did not match.
  const guard = await pageAs(browser, GUARD);
  let pass = await scanAtGate(guard, no);
  await expect(pass).toHaveAttribute('data-may-release', '1');
  await expect(pass.getByLabel('车牌号')).toHaveValue('粤B12345');
  await tick(pass, ['双人床']);
  await expect(pass.getByRole('button', { name: RELEASE })).toHaveCount(0);
  await pass.getByLabel('不符情况').fill('少了一台冰箱');
  await pass.getByRole('button', { name: '拒绝放行' }).click();
  await expect(pass.getByTestId('pass-state')).toHaveAttribute('data-state', 'refused');
  await expect(pass.getByTestId('gate-refusal')).toBeVisible();
  await expect(pass.getByRole('button', { name: '拒绝放行' })).toHaveCount(0);

  // The office reissues it (a new number, 待审批), the officer approves, the gate lets it out.
  // Still on the pass's page from the application: read it again (another PC changed it).
  await receptionist.reload();
  await expect(receptionist.getByTestId('pass-state')).toHaveAttribute('data-state', 'refused');
  await receptionist.getByTestId('pass-detail').getByRole('button', { name: '重新开单' }).click();
  const reissue = receptionist.getByRole('dialog', { name: `重新开单 ${no}` });
  await expect(reissue.getByRole('textbox', { name: '物品名称 2' })).toHaveValue('冰箱');
  await reissue.getByRole('button', { name: /确\s*定/ }).click();
  await expect(reissue).toBeHidden();
  await expect(receptionist).not.toHaveURL(new RegExp(`#/passes/pass/${id}$`));
  const newNo = (await receptionist.getByTestId('pass-no').textContent())!.trim();
  expect(newNo).toMatch(/^FX\d{10}$/);
  expect(newNo).not.toBe(no);
  const newId = Number(receptionist.url().match(/pass\/(\d+)$/)![1]);
  await officer.goto(`${host!.serve.url}#/passes/pass/${newId}`);
  await expect(officer.getByTestId('pass-arrears')).toHaveAttribute('data-unpaid', '0');
  await officer.getByTestId('pass-detail').getByRole('button', { name: '审批通过' }).click();
  await expect(officer.getByTestId('pass-state')).toHaveAttribute('data-state', 'approved');

  pass = await scanAtGate(guard, newNo);
  await tick(pass, ['双人床', '冰箱']);
  await pass.getByRole('button', { name: RELEASE }).click();
  await expect(pass.getByTestId('pass-state')).toHaveAttribute('data-state', 'released');

  // The same pass scanned again: refused as used, in red, with nothing to press.
  pass = await scanAtGate(guard, newNo);
  await expect(pass).toHaveAttribute('data-may-release', '0');
  await expect(pass.getByTestId('gate-refusal')).toContainText('已使用');
  await expect(pass.getByTestId('gate-form')).toHaveCount(0);
  await cashier.dispose();
});

test('a supervisor’s 特批 over arrears, typed at the officer’s screen; the pass goes out once', async ({ browser }) => {
  test.setTimeout(240_000);
  const cashier = await apiAs(CASHIER);
  const receptionist = await pageAs(browser, RECEPTIONIST);
  const { no, id } = await applyAsTenant(receptionist, [{ name: '书柜', quantity: 2, unit: '个' }]);
  const unitId = await unitIdOf(cashier, UNIT);
  const item = `车位管理费 ${stampOf()}`;
  await cashier.ok('fees.charge', { unitId, item, amountFen: 30_000, dueDate: '2026-01-15' });

  const officer = await pageAs(browser, OFFICER);
  await approvalRefusedForArrears(officer, id, item);

  // 主管特批: the reason, then the supervisor's own login and password at this screen.
  const detail = officer.getByTestId('pass-detail');
  await detail.getByRole('button', { name: '主管特批' }).click();
  const dialog = officer.getByRole('dialog', { name: `主管特批 ${no}` });
  await dialog.getByLabel('原因').fill('业主承诺本周内缴清，主管同意先行放行');
  await dialog.getByLabel('原因').press('Enter');
  const approval = officer.getByRole('dialog', { name: '主管核准' });
  await expect(approval.getByRole('textbox', { name: '核准人账号' })).toBeFocused();
  await approval.getByRole('textbox', { name: '核准人账号' }).fill(SUPERVISOR.login);
  await approval.getByLabel('核准人密码').fill(SUPERVISOR.password);
  await approval.getByLabel('核准人密码').press('Enter');
  await expect(approval).toBeHidden();
  await expect(dialog).toBeHidden();
  await expect(detail.getByTestId('pass-state')).toHaveAttribute('data-state', 'approved');
  await expect(detail).toContainText('业主承诺本周内缴清');
  // The unit still owes it: the override did not touch the bill.
  const unpaid = (await cashier.ok('fees.unpaid', { unitId })) as { bills: { item: string }[] };
  expect(unpaid.bills.map((b) => b.item)).toContain(item);

  const guard = await pageAs(browser, GUARD);
  let pass = await scanAtGate(guard, no);
  await tick(pass, ['书柜']);
  await pass.getByRole('button', { name: RELEASE }).click();
  await expect(pass.getByTestId('pass-state')).toHaveAttribute('data-state', 'released');
  pass = await scanAtGate(guard, no);
  await expect(pass.getByTestId('gate-refusal')).toContainText('已使用');
  await cashier.dispose();
});

test('the front desk enters the guard’s returned stub the next morning: the pass past its window takes the exit time written on the stub', async ({ browser }) => {
  test.setTimeout(180_000);
  // Yesterday (Asia/Shanghai) on the server's clock: approved at 10:00, out at 10:30; the stub brought
  // in this morning. Past days, so the browser's own clock (not shifted) lets the date be picked.
  const HOUR_MS = 3_600_000;
  const day = new Date(Date.now() + 8 * HOUR_MS - 24 * HOUR_MS).toISOString().slice(0, 10);
  const nextDay = new Date(Date.now() + 8 * HOUR_MS).toISOString().slice(0, 10);
  const setServerClock = (d: string, hhmm: string) => writeFileSync(clockFile, String(Date.parse(`${d}T${hhmm}:00+08:00`) - Date.now()));
  setServerClock(day, '10:00');
  const officer = await apiAs(OFFICER);
  const unitId = await unitIdOf(officer, UNIT);
  const pass = (await officer.ok('passes.apply', {
    applicant: { type: 'tenant', name: '孙租户', phone: '13900002222' },
    unitId,
    type: 'goods_out',
    items: [{ name: '旧衣柜', quantity: 1, unit: '个' }],
    plannedAt: new Date(`${day}T10:00:00+08:00`).toISOString(),
    ownerConfirmation: { method: 'phone', at: new Date(`${day}T09:30:00+08:00`).toISOString(), ownerName: '钱业主' },
  })) as { id: number; no: string; items: { id: number }[] };
  // Whatever the unit owes, a supervisor's 特批 lets it go (the arrears rule has its own tests).
  await officer.ok('passes.approveOverride', { id: pass.id, reason: '业主承诺本周结清', approval: SUPERVISOR });
  await officer.dispose();

  // This morning the pass reads 已过期; at the front desk its stub may still be entered.
  setServerClock(nextDay, '00:30');
  const desk = await pageAs(browser, RECEPTIONIST);
  await desk.goto(`${host!.serve.url}#/passes/pass/${pass.id}`);
  const detail = desk.getByTestId('pass-detail');
  await expect(detail.getByTestId('pass-state')).toHaveAttribute('data-state', 'expired');
  await detail.getByRole('button', { name: '补录门岗回单' }).click();
  const gate = desk.getByTestId('gate-pass');
  await expect(gate.getByTestId('gate-pass-no')).toHaveText(pass.no);
  await expect(gate.getByTestId('gate-late-stub')).toBeVisible();
  await expect(gate.getByTestId('gate-refusal')).toHaveCount(0);
  await tick(gate, ['旧衣柜']);
  // The exit time is the stub's, required here (not "now", which is past the window).
  await gate.getByRole('button', { name: RELEASE }).click();
  await expect(gate.getByTestId('gate-form')).toContainText('补录回单须填写存根上的出门时间');
  const exitAt = gate.getByLabel('实际出门时间');
  await exitAt.fill(`${day} 10:30`);
  // Enter takes the typed time and sends the form, as at the gate: by keyboard.
  await exitAt.press('Enter');
  await expect(gate.getByTestId('pass-state')).toHaveAttribute('data-state', 'released');

  const reader = await apiAs(RECEPTIONIST);
  await expect
    .poll(async () => ((await reader.ok('passes.get', { id: pass.id })) as { state: string }).state)
    .toBe('released');
  const released = (await reader.ok('passes.get', { id: pass.id })) as { gate: { at: string } };
  expect(released.gate.at).toBe(new Date(`${day}T10:30:00+08:00`).toISOString());
  await reader.dispose();
});

test('at the front desk’s gate screen a scan is the gate’s: the pass loads and the counter search does not open over it', async ({ page }) => {
  const desk = await apiAs(RECEPTIONIST);
  const { rows } = (await desk.ok('passes.list', { filters: {}, pageSize: 1 })) as { rows: { no: string }[] };
  await desk.dispose();
  const no = rows[0]!.no;
  await signIn(page, host!.serve.url, RECEPTIONIST.login, RECEPTIONIST.password);
  await page.goto(`${host!.serve.url}#/passes/gate`);
  // The clerk's focus on the screen's button, not in the number box: the scan has no field to land in.
  await page.getByRole('button', { name: '查找' }).focus();
  await scanBurst(page, no);
  await expect(page.getByTestId('gate-pass').getByTestId('gate-pass-no')).toHaveText(no);
  await expect(page).toHaveURL(/#\/passes\/gate/);
  await expect(page.getByTestId('counter-search')).toHaveCount(0);
});

