import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { fail } from '../../shared/result';
import { IMPORT_MAX_ROWS } from '../../shared/estate-import';

/** A spreadsheet read into text cells: its non-empty rows, with their sheet row numbers. */
export interface SheetText {
  rows: SheetRow[];
}

export interface SheetRow {
  row: number;
  cells: string[];
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel dates are calendar days; exceljs gives them as UTC midnight.
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

/** UTF-8 when it decodes cleanly (with or without BOM), else GB18030 — what Excel in China saves. */
export function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Read the first worksheet of an .xlsx, or a .csv, into text; refuse anything else clearly. */
export async function readRosterFile(fileName: string, bytes: Buffer): Promise<SheetText> {
  const workbook = new ExcelJS.Workbook();
  const isXlsx = bytes.subarray(0, 4).equals(XLSX_MAGIC);
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (isXlsx) {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      sheet = workbook.worksheets[0];
    } else if (/\.csv$/i.test(fileName) && !bytes.subarray(0, 1024).includes(0)) {
      // Keep every cell as typed: exceljs would otherwise turn an 18-digit ID number into a float.
      sheet = await workbook.csv.read(Readable.from([decodeCsv(bytes)]), { map: (value: string) => value, parserOptions: { delimiter: ',' } } as never);
    } else {
      throw fail.validation('文件不是 Excel 表格（.xlsx）或 CSV 文件，请用模板整理后再导入', { contentBase64: '文件类型不支持' });
    }
  } catch (e) {
    if (e instanceof Error && e.name === 'CommandFailure') throw e;
    throw fail.validation('无法读取这个文件：它可能已损坏，或不是 .xlsx / .csv 表格', { contentBase64: '无法读取' });
  }
  if (!sheet || sheet.actualRowCount === 0) throw fail.validation('表格是空的：请把业主名册（楼栋、房号……）放在第一个工作表中', { contentBase64: '表格是空的' });
  if (sheet.actualRowCount - 1 > IMPORT_MAX_ROWS) {
    throw fail.validation(`表格有 ${sheet.actualRowCount - 1} 行，超过一次最多导入的 ${IMPORT_MAX_ROWS} 行，请分成几个文件导入`, {
      contentBase64: '行数过多',
    });
  }

  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]).trim());
    if (cells.some((c) => c !== '')) rows.push({ row: rowNumber, cells });
  });
  return { rows };
}

/**
 * The rows with problems given back to the office as .xlsx: its own header and cells as it wrote
 * them, then 问题 (what to fix) and 原行号 (where the row was), so it can fix them and import again.
 */
export async function problemRowsFile(headers: string[], rows: { row: number; cells: string[]; problems: string }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('问题行');
  const width = Math.max(headers.length, ...rows.map((r) => r.cells.length));
  const own = (cells: string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');
  sheet.addRow([...own(headers), '问题', '原行号']);
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow([...own(r.cells), r.problems, r.row]);
  for (let i = 1; i <= width; i++) {
    // Text format keeps leading zeros and long ID numbers as written.
    sheet.getColumn(i).numFmt = '@';
    sheet.getColumn(i).width = 14;
  }
  sheet.getColumn(width + 1).width = 60;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The template a new office fills in: the header row, one example row, and a sheet of notes. */
export async function rosterTemplate(columns: readonly { label: string; required: boolean }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('业主名册');
  sheet.addRow(columns.map((c) => c.label));
  sheet.addRow(['3', '2', '1101', 11, '89.50', '住宅', '已入住', '张三', '男', '13812345678', '11010519491231002X', '2020-06-01', '']);
  sheet.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.label === '身份证号' ? 22 : 12;
    // Text format keeps leading zeros and long ID numbers intact in Excel.
    sheet.getColumn(i + 1).numFmt = '@';
  });
  const notes = workbook.addWorksheet('填写说明');
  for (const line of [
    '请勿修改列名；表头上方可以保留标题行，列的顺序可以调整，也可以在导入时手动对应列。',
    '楼栋、房号必填；单元可空（没有单元的楼栋）。房屋编号为 楼栋-单元-房号，例如 3-2-1101；楼栋写 3号楼、3栋、A座 也可以。',
    '建筑面积以平方米为单位，最多两位小数。',
    '房屋类型：住宅、商铺、车位、储藏室、办公；状态：未售、空置、已入住、装修中、出租。',
    '一套房屋有多位业主时，每位业主一行，房屋信息重复填写。',
    '身份证号会校验校验位；手机号可带 +86 和空格，固定电话请带区号。重复导入同一个文件不会产生重复记录。',
  ]) {
    notes.addRow([line]);
  }
  notes.getColumn(1).width = 100;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
