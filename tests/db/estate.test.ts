import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchGroup } from '../../shared/contract/search';
import type { UnitCard, PersonView } from '../../shared/contract/estate';
import { createTestApp, expectError, valueOf, type TestApp } from '../support/app';

describe('the estate: units, people, links', () => {
  let t: TestApp;
  let officer: string;
  let receptionist: string;
  let cashier: string;
  let supervisor: string;
  let buildingId: number;
  let unitId: number;
  let zhangsan: PersonView;
  const count = (table: string) => (t.app.connection.sqlite.prepare(`SELECT count(*) n FROM ${table}`).get() as { n: number }).n;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.setupAdmin();
    officer = await t.operatorWith(['officer'], 'kefu');
    receptionist = await t.operatorWith(['receptionist'], 'qiantai');
    cashier = await t.operatorWith(['cashier'], 'shoufei');
    supervisor = await t.operatorWith(['supervisor'], 'zhuguan');
    const estate = valueOf<{ id: number }>(await t.run(admin, 'estate.saveEstate', { name: '阳光花园' }));
    buildingId = valueOf<{ id: number }>(await t.run(officer, 'estate.saveBuilding', { estateId: estate.id, code: '3', name: '' })).id;
  });
  afterAll(() => t.close());

  it('creates a unit with its code, area in 0.01 m² and a first state-history row', async () => {
    const created = valueOf<{ id: number; code: string }>(
      await t.run(officer, 'estate.createUnit', { buildingId, entrance: '2', room: '1101', floor: 11, areaDm2: 8950, state: 'vacant' }),
    );
    expect(created.code).toBe('3-2-1101');
    unitId = created.id;
    const card = valueOf<UnitCard>(await t.run(receptionist, 'estate.unitCard', { id: unitId }));
    expect(card.unit).toMatchObject({ code: '3-2-1101', areaDm2: 8950, state: 'vacant', buildingName: '3栋', estateName: '阳光花园' });
    expect(card.history).toEqual([expect.objectContaining({ from: null, to: 'vacant', reason: '新增房屋' })]);
    expect(card.openItems).toEqual([]);
  });

  it('refuses a duplicate unit code, a negative or absurd area, and an unknown building — saving nothing', async () => {
    const before = count('units');
    expect(expectError(await t.run(officer, 'estate.createUnit', { buildingId, entrance: '2', room: '1101' }))).toMatchObject({
      kind: 'conflict',
      fields: { room: '房屋 3-2-1101 已存在' },
    });
    expect(expectError(await t.run(officer, 'estate.createUnit', { buildingId, entrance: '2', room: '1102', areaDm2: -5 })).fields).toEqual({ areaDm2: '面积必须大于 0' });
    expect(expectError(await t.run(officer, 'estate.createUnit', { buildingId, entrance: '2', room: '1102', areaDm2: 5_000_000 })).fields).toEqual({
      areaDm2: '面积不合理（超过 10000 平方米）',
    });
    expect(expectError(await t.run(officer, 'estate.createUnit', { buildingId, entrance: '2', room: '1102', areaDm2: 89.5 })).fields).toEqual({ areaDm2: '面积最多两位小数' });
    expect(expectError(await t.run(officer, 'estate.createUnit', { buildingId: 999, entrance: '2', room: '1102' })).kind).toBe('not_found');
    expect(expectError(await t.run(receptionist, 'estate.createUnit', { buildingId, entrance: '2', room: '1102' })).kind).toBe('forbidden');
    expect(count('units')).toBe(before);
  });

  it('checks the ID number (GB 11643) and the mobile, in Chinese', async () => {
    const bad = expectError(await t.run(receptionist, 'estate.savePerson', { person: { name: '张三', idNumber: '110105194912310021', mobile: '1381234567' } }));
    expect(bad.fields).toEqual({ 'person.idNumber': '身份证号校验位不正确，请核对', 'person.mobile': '手机号应为 11 位（这里是 10 位）' });
    const birth = expectError(await t.run(receptionist, 'estate.savePerson', { person: { name: '张三', idNumber: '110105194902300021' } }));
    expect(birth.fields).toEqual({ 'person.idNumber': '身份证号中的出生日期不存在（第 7–14 位的年月日），请核对' });
    // Other document types are not held to the 身份证 rules.
    valueOf(await t.run(receptionist, 'estate.savePerson', { person: { name: 'John Smith', idType: 'passport', idNumber: 'E87654320' } }));
  });

  it('registers a person, masks the ID everywhere, and links them to the unit once per role', async () => {
    zhangsan = valueOf<PersonView>(
      await t.run(receptionist, 'estate.savePerson', { person: { name: '张三', gender: 'male', mobile: '13812345678', idNumber: '11010519491231002x' } }),
    );
    expect(zhangsan.idNumberMasked).toBe('110105********002X');
    expect(JSON.stringify(zhangsan)).not.toContain('11010519491231002X');
    const dup = expectError(await t.run(receptionist, 'estate.savePerson', { person: { name: '张叁', idNumber: '11010519491231002X' } }));
    expect(dup.kind).toBe('conflict');

    // Editing without the ID (the UI only knows it masked) keeps the number on file.
    valueOf(await t.run(receptionist, 'estate.savePerson', { id: zhangsan.id, person: { name: '张三', gender: 'male', mobile: '13812345678' } }));
    expect(t.app.connection.sqlite.prepare('SELECT id_number FROM people WHERE id = ?').get(zhangsan.id)).toEqual({ id_number: '11010519491231002X' });
    valueOf(await t.run(receptionist, 'estate.link', { unitId, personId: zhangsan.id, role: 'owner', startDate: '2020-06-01' }));
    const twice = expectError(await t.run(receptionist, 'estate.link', { unitId, personId: zhangsan.id, role: 'owner' }));
    expect(twice).toMatchObject({ kind: 'conflict', message: '张三 已经是 3-2-1101 的这个身份' });
    valueOf(await t.run(receptionist, 'estate.link', { unitId, personId: zhangsan.id, role: 'agent' }));

    const card = valueOf<UnitCard>(await t.run(receptionist, 'estate.unitCard', { id: unitId }));
    expect(card.people.map((l) => [l.person.name, l.role])).toEqual([
      ['张三', 'owner'],
      ['张三', 'agent'],
    ]);
    expect(card.unit.owners).toBe('张三');
    expect(card.people[0]!.person.mobile).toBe('13812345678');
    // The audit trail keeps the masked number too.
    const audit = t.app.connection.sqlite.prepare("SELECT after_json FROM audit_log WHERE entity = 'person'").all() as { after_json: string }[];
    expect(audit.map((a) => a.after_json).join()).not.toContain('11010519491231002X');
  });

  it('masks mobiles for roles that do not phone residents', async () => {
    const card = valueOf<UnitCard>(await t.run(cashier, 'estate.unitCard', { id: unitId }));
    expect(card.people[0]!.person.mobile).toBe('138****5678');
    const search = valueOf<{ groups: SearchGroup[] }>(await t.run(cashier, 'search.counter', { q: 'zs' }));
    expect(JSON.stringify(search)).not.toContain('13812345678');
  });

  it('reveals the full ID only to supervisors, with an audit row naming the reason', async () => {
    expect(expectError(await t.run(receptionist, 'estate.revealId', { personId: zhangsan.id, reason: '看看' })).kind).toBe('forbidden');
    expect(expectError(await t.run(supervisor, 'estate.revealId', { personId: zhangsan.id, reason: '' })).fields).toEqual({ reason: '必填' });
    const shown = valueOf<{ idNumber: string }>(await t.run(supervisor, 'estate.revealId', { personId: zhangsan.id, reason: '产权变更核对' }));
    expect(shown.idNumber).toBe('11010519491231002X');
    const row = t.app.connection.sqlite.prepare("SELECT after_json, operator_id FROM audit_log WHERE command = 'estate.revealId'").get() as { after_json: string };
    expect(JSON.parse(row.after_json)).toEqual({ event: 'id_revealed', reason: '产权变更核对' });
  });

  it('records state changes with who, when and why', async () => {
    t.clock.advanceMinutes(3);
    valueOf(await t.run(officer, 'estate.updateUnit', { id: unitId, buildingId, entrance: '2', room: '1101', floor: 11, areaDm2: 8950, state: 'occupied', stateReason: '业主入住' }));
    const card = valueOf<UnitCard>(await t.run(officer, 'estate.unitCard', { id: unitId }));
    expect(card.history[0]).toMatchObject({ from: 'vacant', to: 'occupied', reason: '业主入住', operatorName: '操作员1' });
  });

  it('ends a link with a date and reason, keeping it as history', async () => {
    const card = valueOf<UnitCard>(await t.run(receptionist, 'estate.unitCard', { id: unitId }));
    const agent = card.people.find((l) => l.role === 'agent')!;
    expect(expectError(await t.run(receptionist, 'estate.endLink', { linkId: agent.linkId, endDate: '2026-13-01', reason: '委托结束' })).kind).toBe('validation');
    valueOf(await t.run(receptionist, 'estate.endLink', { linkId: agent.linkId, endDate: '2026-03-01', reason: '委托结束' }));
    expect(expectError(await t.run(receptionist, 'estate.endLink', { linkId: agent.linkId, endDate: '2026-03-01', reason: '再次' })).kind).toBe('conflict');
    const after = valueOf<UnitCard>(await t.run(receptionist, 'estate.unitCard', { id: unitId }));
    expect(after.people.map((l) => [l.role, l.endDate])).toEqual([
      ['owner', null],
      ['agent', '2026-03-01'],
    ]);
    // Linking the same role again is allowed once the old link has ended.
    valueOf(await t.run(receptionist, 'estate.link', { unitId, personId: zhangsan.id, role: 'agent' }));
  });

  it('registers vehicles by plate, normalised, and refuses malformed or duplicate plates', async () => {
    const v = valueOf<{ plate: string }>(await t.run(receptionist, 'estate.saveVehicle', { plate: '粤b·12345', unitId, personId: zhangsan.id }));
    expect(v.plate).toBe('粤B12345');
    expect(expectError(await t.run(receptionist, 'estate.saveVehicle', { plate: '粤B 12345', unitId, personId: null })).kind).toBe('conflict');
    expect(expectError(await t.run(receptionist, 'estate.saveVehicle', { plate: 'B12', unitId, personId: null })).fields).toEqual({
      plate: '车牌号格式不正确（例：粤B12345）',
    });
  });

  it('finds the unit and the person in every form people type at the counter', async () => {
    const find = async (q: string) => valueOf<{ groups: SearchGroup[] }>(await t.run(receptionist, 'search.counter', { q })).groups;
    const titles = async (q: string, kind: string) => (await find(q)).find((g) => g.kind === kind)?.hits.map((h) => h.title) ?? [];
    for (const q of ['3-2-1101', '3-1101', '3 2 1101', '3/2/1101', '3栋2单元1101', ' 3-2-1101 ', '1101']) {
      expect(await titles(q, 'unit'), q).toEqual(['3-2-1101']);
    }
    for (const q of ['zs', 'ZS', 'zhangsan', 'zhang', '张三', '张', '13812345678', '5678', '002X', '002x']) {
      expect(await titles(q, 'person'), q).toEqual(['张三']);
    }
    // Longer ID tails would give away the birth day the mask hides.
    for (const q of ['1002X', '31002X']) expect(await titles(q, 'person'), q).toEqual([]);
    for (const q of ['粤B12345', '12345', '粤b 12345']) expect(await titles(q, 'vehicle'), q).toEqual(['粤B12345']);
    const person = (await find('zs')).find((g) => g.kind === 'person')!.hits[0]!;
    expect(person.unitId).toBe(unitId);
    expect(person.subtitle).toContain('3-2-1101 业主');
    expect(person.subtitle).toContain('110105********002X');
    expect(await find('')).toEqual([]);
    expect(await find('不存在的人')).toEqual([]);
  });

  it('pages and filters the unit list on the server', async () => {
    for (const room of ['101', '102', '201']) {
      valueOf(await t.run(officer, 'estate.createUnit', { buildingId, entrance: '1', room, state: room === '201' ? 'let' : 'vacant' }));
    }
    const page = valueOf<{ rows: { code: string }[]; total: number }>(await t.run(cashier, 'estate.units', { pageSize: 2, filters: { buildingId } }));
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.code)).toEqual(['3-1-101', '3-1-102']);
    const byRoom = valueOf<{ rows: { code: string }[] }>(await t.run(cashier, 'estate.units', { filters: { search: '1101' } }));
    expect(byRoom.rows.map((r) => r.code)).toEqual(['3-2-1101']);
    const lets = valueOf<{ rows: { code: string }[] }>(await t.run(cashier, 'estate.units', { filters: { state: 'let' } }));
    expect(lets.rows.map((r) => r.code)).toEqual(['3-1-201']);
  });
});

