import { z } from 'zod';

/**
 * Money at the desk: integer fen (分) from the keyboard to the database to the printed receipt.
 * Nothing here multiplies or divides a fractional number: yuan text is read digit by digit,
 * and fen are written back out from their integer digits.
 */

/**
 * The largest amount the app handles: ¥999,999,999.99. Far above any property-office sum,
 * exact in a double (and ×100 still is, for area × rate), and within what 大写 writes up to 亿.
 */
export const MAX_FEN = 99_999_999_999;

export const MONEY_PROBLEMS = {
  empty: '请输入金额',
  notNumber: '金额格式不正确，请输入如 1409.50 的数字',
  tooManyDecimals: '金额最多两位小数（到分）',
  negative: '金额不能为负数',
  zero: '金额必须大于 0',
  tooLarge: '金额不能超过 ¥999,999,999.99',
  notInteger: '金额以分为单位，必须是整数',
} as const;

export interface YuanOptions {
  /** Refunds and adjustments; off by default (a receipt line is never negative). */
  allowNegative?: boolean;
  /** On by default (a waived item is ¥0.00); `false` where the form needs an amount. */
  allowZero?: boolean;
}

/**
 * A result, not a throw: bad input at the counter is expected, and the field shows the message
 * next to it, the same way `readPhone` answers.
 */
export type YuanReading = { ok: true; fen: number } | { ok: false; message: string };

// Whole yuan either plain ("1409", leading zeros allowed) or grouped by thousands ("1,409");
// a point may follow with any number of digits (more than two is refused with its own message).
const YUAN = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d*))?$/;
// The "−" (U+2212) a copy from a document brings; NFKC already turns "－" into "-".
const MINUS = /^[-\u2212]/;

/** Yuan as typed at a counter ("1,409.50", "¥1409.5", "１４０９.５０ 元") → integer fen. */
export function parseYuan(raw: string, options: YuanOptions = {}): YuanReading {
  // NFKC: full-width digits, "，", "．", "￥" and the ideographic space become their ASCII forms.
  let text = raw.normalize('NFKC').trim().replace(/\s*元$/, '');
  let negative = false;
  // The sign may come before or after the yen sign: "-¥1,409.50" (as formatYuan writes it) or "¥-1409.50".
  if (MINUS.test(text)) [negative, text] = [true, text.slice(1).trimStart()];
  if (text.startsWith('¥')) text = text.slice(1).trimStart();
  if (!negative && MINUS.test(text)) [negative, text] = [true, text.slice(1)];
  if (!text) return { ok: false, message: MONEY_PROBLEMS.empty };

  const m = YUAN.exec(text);
  if (!m) return { ok: false, message: MONEY_PROBLEMS.notNumber };
  const whole = m[1]!.replace(/,/g, '').replace(/^0+(?=\d)/, '');
  const decimals = m[2] ?? '';
  if (decimals.length > 2) return { ok: false, message: MONEY_PROBLEMS.tooManyDecimals };
  // At most nine digits of yuan: the string check comes first so no digit is lost to rounding.
  if (whole.length > 9) return { ok: false, message: MONEY_PROBLEMS.tooLarge };
  const size = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));

  if (size === 0) return options.allowZero === false ? { ok: false, message: MONEY_PROBLEMS.zero } : { ok: true, fen: 0 };
  if (negative && !options.allowNegative) return { ok: false, message: MONEY_PROBLEMS.negative };
  return { ok: true, fen: negative ? -size : size };
}

function requireWholeFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`${MONEY_PROBLEMS.notInteger}：${fen}`);
}

