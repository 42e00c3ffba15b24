import type { OperatorView } from '../../shared/contract/operators';
import { ROLES, type Role } from '../../shared/roles';
import type { Db } from '../context';
import type { OperatorRow } from '../schema';

export async function loadOperator(db: Db, id: number): Promise<OperatorView | null> {
  const row = await db.selectFrom('operators').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toView(row, await rolesOf(db, [id])) : null;
}

export async function loadOperatorByLogin(db: Db, login: string): Promise<(OperatorView & { passwordHash: string }) | null> {
  // `login` is COLLATE NOCASE: 'Admin' and 'admin' are the same account.
  const row = await db.selectFrom('operators').selectAll().where('login', '=', login).executeTakeFirst();
  return row ? { ...toView(row, await rolesOf(db, [row.id])), passwordHash: row.password_hash } : null;
}

/** The stored hash, to re-check in a command's transaction that the password did not change since it was verified. */
export async function passwordHashOf(db: Db, id: number): Promise<string | null> {
  const row = await db.selectFrom('operators').select('password_hash').where('id', '=', id).executeTakeFirst();
  return row?.password_hash ?? null;
}

export async function rolesOf(db: Db, ids: number[]): Promise<Map<number, Role[]>> {
  const map = new Map<number, Role[]>();
  if (!ids.length) return map;
  const rows = await db.selectFrom('operator_roles').select(['operator_id', 'role']).where('operator_id', 'in', ids).execute();
  for (const r of rows) {
    const list = map.get(r.operator_id) ?? [];
    list.push(r.role as Role);
    map.set(r.operator_id, list);
  }
  for (const list of map.values()) list.sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b));
  return map;
}

export function toView(row: OperatorRow, roles: Map<number, Role[]>): OperatorView {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    roles: roles.get(row.id) ?? [],
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
  };
}

export async function setRoles(db: Db, operatorId: number, roles: readonly Role[]): Promise<void> {
  await db.deleteFrom('operator_roles').where('operator_id', '=', operatorId).execute();
  const unique = [...new Set(roles)];
  await db
    .insertInto('operator_roles')
    .values(unique.map((role) => ({ operator_id: operatorId, role })))
    .execute();
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('operators')
    .innerJoin('operator_roles', 'operator_roles.operator_id', 'operators.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('operator_roles.role', '=', 'admin')
    .where('operators.disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function operatorCount(db: Db): Promise<number> {
  const row = await db.selectFrom('operators').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
