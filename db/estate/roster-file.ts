import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { CommandFailure, fail } from '../../shared/result';
import { HEADER_SCAN_ROWS, IMPORT_MAX_ROWS } from '../../shared/estate-import';
import { unzipEntry, writeZip, zipEntries } from './zip';

/** A spreadsheet read into text cells: its non-empty rows, with their sheet row numbers. */
export interface SheetText {
  rows: SheetRow[];
}

export interface SheetRow {
  row: number;
  cells: string[];
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * What one uploaded roster may hold. A roster of IMPORT_MAX_ROWS rows is about 10 MB of sheet XML,
 * compressed about ten to one; a file past these is either not a roster or built to exhaust the
 * app (3 million rows in 190 KB, or a sheet that inflates a thousand-fold), and is refused before
 * or while it is read — never parsed whole.
 */
export const ROSTER_FILE_LIMITS = {
  /** Non-empty rows read: the data rows plus the title and header rows above them. */
  rows: IMPORT_MAX_ROWS + HEADER_SCAN_ROWS,
  columns: 200,
  cellChars: 2000,
  sheetBytes: 40 * 1024 * 1024,
  totalBytes: 64 * 1024 * 1024,
  /** Inflated ÷ compressed for any entry over 1 MiB; text compresses ~10:1, only a zip bomb ~1000:1. */
  ratio: 200,
  entries: 2000,
} as const;

/** Stream pieces this large, yielding to the event loop between them, so other commands interleave. */
const CHUNK_BYTES = 64 * 1024;
const YIELD_EVERY_ROWS = 500;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const unreadable = () => fail.validation('无法读取这个文件：它可能已损坏，或不是 .xlsx / .csv 表格', { contentBase64: '无法读取' });
const inflatesTooLarge = () =>
  fail.validation('这个表格解压后过大，不像业主名册：请只保留名册所在的工作表，另存为新的 .xlsx 后再导入', { contentBase64: '文件过大' });
const emptySheet = () => fail.validation('表格是空的：请把业主名册（楼栋、房号……）放在第一个工作表中', { contentBase64: '表格是空的' });
export const tooManyRows = () =>
  fail.validation(`表格的行数超过一次最多导入的 ${IMPORT_MAX_ROWS} 行，请分成几个文件导入`, { contentBase64: '行数过多' });
const tooWide = (row: number) =>
  fail.validation(`第 ${row} 行超过 ${ROSTER_FILE_LIMITS.columns} 列，不像业主名册：请检查文件`, { contentBase64: '列数过多' });
const cellTooLong = (row: number) =>
  fail.validation(`第 ${row} 行有一格超过 ${ROSTER_FILE_LIMITS.cellChars} 个字，不像业主名册：请检查文件`, { contentBase64: '单元格过长' });

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

/**
 * Read the first worksheet of an .xlsx, or a .csv, into text; refuse anything else clearly.
 * Slow on big files, so commands call it in `prepare`, outside their transaction; it streams and
 * yields as it goes, and stops at the first row past ROSTER_FILE_LIMITS.
 */
export async function readRosterFile(fileName: string, bytes: Buffer): Promise<SheetText> {
  const rows: SheetRow[] = [];
  const take = (row: number, cells: string[]) => {
    if (cells.length > ROSTER_FILE_LIMITS.columns) throw tooWide(row);
    if (cells.some((c) => c.length > ROSTER_FILE_LIMITS.cellChars)) throw cellTooLong(row);
    if (!cells.some((c) => c !== '')) return;
    if (rows.length >= ROSTER_FILE_LIMITS.rows) throw tooManyRows();
    rows.push({ row, cells });
  };
  try {
    if (bytes.subarray(0, 4).equals(XLSX_MAGIC)) await readFirstSheet(bytes, take);
    else if (/\.csv$/i.test(fileName) && !bytes.subarray(0, 1024).includes(0)) await readCsv(decodeCsv(bytes), take);
    else throw fail.validation('文件不是 Excel 表格（.xlsx）或 CSV 文件，请用模板整理后再导入', { contentBase64: '文件类型不支持' });
  } catch (e) {
    if (e instanceof CommandFailure) throw e;
    throw unreadable();
  }
  if (!rows.length) throw emptySheet();
  return { rows };
}

/** An uploaded roster as the import commands receive it (base64, as JSON carries it). */
export function readRosterUpload(upload: { fileName: string; contentBase64: string }): Promise<SheetText> {
  return readRosterFile(upload.fileName, Buffer.from(upload.contentBase64, 'base64'));
}

type TakeRow = (row: number, cells: string[]) => void;

/**
 * The .xlsx's first worksheet, row by row. The zip's directory is checked against the caps first;
 * then the few entries the reader needs are inflated (each stopped at its declared size) and
 * re-packed uncompressed in the order exceljs's streaming reader wants them — relationships,
 * workbook, styles (dates), shared strings, then that one sheet — so it never spills to disk.
 */
async function readFirstSheet(bytes: Buffer, take: TakeRow): Promise<void> {
  const entries = zipEntries(bytes);
  if (!entries || entries.length > ROSTER_FILE_LIMITS.entries) throw unreadable();
  let total = 0;
  for (const e of entries) {
    total += e.size;
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/.test(e.name);
    if ((sheet && e.size > ROSTER_FILE_LIMITS.sheetBytes) || (e.size > 1024 * 1024 && e.size > e.compressedSize * ROSTER_FILE_LIMITS.ratio)) {
      throw inflatesTooLarge();
    }
  }
  if (total > ROSTER_FILE_LIMITS.totalBytes) throw inflatesTooLarge();

  const byName = new Map(entries.map((e) => [e.name, e]));
  const inflate = async (name: string): Promise<Buffer | null> => {
    const entry = byName.get(name);
    if (!entry) return null;
    const data = await unzipEntry(bytes, entry);
    if (!data) throw unreadable();
    return data;
  };
  const rels = await inflate('xl/_rels/workbook.xml.rels');
  const workbook = await inflate('xl/workbook.xml');
  if (!rels || !workbook) throw unreadable();
  const sheet = await inflate(firstSheetPath(workbook.toString('utf8'), rels.toString('utf8')) ?? '');
  if (!sheet) throw emptySheet();
  const files = [
    { name: 'xl/_rels/workbook.xml.rels', data: rels },
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/styles.xml', data: await inflate('xl/styles.xml') },
    // Without shared strings the streaming reader would park the sheet in a temp file first.
    { name: 'xl/sharedStrings.xml', data: (await inflate('xl/sharedStrings.xml')) ?? Buffer.from('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>') },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
  ].filter((f): f is { name: string; data: Buffer } => f.data !== null);
  const repacked = writeZip(files);
  async function* pieces() {
    for (let at = 0; at < repacked.length; at += CHUNK_BYTES) {
      yield repacked.subarray(at, at + CHUNK_BYTES);
      await nextTurn();
    }
  }

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(pieces()), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let read = 0;
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      const values = row.values as ExcelJS.CellValue[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]).trim());
      take(row.number, cells);
      if (++read % YIELD_EVERY_ROWS === 0) await nextTurn();
    }
    break; // the first worksheet only
  }
}

