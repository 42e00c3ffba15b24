import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { test, expect, type Page } from '@playwright/test';
import type { ServeProcess } from './support/server';
import { signIn as signInAt, startDemoHost, type DemoHost } from './support/demo';
import { OFFICE_ADMIN, startNewOffice } from './support/office';

/**
 * The estate desk as a new office meets it: `npm run demo` estate, the counter search, the unit
 * card, importing a roster with broken rows (twice), exporting it again; and a new office (empty
 * database) importing its own Excel roster as offices keep it (issue 9 §1).
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

test('登记已有住户 finds a resident with the shared person picker and links them to another unit', async ({ page }) => {
  await signIn(page, 'qiantai', 'demo-qiantai-1');
  await page.keyboard.press('F2');
  const box = page.getByTestId('counter-search').getByRole('combobox', { name: '前台搜索' });
  await box.pressSequentially('3-2-1102', { delay: 0 });
  await box.press('Enter');
  const card = page.getByTestId('unit-card');
  await expect(card).toContainText('3-2-1102');
  const people = card.getByRole('table', { name: '住户' });
  await expect(people).not.toContainText('张三');

  await card.getByRole('button', { name: '登记已有住户' }).click();
  const dialog = page.getByRole('dialog', { name: '登记已有住户' });
  // The picker has the focus: type the name, then choose 张三 of 3-2-1101.
  await page.keyboard.type('张三');
  const zhang = page.locator('.ant-select-item-option', { hasText: '3-2-1101' }).filter({ hasText: '张三' }).first();
  await expect(zhang).toBeVisible();
  await zhang.click();
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog).toBeHidden();
  await expect(people).toContainText('张三');
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
  // An officer sees ID numbers only masked, so their import leaves the numbers to a supervisor — and says so.
  await expect(page.getByTestId('import-ids-left')).toContainText('身份证号不会导入');

  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('导入完成')).toBeVisible();

  await page.getByRole('button', { name: '继续导入' }).click();
  await page.locator('input[type=file]').setInputFiles(roster);
  await page.getByRole('button', { name: '下一步：预览' }).click();
  await expect(page.getByText('共 4 行，有效 2 行')).toBeVisible();
  await expect(page.locator('.ant-descriptions').first()).toContainText('不变 2');
  // Nothing would change: said so, and nothing to confirm.
  await expect(page.getByRole('main')).toContainText('表格中的 2 行有效数据与系统中的资料一致，没有需要新增或修改的内容');
  await expect(page.getByRole('button', { name: '确认导入' })).toBeDisabled();

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
  expect(text).toContain('13600002001');
  expect(text).not.toContain('440524198001010013');
});

/** Reads an .xlsx the page let us download into rows of text. */
async function downloadedRows(path: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

/** A new office's first steps: 房屋住户 on an empty database, 新增项目, and the page saying what comes next. */
async function createFirstEstate(page: Page, url: string) {
  await signInAt(page, url, OFFICE_ADMIN.login, OFFICE_ADMIN.password);
  await page.getByTestId('shell').getByRole('menuitem', { name: '房屋住户' }).click();
  const main = page.getByRole('main');
  await expect(main).toContainText('还没有房屋资料');
  await main.getByRole('button', { name: '新增项目' }).click();
  const dialog = page.getByRole('dialog', { name: '新增项目（小区）' });
  await dialog.getByRole('textbox', { name: '项目名称' }).fill('阳光花园');
  await dialog.getByRole('textbox', { name: '项目名称' }).press('Enter');
  await expect(dialog).toBeHidden();
  // The page confirms the estate and names the next step; it no longer asks for an estate.
  await expect(main).toContainText('项目「阳光花园」已建好，还没有房屋');
  await expect(main).toContainText('下一步：导入业主名册');
  await expect(main).not.toContainText('先新增项目');
}

test('a new office imports its own roster unedited: a title and a blank row above the header, 1号楼, +86 and full-width phones, a ㎡ column', async ({ page }) => {
  test.setTimeout(120_000);
  const office = await startNewOffice('estate-office');
  try {
    const roster = join(office.dir, '阳光花园业主名册.xlsx');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('业主名册');
    sheet.addRow(['阳光花园业主名册 2026年']);
    sheet.addRow([]);
    sheet.addRow(['楼号', '单元', '房号', '面积(㎡)', '业主姓名', '联系电话', '身份证号']);
    sheet.addRow(['1号楼', '1单元', '101', '89.5', '张一', '+86 138 0013 8001', '440524198001010013']);
    sheet.addRow(['1号楼', '1单元', '102', '92.35', '李二', '１３９００１３９００２', '']);
    sheet.addRow(['2号楼', '2', '201', '120', '王三', '+86-137-0013-7003', '']);
    sheet.addRow(['A座', '', '301', '56', '赵四', '021-6488 1234', '']);
    sheet.addRow(['一号楼', '1', '103', '89.5', '钱五', '138 0013 8005', '']);
    sheet.addRow(['2号楼', '2', '202', '80', '孙六', '1381234', '']);
    writeFileSync(roster, Buffer.from(await wb.xlsx.writeBuffer()));

    await createFirstEstate(page, office.serve.url);
    await page.getByRole('button', { name: '导入业主名册' }).click();
    const main = page.getByRole('main');
    // The help says it once, and no longer makes the first row the header.
    await expect(main.getByText(/表头上方可以有标题行/)).toHaveCount(1);
    await expect(main).not.toContainText('第一行为表头');
    await page.locator('input[type=file]').setInputFiles(roster);
    await page.getByRole('button', { name: '下一步：预览' }).click();

    await expect(main).toContainText('共 6 行，有效 5 行');
    await expect(main).toContainText('第 3 行是表头，其下 6 行是数据；第 3 行以上不导入');
    await expect(main.locator('label', { hasText: '建筑面积' })).toContainText('面积(㎡)');
    await expect(main.locator('label', { hasText: '楼栋' })).toContainText('楼号');
    const counts = main.locator('.ant-descriptions').first();
    await expect(counts).toContainText('新增 3'); // buildings 1, 2, A
    await expect(counts).toContainText('新增 5，更新 0，不变 0');
    const problems = page.getByRole('table', { name: '问题列表' });
    await expect(problems.getByRole('row', { name: '9 联系电话 1381234 2-2-202 手机号应为 11 位（这里是 7 位）' })).toBeVisible();

    // The problem rows come back as the office's own rows plus 问题, to fix and import again.
    const [download] = await Promise.all([page.waitForEvent('download'), main.getByRole('button', { name: '下载问题行（Excel）' }).first().click()]);
    expect(download.suggestedFilename()).toBe('阳光花园业主名册-问题行.xlsx');
    expect(await downloadedRows(await download.path())).toEqual([
      ['楼号', '单元', '房号', '面积(㎡)', '业主姓名', '联系电话', '身份证号', '问题', '原行号'],
      ['2号楼', '2', '202', '80', '孙六', '1381234', '', '联系电话：手机号应为 11 位（这里是 7 位）', '9'],
    ]);

    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByRole('button', { name: '确定' }).click();
    await expect(main).toContainText('导入完成');
    await expect(main).toContainText('新增楼栋 3 栋；房屋新增 5 套、更新 0 套；住户新增 5 位、更新 0 位；新登记业主关系 5 条');
    // The problem list stays after the import.
    await expect(page.getByRole('table', { name: '问题列表' }).getByRole('row', { name: /^9 联系电话 1381234/ })).toBeVisible();

    // What was imported, as the counter finds it: 1号楼1单元102 is unit 1-1-102 with 李二's mobile as 11 digits.
    await page.keyboard.press('F2');
    const search = page.getByTestId('counter-search');
    const box = search.getByRole('combobox', { name: '前台搜索' });
    await box.fill('1号楼1单元102');
    await expect(search.getByRole('option').first()).toContainText('1-1-102');
    await expect(search.getByRole('option').first()).toContainText('李二');
    await box.press('Enter');
    const card = page.getByTestId('unit-card');
    await expect(card).toContainText('92.35');
    await expect(card.getByRole('table', { name: '住户' })).toContainText('13900139002');
    await page.keyboard.press('F2');
    await box.fill('A座301');
    await expect(search.getByRole('option').first()).toContainText('A-301');
    await box.press('Enter');
    await expect(card).toContainText('A-301');
    await expect(card.getByRole('table', { name: '住户' })).toContainText('021-64881234');
    await page.keyboard.press('F2');
    await box.fill('张一');
    await expect(search.getByRole('option').first()).toContainText('13800138001');
    await page.keyboard.press('Escape');

    // The unit list's 房号 box shows its whole hint, and reads a typed building name.
    await page.getByTestId('shell').getByRole('menuitem', { name: '房屋住户' }).click();
    const unitSearch = main.locator('input[aria-label="房号"]');
    const fit = await unitSearch.evaluate((el: HTMLInputElement) => {
      const style = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${style.fontSize} ${style.fontFamily}`;
      return { text: ctx.measureText(el.placeholder).width, room: el.clientWidth - Number(style.paddingLeft.replace('px', '')) - Number(style.paddingRight.replace('px', '')) };
    });
    expect(fit.text).toBeLessThanOrEqual(fit.room);
    await unitSearch.fill('2号楼');
    const units = page.getByRole('table', { name: '房屋列表' });
    await expect(units).toContainText('2-2-201');
    await expect(units).not.toContainText('1-1-101');

    // 新增房屋: the building picker takes "二号楼" (building 2, named 2号楼), the entrance "二单元".
    await main.getByRole('button', { name: '新增房屋' }).click();
    const dialog = page.getByRole('dialog', { name: '新增房屋' });
    await dialog.getByRole('combobox', { name: '楼栋' }).fill('二号楼');
    await dialog.getByRole('combobox', { name: '楼栋' }).press('Enter');
    await dialog.getByRole('textbox', { name: '单元' }).fill('二单元');
    await dialog.getByRole('textbox', { name: '房号' }).fill('203');
    await dialog.getByRole('textbox', { name: '房号' }).press('Enter');
    await expect(page.getByTestId('unit-card')).toContainText('2-2-203');
  } finally {
    await office.close();
  }
});

test('headers it cannot guess open the preview on the mapping, the missing column marked; the hand mapping is remembered for next month', async ({ page }) => {
  test.setTimeout(120_000);
  const office = await startNewOffice('estate-mapping');
  try {
    const write = async (file: string, rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('名册');
      for (const r of rows) sheet.addRow(r);
      writeFileSync(join(office.dir, file), Buffer.from(await wb.xlsx.writeBuffer()));
      return join(office.dir, file);
    };
    const july = await write('七月.xlsx', [['幢', '户', '名字'], ['8', '101', '吴十']]);
    const august = await write('八月.xlsx', [['八月名册'], ['幢', '户', '名字'], ['8', '102', '郑十一']]);

    await createFirstEstate(page, office.serve.url);
    await page.getByRole('button', { name: '导入业主名册' }).click();
    const main = page.getByRole('main');
    await page.locator('input[type=file]').setInputFiles(july);
    await page.getByRole('button', { name: '下一步：预览' }).click();
    // Landed where the column can be chosen, told which one and how.
    await expect(main.getByRole('alert')).toContainText('找不到必填列：房号');
    await expect(main.getByRole('alert')).toContainText('请在下面为标黄的列选择表格里对应的列');
    await expect(page.getByRole('button', { name: '确认导入' })).toBeDisabled();
    const choose = async (column: string, header: string) => {
      await main.getByRole('combobox', { name: column }).click();
      await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${header}"]`).click();
      await expect(main.locator('label', { hasText: column })).toContainText(header);
      // Closed for good (its leave animation over), so the next column's list is the only one open.
      await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
    };
    await choose('房号', '户');
    await expect(main.getByRole('alert')).toHaveCount(0);
    await choose('业主姓名', '名字');
    await expect(main).toContainText('共 1 行，有效 1 行');
    await expect(main.locator('.ant-descriptions').first()).toContainText('新增 1，更新 0，不变 0');
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByRole('button', { name: '确定' }).click();
    await expect(main).toContainText('导入完成');

    // Next month's file, a title row above the same headers: mapped by itself.
    await page.getByRole('button', { name: '继续导入' }).click();
    await page.locator('input[type=file]').setInputFiles(august);
    await page.getByRole('button', { name: '下一步：预览' }).click();
    await expect(main).toContainText('已套用上次为这种表头手动设置的对应列');
    await expect(main).toContainText('第 2 行是表头');
    await expect(main).toContainText('共 1 行，有效 1 行');
    await expect(main.locator('label', { hasText: '房号' })).toContainText('户');
  } finally {
    await office.close();
  }
});
