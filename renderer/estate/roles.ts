import { ESTATE_EDITORS, COUNTER_ROLES } from '../../shared/contract/estate';
import { hasAnyRole } from '../desks';
import { rolesMay } from '../../shared/permissions';
import { useSession } from '../session/SessionContext';

/** What this operator may do on the desk; only to hide buttons — the server checks every command. */
export function useEstateRights() {
  const { operator } = useSession();
  const roles = operator.roles;
  return {
    edit: hasAnyRole(roles, ESTATE_EDITORS),
    people: hasAnyRole(roles, COUNTER_ROLES),
    supervise: hasAnyRole(roles, ['supervisor', 'admin']),
    /** Full ID numbers: the reveal button, the export's full-number option (shared/permissions.ts). */
    revealIds: rolesMay(roles, 'mayRevealIds'),
    admin: roles.includes('admin'),
  };
}
