import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonView } from '../../shared/contract/estate';
import type { StaffView } from '../../shared/contract/staff';
import { createTestApp, expectError, valueOf, type TestApp } from '../support/app';

/**
 * One phone normaliser behind every place a phone is typed: the person form (mobile and other
 * phone), the staff directory, the reception log's contact and the visitor register.
 */
describe('phone numbers as people write them', () => {
  let t: TestApp;
  let receptionist: string;
  let supervisor: string;
  const db = () => t.app.connection.sqlite;
  const count = (table: string) => (db().prepare(`SELECT count(*) n FROM ${table}`).get() as { n: number }).n;

  beforeAll(async () => {
    t = await createTestApp();
    await t.setupAdmin();
    receptionist = await t.operatorWith(['receptionist'], 'qiantai');
    supervisor = await t.operatorWith(['supervisor'], 'zhuguan');
  });
  afterAll(() => t.close());

  it('stores a person’s mobile as its 11 digits however it was typed, and the other phone as a landline', async () => {
    for (const [typed, other] of [
      ['+86 138 1234 5678', '021-6488 1234'],
      ['１３８－１２３４－５６７８', '(0755) 8888 1234 转 801'],
      ['0086-138-1234-5678', ''],
    ] as const) {
      const p = valueOf<PersonView>(await t.run(receptionist, 'estate.savePerson', { person: { name: '钱电话', mobile: typed, otherPhone: other || null } }));
      const row = db().prepare('SELECT mobile, other_phone FROM people WHERE id = ?').get(p.id);
      expect(row, typed).toEqual({ mobile: '13812345678', other_phone: other ? (other.startsWith('021') ? '021-64881234' : '0755-88881234转801') : null });
    }
  });

  it('keeps a landline typed where a mobile is expected, as the other phone', async () => {
    const p = valueOf<PersonView>(await t.run(receptionist, 'estate.savePerson', { person: { name: '孙座机', mobile: '021-6488 1234' } }));
    expect(p).toMatchObject({ mobile: null, otherPhone: '021-64881234' });
    expect(db().prepare('SELECT mobile, other_phone FROM people WHERE id = ?').get(p.id)).toEqual({ mobile: null, other_phone: '021-64881234' });
    // Both boxes holding landlines: nowhere to keep the second one, so the clerk is told.
    const both = expectError(await t.run(receptionist, 'estate.savePerson', { person: { name: '孙座机', mobile: '021-6488 1234', otherPhone: '0755-8888 1234' } }));
    expect(both.fields).toEqual({ 'person.mobile': '这是固定电话；“其他电话”已填写，请在这里填手机号或留空' });
  });

  it('refuses what is neither, in Chinese, on the field, saving nothing', async () => {
    const before = count('people');
    const bad = expectError(await t.run(receptionist, 'estate.savePerson', { person: { name: '赵错号', mobile: '6488 1234', otherPhone: '找物业' } }));
    expect(bad.kind).toBe('validation');
    expect(bad.fields).toEqual({
      'person.mobile': '固定电话请带区号，如 021-6488 1234',
      'person.otherPhone': '电话只能包含数字，可带 +86、区号和分机（如 021-6488 1234 转 801）',
    });
    expect(count('people')).toBe(before);
  });

  it('normalises the staff directory’s phone the same way', async () => {
    const s = valueOf<StaffView>(await t.run(supervisor, 'staff.save', { name: '刘师傅', departmentId: 2, mobile: '+86 139-0000-1111' }));
    expect(s.mobile).toBe('13900001111');
    const duty = valueOf<StaffView>(await t.run(supervisor, 'staff.save', { name: '工程部值班', departmentId: 2, mobile: '0755-8888 1234' }));
    expect(duty.mobile).toBe('0755-88881234');
    expect(expectError(await t.run(supervisor, 'staff.save', { name: '王师傅', departmentId: 2, mobile: '139000011' })).fields).toEqual({
      mobile: '手机号应为 11 位（这里是 9 位）',
    });
  });

  it('normalises the reception log’s contact phone and the visitor’s phone', async () => {
    const entry = valueOf<{ id: number }>(
      await t.run(receptionist, 'reception.log', { channel: 'call', category: 'enquiry', content: '问停车收费', contactName: '周先生', contactPhone: '+86 138 1234 5678' }),
    );
    expect(db().prepare('SELECT contact_phone FROM reception_entries WHERE id = ?').get(entry.id)).toEqual({ contact_phone: '13812345678' });
    const visitor = valueOf<{ id: number }>(await t.run(receptionist, 'reception.visitorIn', { name: '吴访客', reason: '探访亲友', phone: '１３９ ０００２ ２２２２' }));
    expect(db().prepare('SELECT phone FROM reception_visitors WHERE id = ?').get(visitor.id)).toEqual({ phone: '13900022222' });
    expect(expectError(await t.run(receptionist, 'reception.log', { channel: 'call', category: 'enquiry', content: '问路', contactPhone: '1381234' })).fields).toEqual({
      contactPhone: '手机号应为 11 位（这里是 7 位）',
    });
  });
});
