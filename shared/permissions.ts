import { ROLES, type Role } from './roles';
import type { DeskKey } from './desks';

/**
 * What each role may do and see, in one table: which desks it works at, what it sees of people's
 * personal data, whether it sees a desk's whole lists and approves. The server's access lists and
 * masking, the sidebar and the buttons all read it; tests/security/permissions.test.ts checks
 * every place against a copy written out by hand.
 */
export interface RolePermissions {
  /** The desks this role works at (sidebar, the desks' command access lists). */
  desks: readonly DeskKey[];
  /** Edits buildings, units, people and vehicles (房屋住户), imports the roster. */
  editsEstate: boolean;
  /**
   * A desk's whole lists, not only the operator's own records (all overdue entries, not just
   * those assigned to me).
   */
  seesWholeDeskLists: boolean;
  /**
   * Approves: a second person's approval for dual-control commands (voids, sales-department key
   * loans, arrears overrides), acknowledging major matters, being escalated to.
   */
  approves: boolean;
  /**
   * Mobiles and other phones in full — residents', callers', visitors' and staff's alike (one
   * rule). Roles that phone people as part of their work; the others see 138****5678.
   */
  seesMobiles: boolean;
  /** Full ID numbers, through estate.revealId (each look audited); everywhere else they are masked. */
  mayRevealIds: boolean;
  /** Full ID numbers in a roster export (the export audited as a reveal of each number). */
  mayExportFullIds: boolean;
}

const FRONT: readonly DeskKey[] = ['reception', 'repairs', 'passes', 'estate', 'settings'];
const EVERY_DESK: readonly DeskKey[] = ['reception', 'repairs', 'keys', 'passes', 'fees', 'estate', 'reports', 'settings'];
const ORDINARY = { editsEstate: false, seesWholeDeskLists: false, approves: false, mayRevealIds: false, mayExportFullIds: false };

export const PERMISSIONS: Record<Role, RolePermissions> = {
  receptionist: { ...ORDINARY, desks: FRONT, seesMobiles: true },
  // The key desk phones the owner to confirm a collection (domain §3).
  key_custodian: { ...ORDINARY, desks: ['keys', 'estate', 'settings'], seesMobiles: true },
  // Takes payments against bills and units; has no reason to call anyone.
  cashier: { ...ORDINARY, desks: ['fees', 'estate', 'reports', 'settings'], seesMobiles: false },
  // 片区管理员: works the front desks and keeps the estate's records.
  officer: { ...ORDINARY, desks: FRONT, editsEstate: true, seesMobiles: true },
  supervisor: { desks: EVERY_DESK, editsEstate: true, seesWholeDeskLists: true, approves: true, seesMobiles: true, mayRevealIds: true, mayExportFullIds: true },
  admin: { desks: EVERY_DESK, editsEstate: true, seesWholeDeskLists: true, approves: true, seesMobiles: true, mayRevealIds: true, mayExportFullIds: true },
  // 门岗: checks goods-release passes at the gate (domain §4) and nothing else — no estate, no lists
  // of residents; 设置 only for the own password. The passes desk shows the guard its gate screen alone.
  gate_guard: { ...ORDINARY, desks: ['passes', 'settings'], seesMobiles: false },
};

export type Permission = Exclude<keyof RolePermissions, 'desks'>;

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

/** The roles that work at a desk: the access list of its commands. */
export function rolesUsing(desk: DeskKey): [Role, ...Role[]] {
  const roles = ROLES.filter((r) => PERMISSIONS[r].desks.includes(desk));
  if (!roles.length) throw new Error(`no role uses ${desk}`);
  return roles as [Role, ...Role[]];
}

/** Whether an operator holding these roles works at the desk (the sidebar; the server checks each command). */
export function usesDesk(roles: readonly Role[], desk: DeskKey): boolean {
  return roles.some((r) => PERMISSIONS[r].desks.includes(desk));
}

export function hasAnyRole(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((r) => roles.includes(r));
}
