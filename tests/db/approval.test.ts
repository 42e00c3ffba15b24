import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../db/dispatcher';
import { handlers } from '../../db/desks';
import { createServices } from '../../db/app';
import { createFileLogger } from '../../db/log';
import { commands } from '../../shared/contract';
import { withApproval, type CommandDef } from '../../shared/contract/define';
import { LOGIN_RULES } from '../../db/auth/throttle';
import { prepared, type Handler, type Services } from '../../db/context';
import { createTestApp, expectError, valueOf, PASSWORD, type TestApp } from '../support/app';

/**
 * Dual control through the real dispatcher. No production command declares `approval` yet (voids,
 * sales-department key loans and arrears overrides come with their desks), so the dispatcher is
 * built here with the contract's own settings.update declared as needing a supervisor's approval
 * (the `commandDefs` seam); everything else — handlers, throttle, scrypt, SQLite — is the real one.
 */
const settingsUpdate = commands['settings.update'];
const needsApproval: CommandDef = {
  ...settingsUpdate,
  input: withApproval(settingsUpdate.input),
  approval: { roles: ['supervisor', 'admin'] },
};

/** The counter where the admin works and the supervisor walks over to approve. */
const COUNTER = 'browser:counter-1';

const rows = (t: TestApp, sql: string) => t.app.connection.sqlite.prepare(sql).all() as Record<string, unknown>[];
const count = (t: TestApp, table: string) => (t.app.connection.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('supervisor approval inside another operator\'s session', () => {
  let t: TestApp;
  let admin: string;
  let services: Services;
  let dispatcher: Dispatcher;
  let ids: Record<string, number>;

  const update = (approval?: { login: string; password: string }, officeName = '阳光花园物业管理处') =>
    dispatcher.run('settings.update', approval ? { officeName, approval } : { officeName }, { sessionToken: admin, clientId: COUNTER });

  beforeEach(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    // Each signs in once from the 'local' client, which becomes their trusted client.
    await t.operatorWith(['supervisor'], 'zhuguan');
    await t.operatorWith(['cashier'], 'shoufei');
    await t.operatorWith(['supervisor'], 'tingyong');
    ids = Object.fromEntries(rows(t, 'SELECT login, id FROM operators').map((r) => [r.login, r.id as number]));
    valueOf(await t.run(admin, 'operators.setDisabled', { id: ids.tingyong!, disabled: true, reason: '离职' }));
    services = createServices({ setupCode: null, log: createFileLogger(join(t.dir, 'approval-logs')) });
    dispatcher = createDispatcher({
      db: t.app.connection.db,
      sqlite: t.app.connection.sqlite,
      handlers,
      services,
      clock: t.clock.now,
      commandDefs: { 'settings.update': needsApproval },
    });
  });
  afterEach(() => t.close());

  it('asks for an approval when none comes with the input, naming who may give it, and writes nothing', async () => {
    const audit = count(t, 'audit_log');
    const error = expectError((await update()).response);
    expect(error).toEqual({ kind: 'approval_required', message: '此操作需要主管核准', approval: { roles: ['supervisor', 'admin'], summary: '修改系统设置' } });
    expect(count(t, 'audit_log')).toBe(audit);
    expect(count(t, 'settings')).toBe(0);
  });

  it('runs the command with the right approver and records them on every audit row it writes', async () => {
    const out = await update({ login: 'ZhuGuan', password: PASSWORD });
    expect(valueOf<{ officeName: string }>(out.response).officeName).toBe('阳光花园物业管理处');
    const written = rows(t, "SELECT operator_id, approver_id, after_json FROM audit_log WHERE command = 'settings.update'");
    expect(written.length).toBeGreaterThan(0);
    for (const row of written) expect(row).toMatchObject({ operator_id: ids.admin, approver_id: ids.zhuguan });
    // The handler never saw the approval: no setting called 'approval', no password in the trail.
    expect(rows(t, 'SELECT key FROM settings')).toEqual([{ key: 'officeName' }]);
    expect(JSON.stringify(rows(t, 'SELECT * FROM audit_log'))).not.toContain(PASSWORD);
    // Commands without approval still record none.
    expect(rows(t, "SELECT approver_id FROM audit_log WHERE command <> 'settings.update'").every((r) => r.approver_id === null)).toBe(true);

    const listed = valueOf<{ rows: { command: string; approverId: number | null; approverName: string | null }[] }>(
      await t.run(admin, 'audit.list', { page: 1, pageSize: 50, filters: { command: 'settings.update' } }),
    );
    expect(listed.rows[0]).toMatchObject({ approverId: ids.zhuguan, approverName: '操作员1' });
  });

  it('refuses a wrong approver password with a field error, keeping the dialog open, and writes nothing', async () => {
    const audit = count(t, 'audit_log');
    for (const login of ['zhuguan', 'nobody']) {
      const error = expectError((await update({ login, password: 'not-the-password' })).response);
      expect(error).toMatchObject({ kind: 'approval_required', fields: { 'approval.password': '核准人账号或密码不正确' } });
      expect(error).toMatchObject({ approval: { roles: ['supervisor', 'admin'] } });
    }
    expect(count(t, 'audit_log')).toBe(audit);
    expect(count(t, 'settings')).toBe(0);
  });

  it('refuses the operator approving their own command: dual control needs two people', async () => {
    const error = expectError((await update({ login: 'admin', password: 'admin-pass-1' })).response);
    expect(error).toMatchObject({ kind: 'approval_required', fields: { 'approval.login': '不能核准自己的操作，请另一位主管核准' } });
    expect(count(t, 'settings')).toBe(0);
  });

  it('refuses an approver without an approving role, and a disabled one, even with the right password', async () => {
    const wrongRole = expectError((await update({ login: 'shoufei', password: PASSWORD })).response);
    expect(wrongRole).toMatchObject({ kind: 'approval_required', fields: { 'approval.login': '该账号无权核准此操作，请由主管或管理员核准' } });
    const disabled = expectError((await update({ login: 'tingyong', password: PASSWORD })).response);
    expect(disabled).toMatchObject({ kind: 'approval_required', fields: { 'approval.login': '该核准人账号已停用' } });
    expect(count(t, 'settings')).toBe(0);
  });

  it('refuses an approval whose approver was disabled while it was being checked', async () => {
    // The supervisor is disabled between the password check (before the transaction) and the
    // transaction itself: the dispatcher's second look inside the transaction catches it.
    const gated = createDispatcher({
      db: t.app.connection.db,
      handlers: {
        ...handlers,
        'settings.update': prepared<'settings.update', null>({
          prepare: async () => {
            valueOf(await t.run(admin, 'operators.setDisabled', { id: ids.zhuguan!, disabled: true, reason: '调岗' }));
            return null;
          },
          run: (ctx, input) => (handlers['settings.update'] as Handler<'settings.update'>)(ctx, input),
        }),
      },
      services,
      clock: t.clock.now,
      commandDefs: { 'settings.update': needsApproval },
    });
    const out = await gated.run('settings.update', { officeName: '改不了', approval: { login: 'zhuguan', password: PASSWORD } }, { sessionToken: admin, clientId: COUNTER });
    expect(expectError(out.response)).toMatchObject({ kind: 'approval_required', fields: { 'approval.login': '该核准人账号已停用' } });
    expect(count(t, 'settings')).toBe(0);
  });

  it('throttles wrong approval passwords like sign-in, per approver login and client, without locking the approver out of their own desk', async () => {
    for (let i = 0; i < LOGIN_RULES.freePerClient; i++) {
      expect(expectError((await update({ login: 'zhuguan', password: `wrong-${i}` })).response).kind).toBe('approval_required');
    }
    // Even the right password now waits at this counter.
    const throttled = expectError((await update({ login: 'zhuguan', password: PASSWORD })).response);
    expect(throttled.kind).toBe('rate_limited');
    expect(throttled.message).toMatch(/秒后再试/);
    expect(count(t, 'settings')).toBe(0);

    // The same throttle as sign-in: signing in as the supervisor at this counter waits too …
    const atCounter = await dispatcher.run('auth.login', { login: 'zhuguan', password: PASSWORD }, { sessionToken: null, clientId: COUNTER });
    expect(expectError(atCounter.response).kind).toBe('rate_limited');
    // … while the supervisor's own trusted client signs in at once.
    const ownDesk = await dispatcher.run('auth.login', { login: 'zhuguan', password: PASSWORD }, { sessionToken: null, clientId: 'local' });
    expect(valueOf(ownDesk.response)).toMatchObject({ operator: { login: 'zhuguan' } });
  });
});
