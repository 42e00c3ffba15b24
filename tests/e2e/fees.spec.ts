import { join } from 'node:path';
import { test, expect, type Locator, type Page } from '@playwright/test';
import { fenToCapitals, formatYuan } from '../../shared/money';
import { mmToPoints, PAPERS } from '../../shared/print';
import { apiAs as apiAsAt } from './support/api';
import { scanBurst } from './support/scan';
import { signIn, startDemoHost, type DemoHost } from './support/demo';
import { expectEmbeddedCjkFont, pageSizePt, pdfText, printedRecord as printed, UNMASKED_ID } from './support/pdf';

/**
 * 收费 at the counter as a new cashier meets it, on the `npm run demo` estate (issue #13, "Done
 * when"): a cash payment for 3-2-1101 with change, its receipt printed to PDF (paper, font,
 * number, capitals, QR); another receipt voided with a supervisor's approval typed at the
 * cashier's screen, its bill unpaid again; the day closed with the totals balancing and the A4
 * close report printed. And a chargeable repair's bill paid at the counter, the repair then 已缴.
 * Every check reads state (the page, the printed PDF, the server's answers), never a toast.
 */
let host: DemoHost | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  host = await startDemoHost('fees');
});
test.afterAll(async () => {
  await host?.close();
});

const CASHIER = { login: 'shoufei', password: 'demo-shoufei-1' };
const SUPERVISOR = { login: 'zhuguan', password: 'demo-zhuguan-1' };
const ADMIN = { login: 'admin', password: 'demo-admin-1' };
const stampOf = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
/** "¥1,409.50" → 140950. */
const fenOf = (text: string | null) => {
  const m = text?.match(/(-?)¥([\d,]+)\.(\d\d)/);
  expect(m, `an amount in ${text}`).not.toBeNull();
  return (m![1] ? -1 : 1) * (Number(m![2]!.replace(/,/g, '')) * 100 + Number(m![3]));
};

/** A signed-in client of this host's command API, for what a test sets up or reads back. */
const apiAs = (who: { login: string; password: string }) => apiAsAt(host!.serve.url, who);

