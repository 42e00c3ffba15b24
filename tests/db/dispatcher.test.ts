import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../db/dispatcher';
import { handlers } from '../../db/desks';
import { createServices } from '../../db/app';
import { prepared, type Handler, type PreparedHandler } from '../../db/context';
import { fail } from '../../shared/result';
import { createFileLogger } from '../../db/log';
import { createTestApp, expectError, valueOf, PASSWORD, type TestApp } from '../support/app';
import { join } from 'node:path';

const count = (t: TestApp, table: string) =>
  (t.app.connection.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('the dispatcher', () => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
  });
  afterEach(() => t.close());

  it('refuses unknown commands and non-string names with a Chinese not_found', async () => {
    expect(expectError(await t.run(admin, 'operators.drop' as never))).toMatchObject({ kind: 'not_found', message: expect.stringMatching(/没有这个命令/) });
    const out = await t.app.dispatcher.run({ toString: 1 }, {}, { sessionToken: admin });
    expect(expectError(out.response).kind).toBe('not_found');
  });

  it('lists field errors in Chinese for wrong types, missing, extra and oversized fields, and writes nothing', async () => {
    const operatorsBefore = count(t, 'operators');
    const auditBefore = count(t, 'audit_log');
    const bad = [
      { displayName: 5, login: 'ok_login', password: 'long-enough', roles: ['cashier'] },
      { login: 'ok_login', password: 'long-enough', roles: ['cashier'] },
      { displayName: '张三', login: 'ok_login', password: 'long-enough', roles: ['cashier'], isAdmin: true },
      { displayName: '张'.repeat(33), login: 'ok_login', password: 'long-enough', roles: ['cashier'] },
      { displayName: '张三', login: 'ok_login', password: 'short', roles: [] },
      { displayName: '张三', login: 'bad login!', password: 'long-enough', roles: ['janitor'] },
    ];
    const fields: Record<string, string>[] = [];
    for (const input of bad) {
      const error = expectError(await t.run(admin, 'operators.create', input as never));
      expect(error.kind).toBe('validation');
      expect(error.message).toMatch(/[\u4e00-\u9fff]/);
      fields.push(error.fields!);
    }
    expect(fields[0]).toEqual({ displayName: '格式不正确' });
    expect(fields[1]).toEqual({ displayName: '必填' });
    expect(fields[2]).toEqual({ isAdmin: '不认识的字段' });
    expect(fields[3]).toEqual({ displayName: '最多 32 个字' });
    expect(fields[4]).toEqual({ password: '密码至少 8 位', roles: '至少选择一个角色' });
    expect(fields[5]).toMatchObject({ login: expect.stringMatching(/字母、数字/), 'roles.0': '请从给定选项中选择' });
    for (const input of [null, 'text', 42, [1, 2]]) {
      expect(expectError(await t.run(admin, 'operators.create', input as never)).kind).toBe('validation');
    }
    expect(count(t, 'operators')).toBe(operatorsBefore);
    expect(count(t, 'audit_log')).toBe(auditBefore);
  });

  it('appends one audit row per write with operator, time, command, entity, id and before/after', async () => {
    const created = valueOf<{ id: number }>(
      await t.run(admin, 'operators.create', { displayName: '赵收费', login: 'zhao', password: PASSWORD, roles: ['cashier'] }),
    );
    t.clock.advanceMinutes(1);
    await t.run(admin, 'operators.update', { id: created.id, displayName: '赵收费', roles: ['cashier', 'receptionist'] });
    const rows = t.app.connection.sqlite
      .prepare("SELECT * FROM audit_log WHERE entity = 'operator' AND entity_id = ? ORDER BY id")
      .all(String(created.id)) as Record<string, string | number | null>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ operator_id: 1, command: 'operators.create', at: '2026-03-02T01:30:00.000Z', before_json: null });
    expect(JSON.parse(rows[0]!.after_json as string)).toMatchObject({ login: 'zhao', roles: ['cashier'] });
    expect(rows[1]).toMatchObject({ command: 'operators.update', at: '2026-03-02T01:31:00.000Z' });
    expect(JSON.parse(rows[1]!.before_json as string).roles).toEqual(['cashier']);
    expect(JSON.parse(rows[1]!.after_json as string).roles).toEqual(['receptionist', 'cashier']);
    // Reads leave no audit row.
    const before = count(t, 'audit_log');
    valueOf(await t.run(admin, 'operators.list', { filters: {} }));
    expect(count(t, 'audit_log')).toBe(before);
  });

  it('never lets an audit row be changed or deleted', () => {
    const db = t.app.connection.sqlite;
    expect(() => db.prepare("UPDATE audit_log SET command = 'x'").run()).toThrow(/不可修改/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/不可删除/);
    expect(() => db.prepare('DELETE FROM operators').run()).toThrow(/不可删除/);
  });

  it('rolls back the whole command when it fails half-way, logs the cause and shows a Chinese message', async () => {
    const logDir = join(t.dir, 'fail-logs');
    const create = handlers['operators.create'] as PreparedHandler<'operators.create', string>;
    const failing = createDispatcher({
      db: t.app.connection.db,
      clock: t.clock.now,
      services: createServices({ setupCode: null, log: createFileLogger(logDir) }),
      handlers: {
        ...handlers,
        // operators.create hashes the password before its transaction (a two-step command).
        'operators.create': prepared({
          prepare: create.prepare,
          async run(ctx, input, passwordHash) {
            await create.run(ctx, input, passwordHash);
            throw new Error('disk on fire');
          },
        }),
      },
    });
    const before = { ops: count(t, 'operators'), roles: count(t, 'operator_roles'), audit: count(t, 'audit_log') };
    const out = await failing.run('operators.create', { displayName: '半截', login: 'half', password: PASSWORD, roles: ['cashier'] }, { sessionToken: admin });
    const error = expectError(out.response);
    expect(error.kind).toBe('internal');
    expect(error.message).not.toMatch(/disk on fire/);
    expect(error.message).toMatch(/操作未保存/);
    expect({ ops: count(t, 'operators'), roles: count(t, 'operator_roles'), audit: count(t, 'audit_log') }).toEqual(before);
    const log = readFileSync(join(logDir, 'qiantai.log'), 'utf8');
    expect(log).toMatch(/"command":"operators.create"/);
    expect(log).toMatch(/disk on fire/);
  });

  /** A dispatcher whose settings.update waits in its preparation step until released. */
  function gatedSettingsUpdate(logName: string) {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let preparedStarted!: () => void;
    const started = new Promise<void>((resolve) => (preparedStarted = resolve));
    const dispatcher = createDispatcher({
      db: t.app.connection.db,
      clock: t.clock.now,
      services: createServices({ setupCode: null, log: createFileLogger(join(t.dir, logName)) }),
      handlers: {
        ...handlers,
        'settings.update': prepared<'settings.update', string>({
          async prepare(pre, input) {
            expect(pre.operator?.login).toBe('admin');
            preparedStarted();
            await gate;
            return input.officeName ?? '';
          },
          run: async (ctx, input, name) => {
            expect(name).toBe(input.officeName);
            return (handlers['settings.update'] as Handler<'settings.update'>)(ctx, input);
          },
        }),
      },
    });
    return { dispatcher, started, release };
  }

  it('runs a two-step command\'s slow preparation outside the transaction, so other commands keep answering', async () => {
    const { dispatcher: slow, started, release } = gatedSettingsUpdate('l3');
    const writing = slow.run('settings.update', { officeName: '慢慢改' }, { sessionToken: admin });
    await started;
    // While the first command is still preparing, a write and a read both finish.
    const other = await slow.run('operators.create', { displayName: '张晓', login: 'zhangxiao', password: PASSWORD, roles: ['cashier'] }, { sessionToken: admin });
    expect(other.response.ok).toBe(true);
    expect((await slow.run('auth.session', {}, { sessionToken: admin })).response.ok).toBe(true);
    release();
    expect((await writing).response.ok).toBe(true);
    expect(valueOf((await slow.run('settings.get', {}, { sessionToken: admin })).response)).toMatchObject({ officeName: '慢慢改' });
  });

  it('does not run a two-step command whose session ended while it was preparing', async () => {
    const { dispatcher: slow, started, release } = gatedSettingsUpdate('l5');
    const writing = slow.run('settings.update', { officeName: '走了还改' }, { sessionToken: admin });
    await started;
    expect((await slow.run('auth.logout', {}, { sessionToken: admin })).response.ok).toBe(true);
    const audit = count(t, 'audit_log');
    release();
    expect(expectError((await writing).response).kind).toBe('unauthenticated');
    expect(count(t, 'audit_log')).toBe(audit);
    expect(count(t, 'settings')).toBe(0);
  });

  it('answers a refusal from the preparation step in Chinese and writes nothing', async () => {
    const refusing = createDispatcher({
      db: t.app.connection.db,
      clock: t.clock.now,
      services: createServices({ setupCode: null, log: createFileLogger(join(t.dir, 'l4')) }),
      handlers: {
        ...handlers,
        'settings.update': prepared<'settings.update', null>({
          prepare: async () => {
            throw fail.validation('文件太大');
          },
          run: async () => {
            throw new Error('never reached');
          },
        }),
      },
    });
    const audit = count(t, 'audit_log');
    const out = await refusing.run('settings.update', { officeName: '不改' }, { sessionToken: admin });
    expect(expectError(out.response)).toMatchObject({ kind: 'validation', message: '文件太大' });
    expect(count(t, 'audit_log')).toBe(audit);
  });

  it('refuses a write command that forgets its audit row', async () => {
    const careless = createDispatcher({
      db: t.app.connection.db,
      clock: t.clock.now,
      services: createServices({ setupCode: null, log: createFileLogger(join(t.dir, 'l2')) }),
      handlers: {
        ...handlers,
        'settings.update': async (ctx) => {
          await ctx.db.insertInto('settings').values({ key: 'officeName', value_json: '"偷偷改"', updated_at: ctx.nowIso }).execute();
          return ctx.settings;
        },
      },
    });
    const out = await careless.run('settings.update', { officeName: '偷偷改' }, { sessionToken: admin });
    expect(expectError(out.response).kind).toBe('internal');
    expect(count(t, 'settings')).toBe(0);
  });

  it('turns constraint violations caught by the database into Chinese conflicts', async () => {
    const dup = expectError(await t.run(admin, 'operators.create', { displayName: '重名', login: 'ADMIN', password: PASSWORD, roles: ['cashier'] }));
    expect(dup).toMatchObject({ kind: 'conflict', fields: { login: expect.stringMatching(/已被使用/) } });
  });

  it('stamps writes with the injected clock, in UTC', async () => {
    t.clock.advanceMinutes(5);
    valueOf(await t.run(admin, 'settings.update', { officeName: '阳光花园物业管理处' }));
    const row = t.app.connection.sqlite.prepare("SELECT at FROM audit_log WHERE command = 'settings.update'").get() as { at: string };
    expect(row.at).toBe('2026-03-02T01:35:00.000Z');
    expect(valueOf<{ officeName: string }>(await t.run(admin, 'settings.get')).officeName).toBe('阳光花园物业管理处');
  });
});
