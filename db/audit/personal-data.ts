import { maskIdNumber, maskMobile } from '../../shared/mask';

// Digits standing alone (no letter or digit either side), so JD202611290015 or a timestamp is left be.
const ID_NUMBER = /(?<![\dA-Za-z])(?:\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/g;
const MOBILE = /(?<![\dA-Za-z])1[3-9]\d{9}(?![\dA-Za-z])/g;
const LANDLINE = /(?<![\dA-Za-z])0\d{2,3}-?\d{7,8}(?![\dA-Za-z])/g;
const ID_KEY = /id_?number/i;
const PHONE_KEY = /mobile|phone/i;

function maskText(key: string | null, s: string): string {
  if (key !== null && ID_KEY.test(key)) return maskIdNumber(s);
  if (key !== null && PHONE_KEY.test(key)) return maskMobile(s);
  // Free text (an entry's content, a reason) can carry a number too.
  return s.replace(ID_NUMBER, maskIdNumber).replace(MOBILE, maskMobile).replace(LANDLINE, maskMobile);
}

/**
 * What an audit row stored before/after, as the log shows it: every ID number and phone number
 * masked, whether under its own field (idNumber, mobile, contact_phone…) or typed into free text.
 * The stored row is never changed; the log is read by supervisors, who have no need of them.
 */
export function maskPersonalData(value: unknown, key: string | null = null): unknown {
  if (typeof value === 'string') return maskText(key, value);
  if (Array.isArray(value)) return value.map((v) => maskPersonalData(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskPersonalData(v, k)]));
  }
  return value;
}
