/**
 * Personal data as every list, search result, export and printout shows it.
 * ID numbers keep the region (first 6) and the last 4: enough to tell two people apart at the
 * counter, not enough to misuse.
 */
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return '';
  const s = id.trim();
  if (s.length >= 15) return s.slice(0, 6) + '*'.repeat(s.length - 10) + s.slice(-4);
  // Passports and permits are short: keep only the first and the last two characters.
  if (s.length >= 5) return s[0] + '*'.repeat(s.length - 3) + s.slice(-2);
  return '*'.repeat(s.length);
}

/** 13812345678 → 138****5678 */
export function maskMobile(mobile: string | null | undefined): string {
  if (!mobile) return '';
  const s = mobile.trim();
  if (s.length < 7) return s.replace(/.(?=.{2})/g, '*');
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4);
}
