import { contactPhoneOf } from '../../shared/reception';
import { fail } from '../../shared/result';
import type { CommandContext } from '../context';
import { handlerLabel } from './entries';

// The parties of a log entry, checked against the roster and the staff directory: who brought the
// matter (resolveWho) and who handles it (resolveHandler).

/**
 * Who brought the matter: a resident (unit and/or person from the roster) or a visitor/caller
 * by name. The person's name and number are copied onto the entry unless the caller gave their
 * own: the register records who came that day, even if the roster changes later. The number is
 * copied here from the roster, never sent back by the form (which may only have seen it masked).
 */
export async function resolveWho(
  ctx: CommandContext,
  input: { unitId: number | null; personId: number | null; contactName: string; contactPhone: string },
): Promise<{ unitId: number | null; personId: number | null; contactName: string; contactPhone: string }> {
  let unitId = input.unitId;
  let contactName = input.contactName;
  let contactPhone = input.contactPhone;
  const unit = unitId === null ? null : await ctx.db.selectFrom('units').select(['id', 'code']).where('id', '=', unitId).executeTakeFirst();
  if (unitId !== null && !unit) throw fail.notFound('找不到这个房屋');
  if (input.personId !== null) {
    const person = await ctx.db.selectFrom('people').select(['id', 'name', 'mobile', 'other_phone']).where('id', '=', input.personId).executeTakeFirst();
    if (!person) throw fail.notFound('找不到这位住户');
    contactName ||= person.name;
    contactPhone ||= contactPhoneOf({ mobile: person.mobile, otherPhone: person.other_phone });
    if (unit) {
      // The entry says "this resident of this unit": they must live there now (as the form offers
      // them). A former resident is logged by name, as any caller.
      const link = await ctx.db
        .selectFrom('unit_people')
        .select('id')
        .where('unit_id', '=', unit.id)
        .where('person_id', '=', person.id)
        .where('end_date', 'is', null)
        .executeTakeFirst();
      if (!link) throw fail.validation(`${person.name} 不是 ${unit.code} 的住户`, { personId: `${person.name} 不是 ${unit.code} 的住户` });
    } else {
      // A person picked without a unit: their first current unit, when they have one.
      const link = await ctx.db
        .selectFrom('unit_people')
        .select('unit_id')
        .where('person_id', '=', person.id)
        .where('end_date', 'is', null)
        .orderBy('id')
        .executeTakeFirst();
      unitId = link?.unit_id ?? null;
    }
  }
  if (unitId === null && input.personId === null && !contactName) {
    throw fail.validation('请选择房屋住户，或填写来访人/来电人姓名', { contactName: '请选择房屋住户，或填写姓名' });
  }
  return { unitId, personId: input.personId, contactName, contactPhone };
}

/** A handler is a staff member (their department comes along) or a whole department. */
export async function resolveHandler(
  ctx: CommandContext,
  staffId: number | null,
  departmentId: number | null,
): Promise<{ staffId: number | null; departmentId: number | null; label: string }> {
  if (staffId !== null) {
    const staff = await ctx.db
      .selectFrom('staff')
      .innerJoin('departments', 'departments.id', 'staff.department_id')
      .select(['staff.id', 'staff.name', 'staff.active', 'staff.department_id', 'departments.name as department_name'])
      .where('staff.id', '=', staffId)
      .executeTakeFirst();
    if (!staff) throw fail.notFound('找不到这位员工');
    if (!staff.active) throw fail.validation('这位员工已停用', { handlerStaffId: '这位员工已停用' });
    if (departmentId !== null && departmentId !== staff.department_id) {
      throw fail.validation('处理人不属于所选部门', { handlerDepartmentId: '处理人不属于所选部门' });
    }
    return { staffId: staff.id, departmentId: staff.department_id, label: handlerLabel(staff.name, staff.department_name) };
  }
  if (departmentId !== null) {
    const dept = await ctx.db.selectFrom('departments').select(['id', 'name', 'active']).where('id', '=', departmentId).executeTakeFirst();
    if (!dept) throw fail.notFound('找不到这个部门');
    if (!dept.active) throw fail.validation('这个部门已停用', { handlerDepartmentId: '这个部门已停用' });
    return { staffId: null, departmentId: dept.id, label: dept.name };
  }
  return { staffId: null, departmentId: null, label: '' };
}