/** The zip path of the workbook's first sheet (in tab order), from workbook.xml and its relationships. */
function firstSheetPath(workbookXml: string, relsXml: string): string | null {
  const attributes = (tag: string) => new Map([...tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  const sheet = /<(?:\w+:)?sheet\b[^>]*>/.exec(workbookXml);
  if (!sheet) return null;
  const id = [...attributes(sheet[0])].find(([k]) => /^(?:\w+:)?id$/.test(k))?.[1];
  for (const rel of relsXml.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const a = attributes(rel);
    if (a.get('Id') !== id) continue;
    const target = a.get('Target') ?? '';
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  return null;
}

/**
 * CSV records as RFC 4180 has them (quoted cells may hold commas, quotes and line breaks), every
 * cell kept as typed — an 18-digit ID number stays text. Row numbers count records, as a
 * spreadsheet program shows them.
 */
async function readCsv(text: string, take: TakeRow): Promise<void> {
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let row = 1;
  const endCell = () => {
    if (cell.length > ROSTER_FILE_LIMITS.cellChars) throw cellTooLong(row);
    cells.push(cell.trim());
    cell = '';
    if (cells.length > ROSTER_FILE_LIMITS.columns) throw tooWide(row);
  };
  const endRow = async () => {
    endCell();
    take(row, cells);
    cells = [];
    if (row++ % YIELD_EVERY_ROWS === 0) await nextTurn();
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') cell += text[++i];
      else quoted = false;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n') await endRow();
    else if (ch === '\r') {
      if (text[i + 1] === '\n') i++;
      await endRow();
    } else cell += ch;
  }
  if (cell !== '' || cells.length) await endRow();
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
