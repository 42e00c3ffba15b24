import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../shared/estate-import';
import type { UnitCard } from '../../shared/contract/estate';
import { createTestApp, expectError, valueOf, type TestApp } from '../support/app';

const HEADER = ['楼栋', '单元', '房号', '楼层', '建筑面积', '房屋类型', '状态', '业主姓名', '性别', '手机', '身份证号', '入住日期', '备注'];
const ROWS = [
  ['3', '2', '1101', '11', '89.50', '住宅', '已入住', '张三', '男', '13812345678', '11010519491231002X', '2020-06-01', ''],
  ['3', '2', '1101', '11', '89.50', '住宅', '已入住', '李梅', '女', '13912345678', '', '2020-06-01', '共有产权'],
  ['3', '2', '1102', '11', '120', '住宅', '空置', '王五', '男', '13700000001', '440524198001010013', '', ''],
  ['3', '2', '1103', '11', '-3', '住宅', '', '赵六', '', '', '', '', ''],
  ['3', '2', '', '11', '90', '住宅', '', '钱七', '', '', '', '', ''],
  ['5', '', '101', '1', '56.7', '商铺', '出租', '孙八', '男', '1381234', '110105194912310021', '2021/3/5', ''],
  ['5', '', '102', '1', '60', '别墅', '', '', '', '', '', '', ''],
];

