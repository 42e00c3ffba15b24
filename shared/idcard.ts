import { officeDayOf } from './office-time';

/**
 * 居民身份证号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence, and a
 * check character from ISO 7064 MOD 11-2. The check catches nearly every mistyped number.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export type IdCardProblem =
  | 'length'
  | 'characters'
  | 'region'
  | 'birth_date_no_such_day'
  | 'birth_date_future'
  | 'birth_date_before_1900'
  | 'check_digit';

/**
 * Each problem says what to check. Birth dates before 1900 are refused: the holder would be over
 * 125 — nobody living — so such a date is a mistyped year (1895 for 1985), not an old owner.
 */
export const ID_CARD_PROBLEMS: Record<IdCardProblem, string> = {
  length: '身份证号应为 18 位',
  characters: '身份证号只能是数字，最后一位可以是 X',
  region: '身份证号的地区码不正确',
  birth_date_no_such_day: '身份证号中的出生日期不存在（第 7–14 位的年月日），请核对',
  birth_date_future: '身份证号中的出生日期晚于今天，请核对',
  birth_date_before_1900: '身份证号中的出生日期早于 1900 年：不会是在世的人，多为年份输错，请核对',
  check_digit: '身份证号校验位不正确，请核对',
};

/** null when valid; otherwise what is wrong. `today` bounds the birth date. */
export function checkIdCard(raw: string, today: Date = new Date()): IdCardProblem | null {
  const id = raw.trim().toUpperCase();
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'characters';
  if (!/^[1-8]\d{5}$/.test(id.slice(0, 6))) return 'region';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return 'birth_date_no_such_day';
  if (y < 1900) return 'birth_date_before_1900';
  // Birth dates are calendar days: compare with the office's today, not the current instant.
  if (id.slice(6, 14) > officeDayOf(today).replace(/-/g, '')) return 'birth_date_future';
  if (idCheckCharacter(id.slice(0, 17)) !== id[17]) return 'check_digit';
  return null;
}

export function normalizeIdCard(raw: string): string {
  return raw.trim().toUpperCase();
}
