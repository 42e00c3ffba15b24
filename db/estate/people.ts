import { pinyin } from 'pinyin-pro';
import { estateCommands, type PersonView } from '../../shared/contract/estate';
import type { Gender, IdType } from '../../shared/estate';
import { maskIdNumber, maskMobile } from '../../shared/mask';
import type { Role } from '../../shared/roles';
import type { SignedInOperator } from '../context';
import type { Selectable } from 'kysely';
import type { PeopleTable } from '../schema';

/** Full pinyin and initials of a name, lower case, for the counter search (`zs` → 张三). */
export function nameSearchKeys(name: string): { pinyin: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' }).map((s) =>
    s.toLowerCase().replace(/[^a-z0-9]/g, ''),
  );
  return { pinyin: syllables.join(''), initials: syllables.map((s) => s[0] ?? '').join('') };
}

/** Roles that phone residents as part of their work see mobile numbers in full. */
const MOBILE_ROLES: readonly Role[] = ['receptionist', 'key_custodian', 'officer', 'supervisor', 'admin'];

export function seesMobiles(operator: SignedInOperator | null): boolean {
  return !!operator && operator.roles.some((r) => MOBILE_ROLES.includes(r));
}

/** Who may see a full ID number (estate.revealId's roles): only they are told whose number it is. */
export function mayRevealIds(operator: SignedInOperator | null): boolean {
  const access = estateCommands['estate.revealId'].access;
  return !!operator && Array.isArray(access) && operator.roles.some((r) => access.includes(r));
}

export function toPersonView(row: Selectable<PeopleTable>, fullMobile: boolean): PersonView {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender as Gender | null,
    mobile: row.mobile === null ? null : fullMobile ? row.mobile : maskMobile(row.mobile),
    otherPhone: row.other_phone === null ? null : fullMobile ? row.other_phone : maskMobile(row.other_phone),
    idType: row.id_type as IdType,
    idNumberMasked: maskIdNumber(row.id_number),
    notes: row.notes,
  };
}
