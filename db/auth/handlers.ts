import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Handlers, CommandContext } from '../context';
import type { authCommands } from '../../shared/contract/auth';
import { fail, CommandFailure } from '../../shared/result';
import { hashPassword, verifyPassword, DUMMY_HASH } from './password';
import { hashToken } from '../dispatcher';
import { writeSettings } from '../settings/service';
import { loadOperator, loadOperatorByLogin, operatorCount, setRoles } from '../operators/service';

async function startSession(ctx: CommandContext, operatorId: number): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  await ctx.db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), operator_id: operatorId, created_at: ctx.nowIso, last_seen_at: ctx.nowIso })
    .execute();
  ctx.setSession(token);
}

function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const authHandlers: Handlers<keyof typeof authCommands> = {
  'auth.session': async (ctx) => {
    const needsSetup = (await operatorCount(ctx.db)) === 0;
    const operator = ctx.operator;
    return {
      operator: operator ? await loadOperator(ctx.db, operator.id) : null,
      locked: ctx.sessionLocked,
      needsSetup,
      setupCodeRequired: needsSetup && ctx.services.setupCode !== null,
      lockMinutes: ctx.settings.lockMinutes,
      officeName: ctx.settings.officeName,
    };
  },

  'auth.setup': async (ctx, input) => {
    if ((await operatorCount(ctx.db)) > 0) throw fail.conflict('系统已经设置过管理员，请直接登录');
    const code = ctx.services.setupCode;
    if (code !== null && !sameCode(input.setupCode ?? '', code)) {
      throw fail.validation('初始化码不正确（见启动窗口中打印的初始化码）', { setupCode: '初始化码不正确' });
    }
    const inserted = await ctx.db
      .insertInto('operators')
      .values({
        login: input.login,
        display_name: input.displayName,
        password_hash: await hashPassword(input.password),
        created_at: ctx.nowIso,
        updated_at: ctx.nowIso,
        disabled_at: null,
        disabled_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setRoles(ctx.db, inserted.id, ['admin']);
    const operator = (await loadOperator(ctx.db, inserted.id))!;
    ctx.operator = { id: operator.id, login: operator.login, displayName: operator.displayName, roles: operator.roles };
    await ctx.audit({ entity: 'operator', entityId: operator.id, after: operator });
    if (input.officeName) await writeSettings(ctx, { officeName: input.officeName });
    await startSession(ctx, operator.id);
    await ctx.audit({ entity: 'session', entityId: operator.id, after: { event: 'login' } });
    return { operator };
  },

  'auth.login': async (ctx, input) => {
    const throttle = ctx.services.loginThrottle;
    const wait = throttle.waitSeconds(input.login, ctx.now);
    if (wait > 0) throw fail.unauthenticated(`密码错误次数过多，请 ${wait} 秒后再试`);
    const found = await loadOperatorByLogin(ctx.db, input.login);
    const ok = await verifyPassword(input.password, found?.passwordHash ?? DUMMY_HASH);
    if (!found || !ok || found.disabled) {
      throttle.failed(input.login, ctx.now);
      ctx.services.log.warn('login_failed', { login: input.login.slice(0, 32), known: !!found, disabled: !!found?.disabled });
      if (found?.disabled && ok) throw fail.unauthenticated('该账号已停用，请联系管理员');
      throw new CommandFailure('unauthenticated', '账号或密码不正确', { password: '账号或密码不正确' });
    }
    throttle.succeeded(input.login);
    const { passwordHash: _hash, ...operator } = found;
    ctx.operator = { id: operator.id, login: operator.login, displayName: operator.displayName, roles: operator.roles };
    await startSession(ctx, operator.id);
    await ctx.audit({ entity: 'session', entityId: operator.id, after: { event: 'login' } });
    return { operator };
  },

  'auth.logout': async (ctx) => {
    const op = ctx.requireOperator();
    await ctx.db
      .updateTable('sessions')
      .set({ ended_at: ctx.nowIso, end_reason: 'logout' })
      .where('id', '=', ctx.session!.id)
      .execute();
    await ctx.audit({ entity: 'session', entityId: op.id, after: { event: 'logout' } });
    ctx.setSession(null);
    return null;
  },

  'auth.lock': async (ctx) => {
    const op = ctx.requireOperator();
    await ctx.db.updateTable('sessions').set({ locked_at: ctx.nowIso }).where('id', '=', ctx.session!.id).execute();
    await ctx.audit({ entity: 'session', entityId: op.id, after: { event: 'lock' } });
    return null;
  },

  'auth.unlock': async (ctx, input) => {
    const op = ctx.requireOperator();
    const throttle = ctx.services.loginThrottle;
    const wait = throttle.waitSeconds(op.login, ctx.now);
    if (wait > 0) throw fail.unauthenticated(`密码错误次数过多，请 ${wait} 秒后再试`);
    const found = await loadOperatorByLogin(ctx.db, op.login);
    if (!found || !(await verifyPassword(input.password, found.passwordHash))) {
      throttle.failed(op.login, ctx.now);
      throw fail.validation('密码不正确', { password: '密码不正确' });
    }
    throttle.succeeded(op.login);
    await ctx.db
      .updateTable('sessions')
      .set({ locked_at: null, last_seen_at: ctx.nowIso })
      .where('id', '=', ctx.session!.id)
      .execute();
    await ctx.audit({ entity: 'session', entityId: op.id, after: { event: 'unlock' } });
    const { passwordHash: _hash, ...operator } = found;
    return { operator };
  },

  // The dispatcher already moved the session's last-seen time; nothing else to do.
  'auth.touch': async () => null,

  'auth.changePassword': async (ctx, input) => {
    const op = ctx.requireOperator();
    const found = await loadOperatorByLogin(ctx.db, op.login);
    if (!found || !(await verifyPassword(input.currentPassword, found.passwordHash))) {
      throw fail.validation('当前密码不正确', { currentPassword: '当前密码不正确' });
    }
    await ctx.db
      .updateTable('operators')
      .set({ password_hash: await hashPassword(input.newPassword), updated_at: ctx.nowIso })
      .where('id', '=', op.id)
      .execute();
    // The password itself never enters the audit trail.
    await ctx.audit({ entity: 'operator', entityId: op.id, after: { event: 'password_changed' } });
    return null;
  },
};