async function xlsx(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('名册');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
const csv = (rows: string[][], encoding: 'utf8' | 'gbk' = 'utf8') => {
  const text = rows.map((r) => r.join(',')).join('\r\n');
  if (encoding === 'utf8') return Buffer.from('\uFEFF' + text).toString('base64');
  throw new Error('gbk fixtures are written as bytes in the test');
};

describe('importing the owner roster', () => {
  let t: TestApp;
  let officer: string;
  /** The full import (ID numbers included) is for roles that may see full numbers. */
  let importer: string;
  let estateId: number;
  let file: string;
  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.setupAdmin();
    officer = await t.operatorWith(['officer'], 'kefu');
    importer = await t.operatorWith(['supervisor'], 'zhuguan-daoru');
    estateId = valueOf<{ id: number }>(await t.run(admin, 'estate.saveEstate', { name: '阳光花园' })).id;
    file = await xlsx([HEADER, ...ROWS]);
  });
  afterAll(() => t.close());
  const count = (table: string) => (t.app.connection.sqlite.prepare(`SELECT count(*) n FROM ${table}`).get() as { n: number }).n;

  it('previews every row, listing each problem by row, column and reason, without writing', async () => {
    const before = count('audit_log');
    const p = valueOf<ImportPreview>(await t.run(importer, 'estate.importPreview', { estateId, fileName: '名册.xlsx', contentBase64: file }));
    expect(p.rows).toBe(7);
    expect(p.validRows).toBe(3);
    expect(p.problems).toEqual([
      { row: 5, column: '建筑面积', message: '面积应为正数，最多两位小数，且不超过 10000', value: '-3', unitCode: '3-2-1103' },
      { row: 6, column: '房号', message: '房号不能为空', value: '', unitCode: '' },
      { row: 7, column: '手机', message: '手机号应为 11 位（这里是 7 位）', value: '1381234', unitCode: '5-101' },
      { row: 7, column: '身份证号', message: '身份证号校验位不正确，请核对', value: '110105194912310021', unitCode: '5-101' },
      { row: 8, column: '房屋类型', message: '房屋类型应为：住宅、商铺、车位、储藏室、办公', value: '别墅', unitCode: '5-102' },
    ]);
    expect(p.counts).toEqual({
      buildings: 1,
      units: { create: 2, update: 0, unchanged: 0 },
      people: { create: 3, update: 0, unchanged: 0 },
      links: { create: 3, unchanged: 0 },
    });
    expect(count('units')).toBe(0);
    expect(count('audit_log')).toBe(before);
  });

  it('imports the valid rows in one go, with several owners per unit, and audits them', async () => {
    const r = valueOf<ImportPreview & { imported: boolean }>(await t.run(importer, 'estate.importCommit', { estateId, fileName: '名册.xlsx', contentBase64: file }));
    expect(r.imported).toBe(true);
    expect(count('units')).toBe(2);
    expect(count('buildings')).toBe(1);
    const unit = t.app.connection.sqlite.prepare("SELECT id, area_dm2, state, floor FROM units WHERE code = '3-2-1101'").get() as { id: number; area_dm2: number; state: string };
    expect(unit).toMatchObject({ area_dm2: 8950, state: 'occupied', floor: 11 });
    const card = valueOf<UnitCard>(await t.run(officer, 'estate.unitCard', { id: unit.id }));
    expect(card.people.map((l) => [l.person.name, l.role, l.startDate])).toEqual([
      ['张三', 'owner', '2020-06-01'],
      ['李梅', 'owner', '2020-06-01'],
    ]);
    expect(card.people[0]!.person.idNumberMasked).toBe('110105********002X');
    const audits = t.app.connection.sqlite.prepare("SELECT entity, count(*) n FROM audit_log WHERE command = 'estate.importCommit' GROUP BY entity ORDER BY entity").all();
    expect(audits).toEqual([
      { entity: 'building', n: 1 },
      { entity: 'estate', n: 1 },
      { entity: 'person', n: 3 },
      { entity: 'unit', n: 2 },
      { entity: 'unit_person', n: 3 },
    ]);
  });

  it('re-importing the same file creates nothing and reports it unchanged', async () => {
    const before = { units: count('units'), people: count('people'), links: count('unit_people') };
    const p = valueOf<ImportPreview>(await t.run(importer, 'estate.importCommit', { estateId, fileName: '名册.xlsx', contentBase64: file }));
    expect(p.counts).toEqual({
      buildings: 0,
      units: { create: 0, update: 0, unchanged: 2 },
      people: { create: 0, update: 0, unchanged: 3 },
      links: { create: 0, unchanged: 3 },
    });
    expect({ units: count('units'), people: count('people'), links: count('unit_people') }).toEqual(before);
  });

  it('updates what changed and says so: matches people by ID number, or by name and mobile', async () => {
    const changed = await xlsx([
      HEADER,
      ['3', '2', '1101', '11', '90.00', '住宅', '出租', '张三', '男', '13800000000', '11010519491231002X', '2020-06-01', ''],
      ['3', '2', '1102', '11', '120', '住宅', '空置', '王五', '男', '13700000001', '440524198001010013', '', ''],
    ]);
    const p = valueOf<ImportPreview>(await t.run(importer, 'estate.importCommit', { estateId, fileName: '更新.xlsx', contentBase64: changed }));
    expect(p.counts.units).toEqual({ create: 0, update: 1, unchanged: 1 });
    expect(p.counts.people).toEqual({ create: 0, update: 1, unchanged: 1 });
    expect(t.app.connection.sqlite.prepare("SELECT mobile FROM people WHERE name = '张三'").get()).toEqual({ mobile: '13800000000' });
    const history = t.app.connection.sqlite.prepare("SELECT from_state, to_state, reason FROM unit_state_history h JOIN units u ON u.id = h.unit_id WHERE u.code = '3-2-1101' ORDER BY h.id").all();
    expect(history).toEqual([
      { from_state: null, to_state: 'occupied', reason: '名册导入' },
      { from_state: 'occupied', to_state: 'let', reason: '名册导入' },
    ]);
  });

  it('maps other headers automatically or by hand, and reads UTF-8 and GBK CSV', async () => {
    const other = csv([
      ['楼号', '单元号', '房间号', '面积', '姓名', '联系电话'],
      ['7', '1', '301', '75.5', '周九', '13600000009'],
    ]);
    const p = valueOf<ImportPreview>(await t.run(importer, 'estate.importPreview', { estateId, fileName: 'roster.csv', contentBase64: other }));
    expect(p.mapping).toMatchObject({ building: '楼号', entrance: '单元号', room: '房间号', area: '面积', ownerName: '姓名', mobile: '联系电话' });
    expect(p.validRows).toBe(1);

    // CSV cells stay text: an 18-digit ID number must not pass through a float.
    const ids = csv([
      ['楼栋', '房号', '业主姓名', '身份证号'],
      ['7', '302', '郑十一', '440524198503150024'],
    ]);
    const withId = valueOf<ImportPreview>(await t.run(importer, 'estate.importPreview', { estateId, fileName: 'ids.csv', contentBase64: ids }));
    expect(withId.problems).toEqual([]);
    expect(withId.validRows).toBe(1);

    const odd = csv([
      ['幢', '户', '名字'],
      ['8', '101', '吴十'],
    ]);
    const missing = valueOf<ImportPreview>(await t.run(importer, 'estate.importPreview', { estateId, fileName: 'odd.csv', contentBase64: odd }));
    expect(missing.missing).toEqual(['room']);
    const mapped = valueOf<ImportPreview>(
      await t.run(importer, 'estate.importPreview', { estateId, fileName: 'odd.csv', contentBase64: odd, mapping: { room: '户', ownerName: '名字' } }),
    );
    expect(mapped.validRows).toBe(1);
    expect(expectError(await t.run(importer, 'estate.importPreview', { estateId, fileName: 'odd.csv', contentBase64: odd, mapping: { room: '门牌' } })).message).toMatch(
      /没有“门牌”这一列/,
    );

    // 楼栋,房号,业主姓名 / 9,101,张三 saved by Excel in GBK.
    const gbk = Buffer.concat([
      Buffer.from([0xc2, 0xa5, 0xb6, 0xb0, 0x2c, 0xb7, 0xbf, 0xba, 0xc5, 0x2c, 0xd2, 0xb5, 0xd6, 0xf7, 0xd0, 0xd5, 0xc3, 0xfb, 0x0d, 0x0a]),
      Buffer.from('9,101,'),
      Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]),
    ]);
    const g = valueOf<ImportPreview>(await t.run(importer, 'estate.importPreview', { estateId, fileName: 'gbk.csv', contentBase64: gbk.toString('base64') }));
    expect(g.headers).toEqual(['楼栋', '房号', '业主姓名']);
    expect(g.validRows).toBe(1);
  });

  it('refuses files that are not spreadsheets, have no header, or are far too long — nothing saved', async () => {
    const before = count('units');
    const pdf = Buffer.from('%PDF-1.4 not a roster').toString('base64');
    expect(expectError(await t.run(importer, 'estate.importCommit', { estateId, fileName: 'roster.pdf', contentBase64: pdf })).message).toMatch(/不是 Excel 表格/);
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]).toString('base64');
    expect(expectError(await t.run(importer, 'estate.importCommit', { estateId, fileName: 'x.xlsx', contentBase64: broken })).message).toMatch(/无法读取/);
    const noHeader = await xlsx([['3', '2', '1101', '11']]);
    expect(expectError(await t.run(importer, 'estate.importCommit', { estateId, fileName: 'x.xlsx', contentBase64: noHeader })).message).toMatch(/表头/);
    const empty = await xlsx([]);
    expect(expectError(await t.run(importer, 'estate.importCommit', { estateId, fileName: 'x.xlsx', contentBase64: empty })).message).toMatch(/表格是空的/);
    const huge = csv([['楼栋', '房号'], ...Array.from({ length: 100_000 }, (_, i) => ['1', String(i + 1)])]);
    expect(expectError(await t.run(importer, 'estate.importCommit', { estateId, fileName: 'big.csv', contentBase64: huge })).message).toMatch(/超过一次最多导入的 20000 行/);
    const allBad = await xlsx([HEADER, ['3', '2', '', '', '', '', '', '', '', '', '', '', '']]);
    expect(expectError(await t.run(importer, 'estate.importCommit', { estateId, fileName: 'x.xlsx', contentBase64: allBad })).message).toMatch(/没有可导入的有效行/);
    expect(count('units')).toBe(before);
  });

  it('exports units and people with masked IDs, and full IDs only for supervisors — audited', async () => {
    const out = valueOf<{ fileName: string; contentBase64: string; rows: number }>(await t.run(officer, 'estate.exportRoster', { estateId }));
    expect(out.fileName).toMatch(/^房屋住户-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.contentBase64, 'base64') as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    expect(text).toContain('110105********002X');
    expect(text).not.toContain('11010519491231002X');
    expect(text).toContain('90.00');
    expect(expectError(await t.run(officer, 'estate.exportRoster', { estateId, fullIdNumbers: true })).kind).toBe('forbidden');
    const supervisor = await t.operatorWith(['supervisor'], 'zhuguan');
    const full = valueOf<{ contentBase64: string }>(await t.run(supervisor, 'estate.exportRoster', { estateId, fullIdNumbers: true }));
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(full.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(JSON.stringify(wb2.worksheets[0]!.getSheetValues())).toContain('11010519491231002X');
    const audit = t.app.connection.sqlite.prepare("SELECT after_json FROM audit_log WHERE command = 'estate.exportRoster' ORDER BY id DESC").get() as { after_json: string };
    expect(JSON.parse(audit.after_json)).toMatchObject({ event: 'roster_exported', fullIdNumbers: true });
  });

  it('offers a template with the usual columns that imports cleanly once filled', async () => {
    const tpl = valueOf<{ fileName: string; contentBase64: string }>(await t.run(officer, 'estate.importTemplate'));
    expect(tpl.fileName).toBe('业主名册导入模板.xlsx');
    const p = valueOf<ImportPreview>(await t.run(importer, 'estate.importPreview', { estateId, fileName: tpl.fileName, contentBase64: tpl.contentBase64 }));
    expect(p.headers).toEqual(HEADER);
    expect(p.problems).toEqual([]);
    expect(p.validRows).toBe(1);
  });
});
