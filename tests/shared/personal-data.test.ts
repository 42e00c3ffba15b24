import { describe, expect, it } from 'vitest';
import { checkIdCard, idCheckCharacter } from '../../shared/idcard';
import { maskIdNumber, maskMobile } from '../../shared/mask';

describe('居民身份证 check (GB 11643)', () => {
  const today = new Date('2026-11-24T00:00:00Z');
  it('accepts valid numbers, including an X check character', () => {
    expect(checkIdCard('11010519491231002X', today)).toBeNull();
    expect(checkIdCard('11010519491231002x', today)).toBeNull();
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(checkIdCard('440524198001010013', today)).toBeNull();
  });
  it('names what is wrong', () => {
    expect(checkIdCard('110105194912310021', today)).toBe('check_digit');
    expect(checkIdCard('11010519491231002', today)).toBe('length');
    expect(checkIdCard('11010519491231002Y', today)).toBe('characters');
    expect(checkIdCard('01010519491231002X', today)).toBe('region');
    expect(checkIdCard('110105194902300021', today)).toBe('birth_date');
    expect(checkIdCard('110105203001010011', today)).toBe('birth_date');
  });
});

describe('masking', () => {
  it('keeps region and last four of an ID number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber('E12345678')).toBe('E******78');
    expect(maskIdNumber('H1234')).toBe('H**34');
    expect(maskIdNumber('123')).toBe('***');
  });
  it('keeps the first three and last four digits of a mobile', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
  });
});