/** The counter on a unit, found by typing its code into the unit box and Enter; returns its id. */
async function openUnit(page: Page, code: string): Promise<number> {
  await page.goto(`${host!.serve.url}#/fees`);
  const box = page.getByRole('combobox', { name: '收费房屋' });
  await expect(box).toBeFocused();
  await box.pressSequentially(code, { delay: 0 });
  await expect(page.locator('.ant-select-item-option', { hasText: code }).first()).toBeVisible();
  await box.press('Enter');
  await expect(page).toHaveURL(/#\/fees\/unit\/\d+$/);
  await expect(page.getByTestId('counter-unit')).toHaveText(code);
  return Number(page.url().match(/unit\/(\d+)$/)![1]);
}

async function toPdf(page: Page, name: string) {
  const file = join(host!.dir, `${name}-${stampOf()}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  return { file, text: pdfText(file).replace(/\s+/g, '') };
}

/** F9 on the counter with bills ticked: the pay dialog, what is due, a method by its digit. */
async function payDialog(page: Page, methodKey: string): Promise<{ dialog: Locator; dueFen: number }> {
  await page.getByTestId('unpaid-bills').locator('tbody tr').first().focus();
  await page.keyboard.press('F9');
  const dialog = page.getByRole('dialog', { name: /^收款 · / });
  await expect(dialog.getByRole('radio', { name: '1 现金' })).toBeFocused();
  const dueFen = fenOf(await dialog.getByTestId('pay-due').textContent());
  await page.keyboard.press(methodKey);
  return { dialog, dueFen };
}

test('a cash payment with change and its receipt, a void approved at the cashier’s screen, and the day closed in balance', async ({ page }) => {
  test.setTimeout(240_000);
  const cashier = await apiAs(CASHIER);
  await signIn(page, host!.serve.url, CASHIER.login, CASHIER.password);

  // 1. 3-2-1101 at the counter; a charge of today so there is surely something to pay.
  const unitId = await openUnit(page, '3-2-1101');
  const item = `装修垃圾清运费 ${stampOf()}`;
  await cashier.ok('fees.charge', { unitId, item, amountFen: 12_345 });
  await page.reload();
  const bills = page.getByTestId('unpaid-bills');
  await expect(bills).toContainText(item);
  // Every unpaid bill is ticked when the unit opens.
  const rows = await bills.locator('tbody tr').count();
  await expect(bills.locator('tbody tr[aria-selected="true"]')).toHaveCount(rows);
  await expect(page.getByTestId('selection-total')).toContainText(`已选 ${rows} 笔`);

  // 2. F9, 1 (现金), the cash handed over, the change shown as it is typed, Enter.
  const { dialog, dueFen } = await payDialog(page, '1');
  expect(dueFen).toBe(fenOf(await page.getByTestId('selection-total').textContent()));
  const receivedFen = Math.ceil((dueFen + 1) / 10_000) * 10_000;
  const received = page.getByRole('textbox', { name: '实收金额' });
  await expect(received).toBeFocused();
  // fill, not keystrokes: seven keys and Enter within 50 ms of each other read as a scan, whose Enter never submits a form.
  await received.fill(String(receivedFen / 100));
  await expect(dialog.getByTestId('pay-change')).toHaveText(`找零：${formatYuan(receivedFen - dueFen)}`);
  await received.press('Enter');

  // 3. The receipt prints at once: an 80 mm roll, the Chinese font embedded, number, capitals, QR.
  const no = await printed(page, 'fee-receipt');
  expect(no).toMatch(/^SJ\d{8}$/);
  await expect(page.locator(`[data-testid="print-qr"][aria-label="${no}"]`).first()).toBeAttached();
  const receipt = await toPdf(page, 'receipt');
  const size = pageSizePt(receipt.file);
  expect(Math.abs(size.w - mmToPoints(PAPERS['roll-80'].widthMm))).toBeLessThanOrEqual(1);
  expect(size.pages).toBe(1);
  expectEmbeddedCjkFont(receipt.file);
  // The item's words may be laid out around its amount on the narrow roll: each is checked.
  for (const s of [no, '收款收据', '3-2-1101', ...item.split(' '), fenToCapitals(dueFen), formatYuan(dueFen), '现金', formatYuan(receivedFen), formatYuan(receivedFen - dueFen), '孙丽娟'])
    expect(receipt.text, `the receipt shows ${s}`).toContain(s);
  expect(receipt.text).not.toMatch(UNMASKED_ID);
  // 返回: the counter is empty for the next person.
  await page.goBack();
  await expect(page).toHaveURL(/#\/fees$/);
  await expect(page.getByRole('combobox', { name: '收费房屋' })).toBeFocused();
  await expect(page.getByTestId('fees-counter')).toHaveCount(0);

  // 4. Another receipt (微信, with its reference), for a second charge.
  const second = `门禁卡工本费 ${stampOf()}`;
  await cashier.ok('fees.charge', { unitId, item: second, amountFen: 2_000 });
  await openUnit(page, '3-2-1101');
  await expect(bills).toContainText(second);
  const wechat = await payDialog(page, '2');
  expect(wechat.dueFen).toBe(2_000);
  const reference = page.getByRole('textbox', { name: '交易流水号' });
  await expect(reference).toBeFocused();
  await reference.fill(`4200${Date.now()}`);
  await reference.press('Enter');
  const voidNo = await printed(page, 'fee-receipt');
  expect(voidNo).not.toBe(no);
  await page.goBack();

  // 5. 作废 from the receipt list, the supervisor typing their login and password at this screen.
  await page.goto(`${host!.serve.url}#/fees/receipts`);
  await page.getByRole('searchbox', { name: '收据号' }).fill(voidNo);
  await page.getByRole('searchbox', { name: '收据号' }).press('Enter');
  const list = page.getByRole('table', { name: '收据列表' });
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await list.locator('tbody tr', { hasText: voidNo }).dblclick();
  const detail = page.getByTestId('receipt-detail');
  await expect(page.getByTestId('receipt-no')).toHaveText(voidNo);
  await detail.getByRole('button', { name: '作废' }).click();
  const voiding = page.getByRole('dialog', { name: `作废收据 ${voidNo}` });
  await voiding.getByRole('textbox', { name: '原因' }).fill('收错项目，重新开票');
  await voiding.getByRole('textbox', { name: '原因' }).press('Enter');
  const approval = page.getByRole('dialog', { name: '主管核准' });
  await expect(approval.getByTestId('approval-intro')).toContainText('作废收据');
  // Over the void's own dialog, the approver types at once: the login box has the focus.
  await expect(approval.getByRole('textbox', { name: '核准人账号' })).toBeFocused();
  await approval.getByRole('textbox', { name: '核准人账号' }).fill(SUPERVISOR.login);
  await approval.getByLabel('核准人密码').fill(SUPERVISOR.password);
  await approval.getByLabel('核准人密码').press('Enter');
  await expect(approval).toBeHidden();
  await expect(detail.locator('[data-state]').first()).toHaveAttribute('data-state', 'voided');
  await expect(detail).toContainText('收错项目，重新开票');
  // Its bill is unpaid again.
  await openUnit(page, '3-2-1101');
  await expect(bills).toContainText(second);

  // 6. 日结: per method what should be there; the cash counted as expected balances; the A4 report.
  await page.goto(`${host!.serve.url}#/fees/close`);
  const shift = page.getByTestId('shift-card');
  const methods = shift.getByTestId('shift-methods');
  await expect(methods.locator('tr[data-method="wechat"]')).toContainText(formatYuan(2_000));
  const perMethod = await methods.locator('tbody tr:not([data-method="total"]) [data-testid^="expected-method-"]').allTextContents();
  const expectedTotal = fenOf(await methods.getByTestId('expected-total').textContent());
  expect(perMethod.map(fenOf).reduce((a, b) => a + b, 0)).toBe(expectedTotal);
  // The voided 微信 receipt is counted in and out: nothing of it is expected.
  expect(fenOf(await methods.getByTestId('expected-method-wechat').textContent())).toBe(
    fenOf(await methods.locator('tr[data-method="wechat"] td').nth(1).textContent()) - fenOf(await methods.locator('tr[data-method="wechat"] td').nth(2).textContent()),
  );
  const expectedCash = fenOf(await shift.getByTestId('expected-cash').textContent());
  expect(expectedCash).toBeGreaterThanOrEqual(dueFen);
  const counted = shift.getByRole('textbox', { name: '实点现金' });
  await counted.fill(String(expectedCash / 100));
  await expect(shift.getByTestId('close-difference')).toHaveText('账实相符');
  await shift.getByRole('button', { name: '日结' }).click();
  const confirmClose = page.getByRole('dialog', { name: '日结' });
  await confirmClose.getByRole('button', { name: '日结' }).click();
  const closeNo = await printed(page, 'cashier-close');
  expect(closeNo).toMatch(/^RJ\d{11}$/);
  const report = await toPdf(page, 'close');
  const a4 = pageSizePt(report.file);
  expect(Math.abs(a4.w - mmToPoints(PAPERS['a4-portrait'].widthMm))).toBeLessThanOrEqual(1);
  expect(Math.abs(a4.h - mmToPoints(PAPERS['a4-portrait'].heightMm!))).toBeLessThanOrEqual(1);
  expectEmbeddedCjkFont(report.file);
  for (const s of [closeNo, '收费日结报表', '账实相符', formatYuan(expectedCash), formatYuan(expectedTotal), '孙丽娟', '复核（签名）', '主管（签名）']) expect(report.text, `the close report shows ${s}`).toContain(s);
  await page.goBack();
  // The shift is locked: a new one starts empty, and the close is listed.
  await expect(page.getByTestId('shift-card')).toContainText('本班还没有收据');
  await expect(page.getByRole('table', { name: '历次日结' })).toContainText(closeNo);
  await cashier.dispose();
});

test('a chargeable repair’s bill is paid at the counter and the repair shows 已缴', async ({ page }) => {
  test.setTimeout(180_000);
  // A completed chargeable repair of the demo whose bill is unpaid (the demo leaves some).
  const admin = await apiAs(ADMIN);
  let order: { id: number; no: string; unitId: number; unitCode: string; amountDueFen: number } | undefined;
  for (let p = 1; p <= 10 && !order; p++) {
    const page1 = (await admin.ok('repairs.list', { page: p, pageSize: 200 })) as { rows: { id: number; no: string; unitId: number | null; unitCode: string | null; billState: string | null; amountDueFen: number | null }[] };
    const row = page1.rows.find((r) => r.billState === 'unpaid' && r.unitId !== null);
    if (row) order = { id: row.id, no: row.no, unitId: row.unitId!, unitCode: row.unitCode!, amountDueFen: row.amountDueFen! };
    if (page1.rows.length < 200) break;
  }
  expect(order, 'the demo has a chargeable repair with an unpaid bill').toBeDefined();

  await signIn(page, host!.serve.url, CASHIER.login, CASHIER.password);
  // The unit card lists the charge under 收费; for the cashier it links to the counter at that unit.
  await page.goto(`${host!.serve.url}#/estate/unit/${order!.unitId}`);
  await page.getByRole('link', { name: new RegExp(`^维修费 ${order!.no} `) }).click();
  await expect(page).toHaveURL(new RegExp(`#/fees/unit/${order!.unitId}$`));
  await expect(page.getByTestId('counter-unit')).toHaveText(order!.unitCode);
  const bills = page.getByTestId('unpaid-bills');
  const repairRow = bills.locator('tbody tr', { hasText: order!.no });
  await expect(repairRow).toBeVisible();
  // Only the repair's bill: untick all (the header box), then Space on its row.
  await bills.getByRole('checkbox', { name: '全选' }).uncheck();
  await expect(bills.locator('tbody tr[aria-selected="true"]')).toHaveCount(0);
  await repairRow.focus();
  await page.keyboard.press('Space');
  await expect(bills.locator('tbody tr[aria-selected="true"]')).toHaveCount(1);
  const { dueFen } = await payDialog(page, '1');
  expect(dueFen).toBeGreaterThanOrEqual(order!.amountDueFen);
  const received = page.getByRole('textbox', { name: '实收金额' });
  await received.fill(String(dueFen / 100));
  await received.press('Enter');
  const no = await printed(page, 'fee-receipt');
  const receipt = await toPdf(page, 'repair-receipt');
  expect(receipt.text).toContain(order!.no);
  expect(receipt.text).toContain(no);

  // The receipt's QR scanned with the focus on the page (a keyboard-wedge burst ending in Enter) opens it.
  // From the print preview back into the app: the shell (and its scanner) is there once the list is.
  await page.goto(`${host!.serve.url}#/fees/receipts`);
  await expect(page.getByRole('table', { name: '收据列表' }).locator('tbody tr').first()).toBeVisible();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await scanBurst(page, no);
  await expect(page.getByTestId('receipt-no')).toHaveText(no);

  // The repair order, read by a receptionist: 已缴.
  await page.goto(host!.serve.url);
  await page.context().clearCookies();
  await signIn(page, host!.serve.url, 'qiantai', 'demo-qiantai-1');
  await page.goto(`${host!.serve.url}#/repairs/order/${order!.id}`);
  await expect(page.getByTestId('order-no')).toHaveText(order!.no);
  await expect(page.getByTestId('order-detail')).toContainText('已缴');
  await admin.dispose();
});

test('预交: F7 shows the months after the last paid one and their total before the money is taken; they are paid on one receipt', async ({ page }) => {
  const admin = await apiAs(ADMIN);
  const units = (await admin.ok('estate.units', { filters: {}, pageSize: 20 })) as { rows: { code: string }[] };
  const code = units.rows[7]!.code;
  await signIn(page, host!.serve.url, CASHIER.login, CASHIER.password);
  await openUnit(page, code);
  const bills = page.getByTestId('unpaid-bills');
  // Only the prepayment: the bills owed are left for another day.
  if (await bills.count()) await bills.getByRole('checkbox', { name: '全选' }).uncheck();

  await page.keyboard.press('F7');
  const dialog = page.getByRole('dialog', { name: `预交 · ${code}` });
  const months = dialog.getByRole('spinbutton', { name: '预交月数' });
  await expect(months).toBeFocused();
  await months.fill('3');
  const preview = dialog.getByTestId('prepay-preview');
  await expect(preview.locator('tbody tr')).toHaveCount(3);
  const periods = (await preview.locator('tbody tr td:first-child').allTextContents()).map((t) => t.trim());
  const totalFen = fenOf(await dialog.getByTestId('prepay-total').textContent());
  await months.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('counter-prepay')).toContainText(`${periods[0]} 至 ${periods[2]}（3 个月）`);

  await page.keyboard.press('F9');
  const pay = page.getByRole('dialog', { name: /^收款 · / });
  await expect(pay.getByRole('radio', { name: '1 现金' })).toBeFocused();
  expect(fenOf(await pay.getByTestId('pay-due').textContent())).toBe(totalFen);
  await page.keyboard.press('1');
  const received = page.getByRole('textbox', { name: '实收金额' });
  await received.fill(String(totalFen / 100));
  await received.press('Enter');
  const no = await printed(page, 'fee-receipt');
  const receipt = (await admin.ok('fees.receipt', { no })) as { totalFen: number; lines: { period: string | null }[] };
  expect(receipt.totalFen).toBe(totalFen);
  expect(receipt.lines.map((l) => l.period)).toEqual(periods);
  await admin.dispose();
});

