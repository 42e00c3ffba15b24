import { describe, expect, it } from 'vitest';
import { checkIdCard, idCheckCharacter, ID_CARD_PROBLEMS } from '../../shared/idcard';
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
  });
  /** A valid ID number with the given birth date (check digit recomputed), so only the date is wrong. */
  const withBirth = (yyyymmdd: string) => {
    const first17 = `110105${yyyymmdd}002`;
    return first17 + idCheckCharacter(first17);
  };
  it('gives each birth-date problem its own message: no such date, in the future, before 1900', () => {
    expect(checkIdCard(withBirth('19490230'), today)).toBe('birth_date_no_such_day');
    expect(checkIdCard(withBirth('19491301'), today)).toBe('birth_date_no_such_day');
    expect(checkIdCard(withBirth('20301201'), today)).toBe('birth_date_future');
    expect(checkIdCard(withBirth('20261125'), today)).toBe('birth_date_future');
    expect(checkIdCard(withBirth('20261124'), today)).toBeNull();
    expect(checkIdCard(withBirth('18951231'), today)).toBe('birth_date_before_1900');
    expect(checkIdCard(withBirth('19000101'), today)).toBeNull();
    expect(ID_CARD_PROBLEMS.birth_date_no_such_day).toBe('身份证号中的出生日期不存在（第 7–14 位的年月日），请核对');
    expect(ID_CARD_PROBLEMS.birth_date_future).toBe('身份证号中的出生日期晚于今天，请核对');
    expect(ID_CARD_PROBLEMS.birth_date_before_1900).toBe('身份证号中的出生日期早于 1900 年：不会是在世的人，多为年份输错，请核对');
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
