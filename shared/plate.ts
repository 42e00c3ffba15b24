import { z } from 'zod';

/**
 * Vehicle plates (车牌号) as the office writes them: a province's character, the issuing city's
 * letter, then 5 letters/digits (6 for new-energy plates). Typed with spaces, dots or dashes
 * (粤B·12345, 粤b 12345) and stored without them, upper case. One rule for the estate's vehicle
 * register and the goods-release pass's vehicle at the gate.
 */
export const PLATE_PATTERN = /^[\u4e00-\u9fa5][A-Z][A-Z0-9]{5,6}$/;
export const PLATE_MESSAGE = '车牌号格式不正确（例：粤B12345）';

/** 粤b·12345 → 粤B12345 (not checked). */
export function normalizePlate(raw: string): string {
  return raw.trim().toUpperCase().replace(/[\s·•-]/g, '');
}

export function isPlate(raw: string): boolean {
  return PLATE_PATTERN.test(normalizePlate(raw));
}

/** The plate as a command's input: normalised, then checked. */
export const plateNumber = z.string().trim().max(12).transform(normalizePlate).pipe(z.string().regex(PLATE_PATTERN, PLATE_MESSAGE));
