import { sql, type Selectable } from 'kysely';
import { rolesMay } from '../../shared/permissions';
import type { EntryDetail, EntryRow } from '../../shared/contract/reception';
import {
  deadlineViews,
  ENTRY_MACHINE,
  type EntryAction,
  nextDueAt,
  timeStatus,
  type Category,
  type Channel,
  type EntryClock,
  type EntryState,
  type EventKind,
  type RepairScope,
  type Satisfaction,
  type Urgency,
} from '../../shared/reception';
import { fail } from '../../shared/result';
import { checkTransition } from '../../shared/state-machine';
import type { CommandContext, Db, SignedInOperator } from '../context';
import { phoneFor } from '../estate/people';
import type { ReceptionEntriesTable } from '../schema';
import { printCount as printCountOf } from '../print/log';
import { columnsBefore } from '../audit/columns';

export type EntryRecord = Selectable<ReceptionEntriesTable>;

/** Entries with what every list shows next to them: unit code, handler and logger names. */
export function entryQuery(db: Db) {
  return db
    .selectFrom('reception_entries as e')
    .leftJoin('units', 'units.id', 'e.unit_id')
    .leftJoin('staff', 'staff.id', 'e.handler_staff_id')
    .leftJoin('departments', 'departments.id', 'e.handler_department_id')
    // LEFT, not INNER, though every entry has a creator: an inner join lets SQLite's planner
    // start from the (tiny) operators table and sort 200,000 entries instead of walking the index.
    .leftJoin('operators', 'operators.id', 'e.created_by')
    .selectAll('e')
    .select(['units.code as unit_code', 'staff.name as staff_name', 'departments.name as department_name', 'operators.display_name as created_by_name']);
}

type EntryJoined = EntryRecord & { unit_code: string | null; staff_name: string | null; department_name: string | null; created_by_name: string | null };

export function handlerLabel(staffName: string | null, departmentName: string | null): string {
  if (staffName) return departmentName ? `${staffName}（${departmentName}）` : staffName;
  return departmentName ?? '未指派';
}

export function toEntryRow(ctx: CommandContext, r: EntryJoined): EntryRow {
  return {
    id: r.id,
    no: r.no,
    channel: r.channel as Channel,
    category: r.category as Category,
    urgency: r.urgency as Urgency,
    state: r.state as EntryState,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    personId: r.person_id,
    contactName: r.contact_name,
    contactPhone: phoneFor(ctx.operator, r.contact_phone),
    content: r.content,
    repairScope: r.repair_scope as RepairScope | null,
    handlerStaffId: r.handler_staff_id,
    handlerDepartmentId: r.handler_department_id,
    handlerLabel: handlerLabel(r.staff_name, r.department_name),
    receivedAt: r.received_at,
    escalatedAt: r.escalated_at,
    closedAt: r.closed_at,
    createdByName: r.created_by_name ?? '',
    time: timeStatus(r.state as EntryState, r.next_due_at, ctx.now, ctx.settings.receptionLimits),
  };
}

export function clockOf(
  r: Pick<EntryRecord, 'state' | 'handler_due_at' | 'handler_answered_at' | 'escalate_due_at' | 'escalated_at' | 'owner_due_at' | 'owner_answered_at' | 'closed_at'>,
): EntryClock {
  return {
    state: r.state as EntryState,
    handlerDueAt: r.handler_due_at,
    handlerAnsweredAt: r.handler_answered_at,
    escalateDueAt: r.escalate_due_at,
    escalatedAt: r.escalated_at,
    ownerDueAt: r.owner_due_at,
    ownerAnsweredAt: r.owner_answered_at,
    closedAt: r.closed_at,
  };
}

