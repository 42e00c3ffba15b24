import { describe, expect, it } from 'vitest';
import { readPhone } from '../../shared/phone';

/** Phone numbers as people write them on forms, rosters and at the counter. */
describe('readPhone', () => {
  const number = (raw: string) => {
    const r = readPhone(raw);
    if (!r || !r.ok) throw new Error(`${raw}: ${JSON.stringify(r)}`);
    return [r.kind, r.number];
  };
  const problem = (raw: string) => {
    const r = readPhone(raw);
    if (!r || r.ok) throw new Error(`${raw} should be refused: ${JSON.stringify(r)}`);
    return r.message;
  };

  it('reads mainland mobiles with country code, spaces, dashes, dots and full-width digits as the 11 digits', () => {
    for (const raw of [
      '13812345678',
      '+86 138 1234 5678',
      '+86-138-1234-5678',
      '+8613812345678',
      '(+86) 138 1234 5678',
      '0086 138 1234 5678',
      '86 138 1234 5678',
      '138 1234 5678',
      '138-1234-5678',
      '138.1234.5678',
      '１３８１２３４５６７８',
      '＋８６ １３８－１２３４－５６７８',
      ' 138 1234 5678 ',
    ]) {
      expect(number(raw), raw).toEqual(['mobile', '13812345678']);
    }
  });

  it('reads landlines with an area code (3- or 4-digit), with or without an extension', () => {
    expect(number('021-6488 1234')).toEqual(['landline', '021-64881234']);
    expect(number('(021) 64881234')).toEqual(['landline', '021-64881234']);
    expect(number('02164881234')).toEqual(['landline', '021-64881234']);
    expect(number('010-8888 6666')).toEqual(['landline', '010-88886666']);
    expect(number('0755-8888 1234')).toEqual(['landline', '0755-88881234']);
    expect(number('0755 8888123')).toEqual(['landline', '0755-8888123']);
    expect(number('0755-8888 1234 转 801')).toEqual(['landline', '0755-88881234转801']);
    expect(number('0755-88881234-801')).toEqual(['landline', '0755-88881234转801']);
    expect(number('021-64881234 ext. 12')).toEqual(['landline', '021-64881234转12']);
    expect(number('021-64881234分机12')).toEqual(['landline', '021-64881234转12']);
    expect(number('+86 21 6488 1234')).toEqual(['landline', '021-64881234']);
    expect(number('０２１－６４８８１２３４')).toEqual(['landline', '021-64881234']);
  });

  it('gives back what it stored unchanged when read again', () => {
    for (const stored of ['13812345678', '021-64881234', '0755-88881234转801']) expect(number(stored)[1]).toBe(stored);
  });

  it('treats blank as no number', () => {
    expect(readPhone('')).toBeNull();
    expect(readPhone('   ')).toBeNull();
    expect(readPhone('\u3000')).toBeNull();
  });

  it('refuses what is neither a mobile nor a landline with its area code, saying what to check', () => {
    expect(problem('1381234567')).toBe('手机号应为 11 位（这里是 10 位）');
    expect(problem('138123456789')).toBe('手机号应为 11 位（这里是 12 位）');
    expect(problem('12812345678')).toBe('手机号第二位应为 3–9');
    expect(problem('6488 1234')).toBe('固定电话请带区号，如 021-6488 1234');
    expect(problem('400-800-8888')).toBe('不是手机号，也不是带区号的固定电话');
    expect(problem('021-648')).toBe('固定电话号码应为 7 或 8 位（区号之后）');
    expect(problem('138 1234 567a')).toBe('电话只能包含数字，可带 +86、区号和分机（如 021-6488 1234 转 801）');
    expect(problem('找物业')).toBe('电话只能包含数字，可带 +86、区号和分机（如 021-6488 1234 转 801）');
  });
});
