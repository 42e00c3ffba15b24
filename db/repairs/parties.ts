import type { TechnicianLoad } from '../../shared/contract/repairs';
import { officeDayRange, officeDayOf } from '../../shared/office-time';
import { contactPhoneOf } from '../../shared/phone';
import { TECHNICIAN_LOAD_STATES } from '../../shared/repairs';
import { fail } from '../../shared/result';
import type { CommandContext } from '../context';
import { technicianLabel } from './orders';

/**
 * The unit and the person who reported: the unit must exist; a person picked from the roster
 * must live there now, and their name and number are copied onto the order (the slip records who
 * asked, even if the roster changes), never taken back from a form that saw them masked.
 */
export async function resolveContact(
  ctx: CommandContext,
  input: { unitId: number | null; personId: number | null; contactName: string; contactPhone: string },
): Promise<{ unitId: number | null; personId: number | null; contactName: string; contactPhone: string }> {
  if (input.unitId !== null) {
    const unit = await ctx.db.selectFrom('units').select('id').where('id', '=', input.unitId).executeTakeFirst();
    if (!unit) throw fail.notFound('找不到这个房屋');
  }
  if (input.personId === null) return input;
  const person = await ctx.db
    .selectFrom('people')
    .innerJoin('unit_people as l', 'l.person_id', 'people.id')
    .select(['people.name', 'people.mobile', 'people.other_phone'])
    .where('people.id', '=', input.personId)
    .where('l.end_date', 'is', null)
    .$if(input.unitId !== null, (q) => q.where('l.unit_id', '=', input.unitId!))
    .executeTakeFirst();
  if (!person) throw fail.validation('这位住户不是所选房屋的现住户', { personId: '这位住户不是所选房屋的现住户' });
  return {
    ...input,
    contactName: input.contactName || person.name,
    contactPhone: input.contactPhone || contactPhoneOf({ mobile: person.mobile, otherPhone: person.other_phone }),
  };
}

/** A technician from the staff directory: one still employed (a disabled or departed one is refused). */
export async function resolveTechnician(ctx: CommandContext, staffId: number): Promise<{ id: number; label: string }> {
  const staff = await ctx.db
    .selectFrom('staff')
    .innerJoin('departments', 'departments.id', 'staff.department_id')
    .select(['staff.id', 'staff.name', 'staff.active', 'departments.name as department_name'])
    .where('staff.id', '=', staffId)
    .executeTakeFirst();
  if (!staff) throw fail.notFound('找不到这位员工');
  if (!staff.active) throw fail.validation(`${staff.name} 已停用（离职或调离），不能派单`, { technicianId: `${staff.name} 已停用，不能派单` });
  return { id: staff.id, label: technicianLabel(staff.name, staff.department_name) };
}

/** Active staff with their open orders and today's dispatches, least loaded first. */
export async function technicianLoads(ctx: CommandContext, departmentId: number | undefined): Promise<TechnicianLoad[]> {
  const today = officeDayRange(officeDayOf(ctx.now));
  const rows = await ctx.db
    .selectFrom('staff')
    .innerJoin('departments', 'departments.id', 'staff.department_id')
    .select((eb) => [
      'staff.id',
      'staff.name',
      'staff.position',
      'departments.name as department_name',
      eb
        .selectFrom('repair_orders')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('repair_orders.technician_id', '=', 'staff.id')
        .where('repair_orders.state', 'in', TECHNICIAN_LOAD_STATES)
        .as('open'),
      eb
        .selectFrom('repair_orders')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('repair_orders.technician_id', '=', 'staff.id')
        .where('repair_orders.dispatched_at', '>=', today.start)
        .where('repair_orders.dispatched_at', '<', today.end)
        .as('today'),
    ])
    .where('staff.active', '=', 1)
    .$if(departmentId !== undefined, (q) => q.where('staff.department_id', '=', departmentId!))
    .execute();
  return rows
    .map((r) => ({ staffId: r.id, name: r.name, departmentName: r.department_name, position: r.position, open: Number(r.open), today: Number(r.today) }))
    .sort((a, b) => a.open - b.open || a.today - b.today || a.name.localeCompare(b.name, 'zh'));
}
