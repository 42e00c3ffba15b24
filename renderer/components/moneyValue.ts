import { formatYuan, MONEY_PROBLEMS, parseYuan, type YuanOptions } from '../../shared/money';

/**
 * What a MoneyInput holds as its form value: integer fen when the text reads as an amount, null
 * when the box is empty, and the text itself when it does not read — so the form's rule can show
 * parseYuan's message and the command never receives a guess.
 */
export type MoneyValue = number | string | null | undefined;

export interface MoneyOptions extends YuanOptions {
  /** An empty box is an error (请输入金额) rather than "no amount". */
  required?: boolean;
}

export function moneyValueOf(text: string, options: MoneyOptions): MoneyValue {
  if (!text.trim()) return null;
  const reading = parseYuan(text, options);
  return reading.ok ? reading.fen : text;
}

/** The box's text for a value: ¥1,409.50 for fen; text that did not read stays as typed. */
export function moneyText(value: MoneyValue): string {
  if (typeof value === 'number') return formatYuan(value);
  return value ?? '';
}

/** The form error for a value, in Chinese, or null. */
export function moneyProblem(value: MoneyValue, options: MoneyOptions): string | null {
  if (value === null || value === undefined) return options.required ? MONEY_PROBLEMS.empty : null;
  // An amount set from outside (initial values) is held to the same limits as a typed one.
  const reading = parseYuan(moneyText(value), options);
  return reading.ok ? null : reading.message;
}
