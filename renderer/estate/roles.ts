import { ESTATE_EDITORS, COUNTER_ROLES } from '../../shared/contract/estate';
import { hasAnyRole, rolesMay } from '../../shared/permissions';
import { mayRun } from '../../shared/contract';
import { useSession } from '../session/SessionContext';

/** What this operator may do on the desk; only to hide buttons — the server checks every command. */
export function useEstateRights() {
  const { operator } = useSession();
  const roles = operator.roles;
  return {
    edit: hasAnyRole(roles, ESTATE_EDITORS),
    people: hasAnyRole(roles, COUNTER_ROLES),
    // Creating an estate: read from the command's own access list, so the button and the server agree.
    supervise: mayRun(roles, 'estate.saveEstate'),
    /** Full ID numbers: the reveal button, the export's full-number option (shared/permissions.ts). */
    revealIds: rolesMay(roles, 'mayRevealIds'),
    exportFullIds: rolesMay(roles, 'mayExportFullIds'),
    admin: roles.includes('admin'),
  };
}
