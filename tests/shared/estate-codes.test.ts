import { describe, expect, it } from 'vitest';
import { parseUnitCode, readBuildingCode, readEntranceCode } from '../../shared/estate';

/** Building names as offices write them, read as the building code everywhere a building is typed. */
describe('readBuildingCode', () => {
  it('reads 1号楼, 1栋, 1幢, A座, 一号楼, 3#, 第3栋, full-width and lower-case forms as the code', () => {
    const cases: [string, string][] = [
      ['1', '1'],
      ['1号楼', '1'],
      ['1栋', '1'],
      ['1幢', '1'],
      ['1号', '1'],
      ['A座', 'A'],
      ['b座', 'B'],
      ['一号楼', '1'],
      ['十二栋', '12'],
      ['二十一号楼', '21'],
      ['3#', '3'],
      ['3#楼', '3'],
      ['３＃', '3'],
      ['第3栋', '3'],
      [' 12 号楼 ', '12'],
      ['Ｂ座', 'B'],
    ];
    for (const [typed, code] of cases) expect(readBuildingCode(typed), typed).toEqual({ building: code, entrance: null, name: expect.any(String) });
  });

  it('reads a building written with its entrance, 1号楼2单元, as both', () => {
    expect(readBuildingCode('1号楼2单元')).toMatchObject({ building: '1', entrance: '2' });
    expect(readBuildingCode('一号楼二单元')).toMatchObject({ building: '1', entrance: '2' });
    expect(readBuildingCode('3栋1单元')).toMatchObject({ building: '3', entrance: '1' });
  });

  it('keeps the office’s own name for the building when it wrote one', () => {
    expect(readBuildingCode('1号楼')!.name).toBe('1号楼');
    expect(readBuildingCode('A座')!.name).toBe('A座');
    expect(readBuildingCode('1号楼2单元')!.name).toBe('1号楼');
    expect(readBuildingCode('3#')!.name).toBe('3栋');
    expect(readBuildingCode('7')!.name).toBe('7栋');
  });

  it('refuses what is not a building', () => {
    for (const typed of ['', '阳光花园', '1-2-1101', '1楼层', 'A区3栋', '3 号 楼 2 单元 1101']) expect(readBuildingCode(typed), typed).toBeNull();
  });
});

describe('readEntranceCode', () => {
  it('reads 2, 2单元, 二单元 and full-width forms as the entrance', () => {
    for (const typed of ['2', '2单元', '二单元', '２单元', '第2单元']) expect(readEntranceCode(typed), typed).toBe('2');
    expect(readEntranceCode('')).toBe('');
    expect(readEntranceCode('东门口')).toBeNull();
  });
});

describe('parseUnitCode (the counter search)', () => {
  it('reads unit codes typed with office building names', () => {
    const unit = { building: '1', entrance: '2', room: '1101' };
    for (const typed of ['1-2-1101', '1号楼2单元1101', '1号楼2单元1101室', '一号楼二单元1101', '1栋2单元1101', '1幢2单元1101号', '１号楼２单元１１０１', '1#2单元1101', '第1栋2单元1101'])
      expect(parseUnitCode(typed), typed).toEqual(unit);
    expect(parseUnitCode('A座1101')).toEqual({ building: 'A', entrance: null, room: '1101' });
    expect(parseUnitCode('3#1101')).toEqual({ building: '3', entrance: null, room: '1101' });
    expect(parseUnitCode('3 2 1101')).toEqual({ building: '3', entrance: '2', room: '1101' });
  });
  it('is not fooled by names or bare numbers', () => {
    for (const typed of ['张三', '1101', '13812345678', '三']) expect(parseUnitCode(typed), typed).toBeNull();
  });
});
