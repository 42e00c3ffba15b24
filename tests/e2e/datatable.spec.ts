import { test, expect, type Locator, type Page } from '@playwright/test';
import { signIn, startDemoHost, type DemoHost } from './support/demo';

/**
 * The shared DataTable draws every row below the one before it: after the data changes (a new
 * entry pushes every row down one place) and while scrolling, with rows of different heights
 * (渠道 内部反馈 wraps onto two lines in a narrow window). Read from the row boxes the browser
 * laid out, on the reception list of the `npm run demo` estate.
 */
test.describe.configure({ mode: 'serial' });

let host: DemoHost | undefined;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  host = await startDemoHost('datatable');
});
test.afterAll(async () => {
  await host?.close();
});

interface RowBox {
  top: number;
  bottom: number;
  text: string;
}

/** Every rendered body row's box, read in one go (one layout), top to bottom. */
async function rowBoxes(table: Locator): Promise<RowBox[]> {
  const boxes = await table.locator('tbody > tr').evaluateAll((rows) =>
    rows.map((r) => {
      const b = r.getBoundingClientRect();
      return { top: b.top, bottom: b.bottom, text: (r.textContent ?? '').slice(0, 40) };
    }),
  );
  return boxes.sort((a, b) => a.top - b.top);
}

/** The first pair of rows drawn over each other, as text for the failure message; '' when none. */
async function overlap(table: Locator): Promise<string> {
  const boxes = await rowBoxes(table);
  for (let i = 1; i < boxes.length; i++) {
    const [above, below] = [boxes[i - 1]!, boxes[i]!];
    // Half a pixel for sub-pixel rounding of the 1px row border.
    if (below.top < above.bottom - 0.5) {
      return `row "${below.text}" (top ${below.top}) starts inside row "${above.text}" (bottom ${above.bottom})`;
    }
  }
  return '';
}

const expectNoOverlap = (table: Locator, when: string) => expect.poll(() => overlap(table), { message: when }).toBe('');

async function scrollBox(table: Locator, to: 'top' | 'bottom' | number) {
  await table.evaluate((el, to) => {
    const box = el.parentElement!;
    box.scrollTop = to === 'top' ? 0 : to === 'bottom' ? box.scrollHeight : to;
    box.dispatchEvent(new Event('scroll'));
  }, to);
}

async function logEnquiryFromStaff(page: Page, content: string) {
  await page.keyboard.press('F4');
  const form = page.getByRole('dialog', { name: '新登记' });
  await expect(form.getByRole('radio', { name: '1 报修' })).toBeFocused();
  await page.keyboard.press('4');
  await form.getByRole('radio', { name: '内部反馈' }).check();
  await form.getByRole('textbox', { name: '联系人' }).fill('工程部 李建国');
  await form.getByRole('textbox', { name: '内容' }).fill(content);
  await form.getByRole('textbox', { name: '内容' }).press('Control+Enter');
  await expect(form).toBeHidden();
}

test('rows never overlap: after a new entry moves every row down, and while scrolling, with wrapped cells', async ({ page }) => {
  // Narrow enough that 内部反馈 wraps in the 渠道 column (the office's 1024-wide screen).
  await page.setViewportSize({ width: 1024, height: 700 });
  await signIn(page, host!.serve.url, 'qiantai', 'demo-qiantai-1');
  await page.goto(`${host!.serve.url}#/reception`);
  const table = page.getByRole('table', { name: '接待登记列表' });
  await expect(table.locator('tbody > tr').first()).toContainText(/JD\d{12}/);

  // The premise: rows really differ in height here (otherwise overlap could not show).
  const heights = (await rowBoxes(table)).map((b) => b.bottom - b.top);
  expect(Math.max(...heights) - Math.min(...heights), `row heights ${heights.join(',')}`).toBeGreaterThan(10);
  await expectNoOverlap(table, 'first load');

  // Scrolled down a little, so the rows in view are measured rows that the new one will move.
  await scrollBox(table, 200);
  await expectNoOverlap(table, 'scrolled before the change');
  await scrollBox(table, 'top');

  const content = `楼道感应灯不亮（表格测试 ${Date.now()}）`;
  await logEnquiryFromStaff(page, content);
  await expect(table.locator('tbody > tr').first()).toContainText(content);
  await expectNoOverlap(table, 'after the new entry was saved');

  // Through the whole page, a screen at a time, and back from the bottom.
  const { scrollHeight, clientHeight } = await table.evaluate((el) => ({
    scrollHeight: el.parentElement!.scrollHeight,
    clientHeight: el.parentElement!.clientHeight,
  }));
  for (let y = 0; y <= scrollHeight; y += Math.max(100, Math.floor(clientHeight / 2))) {
    await scrollBox(table, y);
    await expectNoOverlap(table, `scrolled to ${y}`);
  }
  await scrollBox(table, 'bottom');
  await expectNoOverlap(table, 'scrolled to the bottom');
  await expect(table.locator('tbody > tr').last()).toContainText(/JD\d{12}/);
});