export async function loadEntry(ctx: CommandContext, where: { id?: number; no?: string }): Promise<EntryDetail> {
  let q = entryQuery(ctx.db);
  if (where.id !== undefined) q = q.where('e.id', '=', where.id);
  if (where.no !== undefined) q = q.where('e.no', '=', where.no.trim().toUpperCase());
  const r = await q.executeTakeFirst();
  if (!r) throw fail.notFound(where.no !== undefined ? `找不到登记号 ${where.no}` : '找不到这条接待登记');
  const [events, complaint, printCount, repairOrder] = await Promise.all([
    ctx.db
      .selectFrom('reception_events as ev')
      .innerJoin('operators', 'operators.id', 'ev.operator_id')
      .select(['ev.id', 'ev.kind', 'ev.at', 'ev.text', 'operators.display_name'])
      .where('ev.entry_id', '=', r.id)
      .orderBy('ev.id')
      .execute(),
    ctx.db.selectFrom('reception_complaints').selectAll().where('entry_id', '=', r.id).executeTakeFirst(),
    printCountOf(ctx.db, 'work-contact-slip', r.no),
    // The repairs desk links its order to the entry (repair_orders.entry_id); read here by SQL, not through its code.
    ctx.db.selectFrom('repair_orders').select('no').where('entry_id', '=', r.id).executeTakeFirst(),
  ]);
  return {
    ...toEntryRow(ctx, r),
    ownDueAt: r.own_due_at,
    handlerDueAt: r.handler_due_at,
    escalateDueAt: r.escalate_due_at,
    ownerDueAt: r.owner_due_at,
    handlerAnsweredAt: r.handler_answered_at,
    ownerAnsweredAt: r.owner_answered_at,
    escalatedTo: r.escalated_to,
    escalatedToOperatorId: r.escalated_to_operator_id,
    escalationAnsweredAt: r.escalation_answered_at,
    supervisorAckAt: r.supervisor_ack_at,
    result: r.result,
    voidReason: r.void_reason,
    deadlines: deadlineViews(clockOf(r), ctx.now),
    complaint: complaint
      ? {
          no: complaint.no,
          kind: complaint.kind as 'complaint' | 'suggestion',
          respondent: complaint.respondent,
          satisfaction: complaint.satisfaction as Satisfaction | null,
        }
      : null,
    events: events.map((e) => ({ id: e.id, kind: e.kind as EventKind, at: e.at, operatorName: e.display_name, text: e.text })),
    printCount,
    repairOrderNo: repairOrder?.no ?? null,
  };
}

/** The stored row for a state change, or a Chinese not-found. */
export async function entryForUpdate(ctx: CommandContext, id: number): Promise<EntryRecord> {
  const row = await ctx.db.selectFrom('reception_entries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw fail.notFound('找不到这条接待登记');
  return row;
}

/**
 * The stored row for an action the entry's state machine must allow from its current state, by
 * the operator's roles (with the reason, where one is required), and the state it leads to. A
 * refusal is the machine's own Chinese message and nothing is written.
 */
export async function entryForAction(ctx: CommandContext, id: number, action: EntryAction, reason?: string): Promise<{ before: EntryRecord; to: EntryState }> {
  const before = await entryForUpdate(ctx, id);
  const check = checkTransition(ENTRY_MACHINE, before.state as EntryState, action, ctx.requireOperator().roles, reason);
  if (check.ok) return { before, to: check.to };
  if (check.refused === 'role') throw fail.forbidden(check.message);
  if (check.refused === 'reason') throw fail.validation(check.message, { reason: check.message });
  throw fail.conflict(check.message);
}

/**
 * Apply a state change: the new facts, next_due_at recomputed from them (the one place it is
 * written), the timeline line and the audit row — all in the command's transaction.
 */
export async function changeEntry(
  ctx: CommandContext,
  before: EntryRecord,
  changes: Partial<Omit<EntryRecord, 'id' | 'no' | 'next_due_at' | 'created_at' | 'created_by'>>,
  event: { kind: EventKind; text: string },
): Promise<EntryDetail> {
  const after = { ...before, ...changes };
  const values = { ...changes, next_due_at: nextDueAt(clockOf(after)), updated_at: ctx.nowIso };
  await ctx.db.updateTable('reception_entries').set(values).where('id', '=', before.id).execute();
  await addEvent(ctx, before.id, event.kind, event.text);
  await ctx.audit({ entity: 'reception_entry', entityId: before.id, before: columnsBefore(before, Object.keys(values)), after: { ...values, event } });
  return loadEntry(ctx, { id: before.id });
}

export async function addEvent(ctx: CommandContext, entryId: number, kind: EventKind, text: string): Promise<void> {
  const operator = ctx.requireOperator();
  await ctx.db.insertInto('reception_events').values({ entry_id: entryId, kind, at: ctx.nowIso, operator_id: operator.id, text: text.slice(0, 600) }).execute();
}

/**
 * "Mine": what the operator logged, handles as the staff member linked to their login, or had
 * escalated to them. Supervisors and admins answer for the whole desk.
 */
export function mineCondition(operator: SignedInOperator) {
  return sql<boolean>`(e.created_by = ${operator.id} OR e.escalated_to_operator_id = ${operator.id}
    OR e.handler_staff_id IN (SELECT id FROM staff WHERE operator_id = ${operator.id}))`;
}

/** Escalated to the operator and still waiting for the answer: what their 上报待复 badge counts. */
export function awaitingAnswerFrom(operator: SignedInOperator) {
  return sql<boolean>`(e.escalated_to_operator_id = ${operator.id} AND e.state = 'open' AND e.escalation_answered_at IS NULL)`;
}

export function seesWholeDesk(operator: SignedInOperator): boolean {
  return rolesMay(operator.roles, 'seesWholeDeskLists');
}
