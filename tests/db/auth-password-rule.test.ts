import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_OPERATORS } from '../../db/demo/operators';
import { ADMIN, createTestApp, expectError, valueOf, PASSWORD, type TestApp } from '../support/app';

/** Typed passwords the rule refuses, with the Chinese message each gets. */
const REFUSED: [string, string][] = [
  ['short-1', '密码至少 8 位'],
  ['12345678', '密码不能是连续的数字或字母（如 12345678、abcdefgh）'],
  ['87654321', '密码不能是连续的数字或字母（如 12345678、abcdefgh）'],
  ['abcdefgh', '密码不能是连续的数字或字母（如 12345678、abcdefgh）'],
  ['ABCDEFGHIJ', '密码不能是连续的数字或字母（如 12345678、abcdefgh）'],
  ['aaaaaaaa', '密码不能是同一个字符重复'],
  ['88888888', '密码不能是同一个字符重复'],
  ['        ', '密码不能全是空格'],
  ['\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000', '密码不能全是空格'],
  ['\0\0\0\0\0\0\0\0', '密码不能包含控制字符（如换行、制表符）'],
  ['good-pass\n1', '密码不能包含控制字符（如换行、制表符）'],
  ['Password', '这个密码太常见，容易被猜到，请换一个'],
  ['1qaz2wsx', '这个密码太常见，容易被猜到，请换一个'],
  ['WoAiNi1314', '这个密码太常见，容易被猜到，请换一个'],
  ['qwertyui', '这个密码太常见，容易被猜到，请换一个'],
  ['a123456789', '这个密码太常见，容易被猜到，请换一个'],
  // Full-width digits are the same password once normalised (the hash normalises too).
  ['１２３４５６７８９', '密码不能是连续的数字或字母（如 12345678、abcdefgh）'],
  ['ＰａｓｓＷｏｒｄ', '这个密码太常见，容易被猜到，请换一个'],
];

describe('the password rule, wherever a password is set', () => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
  });
  afterEach(() => t.close());
  const snapshot = () => t.app.connection.sqlite.prepare('SELECT (SELECT group_concat(password_hash) FROM operators) hashes, (SELECT count(*) FROM audit_log) audits').get();

  it('refuses weak passwords in operators.create, operators.resetPassword, auth.changePassword and auth.setup, and changes nothing', async () => {
    const token = await t.operatorWith(['cashier'], 'li');
    const before = snapshot();
    for (const [password, message] of REFUSED) {
      const created = expectError(await t.run(admin, 'operators.create', { displayName: '张三', login: 'zhang', password, roles: ['cashier'] }));
      expect(created, JSON.stringify(password)).toMatchObject({ kind: 'validation', fields: { password: message } });
      expect(expectError(await t.run(admin, 'operators.resetPassword', { id: 2, password })).fields).toEqual({ password: message });
      expect(expectError(await t.run(token, 'auth.changePassword', { currentPassword: PASSWORD, newPassword: password })).fields).toEqual({ newPassword: message });
    }
    expect(snapshot()).toEqual(before);

    const fresh = await createTestApp();
    try {
      for (const [password, message] of REFUSED) {
        expect(expectError(await fresh.run(null, 'auth.setup', { ...ADMIN, password })).fields).toEqual({ password: message });
      }
      expect(fresh.app.connection.sqlite.prepare('SELECT count(*) n FROM operators').get()).toEqual({ n: 0 });
    } finally {
      await fresh.close();
    }
  });

  it('accepts ordinary passwords, the test passwords and every demo password', async () => {
    const good = ['admin-pass-1', 'counter-pass-1', 'Zhang.2024!', '阳光花园物业管理处', 'a b c d e f', ...DEMO_OPERATORS.map((o) => o.password)];
    for (const [i, password] of good.entries()) {
      valueOf(await t.run(admin, 'operators.create', { displayName: `员工${i}`, login: `ok${i}`, password, roles: ['cashier'] }));
      expect((await t.run(null, 'auth.login', { login: `ok${i}`, password })).ok, password).toBe(true);
    }
  });
});
