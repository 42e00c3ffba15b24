import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult } from '../../shared/estate-import';
import { createTestApp, expectError, valueOf, type TestApp } from '../support/app';

/**
 * Rosters as offices really keep them (issue 9 §1): a title above the header, building names
 * like 1号楼, phones with +86, headers with units, repeated rows — each test on its own database.
 */
type Cell = string | number | null;
async function xlsx(rows: Cell[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('业主名册');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function readSheet(contentBase64: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(contentBase64, 'base64') as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

let t: TestApp;
let officer: string;
let estateId: number;
beforeEach(async () => {
  t = await createTestApp();
  const admin = await t.setupAdmin();
  officer = await t.operatorWith(['officer'], 'kefu');
  estateId = valueOf<{ id: number }>(await t.run(admin, 'estate.saveEstate', { name: '阳光花园' })).id;
});
afterEach(() => t.close());

const db = () => t.app.connection.sqlite;
const count = (table: string) => (db().prepare(`SELECT count(*) n FROM ${table}`).get() as { n: number }).n;
const preview = async (contentBase64: string, extra: Record<string, unknown> = {}) =>
  valueOf<ImportPreview>(await t.run(officer, 'estate.importPreview', { estateId, fileName: '名册.xlsx', contentBase64, ...extra }));
const commit = async (contentBase64: string, extra: Record<string, unknown> = {}) =>
  valueOf<ImportResult>(await t.run(officer, 'estate.importCommit', { estateId, fileName: '名册.xlsx', contentBase64, ...extra }));
const people = () => db().prepare('SELECT name, mobile, other_phone FROM people ORDER BY id').all();

describe('the header row', () => {
  it('is found by itself below a title row and a blank row, and the preview says which sheet row it took', async () => {
    const file = await xlsx([
      ['阳光花园业主名册 2026年'],
      [],
      ['楼栋', '房号', '业主姓名'],
      ['1', '101', '张三'],
      ['1', '', '李四'],
    ]);
    const p = await preview(file);
    expect(p.headerRow).toBe(3);
    expect(p.headers).toEqual(['楼栋', '房号', '业主姓名']);
    expect(p.headerCandidates.map((c) => c.row)).toEqual([1, 3, 4, 5]);
    expect(p.headerCandidates[0]!.text).toBe('阳光花园业主名册 2026年');
    expect(p.missing).toEqual([]);
    expect(p.rows).toBe(2);
    expect(p.validRows).toBe(1);
    expect(p.problems).toEqual([{ row: 5, column: '房号', message: '房号不能为空', value: '', unitCode: '' }]);
    expect((await commit(file)).counts.units.create).toBe(1);
  });

  it('may be picked by hand; a row that maps no required column lands on the mapping, not in an error', async () => {
    const file = await xlsx([['阳光花园业主名册'], ['楼栋', '房号'], ['1', '101']]);
    const byHand = await preview(file, { headerRow: 1 });
    expect(byHand.headerRow).toBe(1);
    expect(byHand.missing).toEqual(['building', 'room']);
    expect(byHand.validRows).toBe(0);
    const before = count('units');
    expect(expectError(await t.run(officer, 'estate.importCommit', { estateId, fileName: 'x.xlsx', contentBase64: file, headerRow: 1 })).message).toBe(
      '找不到必填列：楼栋、房号。请在预览页的“对应列”中选择表格里的列，或在“表头行”中选择表头所在的行',
    );
    expect(count('units')).toBe(before);
    expect(expectError(await t.run(officer, 'estate.importPreview', { estateId, fileName: 'x.xlsx', contentBase64: file, headerRow: 9 })).fields).toEqual({
      headerRow: '第 9 行是空行或不在表格中',
    });
  });

  it('with headers it cannot guess, opens the preview with the required columns missing, so they can be mapped by hand', async () => {
    const file = await xlsx([['幢', '户', '名字'], ['8', '101', '吴十']]);
    const p = await preview(file);
    expect(p.headerRow).toBe(1);
    expect(p.missing).toEqual(['room']);
    expect(p.mapping).toEqual({ building: '幢' });
    const mapped = await preview(file, { mapping: { room: '户', ownerName: '名字' } });
    expect(mapped.missing).toEqual([]);
    expect(mapped.validRows).toBe(1);
  });

  it('remembers a mapping set by hand, on the server, for the next file with the same headers', async () => {
    const first = await xlsx([['幢', '户', '名字'], ['8', '101', '吴十']]);
    await commit(first, { mapping: { building: '幢', room: '户', ownerName: '名字' } });
    expect(db().prepare('SELECT headers_json, mapping_json FROM roster_mappings').all()).toEqual([
      { headers_json: JSON.stringify(['幢', '户', '名字']), mapping_json: JSON.stringify({ building: '幢', room: '户', ownerName: '名字' }) },
    ]);
    expect(count("audit_log WHERE entity = 'roster_mapping'")).toBe(1);
    // Next month's file: same headers, a title row above them, no mapping sent.
    const next = await xlsx([['八月名册'], ['幢', '户', '名字'], ['8', '102', '郑十一']]);
    const p = await preview(next);
    expect(p.headerRow).toBe(2);
    expect(p.mappingRemembered).toBe(true);
    expect(p.mapping).toEqual({ building: '幢', room: '户', ownerName: '名字' });
    expect(p.validRows).toBe(1);
    // Another layout is not affected.
    expect((await preview(await xlsx([['幢', '户'], ['8', '103']]))).mappingRemembered).toBe(false);
  });
});

describe('what offices write in the cells', () => {
  it('reads buildings written 1号楼, 1栋, 1幢, A座, 一号楼, 3# and 1号楼2单元 as building codes', async () => {
    const file = await xlsx([
      ['楼栋', '单元', '房号', '业主姓名'],
      ['1号楼', '1', '101', '甲'],
      ['1栋', '1单元', '102', '乙'],
      ['1幢', '一单元', '103', '丙'],
      ['一号楼', '', '', ''],
      ['A座', '', '201', '丁'],
      ['3#', '', '301', '戊'],
      ['1号楼2单元', '', '104', '己'],
      ['1号楼2单元', '3', '105', '庚'],
    ]);
    const p = await preview(file);
    expect(p.problems).toEqual([
      { row: 5, column: '房号', message: '房号不能为空', value: '', unitCode: '' },
      { row: 9, column: '单元', message: '楼栋一栏写的是 2 单元，单元一栏却是 3，请核对', value: '3', unitCode: '' },
    ]);
    await commit(file);
    expect(db().prepare('SELECT code FROM units ORDER BY code').all().map((r) => (r as { code: string }).code)).toEqual([
      '1-1-101',
      '1-1-102',
      '1-1-103',
      '1-2-104',
      '3-301',
      'A-201',
    ]);
    expect(db().prepare('SELECT code, name FROM buildings ORDER BY code').all()).toEqual([
      { code: '1', name: '1号楼' },
      { code: '3', name: '3栋' },
      { code: 'A', name: 'A座' },
    ]);
  });

  it('reads phones written +86 …, with dashes and in full-width digits, and keeps a landline as the other phone', async () => {
    const file = await xlsx([
      ['楼栋', '房号', '业主姓名', '联系电话'],
      ['1', '101', '甲', '+86 138 1234 5678'],
      ['1', '102', '乙', '１３９１２３４５６７８'],
      ['1', '103', '丙', '137-0000-0001'],
      ['1', '104', '丁', '021-6488 1234'],
      ['1', '105', '戊', '6488 1234'],
    ]);
    const p = await preview(file);
    expect(p.problems).toEqual([{ row: 6, column: '联系电话', message: '固定电话请带区号，如 021-6488 1234', value: '6488 1234', unitCode: '1-105' }]);
    await commit(file);
    expect(people()).toEqual([
      { name: '甲', mobile: '13812345678', other_phone: null },
      { name: '乙', mobile: '13912345678', other_phone: null },
      { name: '丙', mobile: '13700000001', other_phone: null },
      { name: '丁', mobile: null, other_phone: '021-64881234' },
    ]);
    // Exported, the landline stays in the phone column, so the file imports back the same.
    const out = valueOf<{ contentBase64: string }>(await t.run(officer, 'estate.exportRoster', { estateId }));
    const again = await preview(out.contentBase64);
    expect(again.problems).toEqual([]);
    expect(again.counts.people).toEqual({ create: 0, update: 0, unchanged: 4 });
    expect(JSON.stringify(await readSheet(out.contentBase64))).toContain('021-64881234');
  });

  it('maps headers carrying units or notes — 面积(㎡), 建筑面积（m²）, 面积/平方米 — to 建筑面积', async () => {
    for (const header of ['面积(㎡)', '建筑面积（m²）', '面积/平方米', '建筑面积(平方米)', '面积【㎡】', '手机号码（必填）']) {
      const p = await preview(await xlsx([['楼栋', '房号', header], ['1', '101', header.startsWith('手机') ? '13812345678' : '89.5']]));
      expect(p.mapping, header).toEqual({ building: '楼栋', room: '房号', [header.startsWith('手机') ? 'mobile' : 'area']: header });
    }
  });

  it('gives each impossible birth date in an ID number its own message', async () => {
    const file = await xlsx([
      ['楼栋', '房号', '业主姓名', '身份证号'],
      ['1', '101', '甲', '110105194902300021'],
      ['1', '102', '乙', '110105209901010016'],
      ['1', '103', '丙', '110105189501010013'],
    ]);
    const p = await preview(file);
    expect(p.problems.map((x) => [x.row, x.message])).toEqual([
      [2, '身份证号中的出生日期不存在（第 7–14 位的年月日），请核对'],
      [3, '身份证号中的出生日期晚于今天，请核对'],
      [4, '身份证号中的出生日期早于 1900 年：不会是在世的人，多为年份输错，请核对'],
    ]);
  });
});

describe('repeated rows and the counts', () => {
  const HEADER = ['楼栋', '单元', '房号', '建筑面积', '业主姓名', '性别', '手机', '身份证号'];
  const ROWS: Cell[][] = [
    ['3', '2', '1101', '89.50', '张三', '男', '13812345678', '11010519491231002X'],
    ['3', '2', '1101', '89.50', '张三', '男', '13812345678', '11010519491231002X'],
    ['3', '2', '1101', '89.50', '李梅', '', '13912345678', ''],
    ['3', '2', '1101', '', '李梅', '女', '', ''],
    ['3', '2', '1102', '120', '王五', '男', '13700000001', '440524198001010013'],
    ['3', '2', '1103', '90', '张三', '男', '13812345678', '11010519491231002X'],
    ['3', '2', '1104', '90', '赵六', '', '', ''],
    ['3', '2', '1102', '120', '王五', '男', '13700000009', ''],
  ];

  it('reports an exact duplicate and a second row for the same unit and owner — which row merged into which', async () => {
    const p = await preview(await xlsx([HEADER, ...ROWS]));
    expect(p.merged).toEqual([
      { row: 3, into: 2, unitCode: '3-2-1101', owner: '张三', why: 'same_row' },
      { row: 5, into: 4, unitCode: '3-2-1101', owner: '李梅', why: 'same_owner' },
    ]);
    expect(p.problems).toEqual([
      {
        row: 9,
        column: '手机',
        message: '与第 6 行是同一房屋的同一业主（王五），但手机不同：请核对后只留一行',
        value: '13700000009',
        unitCode: '3-2-1102',
      },
    ]);
    expect(p.rows).toBe(8);
    expect(p.validRows).toBe(7);
  });

  it('counts what will be created in the preview exactly as the import then creates it — taken from the database', async () => {
    const file = await xlsx([HEADER, ...ROWS]);
    const before = { units: count('units'), people: count('people'), links: count('unit_people'), buildings: count('buildings') };
    const p = await preview(file);
    expect(count('units')).toBe(before.units);
    const r = await commit(file);
    expect(r.counts).toEqual(p.counts);
    expect(r.counts).toEqual({
      buildings: 1,
      units: { create: 4, update: 0, unchanged: 0 },
      // 张三 owns two units: one person, two links.
      people: { create: 4, update: 0, unchanged: 0 },
      links: { create: 5, unchanged: 0 },
    });
    expect(count('buildings') - before.buildings).toBe(r.counts.buildings);
    expect(count('units') - before.units).toBe(r.counts.units.create);
    expect(count('people') - before.people).toBe(r.counts.people.create);
    expect(count('unit_people') - before.links).toBe(r.counts.links.create);
    // 李梅's second row filled in her gender.
    expect(db().prepare("SELECT gender FROM people WHERE name = '李梅'").get()).toEqual({ gender: 'female' });
  });

  it('says nothing changed on a re-import of the same file — owners without ID or mobile included', async () => {
    const file = await xlsx([HEADER, ...ROWS]);
    await commit(file);
    const before = { units: count('units'), people: count('people'), links: count('unit_people') };
    const p = await preview(file);
    const r = await commit(file);
    expect(r.counts).toEqual(p.counts);
    expect(r.counts).toEqual({
      buildings: 0,
      units: { create: 0, update: 0, unchanged: 4 },
      people: { create: 0, update: 0, unchanged: 4 },
      links: { create: 0, unchanged: 5 },
    });
    expect({ units: count('units'), people: count('people'), links: count('unit_people') }).toEqual(before);
  });

  it('agrees with the import when part of the file is already on record and part changed', async () => {
    await commit(await xlsx([HEADER, ROWS[0]!, ROWS[4]!]));
    // 1102's area changed; 李梅, 1103 and 1104 are new.
    const changed: Cell[][] = [HEADER, ...ROWS.slice(0, 4), ['3', '2', '1102', '130', '王五', '男', '13700000001', '440524198001010013'], ROWS[5]!, ROWS[6]!];
    const p = await preview(await xlsx(changed));
    const r = await commit(await xlsx(changed));
    expect(r.counts).toEqual(p.counts);
    expect(r.counts).toEqual({
      buildings: 0,
      units: { create: 2, update: 1, unchanged: 1 },
      people: { create: 2, update: 0, unchanged: 2 },
      links: { create: 3, unchanged: 2 },
    });
  });
});

describe('the problem list', () => {
  it('names each problem’s row, column, cell value and unit code, masking a valid ID number shown as a value', async () => {
    const file = await xlsx([
      ['楼栋', '单元', '房号', '业主姓名', '手机', '身份证号'],
      ['3', '2', '1101', '张三', '13812345678', '11010519491231002X'],
      ['3', '2', '1102', '', '13812345678', '110105194912310021'],
      ['3', '2', '1103', '李四', '138', '11010519491231002X'],
    ]);
    const p = await preview(file);
    expect(p.problems).toEqual([
      { row: 3, column: '身份证号', message: '身份证号校验位不正确，请核对', value: '110105194912310021', unitCode: '3-2-1102' },
      { row: 3, column: '业主姓名', message: '填了手机或身份证号，但没有业主姓名', value: '', unitCode: '3-2-1102' },
      { row: 4, column: '手机', message: '手机号应为 11 位（这里是 3 位）', value: '138', unitCode: '3-2-1103' },
      { row: 4, column: '身份证号', message: '身份证号与第 2 行的张三相同，姓名却是李四：请核对', value: '110105********002X', unitCode: '3-2-1103' },
    ]);
  });

  it('never tells an officer whose ID number a row’s number is: only roles that may see full numbers get the name on file', async () => {
    const supervisor = await t.operatorWith(['supervisor'], 'zhuguan');
    const asSupervisor = async (name: 'estate.importPreview' | 'estate.importCommit', contentBase64: string) =>
      valueOf<ImportPreview>(await t.run(supervisor, name, { estateId, fileName: '名册.xlsx', contentBase64 }));
    await asSupervisor('estate.importCommit', await xlsx([['楼栋', '房号', '业主姓名', '身份证号'], ['3', '1101', '张三', '11010519491231002X']]));
    const guess = await xlsx([['楼栋', '房号', '业主姓名', '身份证号'], ['9', '901', '王五', '11010519491231002X']]);
    const forOfficer = await preview(guess);
    expect(forOfficer.problems).toEqual([]);
    expect(forOfficer.idNumbersImported).toBe(false);
    expect((await asSupervisor('estate.importPreview', guess)).problems.map((p) => p.message)).toEqual(['身份证号已登记在住户张三名下，姓名却是王五：请核对']);
  });

  it('an officer’s import leaves ID numbers to a supervisor, whose import of the same file adds them', async () => {
    const file = await xlsx([
      ['楼栋', '房号', '业主姓名', '身份证号'],
      ['3', '1101', '张三', '11010519491231002X'],
      ['3', '1102', '李四', '440524198001010013'],
    ]);
    const byOfficer = await commit(file);
    expect(byOfficer.idNumbersImported).toBe(false);
    expect(byOfficer.counts.people).toEqual({ create: 2, update: 0, unchanged: 0 });
    const ids = () => t.app.connection.sqlite.prepare('SELECT name, id_number FROM people ORDER BY name').all();
    expect(ids()).toEqual([
      { name: '张三', id_number: null },
      { name: '李四', id_number: null },
    ]);
    const supervisor = await t.operatorWith(['supervisor'], 'zhuguan');
    const bySupervisor = valueOf<ImportResult>(await t.run(supervisor, 'estate.importCommit', { estateId, fileName: '名册.xlsx', contentBase64: file }));
    expect(bySupervisor.idNumbersImported).toBe(true);
    expect(bySupervisor.counts.people).toEqual({ create: 0, update: 2, unchanged: 0 });
    expect(ids()).toEqual([
      { name: '张三', id_number: '11010519491231002X' },
      { name: '李四', id_number: '440524198001010013' },
    ]);
    // The officer's re-import finds them by unit and name, whatever their numbers.
    expect((await commit(file)).counts.people).toEqual({ create: 0, update: 0, unchanged: 2 });
  });

  it('downloads the rows with problems as .xlsx: the header, the office’s own cells, and a 问题 column', async () => {
    const file = await xlsx([
      ['阳光花园业主名册'],
      ['楼栋', '房号', '业主姓名', '手机', '身份证号'],
      ['3', '101', '张三', '13812345678', '11010519491231002X'],
      ['3', '102', '李四', '138', '110105194912310021'],
      ['3', '', '王五', '', ''],
    ]);
    const out = valueOf<{ fileName: string; contentBase64: string; rows: number }>(
      await t.run(officer, 'estate.importProblems', { estateId, fileName: '名册.xlsx', contentBase64: file }),
    );
    expect(out.fileName).toBe('名册-问题行.xlsx');
    expect(out.rows).toBe(2);
    expect(await readSheet(out.contentBase64)).toEqual([
      ['楼栋', '房号', '业主姓名', '手机', '身份证号', '问题', '原行号'],
      ['3', '102', '李四', '138', '110105194912310021', '手机：手机号应为 11 位（这里是 3 位）；身份证号：身份证号校验位不正确，请核对', '4'],
      ['3', '', '王五', '', '', '房号：房号不能为空', '5'],
    ]);
    // Re-importing the downloaded file (after fixing) reads its header on row 1 and ignores the added columns.
    const again = await preview(out.contentBase64);
    expect(again.headerRow).toBe(1);
    expect(again.problems.map((x) => x.row)).toEqual([2, 2, 3]);
  });
});
