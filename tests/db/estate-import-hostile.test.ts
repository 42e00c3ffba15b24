/**
 * Issue #10 item 11: a roster file built to exhaust the app (millions of rows in a small .xlsx, a
 * sheet that inflates a thousand-fold, a zip that lies about its sizes) is refused with a Chinese
 * message and nothing written — and while it is being refused, other operators' commands answer.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRosterFile } from '../../db/estate/roster-file';
import { writeZip, zipEntries } from '../../db/estate/zip';
import { createEstateApp, expectError, type TestApp } from '../support/app';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEADER_ROW = `<row r="1"><c r="A1" t="inlineStr"><is><t>楼栋</t></is></c><c r="B1" t="inlineStr"><is><t>房号</t></is></c><c r="C1" t="inlineStr"><is><t>业主姓名</t></is></c></row>`;

/** A minimal .xlsx around the given sheets' XML (tab order as listed), deflated like a real one. */
function workbook(sheets: { name: string; path: string; xml: Buffer | string }[]): Buffer {
  return writeZip(
    [
      {
        name: '[Content_Types].xml',
        data: Buffer.from(
          `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
        ),
      },
      { name: '_rels/.rels', data: Buffer.from(`<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
      {
        name: 'xl/workbook.xml',
        data: Buffer.from(
          `<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
        ),
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: Buffer.from(
          `<Relationships xmlns="${RELS}">${sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${DOC_RELS}/worksheet" Target="${s.path}"/>`).join('')}</Relationships>`,
        ),
      },
      // In the zip in file-name order, not tab order.
      ...[...sheets]
        .sort((a, b) => a.path.localeCompare(b.path))
        .map((s) => ({ name: `xl/${s.path}`, data: typeof s.xml === 'string' ? Buffer.from(s.xml) : s.xml })),
    ],
    { deflate: true },
  );
}

const sheetXml = (rows: string | Buffer) =>
  Buffer.concat([Buffer.from(`<worksheet xmlns="${MAIN}"><sheetData>${HEADER_ROW}`), Buffer.from(rows), Buffer.from('</sheetData></worksheet>')]);
const oneSheet = (rows: string | Buffer) => workbook([{ name: '名册', path: 'worksheets/sheet1.xml', xml: sheetXml(rows) }]);

/** 3 million rows in a few hundred KB: the same row repeated compresses about a thousand-fold. */
function threeMillionRows(): Buffer {
  const row = '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>101</v></c><c r="C2"><v>1</v></c></row>';
  return oneSheet(Buffer.alloc(row.length * 3_000_000, row));
}

/** Rows numbered one by one: 200,000 of them, about 20 MB of sheet XML in a 2.5 MB file — within the size caps. */
function manyDistinctRows(count: number): Buffer {
  const parts: string[] = [];
  for (let n = 2; n < count + 2; n++) parts.push(`<row r="${n}"><c r="A${n}"><v>1</v></c><c r="B${n}"><v>${n}</v></c><c r="C${n}"><v>1</v></c></row>`);
  return oneSheet(parts.join(''));
}

describe('a hostile roster file', () => {
  let t: TestApp;
  let officer: string;
  let receptionist: string;
  let estateId: number;
  beforeAll(async () => {
    const office = await createEstateApp({ kefu: ['officer'], qiantai: ['receptionist'] });
    ({ t, estateId } = office);
    ({ kefu: officer, qiantai: receptionist } = office.tokens);
  });
  afterAll(() => t.close());

  const counts = () =>
    t.app.connection.sqlite
      .prepare('SELECT (SELECT count(*) FROM units) units, (SELECT count(*) FROM people) people, (SELECT count(*) FROM audit_log) audits, (SELECT count(*) FROM roster_mappings) mappings')
      .get();

  /**
   * Upload `file` as the officer and, until it answers, keep running another operator's command:
   * each must answer within a second (the upload may not hold the database or the event loop).
   */
  async function uploadWhileOthersWork(command: 'estate.importPreview' | 'estate.importCommit', file: Buffer) {
    let finished = false;
    const upload = t.run(officer, command, { estateId, fileName: 'roster.xlsx', contentBase64: file.toString('base64') }).finally(() => (finished = true));
    const waits: number[] = [];
    do {
      const started = performance.now();
      expect((await t.run(receptionist, 'auth.session', {})).ok).toBe(true);
      waits.push(performance.now() - started);
      // Like requests arriving over HTTP or IPC: the next one comes in a later turn of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
    } while (!finished);
    return { answer: await upload, slowest: Math.max(...waits) };
  }

  it('3 million rows in a small .xlsx: refused before parsing, in Chinese, nothing written — others keep working', async () => {
    const file = threeMillionRows();
    expect(file.length).toBeLessThan(1024 * 1024);
    const before = counts();
    for (const command of ['estate.importPreview', 'estate.importCommit'] as const) {
      const { answer, slowest } = await uploadWhileOthersWork(command, file);
      const error = expectError(answer);
      expect(error.kind).toBe('validation');
      expect(error.message).toMatch(/解压后过大/);
      expect(slowest).toBeLessThan(1000);
    }
    expect(counts()).toEqual(before);
  });

  it('a file within the size caps but past the row limit stops at the limit while streaming; others keep working', async () => {
    const file = manyDistinctRows(200_000);
    const before = counts();
    const { answer, slowest } = await uploadWhileOthersWork('estate.importCommit', file);
    expect(expectError(answer)).toMatchObject({ kind: 'validation', message: expect.stringMatching(/超过一次最多导入的 20000 行/) });
    expect(slowest).toBeLessThan(1000);
    expect(counts()).toEqual(before);
  });

  it('a zip bomb (a tiny file whose sheet inflates past the cap) is refused from its directory, before parsing', async () => {
    // 50 MB of one row's worth of blanks: about 50 KB compressed.
    const bomb = oneSheet(Buffer.alloc(50 * 1024 * 1024, ' '));
    expect(bomb.length).toBeLessThan(200 * 1024);
    const before = counts();
    expect(expectError(await t.run(officer, 'estate.importPreview', { estateId, fileName: 'x.xlsx', contentBase64: bomb.toString('base64') })).message).toMatch(/解压后过大/);
    expect(counts()).toEqual(before);
  });

  it('a zip that lies about its sizes is refused once the sheet inflates past what it declared', async () => {
    const honest = oneSheet(Buffer.alloc(30 * 1024 * 1024, ' '));
    const liar = Buffer.from(honest);
    // Rewrite the sheet's uncompressed size in the central directory to 4 KB (ratio and size look harmless).
    const sheet = zipEntries(liar)!.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const directory = liar.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml')) - 46;
    expect(liar.readUInt32LE(directory + 24)).toBe(sheet.size);
    liar.writeUInt32LE(4096, directory + 24);
    const before = counts();
    expect(expectError(await t.run(officer, 'estate.importPreview', { estateId, fileName: 'x.xlsx', contentBase64: liar.toString('base64') })).message).toMatch(/无法读取/);
    expect(counts()).toEqual(before);
  });

  it('refuses a row with hundreds of columns, or a cell of thousands of characters', async () => {
    const wide = oneSheet(`<row r="2">${Array.from({ length: 300 }, (_, i) => `<c r="${columnName(i + 1)}2"><v>1</v></c>`).join('')}</row>`);
    expect(expectError(await t.run(officer, 'estate.importPreview', { estateId, fileName: 'x.xlsx', contentBase64: wide.toString('base64') })).message).toMatch(/第 2 行超过 200 列/);
    const long = oneSheet(`<row r="2"><c r="A2" t="inlineStr"><is><t>${'长'.repeat(5000)}</t></is></c></row>`);
    expect(expectError(await t.run(officer, 'estate.importPreview', { estateId, fileName: 'x.xlsx', contentBase64: long.toString('base64') })).message).toMatch(/第 2 行有一格超过 2000 个字/);
    const csvWide = Buffer.from(['楼栋,房号', Array.from({ length: 300 }, () => '1').join(',')].join('\r\n'));
    expect(expectError(await t.run(officer, 'estate.importPreview', { estateId, fileName: 'x.csv', contentBase64: csvWide.toString('base64') })).message).toMatch(/第 2 行超过 200 列/);
  });
});

describe('reading a roster file as before', () => {
  it('reads shared strings, rich text, dates, formulas and links from the first sheet as text', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('名册');
    wb.addWorksheet('填写说明').addRow(['不是名册']);
    sheet.addRow(['楼栋', '房号', '业主姓名', '入住日期', '备注', '面积']);
    sheet.addRow(['3', 1101, { richText: [{ text: '张' }, { font: { bold: true }, text: '三' }] }, new Date(Date.UTC(2020, 5, 1)), { formula: '"共"&"有"', result: '共有' }, 89.5]);
    sheet.addRow([]);
    sheet.addRow(['3', '1102', { text: '李四', hyperlink: 'http://example.com' }, '', { formula: '1+1', result: 2 }, '  120 ']);
    sheet.getCell('D2').numFmt = 'yyyy-mm-dd';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await readRosterFile('名册.xlsx', bytes)).toEqual({
      rows: [
        { row: 1, cells: ['楼栋', '房号', '业主姓名', '入住日期', '备注', '面积'] },
        { row: 2, cells: ['3', '1101', '张三', '2020-06-01', '共有', '89.5'] },
        { row: 4, cells: ['3', '1102', '李四', '', '2', '120'] },
      ],
    });
  });

  it('reads a roster of the largest size taken (20,000 rows under a header) whole', async () => {
    const rows: string[] = [];
    for (let n = 2; n <= 20_001; n++) rows.push(`<row r="${n}"><c r="A${n}"><v>${n % 30}</v></c><c r="B${n}"><v>${1000 + n}</v></c><c r="C${n}" t="inlineStr"><is><t>业主${n}</t></is></c></row>`);
    const sheet = await readRosterFile('x.xlsx', oneSheet(rows.join('')));
    expect(sheet.rows).toHaveLength(20_001);
    expect(sheet.rows.at(-1)).toEqual({ row: 20_001, cells: ['21', '21001', '业主20001'] });
  });

  it('takes the first sheet in tab order, whatever its file is called or where it sits in the zip', async () => {
    const roster = sheetXml('<row r="2"><c r="A2"><v>3</v></c><c r="B2"><v>1101</v></c><c r="C2" t="inlineStr"><is><t>张三</t></is></c></row>');
    const notes = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row></sheetData></worksheet>`;
    const file = workbook([
      { name: '名册', path: 'worksheets/roster.xml', xml: roster },
      { name: '说明', path: 'worksheets/sheet1.xml', xml: notes },
    ]);
    expect((await readRosterFile('x.xlsx', file)).rows.map((r) => r.cells)).toEqual([
      ['楼栋', '房号', '业主姓名'],
      ['3', '1101', '张三'],
    ]);
  });

  it('reads CSV cells as typed: quotes, commas and line breaks inside quotes, blank lines counted', async () => {
    const text = '\uFEFF楼栋,房号,身份证号,备注\r\n3,0101,11010519491231002X,"有""引号"",逗号\n和换行"\r\n\r\n5,102,,\n';
    expect(await readRosterFile('x.csv', Buffer.from(text))).toEqual({
      rows: [
        { row: 1, cells: ['楼栋', '房号', '身份证号', '备注'] },
        { row: 2, cells: ['3', '0101', '11010519491231002X', '有"引号",逗号\n和换行'] },
        { row: 4, cells: ['5', '102', '', ''] },
      ],
    });
  });
});

function columnName(n: number): string {
  let name = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
