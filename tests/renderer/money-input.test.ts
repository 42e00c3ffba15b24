import { describe, expect, it } from 'vitest';
import { MONEY_PROBLEMS } from '../../shared/money';
import { moneyProblem, moneyText, moneyValueOf } from '../../renderer/components/moneyValue';

/** What the form holds after typing `typed`, what the box shows on blur, and what that reads back as. */
function roundTrip(typed: string, options = {}) {
  const value = moneyValueOf(typed, options);
  const shown = moneyText(value);
  return { value, shown, again: moneyValueOf(shown, options) };
}

describe('MoneyInput value: text → fen → text', () => {
  it('holds integer fen and shows it as formatYuan writes it, which reads back the same', () => {
    expect(roundTrip('1409.5')).toEqual({ value: 140950, shown: '¥1,409.50', again: 140950 });
    expect(roundTrip('１，４０９.５ 元')).toEqual({ value: 140950, shown: '¥1,409.50', again: 140950 });
    expect(roundTrip('0.07')).toEqual({ value: 7, shown: '¥0.07', again: 7 });
    expect(roundTrip('999999999.99')).toEqual({ value: 99_999_999_999, shown: '¥999,999,999.99', again: 99_999_999_999 });
    expect(roundTrip('-5', { allowNegative: true })).toEqual({ value: -500, shown: '-¥5.00', again: -500 });
  });

  it('holds nothing for an empty box, and says so only where an amount is required', () => {
    expect(moneyValueOf('  ', {})).toBeNull();
    expect(moneyText(null)).toBe('');
    expect(moneyText(undefined)).toBe('');
    expect(moneyProblem(null, {})).toBeNull();
    expect(moneyProblem(null, { required: true })).toBe(MONEY_PROBLEMS.empty);
  });

  it('keeps text that does not read as it was typed, and the form error is parseYuan’s Chinese message', () => {
    for (const [typed, options, problem] of [
      ['1.234', {}, MONEY_PROBLEMS.tooManyDecimals],
      ['-5', {}, MONEY_PROBLEMS.negative],
      ['0', { allowZero: false }, MONEY_PROBLEMS.zero],
      ['1000000000', {}, MONEY_PROBLEMS.tooLarge],
      ['十块', {}, MONEY_PROBLEMS.notNumber],
    ] as const) {
      const value = moneyValueOf(typed, options);
      expect(value, typed).toBe(typed);
      // Blur leaves it for the operator to fix rather than guessing.
      expect(moneyText(value), typed).toBe(typed);
      expect(moneyProblem(value, options), typed).toBe(problem);
    }
    expect(moneyProblem(140950, {})).toBeNull();
    expect(moneyProblem(-500, {})).toBe(MONEY_PROBLEMS.negative);
    expect(moneyProblem(-500, { allowNegative: true })).toBeNull();
  });
});
