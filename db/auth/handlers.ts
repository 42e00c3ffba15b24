import { randomBytes } from 'node:crypto';
import { prepared, type Handlers, type CommandContext, type PrepareContext } from '../context';
import type { authCommands, SignedOut } from '../../shared/contract/auth';
import { fail, CommandFailure } from '../../shared/result';
import { hashPassword, verifyPassword } from './password';
import { checkSetupCode } from './setup-code';
import { trustClient } from './trust';
import { checkLoginPassword } from './login-check';
import { hashToken } from './session-rules';
import { writeSettings } from '../settings/service';
import { loadOperator, operatorCount, passwordHashOf, setRoles } from '../operators/service';

async function startSession(ctx: CommandContext, operatorId: number): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  await ctx.db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), operator_id: operatorId, created_at: ctx.nowIso, last_seen_at: ctx.nowIso })
    .execute();
  ctx.setSession(token);
}

const WRONG_LOGIN = () => new CommandFailure('unauthenticated', '账号或密码不正确', { password: '账号或密码不正确' });
const SETUP_DONE = () => fail.conflict('系统已经设置过管理员，请直接登录');

/**
 * The signed-in operator proves their password from their own session (unlocking the screen,
 * changing the password). Counted per session, never with the login: a stranger's wrong
 * passwords elsewhere cannot block it, and too many here end the session ('sign_out').
 */
async function proveInSession(pre: PrepareContext, password: string, wrong: () => CommandFailure): Promise<{ passwordHash: string } | 'sign_out'> {
  if (!pre.operator || !pre.session) throw fail.unauthenticated('请先登录');
  const throttle = pre.services.loginThrottle;
  const sessionId = pre.session.id;
  if (throttle.sessionSpent(sessionId, pre.now)) return 'sign_out';
  const passwordHash = await passwordHashOf(pre.db, pre.operator.id);
  if (passwordHash && (await verifyPassword(password, passwordHash, { priority: true }))) {
    throttle.sessionSucceeded(sessionId);
    return { passwordHash };
  }
  if (throttle.sessionFailed(sessionId, pre.now)) return 'sign_out';
  throw wrong();
}

/** End this session after too many wrong passwords in it; audited. */
async function signOutAfterFailures(ctx: CommandContext, message: string): Promise<SignedOut> {
  const op = ctx.requireOperator();
  const ended = await ctx.db
    .updateTable('sessions')
    .set({ ended_at: ctx.nowIso, end_reason: 'password_failures' })
    .where('id', '=', ctx.session!.id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  // A parallel try already ended it.
  if (!Number(ended.numUpdatedRows)) throw fail.unauthenticated(message);
  await ctx.audit({ entity: 'session', entityId: op.id, after: { event: 'signed_out', reason: 'password_failures' } });
  ctx.setSession(null);
  return { signedOut: message };
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

  'auth.setup': prepared({
    async prepare(pre, input) {
      if ((await operatorCount(pre.db)) > 0) throw SETUP_DONE();
      const code = pre.services.setupCode;
      if (code !== null) checkSetupCode(pre.services.limits, pre.clientId, input.setupCode, code, pre.now);
      return { passwordHash: await hashPassword(input.password) };
    },
    async run(ctx, input, { passwordHash }) {
      // Two setup pages may have raced through prepare.
      if ((await operatorCount(ctx.db)) > 0) throw SETUP_DONE();
      const inserted = await ctx.db
        .insertInto('operators')
        .values({
          login: input.login,
          display_name: input.displayName,
          password_hash: passwordHash,
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
      await trustClient(ctx.db, operator.id, ctx.clientId, ctx.nowIso);
      await startSession(ctx, operator.id);
      await ctx.audit({ entity: 'session', entityId: operator.id, after: { event: 'login' } });
      return { operator };
    },
  }),

  'auth.login': prepared({
    async prepare(pre, input) {
      const checked = await checkLoginPassword(pre, input, 'login_failed');
      if (!checked) throw WRONG_LOGIN();
      const { operator: found, attempt } = checked;
      return { attempt, operatorId: found.id, passwordHash: found.passwordHash };
    },
    async run(ctx, _input, { attempt, operatorId, passwordHash }) {
      const operator = await loadOperator(ctx.db, operatorId);
      // The password was changed between the check and now: the typed one is no longer it.
      if (!operator || (await passwordHashOf(ctx.db, operatorId)) !== passwordHash) throw WRONG_LOGIN();
      if (operator.disabled) {
        ctx.services.log.warn('login_failed', { login: operator.login, known: true, disabled: true });
        throw fail.unauthenticated('该账号已停用，请联系管理员');
      }
      ctx.services.loginThrottle.succeeded(attempt);
      await trustClient(ctx.db, operator.id, ctx.clientId, ctx.nowIso);
      ctx.operator = { id: operator.id, login: operator.login, displayName: operator.displayName, roles: operator.roles };
      await startSession(ctx, operator.id);
      await ctx.audit({ entity: 'session', entityId: operator.id, after: { event: 'login' } });
      return { operator };
    },
  }),

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

  'auth.unlock': prepared({
    prepare: (pre, input) => proveInSession(pre, input.password, () => fail.validation('密码不正确', { password: '密码不正确' })),
    async run(ctx, _input, proof) {
      if (proof === 'sign_out') return signOutAfterFailures(ctx, '解锁失败次数过多，已退出登录，请重新登录');
      const op = ctx.requireOperator();
      await ctx.db
        .updateTable('sessions')
        .set({ locked_at: null, last_seen_at: ctx.nowIso })
        .where('id', '=', ctx.session!.id)
        .execute();
      await ctx.audit({ entity: 'session', entityId: op.id, after: { event: 'unlock' } });
      return { operator: (await loadOperator(ctx.db, op.id))! };
    },
  }),

  // The dispatcher already moved the session's last-seen time; nothing else to do.
  'auth.touch': async () => null,

  'auth.changePassword': prepared({
    async prepare(pre, input) {
      const proof = await proveInSession(pre, input.currentPassword, () => fail.validation('当前密码不正确', { currentPassword: '当前密码不正确' }));
      if (proof === 'sign_out') return proof;
      return { provenHash: proof.passwordHash, newHash: await hashPassword(input.newPassword) };
    },
    async run(ctx, _input, prepared) {
      if (prepared === 'sign_out') return signOutAfterFailures(ctx, '密码错误次数过多，已退出登录，请重新登录');
      const op = ctx.requireOperator();
      if ((await passwordHashOf(ctx.db, op.id)) !== prepared.provenHash) {
        throw fail.conflict('密码刚刚被修改过，请用新密码重试', { currentPassword: '密码刚刚被修改过' });
      }
      await ctx.db.updateTable('operators').set({ password_hash: prepared.newHash, updated_at: ctx.nowIso }).where('id', '=', op.id).execute();
      // Whoever else holds this operator's sessions (another desk, a forgotten browser) signs in again.
      const ended = await ctx.db
        .updateTable('sessions')
        .set({ ended_at: ctx.nowIso, end_reason: 'password_changed' })
        .where('operator_id', '=', op.id)
        .where('ended_at', 'is', null)
        .where('id', '!=', ctx.session!.id)
        .executeTakeFirst();
      // The password itself never enters the audit trail.
      await ctx.audit({ entity: 'operator', entityId: op.id, after: { event: 'password_changed', sessionsEnded: Number(ended.numUpdatedRows) } });
      return null;
    },
  }),
};