describe('the staff directory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('starts with the usual departments and lists staff by department, linkable to operators', async () => {
    const receptionist = await t.operatorWith(['receptionist'], 'qiantai');
    const supervisor = await t.operatorWith(['supervisor'], 'zhuguan');
    const depts = valueOf<{ id: number; name: string }[]>(await t.run(receptionist, 'staff.departments'));
    expect(depts.map((d) => d.name)).toEqual(['客服部', '工程部', '秩序部', '环境部', '销售部', '财务部']);
    const engineering = depts.find((d) => d.name === '工程部')!.id;
    expect(expectError(await t.run(receptionist, 'staff.save', { name: '刘师傅', departmentId: engineering })).kind).toBe('forbidden');
    const liu = valueOf<{ id: number; departmentName: string }>(await t.run(supervisor, 'staff.save', { name: '刘师傅', departmentId: engineering, position: '水电维修', mobile: '13600001111' }));
    expect(liu.departmentName).toBe('工程部');
    const opId = (t.app.connection.sqlite.prepare("SELECT id FROM operators WHERE login = 'qiantai'").get() as { id: number }).id;
    valueOf(await t.run(supervisor, 'staff.save', { name: '李前台', departmentId: depts[0]!.id, operatorId: opId }));
    expect(expectError(await t.run(supervisor, 'staff.save', { name: '冒名', departmentId: depts[0]!.id, operatorId: opId })).fields).toEqual({ operatorId: '已关联其他员工' });
    const list = valueOf<{ name: string; operatorName: string | null }[]>(await t.run(receptionist, 'staff.list', { departmentId: engineering }));
    expect(list.map((s) => s.name)).toEqual(['刘师傅']);
    valueOf(await t.run(supervisor, 'staff.save', { id: liu.id, name: '刘师傅', departmentId: engineering, active: false }));
    expect(valueOf<unknown[]>(await t.run(receptionist, 'staff.list', { departmentId: engineering }))).toEqual([]);
    expect(valueOf<unknown[]>(await t.run(receptionist, 'staff.list', { departmentId: engineering, includeInactive: true }))).toHaveLength(1);
  });
});
