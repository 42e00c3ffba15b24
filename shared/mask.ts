/**
 * Personal data as every list, search result, export and printout shows it.
 * ID numbers keep the region (first 6) and the last 4: enough to tell two people apart at the
 * counter, not enough to misuse.
 */
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return '';
  const s = id.trim();
  if (s.length <= 8) return s.length <= 2 ? '*'.repeat(s.length) : s[0] + '*'.repeat(s.length - 2) + s[s.length - 1];
  return s.slice(0, 6) + '*'.repeat(s.length - 10) + s.slice(-4);
}

/** 13812345678 → 138****5678 */
export function maskMobile(mobile: string | null | undefined): string {
  if (!mobile) return '';
  const s = mobile.trim();
  if (s.length < 7) return s.replace(/.(?=.{2})/g, '*');
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4);
}
