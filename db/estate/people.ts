import { pinyin } from 'pinyin-pro';
import type { PersonView } from '../../shared/contract/estate';
import type { Gender, IdType } from '../../shared/estate';
import { maskIdNumber, maskMobile } from '../../shared/mask';
import { rolesMay } from '../../shared/permissions';
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

/** Whether this operator sees mobiles and other phones in full (shared/permissions.ts). */
export function seesMobiles(operator: SignedInOperator | null): boolean {
  return !!operator && rolesMay(operator.roles, 'seesMobiles');
}

/** Whether this operator may see full ID numbers (estate.revealId): only they are told whose number it is. */
export function mayRevealIds(operator: SignedInOperator | null): boolean {
  return !!operator && rolesMay(operator.roles, 'mayRevealIds');
}

/** A phone as this operator may see it. */
export function phoneFor(operator: SignedInOperator | null, phone: string): string;
export function phoneFor(operator: SignedInOperator | null, phone: string | null): string | null;
export function phoneFor(operator: SignedInOperator | null, phone: string | null): string | null {
  return phone === null || seesMobiles(operator) ? phone : maskMobile(phone);
}

/** A person's name with the search keys stored beside it (people.name_pinyin, name_initials). */
export function nameColumns(name: string): { name: string; name_pinyin: string; name_initials: string } {
  const keys = nameSearchKeys(name);
  return { name, name_pinyin: keys.pinyin, name_initials: keys.initials };
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