test('临时收费 at the counter: a one-off charge in words and an amount joins the unit’s unpaid bills, ticked', async ({ page }) => {
  const admin = await apiAs(ADMIN);
  const units = (await admin.ok('estate.units', { filters: {}, pageSize: 20 })) as { rows: { code: string }[] };
  const code = units.rows[9]!.code;
  await admin.dispose();
  await signIn(page, host!.serve.url, CASHIER.login, CASHIER.password);
  await openUnit(page, code);
  const item = `门禁卡工本费 ${stampOf()}`;
  await page.getByRole('button', { name: '临时收费…' }).click();
  const dialog = page.getByRole('dialog', { name: `临时收费 · ${code}` });
  await expect(dialog.getByRole('textbox', { name: '收费事项' })).toBeFocused();
  await page.keyboard.type(item);
  await dialog.getByRole('textbox', { name: '金额（元）' }).fill('20');
  await dialog.getByRole('textbox', { name: '金额（元）' }).press('Enter');
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('unpaid-bills').locator('tbody tr', { hasText: item });
  await expect(row).toContainText('¥20.00');
  await expect(row).toHaveAttribute('aria-selected', 'true');
});

test('退押金 with a deduction prints its refund slip; after the 日结 a receipt is only reversed (红冲), with a supervisor typed at the cashier’s screen', async ({ page }) => {
  const cashier = await apiAs(CASHIER);
  const units = (await cashier.ok('estate.units', { filters: {}, pageSize: 20 })) as { rows: { id: number; code: string }[] };
  const unit = units.rows[11]!;
  const item = `装修保证金 ${stampOf()}`;
  const deposit = (await cashier.ok('fees.collectDeposit', { unitId: unit.id, item, amountFen: 200000, method: 'cash', cashReceivedFen: 200000, payerName: '李四' })) as { no: string };
  const paid = (await cashier.ok('fees.collectDeposit', { unitId: unit.id, item: `${item} 二`, amountFen: 50000, method: 'cash', cashReceivedFen: 50000, payerName: '李四' })) as { no: string };

  await signIn(page, host!.serve.url, CASHIER.login, CASHIER.password);
  await page.goto(`${host!.serve.url}#/fees/receipts`);
  const deposits = page.getByRole('table', { name: '未退保证金' });
  await deposits.locator('tbody tr', { hasText: deposit.no }).dblclick();
  const refund = page.getByRole('dialog', { name: `退保证金 · ${deposit.no}` });
  await refund.getByRole('button', { name: '添加扣款' }).click();
  await refund.getByRole('textbox', { name: '扣款金额' }).fill('300');
  await refund.getByRole('textbox', { name: '扣款原因' }).fill('公共墙面修补');
  await expect(refund).toContainText('实退 ¥1,700.00');
  await refund.getByLabel('领款人').fill('李四');
  await refund.getByRole('button', { name: /退\s*押\s*金/ }).click();
  const slipNo = await printed(page, 'refund-slip');
  expect(slipNo).toMatch(/^TK\d{8}$/);
  const slip = await toPdf(page, 'refund-slip');
  for (const s of [slipNo, deposit.no, '公共墙面修补', '¥1,700.00']) expect(slip.text, `the refund slip shows ${s}`).toContain(s.replace(/\s+/g, ''));

  // The day closed, the other receipt can no longer be voided — only reversed, with approval.
  await cashier.ok('fees.closeShift', { countedCashFen: 0, note: '' });
  await cashier.dispose();
  await page.goto(`${host!.serve.url}#/fees/receipt/${paid.no}`);
  const detail = page.getByTestId('receipt-detail');
  await expect(page.getByTestId('receipt-no')).toHaveText(paid.no);
  await expect(detail.getByRole('button', { name: '作废' })).toHaveCount(0);
  await detail.getByRole('button', { name: '红冲' }).click();
  const reversing = page.getByRole('dialog', { name: `红冲收据 ${paid.no}` });
  await reversing.getByRole('textbox', { name: '原因' }).fill('日结后发现收错房屋');
  await reversing.getByRole('textbox', { name: '原因' }).press('Enter');
  const approval = page.getByRole('dialog', { name: '主管核准' });
  await expect(approval.getByTestId('approval-intro')).toContainText('红冲收据');
  await approval.getByRole('textbox', { name: '核准人账号' }).fill(SUPERVISOR.login);
  await approval.getByLabel('核准人密码').fill(SUPERVISOR.password);
  await approval.getByLabel('核准人密码').press('Enter');
  await expect(approval).toBeHidden();
  // The new negative receipt opens, referencing the original; the original says it was reversed.
  await expect(page.getByTestId('receipt-no')).not.toHaveText(paid.no);
  const reversalNo = (await page.getByTestId('receipt-no').textContent())!;
  await expect(detail).toContainText('红冲收据');
  await expect(detail).toContainText(paid.no);
  await expect(detail).toContainText('-¥500.00');
  await page.goto(`${host!.serve.url}#/fees/receipt/${paid.no}`);
  await expect(page.getByTestId('receipt-detail')).toContainText(`已被 ${reversalNo} 红冲`);
});

