import type { Role } from '../shared/roles';

/**
 * The desks in sidebar order and who uses each one. The only place this mapping lives: the
 * menu, the Alt+digit shortcuts and the route fallback all read it. Each desk's commands are
 * still checked by the server; hiding a desk is for the operator's eyes only.
 */
export const DESKS = [
  { key: 'reception', title: '接待登记', roles: ['receptionist', 'officer', 'supervisor', 'admin'] },
  { key: 'repairs', title: '报修派工', roles: ['receptionist', 'officer', 'supervisor', 'admin'] },
  { key: 'keys', title: '钥匙管理', roles: ['key_custodian', 'supervisor', 'admin'] },
  { key: 'passes', title: '物品放行', roles: ['receptionist', 'officer', 'supervisor', 'admin'] },
  { key: 'fees', title: '收费', roles: ['cashier', 'supervisor', 'admin'] },
  { key: 'estate', title: '房屋住户', roles: 'all' },
  { key: 'reports', title: '报表', roles: ['supervisor', 'admin', 'cashier'] },
  { key: 'settings', title: '设置', roles: 'all' },
] as const satisfies readonly { key: string; title: string; roles: readonly Role[] | 'all' }[];

export type Desk = (typeof DESKS)[number];
export type DeskKey = Desk['key'];

export function canUse(roles: readonly Role[], desk: Desk): boolean {
  return desk.roles === 'all' || desk.roles.some((r) => roles.includes(r));
}

export function visibleDesks(roles: readonly Role[]): Desk[] {
  return DESKS.filter((d) => canUse(roles, d));
}

export function hasAnyRole(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((r) => roles.includes(r));
}