/** 140950 → "¥1,409.50"; -140950 → "-¥1,409.50". A non-integer is a bug upstream and throws. */
export function formatYuan(fen: number): string {
  requireWholeFen(fen);
  const digits = String(Math.abs(fen)).padStart(3, '0');
  const yuan = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${fen < 0 ? '-' : ''}¥${yuan}.${digits.slice(-2)}`;
}

const CAPITAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES_IN_GROUP = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿'];

/**
 * 人民币大写 as 中国人民银行《正确填写票据和结算凭证的基本规定》 asks (第二条, 第四条), where the
 * rules allow two forms this writes the first of the bank's examples:
 * - zeros between digits are one 零 per run (陆仟零柒元); zeros ending a 万/亿 group write none,
 *   zeros starting one do (壹拾万柒仟元, 壹佰万零壹元, 壹亿零壹万元);
 * - 元 followed by 零 when the 元 digit or the 角 digit is zero and something smaller follows
 *   (壹仟陆佰捌拾元零叁角贰分, 叁佰贰拾伍元零肆分);
 * - 整 after 元, nothing after 角 or 分 (壹佰元整, 壹仟肆佰零玖元伍角);
 * - 拾 always with its digit (壹拾万); under one yuan, no 元 (伍分); nothing at all is 零元整.
 * Negative amounts throw: a reversal prints its amount with 红冲, not a negative capital.
 */
export function fenToCapitals(fen: number): string {
  requireWholeFen(fen);
  if (fen < 0) throw new RangeError(`大写金额不能为负数：${fen}`);
  if (fen > MAX_FEN) throw new RangeError(`${MONEY_PROBLEMS.tooLarge}：${fen}`);
  if (fen === 0) return '零元整';

  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;

  let text = '';
  // Reading the yuan digits from the highest: a zero is only written once a non-zero digit
  // follows it, and then only if it did not end a group (see above).
  const digits = String(yuan);
  let zeroPending = false;
  for (let i = 0; i < digits.length; i++) {
    const place = digits.length - 1 - i;
    const digit = Number(digits[i]);
    if (digit === 0) {
      zeroPending ||= text !== '';
    } else {
      if (zeroPending) text += '零';
      text += CAPITAL_DIGITS[digit]! + PLACES_IN_GROUP[place % 4]!;
      zeroPending = false;
    }
    if (place % 4 === 0 && place > 0 && /[1-9]/.test(digits.slice(Math.max(0, i - 3), i + 1))) {
      text += GROUPS[place / 4]!;
      zeroPending = false;
    }
  }
  if (yuan > 0) text += '元';

  if (jiao === 0 && cents === 0) return `${text}整`;
  if (yuan > 0 && (yuan % 10 === 0 || jiao === 0)) text += '零';
  if (jiao > 0) text += `${CAPITAL_DIGITS[jiao]}角`;
  if (cents > 0) text += `${CAPITAL_DIGITS[cents]}分`;
  return text;
}

/**
 * The monthly fee for an area at a rate: `areaDm2` in 0.01 m² (how units store their area,
 * see `area_dm2`) × `rateFen` per m² per month, rounded 四舍五入 to whole fen.
 * Rounded once, on the monthly amount of one unit: a bill for several months is that many of
 * this amount, so each receipt line is the sum a cashier can check by hand.
 * area × rate is in 0.01 fen; at most 1,000,000 × MAX_FEN stays exact as an integer double.
 */
export function monthlyAreaFee(areaDm2: number, rateFen: number): number {
  for (const value of [areaDm2, rateFen]) {
    requireWholeFen(value);
    if (value < 0) throw new RangeError(`面积和单价不能为负数：${value}`);
  }
  const hundredths = areaDm2 * rateFen;
  if (!Number.isSafeInteger(hundredths)) throw new RangeError(`${MONEY_PROBLEMS.tooLarge}：${areaDm2} × ${rateFen}`);
  // Integer division by subtracting the remainder first: exact, where dividing and flooring may not be.
  const rest = hundredths % 100;
  const fee = (hundredths - rest) / 100 + (rest >= 50 ? 1 : 0);
  if (fee > MAX_FEN) throw new RangeError(`${MONEY_PROBLEMS.tooLarge}：${areaDm2} × ${rateFen}`);
  return fee;
}

/**
 * An amount in a command's input: integer fen, 0 … MAX_FEN by default; `signed` for adjustments
 * (−MAX_FEN … MAX_FEN), `positive` where zero means nothing was entered.
 */
export const fen = (options: { signed?: boolean; positive?: boolean } = {}) =>
  z
    .number()
    .int(MONEY_PROBLEMS.notInteger)
    .min(options.signed ? -MAX_FEN : 0, options.signed ? MONEY_PROBLEMS.tooLarge : MONEY_PROBLEMS.negative)
    .max(MAX_FEN, MONEY_PROBLEMS.tooLarge)
    .refine((value) => !options.positive || value !== 0, MONEY_PROBLEMS.zero);