test('优惠/减免: an amount and a reason, approved by a supervisor at the cashier’s screen; the receipt prints the discount and who approved it', async ({ page }) => {
  const cashier = await apiAs(CASHIER);
  const units = (await cashier.ok('estate.units', { filters: {}, pageSize: 20 })) as { rows: { id: number; code: string }[] };
  const unit = units.rows[13]!;
  const item = `装修垃圾清运费 ${stampOf()}`;
  await cashier.ok('fees.charge', { unitId: unit.id, item, amountFen: 10000 });
  await signIn(page, host!.serve.url, CASHIER.login, CASHIER.password);
  await openUnit(page, unit.code);
  const bills = page.getByTestId('unpaid-bills');
  await bills.getByRole('checkbox', { name: '全选' }).uncheck();
  await bills.locator('tbody tr', { hasText: item }).focus();
  await page.keyboard.press('Space');
  await expect(bills.locator('tbody tr[aria-selected="true"]')).toHaveCount(1);

  await page.getByRole('button', { name: '优惠/减免…' }).click();
  const dialog = page.getByRole('dialog', { name: /^收款 · |^优惠\/减免 · / });
  await dialog.getByRole('textbox', { name: '优惠/减免金额' }).fill('10');
  await dialog.getByRole('textbox', { name: '原因' }).fill('业主困难减免');
  await dialog.getByRole('textbox', { name: '实收金额' }).fill('90');
  await dialog.getByRole('textbox', { name: '实收金额' }).press('Enter');
  const approval = page.getByRole('dialog', { name: '主管核准' });
  await expect(approval.getByTestId('approval-intro')).toBeVisible();
  await approval.getByRole('textbox', { name: '核准人账号' }).fill(SUPERVISOR.login);
  await approval.getByLabel('核准人密码').fill(SUPERVISOR.password);
  await approval.getByLabel('核准人密码').press('Enter');
  const no = await printed(page, 'fee-receipt');
  const receipt = (await cashier.ok('fees.receipt', { no })) as { totalFen: number; discountApproverName: string | null; lines: { kind: string; amountFen: number }[] };
  expect(receipt.totalFen).toBe(9000);
  expect(receipt.lines.map((l) => [l.kind, l.amountFen])).toEqual([
    ['bill', 10000],
    ['discount', -1000],
  ]);
  expect(receipt.discountApproverName).toBeTruthy();
  const pdf = await toPdf(page, 'discount-receipt');
  // pdftotext reads the roll's narrow columns in a row, so a long reason may be split by its amount.
  for (const s of [no, '优惠/减免：业主困难', '-¥10.00', `批准：${receipt.discountApproverName!}`, '合计：¥90.00', '玖拾元整']) expect(pdf.text, `the receipt shows ${s}`).toContain(s);
  await cashier.dispose();
});
