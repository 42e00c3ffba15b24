import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EstateView } from '../../shared/contract/estate';
import type { SearchGroup } from '../../shared/contract/search';
import { createEstateApp, expectError, valueOf, type TestApp } from '../support/app';

/** "1号楼", "A座", "一号楼" typed in the building form, the unit form and the counter search. */
describe('building names as offices write them', () => {
  let t: TestApp;
  let officer: string;
  let receptionist: string;
  let estateId: number;
  beforeAll(async () => {
    const office = await createEstateApp({ kefu: ['officer'], qiantai: ['receptionist'] });
    ({ t, estateId } = office);
    ({ kefu: officer, qiantai: receptionist } = office.tokens);
  });
  afterAll(() => t.close());

  it('reads the building form’s 楼栋编号 1号楼 / A座 as 1 / A, and 一号楼 as the same building as 1', async () => {
    const one = valueOf<{ id: number }>(await t.run(officer, 'estate.saveBuilding', { estateId, code: '1号楼' }));
    valueOf(await t.run(officer, 'estate.saveBuilding', { estateId, code: 'A座' }));
    const overview = valueOf<EstateView[]>(await t.run(officer, 'estate.overview'));
    expect(overview[0]!.buildings.map((b) => b.code)).toEqual(['1', 'A']);
    expect(expectError(await t.run(officer, 'estate.saveBuilding', { estateId, code: '一号楼' }))).toMatchObject({ kind: 'conflict', message: '已有 1 号楼' });
    expect(expectError(await t.run(officer, 'estate.saveBuilding', { estateId, code: '1号楼2单元' })).fields).toEqual({
      code: '楼栋编号不含单元：单元在新增房屋时填写',
    });
    expect(expectError(await t.run(officer, 'estate.saveBuilding', { estateId, code: '阳光' })).fields).toEqual({
      code: '楼栋应写成 3、3号楼、3栋、3幢、A座 或 3#',
    });

    // The unit form's 单元 reads 2单元 / 二单元 as 2.
    const unit = valueOf<{ code: string }>(await t.run(officer, 'estate.createUnit', { buildingId: one.id, entrance: '二单元', room: '1101' }));
    expect(unit.code).toBe('1-2-1101');
  });

  it('finds the unit at the counter when typed as 1号楼2单元1101, 一号楼二单元1101室 or １号楼…', async () => {
    for (const q of ['1-2-1101', '1号楼2单元1101', '一号楼二单元1101室', '１号楼２单元１１０１', '1栋2单元1101']) {
      const found = valueOf<{ groups: SearchGroup[] }>(await t.run(receptionist, 'search.counter', { q }));
      expect(found.groups.find((g) => g.kind === 'unit')?.hits.map((h) => h.title), q).toEqual(['1-2-1101']);
    }
  });

  it('filters the unit list by a typed building name (3号楼 → every unit of building 3)', async () => {
    const page = valueOf<{ rows: { code: string }[] }>(await t.run(officer, 'estate.units', { filters: { search: '1号楼2单元' } }));
    expect(page.rows.map((r) => r.code)).toEqual(['1-2-1101']);
  });
});
