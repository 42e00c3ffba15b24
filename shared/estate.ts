/** The estate's vocabulary: stored keys and the Chinese words the office uses. */
export const UNIT_TYPES = ['residential', 'shop', 'parking', 'storage', 'office'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];
export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  residential: '住宅',
  shop: '商铺',
  parking: '车位',
  storage: '储藏室',
  office: '办公',
};

export const UNIT_STATES = ['unsold', 'vacant', 'occupied', 'renovating', 'let'] as const;
export type UnitState = (typeof UNIT_STATES)[number];
export const UNIT_STATE_LABELS: Record<UnitState, string> = {
  unsold: '未售',
  vacant: '空置',
  occupied: '已入住',
  renovating: '装修中',
  let: '出租',
};

export const LINK_ROLES = ['owner', 'family', 'tenant', 'agent'] as const;
export type LinkRole = (typeof LINK_ROLES)[number];
export const LINK_ROLE_LABELS: Record<LinkRole, string> = {
  owner: '业主',
  family: '家庭成员',
  tenant: '租户',
  agent: '代理人',
};

export const ID_TYPES = ['resident_id', 'hk_macao_permit', 'taiwan_permit', 'passport', 'foreign_permanent', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABELS: Record<IdType, string> = {
  resident_id: '居民身份证',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  passport: '护照',
  foreign_permanent: '外国人永久居留身份证',
  other: '其他证件',
};

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

/** Find a key by its Chinese label (import files carry labels); also accepts the key itself. */
export function keyForLabel<K extends string>(labels: Record<K, string>, text: string): K | null {
  const t = text.trim();
  for (const [key, label] of Object.entries(labels) as [K, string][]) if (label === t || key === t) return key;
  return null;
}

/** `楼栋-单元-房号`, e.g. 3-2-1101; a building without entrances gives `3-1101`. */
export function unitCode(building: string, entrance: string, room: string): string {
  return entrance ? `${building}-${entrance}-${room}` : `${building}-${room}`;
}

export interface UnitCodeQuery {
  building: string;
  entrance: string | null;
  room: string;
}

const CJK_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十一 → 21, 一〇一 → 101; anything else is left as written. */
function cjkNumber(run: string): string {
  const tens = /^([一二两三四五六七八九]?)十([一二三四五六七八九]?)$/u.exec(run);
  if (tens) return String((tens[1] ? CJK_DIGITS[tens[1]]! : 1) * 10 + (tens[2] ? CJK_DIGITS[tens[2]]! : 0));
  if (run.includes('十')) return run;
  return [...run].map((c) => CJK_DIGITS[c]).join('');
}

/**
 * How offices write where a unit is — "1号楼2单元1101室", "一号楼", "A座", "3#", "第3栋",
 * "３－２－１１０１" — as the dash-separated parts of its code ("1-2-1101", "1-", "A-", "3-").
 * A building or entrance word ending the text leaves a trailing dash: "3号楼" is the start of
 * every code in building 3. The one reading behind the import, the forms and the counter search.
 */
export function unitCodePrefix(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .toUpperCase()
    .replace(/[〇零一二两三四五六七八九十]+/gu, cjkNumber)
    .replace(/第(?=[0-9A-Z])/gu, '')
    .replace(/[号室房]$/u, '')
    .replace(/号楼|#楼|单元|[栋幢座#号]/gu, '-')
    .replace(/[\s/\\_.—–]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-/, '');
}

const codeParts = (text: string) => unitCodePrefix(text).replace(/-$/, '').split('-');
const BUILDING_PART = /^[0-9A-Z]{1,6}$/;
const CODE_PART = /^[0-9A-Z]{1,8}$/;

export interface BuildingReading {
  building: string;
  /** "1号楼2单元" carries its entrance too. */
  entrance: string | null;
  /** The office's own name for it when it wrote one ("1号楼", "A座"), else "1栋". */
  name: string;
}

export const BUILDING_CODE_HELP = '楼栋应写成 3、3号楼、3栋、3幢、A座 或 3#';
export const ENTRANCE_CODE_HELP = '单元应写成 2 或 2单元（只能是数字或字母）';

/** "1号楼", "1栋", "1幢", "A座", "一号楼", "3#", "第3栋", "1号楼2单元" → the building code (and entrance); null if not a building. */
export function readBuildingCode(text: string): BuildingReading | null {
  const parts = codeParts(text);
  const withEntrance = parts.length === 2 && text.includes('单元');
  if (!(parts.length === 1 || withEntrance) || !BUILDING_PART.test(parts[0]!)) return null;
  if (withEntrance && !CODE_PART.test(parts[1]!)) return null;
  const written = /^(.*?(?:号楼|栋|幢|座))/u.exec(text.normalize('NFKC').replace(/\s+/g, ''))?.[1];
  return { building: parts[0]!, entrance: withEntrance ? parts[1]! : null, name: written ? written.toUpperCase() : `${parts[0]}栋` };
}

/** "2", "2单元", "二单元", "第2单元" → "2"; blank → ""; null if not an entrance. */
export function readEntranceCode(text: string): string | null {
  if (!text.trim()) return '';
  const parts = codeParts(text);
  return parts.length === 1 && CODE_PART.test(parts[0]!) ? parts[0]! : null;
}

/**
 * Read a unit code the way people type it at the counter: `3-2-1101`, `3 2 1101`, `3/2/1101`,
 * `3栋2单元1101`, `一号楼二单元1101室`, or without the entrance `3-1101`, `A座1101`.
 * Returns null when it does not look like one.
 */
export function parseUnitCode(text: string): UnitCodeQuery | null {
  const parts = codeParts(text);
  if (!parts.every((p) => CODE_PART.test(p))) return null;
  if (parts.length === 3) return { building: parts[0]!, entrance: parts[1]!, room: parts[2]! };
  if (parts.length === 2) return { building: parts[0]!, entrance: null, room: parts[1]! };
  return null;
}

/** 8950 (0.01 m²) → "89.50". Areas never pass through floating point. */
export function formatAreaDm2(dm2: number | null | undefined): string {
  if (dm2 === null || dm2 === undefined) return '';
  return `${Math.trunc(dm2 / 100)}.${String(dm2 % 100).padStart(2, '0')}`;
}

/** "89.5", "89.50㎡", "89.5 平方米" → 8950; '' → null; anything else → 'invalid'. */
export function parseAreaDm2(text: string): number | 'invalid' | null {
  const t = text.replace(/[㎡\s]|平方米|平米|m2|m²/gi, '');
  if (!t) return null;
  const m = /^(\d{1,5})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return 'invalid';
  const value = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return value >= 1 && value <= 1_000_000 ? value : 'invalid';
}
