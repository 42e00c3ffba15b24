import { sql } from 'kysely';
import type { DutyList } from '../../shared/contract/passes';
import { addOfficeDays, officeDayRange } from '../../shared/office-time';
import { VALIDITY_DAYS_MAX, type PassState, type PassType } from '../../shared/passes';
import type { CommandContext } from '../context';
import { stateAtSql } from './records';

/**
 * 值岗记录 for one office day: every pass good at the gate that day (approved for it), with what
 * became of it — released or refused with the time, plate and driver, still waiting, or expired
 * unused; one that went out or was turned back is on the day it did. Pending and voided applications never reached the gate and are not listed. A window
 * starts at most VALIDITY_DAYS_MAX days before the day, so the walk is a range on valid_from.
 */
export async function dutyList(ctx: CommandContext, day: string): Promise<DutyList> {
  const range = officeDayRange(day);
  const state = stateAtSql(ctx.nowIso);
  const rows = await ctx.db
    .selectFrom('passes as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .leftJoin('operators as g', 'g.id', 'p.gate_operator_id')
    .select([
      'p.id',
      'p.no',
      state.as('state_now'),
      'p.type',
      'u.code as unit_code',
      'p.applicant_name',
      'p.items_text',
      'p.valid_until',
      'p.gate_at',
      'p.gate_plate',
      'p.plate',
      'p.gate_driver_name',
      'p.driver_name',
      'p.gate_driver_id_tail',
      'p.driver_id_tail',
      'g.display_name as guard_name',
      'p.gate_notes',
    ])
    .where('p.valid_from', '>=', addOfficeDays(range.start, -VALIDITY_DAYS_MAX))
    .where('p.valid_from', '<', range.end)
    .where('p.valid_until', '>', range.start)
    .where('p.approved_at', 'is not', null)
    .where('p.state', '<>', 'voided')
    // A pass that went through the gate (or was turned back) belongs to that day's record only.
    .where((eb) => eb.or([eb('p.gate_at', 'is', null), eb.and([eb('p.gate_at', '>=', range.start), eb('p.gate_at', '<', range.end)])]))
    .orderBy(sql`coalesce(p.gate_at, p.valid_until)`)
    .orderBy('p.id')
    .execute();
  const out = rows.map((r) => {
    const gateDone = r.gate_at !== null;
    return {
      id: r.id,
      no: r.no,
      state: r.state_now as PassState,
      type: r.type as PassType,
      unitCode: r.unit_code,
      applicantName: r.applicant_name,
      itemsText: r.items_text,
      validUntil: r.valid_until,
      gateAt: r.gate_at,
      // What the gate recorded once it did; before that, what the application said.
      plate: gateDone ? r.gate_plate : r.plate,
      driverName: gateDone ? r.gate_driver_name : r.driver_name,
      driverIdTail: gateDone ? r.gate_driver_id_tail : r.driver_id_tail,
      guardName: r.guard_name ?? '',
      notes: r.gate_notes,
    };
  });
  const count = (s: PassState) => out.filter((r) => r.state === s).length;
  return { day, generatedAt: ctx.nowIso, rows: out, approved: out.length, released: count('released'), refused: count('refused'), expired: count('expired') };
}
