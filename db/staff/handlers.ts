import type { CommandContext, Handlers } from '../context';
import type { staffCommands, StaffView } from '../../shared/contract/staff';
import { fail } from '../../shared/result';
import { phoneFor } from '../estate/people';

async function loadStaff(ctx: CommandContext, where: { id?: number; departmentId?: number; includeInactive?: boolean }): Promise<StaffView[]> {
  let q = ctx.db
    .selectFrom('staff')
    .innerJoin('departments', 'departments.id', 'staff.department_id')
    .leftJoin('operators', 'operators.id', 'staff.operator_id')
    .select([
      'staff.id',
      'staff.name',
      'staff.department_id',
      'departments.name as department_name',
      'staff.position',
      'staff.mobile',
      'staff.operator_id',
      'operators.display_name as operator_name',
      'staff.active',
    ]);
  if (where.id) q = q.where('staff.id', '=', where.id);
  if (where.departmentId) q = q.where('staff.department_id', '=', where.departmentId);
  if (!where.includeInactive && !where.id) q = q.where('staff.active', '=', 1);
  const rows = await q.orderBy('departments.id').orderBy('staff.name').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    departmentId: r.department_id,
    departmentName: r.department_name,
    position: r.position,
    // Staff mobiles follow the residents' rule: in full only for roles that phone people.
    mobile: phoneFor(ctx.operator, r.mobile),
    operatorId: r.operator_id,
    operatorName: r.operator_name,
    active: r.active === 1,
  }));
}

export const staffHandlers: Handlers<keyof typeof staffCommands> = {
  'staff.departments': async (ctx) => {
    const rows = await ctx.db
      .selectFrom('departments')
      .select(['departments.id', 'departments.name', 'departments.active'])
      .select((eb) =>
        eb.selectFrom('staff').whereRef('staff.department_id', '=', 'departments.id').where('staff.active', '=', 1).select(eb.fn.countAll<number>().as('n')).as('staff_count'),
      )
      .orderBy('departments.id')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, active: r.active === 1, staffCount: Number(r.staff_count ?? 0) }));
  },

  'staff.saveDepartment': async (ctx, input) => {
    const clash = await ctx.db.selectFrom('departments').select('id').where('name', '=', input.name).executeTakeFirst();
    if (clash && clash.id !== input.id) throw fail.conflict('已有同名部门', { name: '已有同名部门' });
    let id = input.id;
    if (id) {
      const before = await ctx.db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw fail.notFound('找不到这个部门');
      await ctx.db.updateTable('departments').set({ name: input.name, active: input.active ? 1 : 0 }).where('id', '=', id).execute();
      await ctx.audit({ entity: 'department', entityId: id, before, after: input });
    } else {
      id = (await ctx.db.insertInto('departments').values({ name: input.name, active: input.active ? 1 : 0 }).returning('id').executeTakeFirstOrThrow()).id;
      await ctx.audit({ entity: 'department', entityId: id, after: input });
    }
    return { id, name: input.name, active: input.active, staffCount: 0 };
  },

  'staff.list': async (ctx, input) => loadStaff(ctx, input),

  'staff.save': async (ctx, input) => {
    const dept = await ctx.db.selectFrom('departments').select(['id', 'active']).where('id', '=', input.departmentId).executeTakeFirst();
    if (!dept) throw fail.notFound('找不到这个部门');
    if (input.operatorId !== null) {
      const op = await ctx.db.selectFrom('operators').select('id').where('id', '=', input.operatorId).executeTakeFirst();
      if (!op) throw fail.notFound('找不到这个登录账号');
      const taken = await ctx.db.selectFrom('staff').select(['id', 'name']).where('operator_id', '=', input.operatorId).executeTakeFirst();
      if (taken && taken.id !== input.id) throw fail.conflict(`这个登录账号已关联员工 ${taken.name}`, { operatorId: '已关联其他员工' });
    }
    const values = {
      name: input.name,
      department_id: input.departmentId,
      position: input.position,
      mobile: input.mobile,
      operator_id: input.operatorId,
      active: input.active ? 1 : 0,
      updated_at: ctx.nowIso,
    };
    let id = input.id;
    if (id) {
      const before = (await loadStaff(ctx, { id }))[0];
      if (!before) throw fail.notFound('找不到这位员工');
      await ctx.db.updateTable('staff').set(values).where('id', '=', id).execute();
      await ctx.audit({ entity: 'staff', entityId: id, before, after: values });
    } else {
      id = (await ctx.db.insertInto('staff').values({ ...values, created_at: ctx.nowIso }).returning('id').executeTakeFirstOrThrow()).id;
      await ctx.audit({ entity: 'staff', entityId: id, after: values });
    }
    return (await loadStaff(ctx, { id }))[0]!;
  },
};
