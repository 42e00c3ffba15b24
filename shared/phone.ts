import { z } from 'zod';

/**
 * Phone numbers as people write them — on the person form, in the staff directory, at the
 * counter and in an office's Excel roster — read into one stored form:
 * - mainland mobiles as their 11 digits ("+86 138 1234 5678", "138-1234-5678", "１３８…" → 13812345678);
 * - landlines with their area code as `区号-号码`, an extension as `转分机`
 *   ("021-6488 1234" → 021-64881234, "0755-8888 1234 转 801" → 0755-88881234转801).
 * Reading a stored number again gives it back unchanged. Anything else is refused with a
 * message saying what to check; blank is "no number".
 */
export type PhoneReading = { ok: true; kind: 'mobile' | 'landline'; number: string } | { ok: false; message: string };

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export const PHONE_PROBLEMS = {
  characters: '电话只能包含数字，可带 +86、区号和分机（如 021-6488 1234 转 801）',
  mobileLength: (n: number) => `手机号应为 11 位（这里是 ${n} 位）`,
  mobileSecondDigit: '手机号第二位应为 3–9',
  needsAreaCode: '固定电话请带区号，如 021-6488 1234',
  landlineLength: '固定电话号码应为 7 或 8 位（区号之后）',
  neither: '不是手机号，也不是带区号的固定电话',
} as const;

/** Longest text accepted where a phone is typed (spaces, +86 and an extension included). */
export const PHONE_INPUT_MAX = 40;

const EXTENSION = /\s*(?:转|分机|ext\.?|x)\s*(\d{1,6})$/i;
const SEPARATORS = /[\s\-–—.·()]+/g;

export function readPhone(raw: string): PhoneReading | null {
  // NFKC turns full-width digits, ＋, －, （） and the ideographic space into their ASCII forms.
  let text = raw.normalize('NFKC').trim();
  if (!text) return null;
  const ext = EXTENSION.exec(text);
  let extension = ext?.[1] ?? '';
  if (ext) text = text.slice(0, ext.index);
  const international = /^\(?(?:\+|00)\s*86\)?/.exec(text);
  if (international) text = text.slice(international[0].length);
  // "0755-88881234-801": a last group after the number itself is the extension.
  const groups = text.split(SEPARATORS).filter(Boolean);
  let digits = groups.join('');
  if (!/^\d+$/.test(digits)) return { ok: false, message: PHONE_PROBLEMS.characters };
  if (!international && digits.length === 13 && digits.startsWith('86') && MOBILE_PATTERN.test(digits.slice(2))) digits = digits.slice(2);
  if (MOBILE_PATTERN.test(digits) && !extension) return { ok: true, kind: 'mobile', number: digits };
  // Written internationally, a landline drops its trunk 0 (+86 21 6488 1234).
  if (international && !digits.startsWith('0') && !digits.startsWith('1')) digits = `0${digits}`;
  if (digits.startsWith('0')) {
    const area = digits.slice(0, /^0[12]/.test(digits) ? 3 : 4);
    let local = digits.slice(area.length);
    const last = groups[groups.length - 1]!;
    if (!extension && local.length > 8 && groups.length > 2 && last.length <= 6 && local.length - last.length >= 7) {
      extension = last;
      local = local.slice(0, local.length - last.length);
    }
    if (local.length < 7 || local.length > 8 || local.startsWith('0') || local.startsWith('1')) return { ok: false, message: PHONE_PROBLEMS.landlineLength };
    return { ok: true, kind: 'landline', number: `${area}-${local}${extension ? `转${extension}` : ''}` };
  }
  if (digits.startsWith('1') && !extension) {
    if (digits.length !== 11) return { ok: false, message: PHONE_PROBLEMS.mobileLength(digits.length) };
    return { ok: false, message: PHONE_PROBLEMS.mobileSecondDigit };
  }
  if (/^[2-9]\d{6,7}$/.test(digits)) return { ok: false, message: PHONE_PROBLEMS.needsAreaCode };
  return { ok: false, message: PHONE_PROBLEMS.neither };
}

export const isMobile = (stored: string | null | undefined): boolean => !!stored && MOBILE_PATTERN.test(stored);

/**
 * Any contact number, mobile or landline, in its stored form; blank gives ''. The same schema
 * checks the form in the browser and the command on the server, so both say the same. The
 * check is a refinement (not a failing transform) so the form's other checks still report.
 */
export const phoneText = z
  .string()
  .max(PHONE_INPUT_MAX, `电话最多 ${PHONE_INPUT_MAX} 个字`)
  .superRefine((raw, ctx) => {
    const reading = readPhone(raw);
    if (reading && !reading.ok) ctx.addIssue({ code: 'custom', message: reading.message });
  })
  .transform((raw) => {
    const reading = readPhone(raw);
    return reading?.ok ? reading.number : '';
  });

/** A contact number that may be absent: blank or null is stored as null. */
export const optionalPhone = phoneText
  .nullable()
  .transform((s) => s || null)
  .default(null);

/** The longest number a record keeps for its contact (reception_entries / repair_orders.contact_phone). */
export const CONTACT_PHONE_MAX = 20;

/** The number to call a resident back on: the mobile, else the other phone when it fits the record. */
export function contactPhoneOf(person: { mobile: string | null; otherPhone: string | null }): string {
  if (person.mobile) return person.mobile;
  return person.otherPhone && person.otherPhone.length <= CONTACT_PHONE_MAX ? person.otherPhone : '';
}
