/**
 * The owner roster as offices keep it in Excel: the template's columns, the other headers
 * people use for them (for automatic column mapping), and the limits of one import.
 */
export const ROSTER_COLUMNS = [
  { key: 'building', label: '楼栋', required: true, aliases: ['楼号', '栋', '楼栋号', '幢'] },
  { key: 'entrance', label: '单元', required: false, aliases: ['单元号'] },
  { key: 'room', label: '房号', required: true, aliases: ['房间号', '门牌号', '室号', '房屋号'] },
  { key: 'floor', label: '楼层', required: false, aliases: ['层', '所在楼层'] },
  { key: 'area', label: '建筑面积', required: false, aliases: ['面积', '建筑面积(㎡)', '建筑面积（㎡）', '面积(平方米)'] },
  { key: 'type', label: '房屋类型', required: false, aliases: ['类型', '房屋性质', '用途'] },
  { key: 'state', label: '状态', required: false, aliases: ['房屋状态', '入住状态'] },
  { key: 'ownerName', label: '业主姓名', required: false, aliases: ['业主', '姓名', '户主', '客户姓名'] },
  { key: 'gender', label: '性别', required: false, aliases: [] },
  { key: 'mobile', label: '手机', required: false, aliases: ['手机号', '手机号码', '联系电话', '电话', '联系方式'] },
  { key: 'idNumber', label: '身份证号', required: false, aliases: ['身份证', '身份证号码', '证件号', '证件号码'] },
  { key: 'moveInDate', label: '入住日期', required: false, aliases: ['入住时间', '交房日期', '收房日期'] },
  { key: 'notes', label: '备注', required: false, aliases: ['说明'] },
] as const;

export type RosterField = (typeof ROSTER_COLUMNS)[number]['key'];

/** Files larger than this are refused before reading. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** A roster of 20,000 rows is already a very large estate; beyond it the file is refused. */
export const IMPORT_MAX_ROWS = 20_000;

const normalizeHeader = (h: string) => h.replace(/[\s:：*＊]/g, '').toLowerCase();

/** Guess which header of the file holds each template column. */
export function guessMapping(headers: string[]): Partial<Record<RosterField, string>> {
  const mapping: Partial<Record<RosterField, string>> = {};
  const used = new Set<string>();
  for (const col of ROSTER_COLUMNS) {
    const names = [col.label, ...col.aliases].map(normalizeHeader);
    const found = headers.find((h) => !used.has(h) && names.includes(normalizeHeader(h)));
    if (found) {
      mapping[col.key] = found;
      used.add(found);
    }
  }
  return mapping;
}

export interface ImportProblem {
  /** Row number as the spreadsheet shows it (header is row 1). */
  row: number;
  column: string;
  message: string;
}

export interface ImportPreview {
  headers: string[];
  mapping: Partial<Record<RosterField, string>>;
  rows: number;
  validRows: number;
  problems: ImportProblem[];
  units: { create: number; update: number; unchanged: number };
  people: { create: number; update: number; unchanged: number };
  links: number;
}

export interface ImportResult extends ImportPreview {
  imported: boolean;
}
