import type { Superior } from '../../shared/contract/reception';
import { SUPERVISOR_ROLES } from '../../shared/contract/reception';
import { fail } from '../../shared/result';
import { ROLE_LABELS, type Role } from '../../shared/roles';
import type { CommandContext } from '../context';
import { nameSearchKeys } from '../estate/people';

/**
 * 上报 goes to someone who signs in and can answer for the desk: an active supervisor or admin
 * (the roles that also acknowledge major matters), so the entry waits in their own list.
 */
async function superiorRows(ctx: CommandContext) {
  return ctx.db
    .selectFrom('operators')
    .innerJoin('operator_roles', 'operator_roles.operator_id', 'operators.id')
    .leftJoin('staff', 'staff.operator_id', 'operators.id')
    .leftJoin('departments', 'departments.id', 'staff.department_id')
    .select(['operators.id', 'operators.display_name', 'operators.disabled_at', 'operator_roles.role', 'staff.position', 'departments.name as department_name'])
    .where('operator_roles.role', 'in', SUPERVISOR_ROLES)
    .execute();
}

type SuperiorRow = Awaited<ReturnType<typeof superiorRows>>[number];

function toSuperior(rows: SuperiorRow[]): Superior & { supervisor: boolean } {
  const first = rows[0]!;
  const roles = SUPERVISOR_ROLES.filter((r) => rows.some((x) => x.role === r));
  const post = [first.department_name, first.position].filter(Boolean).join(' ');
  const keys = nameSearchKeys(first.display_name);
  return {
    operatorId: first.id,
    name: first.display_name,
    detail: [roles.map((r: Role) => ROLE_LABELS[r]).join('、'), post].filter(Boolean).join(' · '),
    searchText: `${first.display_name} ${keys.pinyin} ${keys.initials}`.toLowerCase(),
    supervisor: roles.includes('supervisor'),
  };
}

function byOperator(rows: SuperiorRow[]): Map<number, SuperiorRow[]> {
  const out = new Map<number, SuperiorRow[]>();
  for (const r of rows) out.set(r.id, [...(out.get(r.id) ?? []), r]);
  return out;
}

/** Whom the signed-in operator can escalate to: supervisors first, then admins, by name; never themselves. */
export async function listSuperiors(ctx: CommandContext): Promise<Superior[]> {
  const me = ctx.requireOperator();
  const active = (await superiorRows(ctx)).filter((r) => r.disabled_at === null && r.id !== me.id);
  return [...byOperator(active).values()]
    .map(toSuperior)
    .sort((a, b) => Number(b.supervisor) - Number(a.supervisor) || a.searchText.localeCompare(b.searchText))
    .map(({ supervisor: _, ...s }) => s);
}

/** The superior a 上报 names, checked: exists, may answer, is active, is not the one escalating. */
export async function resolveSuperior(ctx: CommandContext, operatorId: number): Promise<{ id: number; name: string }> {
  const me = ctx.requireOperator();
  const operator = await ctx.db.selectFrom('operators').select(['id', 'display_name', 'disabled_at']).where('id', '=', operatorId).executeTakeFirst();
  if (!operator) throw fail.notFound('找不到这位上级');
  const refuse = (message: string) => fail.validation(message, { toOperatorId: message });
  if (operator.id === me.id) throw refuse('不能上报给自己');
  const rows = byOperator(await superiorRows(ctx)).get(operator.id);
  if (!rows) throw refuse('只能上报给主管或管理员');
  if (operator.disabled_at !== null) throw refuse(`${operator.display_name} 的账号已停用`);
  return { id: operator.id, name: operator.display_name };
}
