import { prepared, type Handlers } from '../context';
import type { operatorCommands } from '../../shared/contract/operators';
import { fail } from '../../shared/result';
import { hashPassword } from '../auth/password';
import { countActiveAdmins, loadOperator, rolesOf, setRoles, toView } from './service';

export const operatorHandlers: Handlers<keyof typeof operatorCommands> = {
  'operators.list': async (ctx, input) => {
    const { search, role, includeDisabled } = input.filters;
    let q = ctx.db.selectFrom('operators');
    if (!includeDisabled) q = q.where('disabled_at', 'is', null);
    if (search) {
      const like = `%${search.replace(/[\\%_]/g, '\\$&')}%`;
      q = q.where((eb) => eb.or([eb('login', 'like', like), eb('display_name', 'like', like)]));
    }
    if (role) {
      q = q.where((eb) =>
        eb.exists(eb.selectFrom('operator_roles').whereRef('operator_roles.operator_id', '=', 'operators.id').where('role', '=', role).select('role')),
      );
    }
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const sortColumns = { login: 'login', displayName: 'display_name', createdAt: 'created_at' } as const;
    const column = sortColumns[input.sort?.field ?? 'createdAt'];
    const rows = await q
      .selectAll()
      .orderBy(column, input.sort?.desc ? 'desc' : 'asc')
      .orderBy('id', 'asc')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute();
    const roles = await rolesOf(ctx.db, rows.map((r) => r.id));
    const throttle = ctx.services.loginThrottle;
    return { rows: rows.map((r) => ({ ...toView(r, roles), loginWaitSeconds: throttle.waitSeconds(r.login, ctx.now) })), total };
  },

  // Hashing the password (scrypt) happens before the transaction, so other desks keep working.
  'operators.create': prepared({
    prepare: async (_pre, input) => hashPassword(input.password),
    run: async (ctx, input, passwordHash) => {
      const taken = await ctx.db.selectFrom('operators').select('id').where('login', '=', input.login).executeTakeFirst();
      if (taken) throw fail.conflict('这个登录账号已被使用', { login: '账号已被使用（停用的账号也占用账号名）' });
      const { id } = await ctx.db
        .insertInto('operators')
        .values({
          login: input.login,
          display_name: input.displayName,
          password_hash: passwordHash,
          disabled_at: null,
          disabled_reason: null,
          created_at: ctx.nowIso,
          updated_at: ctx.nowIso,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await setRoles(ctx.db, id, input.roles);
      const view = (await loadOperator(ctx.db, id))!;
      await ctx.audit({ entity: 'operator', entityId: id, after: view });
      return view;
    },
  }),

  'operators.update': async (ctx, input) => {
    const before = await loadOperator(ctx.db, input.id);
    if (!before) throw fail.notFound('找不到这个操作员');
    if (before.roles.includes('admin') && !input.roles.includes('admin') && !before.disabled && (await countActiveAdmins(ctx.db)) <= 1) {
      throw fail.conflict('这是最后一个管理员，不能去掉管理员角色', { roles: '至少保留一个管理员' });
    }
    await ctx.db.updateTable('operators').set({ display_name: input.displayName, updated_at: ctx.nowIso }).where('id', '=', input.id).execute();
    await setRoles(ctx.db, input.id, input.roles);
    const after = (await loadOperator(ctx.db, input.id))!;
    await ctx.audit({ entity: 'operator', entityId: input.id, before, after });
    return after;
  },

  'operators.setDisabled': async (ctx, input) => {
    const before = await loadOperator(ctx.db, input.id);
    if (!before) throw fail.notFound('找不到这个操作员');
    if (before.disabled === input.disabled) throw fail.conflict(input.disabled ? '该操作员已是停用状态' : '该操作员已是启用状态');
    if (input.disabled) {
      if (input.id === ctx.requireOperator().id) throw fail.conflict('不能停用自己的账号');
      if (before.roles.includes('admin') && (await countActiveAdmins(ctx.db)) <= 1) throw fail.conflict('这是最后一个管理员，不能停用');
    }
    await ctx.db
      .updateTable('operators')
      .set({
        disabled_at: input.disabled ? ctx.nowIso : null,
        disabled_reason: input.disabled ? input.reason : null,
        updated_at: ctx.nowIso,
      })
      .where('id', '=', input.id)
      .execute();
    if (input.disabled) {
      // A disabled operator is signed out everywhere at once.
      await ctx.db
        .updateTable('sessions')
        .set({ ended_at: ctx.nowIso, end_reason: 'disabled' })
        .where('operator_id', '=', input.id)
        .where('ended_at', 'is', null)
        .execute();
    }
    const after = (await loadOperator(ctx.db, input.id))!;
    await ctx.audit({ entity: 'operator', entityId: input.id, before, after: { ...after, reason: input.reason } });
    return after;
  },

  'operators.resetPassword': prepared({
    prepare: async (_pre, input) => hashPassword(input.password),
    run: async (ctx, input, passwordHash) => {
      const before = await loadOperator(ctx.db, input.id);
      if (!before) throw fail.notFound('找不到这个操作员');
      await ctx.db
        .updateTable('operators')
        .set({ password_hash: passwordHash, updated_at: ctx.nowIso })
        .where('id', '=', input.id)
        .execute();
      await ctx.db
        .updateTable('sessions')
        .set({ ended_at: ctx.nowIso, end_reason: 'password_reset' })
        .where('operator_id', '=', input.id)
        .where('ended_at', 'is', null)
        .where('id', '!=', ctx.session?.id ?? -1)
        .execute();
      await ctx.audit({ entity: 'operator', entityId: input.id, after: { event: 'password_reset' } });
      return null;
    },
  }),

  'operators.clearLockout': async (ctx, input) => {
    const operator = await loadOperator(ctx.db, input.id);
    if (!operator) throw fail.notFound('找不到这个操作员');
    ctx.services.loginThrottle.clear(operator.login);
    await ctx.audit({ entity: 'operator', entityId: input.id, after: { event: 'lockout_cleared', login: operator.login } });
    return null;
  },
};
