import { QUANTITY_SCALE } from '../../shared/repairs';

/**
 * A quantity as written on the slip ("1.5", "２") → hundredths of a unit (150), the contract's
 * integer; null when it does not read as a positive number with at most two decimals. The
 * inverse of quantityText (shared/repairs.ts).
 */
export function quantityHundredths(text: string | number | null | undefined): number | null {
  const s = String(text ?? '')
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .trim();
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const value = Number(m[1]) * QUANTITY_SCALE + Number((m[2] ?? '').padEnd(2, '0'));
  return value > 0 ? value : null;
}
