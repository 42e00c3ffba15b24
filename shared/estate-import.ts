/**
 * The owner roster as offices keep it in Excel: the template's columns, the other headers
 * people use for them (for automatic column mapping), and the limits of one import.
 */
export const ROSTER_COLUMNS = [
  { key: 'building', label: '楼栋', required: true, aliases: ['楼号', '栋', '楼栋号', '幢'] },
  { key: 'entrance', label: '单元', required: false, aliases: ['单元号'] },
  { key: 'room', label: '房号', required: true, aliases: ['房间号', '门牌号', '室号', '房屋号'] },
  { key: 'floor', label: '楼层', required: false, aliases: ['层', '所在楼层'] },
  // Units and notes in headers ("面积(㎡)", "面积/平方米") are dropped before comparing: see normalizeHeader.
  { key: 'area', label: '建筑面积', required: false, aliases: ['面积', '房屋面积', '产权面积'] },
  { key: 'type', label: '房屋类型', required: false, aliases: ['类型', '房屋性质', '用途'] },
  { key: 'state', label: '状态', required: false, aliases: ['房屋状态', '入住状态'] },
  { key: 'ownerName', label: '业主姓名', required: false, aliases: ['业主', '姓名', '户主', '客户姓名', '产权人'] },
  { key: 'gender', label: '性别', required: false, aliases: [] },
  { key: 'mobile', label: '手机', required: false, aliases: ['手机号', '手机号码', '联系电话', '电话', '联系方式', '移动电话'] },
  { key: 'idNumber', label: '身份证号', required: false, aliases: ['身份证', '身份证号码', '证件号', '证件号码'] },
  { key: 'moveInDate', label: '入住日期', required: false, aliases: ['入住时间', '交房日期', '收房日期'] },
  { key: 'notes', label: '备注', required: false, aliases: ['说明'] },
] as const;

export type RosterField = (typeof ROSTER_COLUMNS)[number]['key'];

/** Files larger than this are refused before reading. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** A roster of 20,000 rows is already a very large estate; beyond it the file is refused. */
export const IMPORT_MAX_ROWS = 20_000;

/** The header is looked for among this many non-empty rows at the top of the sheet (titles, notes, blank rows above it). */
export const HEADER_SCAN_ROWS = 10;

/**
 * A header as the guesser compares it: full-width folded, units and notes dropped —
 * "面积(㎡)", "建筑面积（m²）", "面积/平方米", "手机号码【必填】" → 面积, 建筑面积, 面积, 手机号码.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
    .replace(/\/.*$/, '')
    .replace(/[\s:*]/g, '')
    .toLowerCase();
}

/** Guess which header of the file holds each template column. */
export function guessMapping(headers: string[]): Partial<Record<RosterField, string>> {
  const mapping: Partial<Record<RosterField, string>> = {};
  const used = new Set<string>();
  for (const col of ROSTER_COLUMNS) {
    const names = [col.label, ...col.aliases].map(normalizeHeader);
    const found = headers.find((h) => h && !used.has(h) && names.includes(normalizeHeader(h)));
    if (found) {
      mapping[col.key] = found;
      used.add(found);
    }
  }
  return mapping;
}

export const REQUIRED_FIELDS = ROSTER_COLUMNS.filter((c) => c.required).map((c) => c.key);

export interface ImportProblem {
  /** Row number as the spreadsheet shows it. */
  row: number;
  column: string;
  message: string;
  /** The cell as written; a valid ID number is masked (the list is on screen). */
  value: string;
  /** The row's unit code when its building and room could be read, else ''. */
  unitCode: string;
}

/** A row that adds nothing of its own: folded into an earlier row, and said so. */
export interface ImportMerge {
  row: number;
  into: number;
  unitCode: string;
  owner: string;
  /** same_row: every cell equal; same_owner: the same unit and owner again (its blanks or extra details folded in). */
  why: 'same_row' | 'same_owner';
}

/** What an import writes (or, in the preview, would write), counted as it is written. */
export interface ImportCounts {
  buildings: number;
  units: { create: number; update: number; unchanged: number };
  people: { create: number; update: number; unchanged: number };
  links: { create: number; unchanged: number };
}

export interface ImportPreview {
  /** The sheet row read as the header (found by itself, or chosen). */
  headerRow: number;
  /** The first non-empty rows, for choosing another header row. */
  headerCandidates: { row: number; text: string }[];
  headers: string[];
  mapping: Partial<Record<RosterField, string>>;
  /** The mapping came (partly) from the one set by hand for a file with these headers. */
  mappingRemembered: boolean;
  /** Required columns no header is mapped to: the rows cannot be read until they are. */
  missing: RosterField[];
  /** Data rows below the header. */
  rows: number;
  validRows: number;
  problems: ImportProblem[];
  merged: ImportMerge[];
  counts: ImportCounts;
  /**
   * false: the operator may not see full ID numbers, so their import neither saves ID numbers
   * nor compares them with those on file (that would tell them whose a number is); a supervisor
   * imports the same file to add them.
   */
  idNumbersImported: boolean;
}

export interface ImportResult extends ImportPreview {
  imported: boolean;
}

export const changesNothing = (c: ImportCounts): boolean =>
  c.buildings + c.units.create + c.units.update + c.people.create + c.people.update + c.links.create === 0;
