import { ROLES, type Role } from './roles';

/**
 * What each role may see of people's personal data, in one table: the server masks by it, the
 * contract's access lists are read from it, and tests/security/permissions.test.ts checks every
 * place against a copy written out by hand.
 */
export interface RolePermissions {
  /**
   * Mobiles and other phones in full — residents', callers', visitors' and staff's alike (one
   * rule). Roles that phone people as part of their work; the others see 138****5678.
   */
  seesMobiles: boolean;
  /** Full ID numbers, through estate.revealId (each look audited); everywhere else they are masked. */
  mayRevealIds: boolean;
}

export const PERMISSIONS: Record<Role, RolePermissions> = {
  receptionist: { seesMobiles: true, mayRevealIds: false },
  // The key desk phones the owner to confirm a collection (domain §3).
  key_custodian: { seesMobiles: true, mayRevealIds: false },
  // Takes payments against bills and units; has no reason to call anyone.
  cashier: { seesMobiles: false, mayRevealIds: false },
  officer: { seesMobiles: true, mayRevealIds: false },
  supervisor: { seesMobiles: true, mayRevealIds: true },
  admin: { seesMobiles: true, mayRevealIds: true },
};

export type Permission = keyof RolePermissions;

/** Whether any of these roles has the permission (an operator holds the union of their roles'). */
export function rolesMay(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => PERMISSIONS[r][permission]);
}

/** The roles that have a permission, for a command's `access` list. */
export function rolesWith(permission: Permission): [Role, ...Role[]] {
  const roles = ROLES.filter((r) => PERMISSIONS[r][permission]);
  if (!roles.length) throw new Error(`no role has ${permission}`);
  return roles as [Role, ...Role[]];
}
