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

export const DEFAULT_DEPARTMENTS = ['客服部', '工程部', '秩序部', '环境部', '销售部', '财务部'] as const;

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

/**
 * Read a unit code the way people type it at the counter: `3-2-1101`, `3 2 1101`, `3/2/1101`,
 * `3栋2单元1101`, or without the entrance `3-1101`. Returns null when it does not look like one.
 */
export function parseUnitCode(text: string): UnitCodeQuery | null {
  const cleaned = text
    .trim()
    .replace(/[号室房]$/u, '')
    .replace(/[栋幢座#]|单元/gu, '-')
    .replace(/[\s/\\_－—.]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  const parts = cleaned.split('-');
  if (!parts.every((p) => /^[0-9A-Za-z]{1,8}$/.test(p))) return null;
  if (parts.length === 3) return { building: parts[0]!.toUpperCase(), entrance: parts[1]!.toUpperCase(), room: parts[2]!.toUpperCase() };
  if (parts.length === 2) return { building: parts[0]!.toUpperCase(), entrance: null, room: parts[1]!.toUpperCase() };
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
