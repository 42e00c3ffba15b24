import { test, expect, type Page } from '@playwright/test';
import { signIn, startDemoHost, type DemoHost } from './support/demo';

/**
 * A keyboard-wedge scanner at the counter, on the `npm run demo` estate: it "types" a code as a
 * burst of keys ending in Enter. Scanned with nothing to type into, the code opens its record
 * (through the counter search); the same keys typed by hand open nothing; scanned into a form
 * field, its Enter never submits the form, while a clerk's own Enter still does. Key delays are
 * far from the threshold either way: 5 ms for the scanner, 150 ms for the hand.
 */
let host: DemoHost | undefined;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  host = await startDemoHost('scanner');
});
test.afterAll(async () => {
  await host?.close();
});

const SCANNER_DELAY_MS = 5;
const HAND_DELAY_MS = 150;

/** Signed in as the receptionist, on the log, with the focus on nothing (the page body). */
async function onTheLog(page: Page): Promise<string> {
  await signIn(page, host!.serve.url, 'qiantai', 'demo-qiantai-1');
  const first = page.getByRole('table', { name: '接待登记列表' }).locator('tbody tr').first();
  await expect(first).toContainText(/JD\d{12}/);
  const no = (await first.textContent())!.match(/JD\d{12}/)![0];
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  return no;
}

test('a JD number scanned with the focus on the page opens that entry', async ({ page }) => {
  const no = await onTheLog(page);
  await page.keyboard.type(no, { delay: SCANNER_DELAY_MS });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('entry-detail')).toContainText(no);
  await expect(page).toHaveURL(/#\/reception\/entry\/\d+/);
});

test('a unit code scanned with the focus on the page opens the unit card', async ({ page }) => {
  await onTheLog(page);
  await page.keyboard.type('3-2-1101', { delay: SCANNER_DELAY_MS });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('unit-card')).toContainText('3-2-1101');
});

test('the same number typed by hand on the page opens nothing', async ({ page }) => {
  const no = await onTheLog(page);
  await page.keyboard.type(no, { delay: HAND_DELAY_MS });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('counter-search')).toHaveCount(0);
  // Had the keys been taken for a scan, F2 would find the search already open with the number.
  await page.keyboard.press('F2');
  const box = page.getByTestId('counter-search').getByRole('combobox', { name: '前台搜索' });
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('counter-search')).toBeHidden();
  await expect(page).toHaveURL(/#\/reception$/);
  await expect(page.getByTestId('entry-detail')).toHaveCount(0);
});

test('a code scanned into a form field stays there and its Enter does not submit; the clerk’s Enter does', async ({ page }) => {
  await signIn(page, host!.serve.url, 'qiantai', 'demo-qiantai-1');
  await page.goto(`${host!.serve.url}#/reception/visitors`);
  const form = page.locator('form', { has: page.getByRole('button', { name: '登记来访' }) });
  const name = `扫码${Date.now().toString(36)}`;
  // Complete as far as the form is concerned: Enter here would register the visitor.
  await form.getByRole('textbox', { name: '姓名' }).fill(name);
  const reason = form.getByRole('textbox', { name: '事由' });
  await reason.focus();
  await page.keyboard.type('3-2-1101', { delay: SCANNER_DELAY_MS });
  await page.keyboard.press('Enter');
  await expect(reason).toHaveValue('3-2-1101');
  await expect(reason).toBeFocused();

  // The clerk goes on typing and presses Enter: one visitor, with the whole reason. Had the
  // scanner's Enter submitted, the form would have been cleared and the row would hold only the code.
  await page.keyboard.type(' 0930', { delay: HAND_DELAY_MS });
  await page.keyboard.press('Enter');
  const rows = page.getByRole('table', { name: '访客列表' }).locator('tbody tr', { hasText: name });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('3-2-1101 0930');
  await expect(form.getByRole('textbox', { name: '姓名' })).toHaveValue('');
});
