import { sql, type CompiledQuery, type Selectable } from 'kysely';
import type { OrderDetail, OrderRow } from '../../shared/contract/repairs';
import { deadlineStatus } from '../../shared/deadlines';
import { rolesMay } from '../../shared/permissions';
import {
  ORDER_DEADLINE_LABELS,
  ORDER_MACHINE,
  orderDeadlines,
  orderNextDueAt,
  orderTime,
  type BillState,
  type OrderAction,
  type OrderClock,
  type OrderDeadlineKey,
  type OrderEventKind,
  type OrderScope,
  type OrderState,
  type RepairCategory,
  repairCategoryLabel,
  type Satisfaction,
  type Signer,
} from '../../shared/repairs';
import { fail } from '../../shared/result';
import { checkTransition } from '../../shared/state-machine';
import type { CommandContext, Db, SignedInOperator } from '../context';
import { phoneFor } from '../estate/people';
import { printCount } from '../print/log';
import type { RepairOrdersTable } from '../schema';
import { columnsBefore } from '../audit/columns';

export type OrderRecord = Selectable<RepairOrdersTable>;

/** The 维修单 form's key in print_log. */
export const ORDER_FORM = 'repair-order';

/** Orders with what every list shows beside them: unit code, technician, entry number, the live bill. */
export function orderQuery(db: Db) {
  return (
    db
      .selectFrom('repair_orders as o')
      // LEFT joins throughout: SQLite then walks the orders' own index instead of starting from a small table.
      .leftJoin('units', 'units.id', 'o.unit_id')
      .leftJoin('staff', 'staff.id', 'o.technician_id')
      .leftJoin('departments', 'departments.id', 'staff.department_id')
      .leftJoin('reception_entries as re', 're.id', 'o.entry_id')
      .leftJoin('bills', (join) => join.onRef('bills.source_id', '=', 'o.id').on('bills.source', '=', 'repair').on('bills.state', '<>', 'voided'))
      .selectAll('o')
      .select([
        'units.code as unit_code',
        'staff.name as technician_name',
        'departments.name as department_name',
        're.no as entry_no',
        'bills.id as bill_id',
        'bills.amount_fen as bill_amount_fen',
        'bills.state as bill_state',
      ])
  );
}

type OrderJoined = OrderRecord & {
  unit_code: string | null;
  technician_name: string | null;
  department_name: string | null;
  entry_no: string | null;
  bill_id: number | null;
  bill_amount_fen: number | null;
  bill_state: string | null;
};

export function technicianLabel(name: string | null, department: string | null): string {
  if (!name) return '';
  return department ? `${name}（${department}）` : name;
}

export function clockOf(r: Pick<OrderRecord, 'state' | 'arrive_due_at' | 'arrived_at' | 'back_due_at' | 'back_at' | 'inspection_due_at' | 'completed_at' | 'callback_due_at' | 'called_back_at'>): OrderClock {
  return {
    state: r.state as OrderState,
    arriveDueAt: r.arrive_due_at,
    arrivedAt: r.arrived_at,
    backDueAt: r.back_due_at,
    backAt: r.back_at,
    inspectionDueAt: r.inspection_due_at,
    completedAt: r.completed_at,
    callbackDueAt: r.callback_due_at,
    calledBackAt: r.called_back_at,
  };
}

export function toOrderRow(ctx: CommandContext, r: OrderJoined): OrderRow {
  return {
    id: r.id,
    no: r.no,
    scope: r.scope as OrderScope,
    category: r.category as RepairCategory,
    categoryLabel: repairCategoryLabel(ctx.settings.repairLimits.categories, r.category),
    state: r.state as OrderState,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    location: r.location,
    contactName: r.contact_name,
    contactPhone: phoneFor(ctx.operator, r.contact_phone),
    description: r.description,
    appointmentAt: r.appointment_at,
    emergency: r.emergency === 1,
    chargeable: r.chargeable === 1,
    technicianId: r.technician_id,
    technicianLabel: technicianLabel(r.technician_name, r.department_name),
    entryId: r.entry_id,
    entryNo: r.entry_no,
    openedAt: r.opened_at,
    completedAt: r.completed_at,
    amountDueFen: r.bill_amount_fen,
    billState: r.bill_state as BillState | null,
    time: orderTime(clockOf(r), ctx.now, ctx.settings.repairLimits),
  };
}

/**
 * The order's one-row read, by id or by number, compiled once: built anew each time, its five
 * joins cost more than the lookup itself (the bench's scan-the-slip p99).
 */
const compiledOrderBy: Partial<Record<'id' | 'no', CompiledQuery<OrderJoined>>> = {};
function orderBy(db: Db, key: 'id' | 'no', value: number | string): CompiledQuery<OrderJoined> {
  const compiled = (compiledOrderBy[key] ??= orderQuery(db)
    .where(key === 'id' ? 'o.id' : 'o.no', '=', key === 'id' ? 0 : '')
    .compile() as CompiledQuery<OrderJoined>);
  // The bills join's two constants come first; the lookup's value is the last parameter.
  return { ...compiled, parameters: [...compiled.parameters.slice(0, -1), value] };
}

export async function loadOrder(ctx: CommandContext, where: { id?: number; no?: string }): Promise<OrderDetail> {
  const query = where.id !== undefined ? orderBy(ctx.db, 'id', where.id) : orderBy(ctx.db, 'no', where.no!.trim().toUpperCase());
  const r = (await ctx.db.executeQuery(query)).rows[0];
  if (!r) throw fail.notFound(where.no !== undefined ? `找不到维修单 ${where.no}` : '找不到这张维修单');
  const [events, materials, prints] = await Promise.all([
    ctx.db
      .selectFrom('repair_events as ev')
      .innerJoin('operators', 'operators.id', 'ev.operator_id')
      .leftJoin('staff', 'staff.id', 'ev.technician_id')
      .select(['ev.id', 'ev.kind', 'ev.at', 'ev.text', 'ev.deadline_key', 'ev.late_minutes', 'operators.display_name', 'staff.name as technician_name'])
      .where('ev.order_id', '=', r.id)
      .orderBy('ev.id')
      .execute(),
    ctx.db.selectFrom('repair_materials').selectAll().where('order_id', '=', r.id).where('round', '=', r.round).orderBy('line_no').execute(),
    printCount(ctx.db, ORDER_FORM, r.no),
  ]);
  const clock = clockOf(r);
  return {
    ...toOrderRow(ctx, r),
    chargeItems: r.charge_items,
    dispatchedAt: r.dispatched_at,
    arrivedAt: r.arrived_at,
    calledBackAt: r.called_back_at,
    closedAt: r.closed_at,
    round: r.round,
    deadlines: orderDeadlines(clock).map((d) => ({ ...d, label: ORDER_DEADLINE_LABELS[d.key], status: deadlineStatus(d, ctx.now) })),
    materials: materials.map((m) => ({ name: m.name, spec: m.spec, model: m.model, unit: m.unit, quantity: m.quantity, unitPriceFen: m.unit_price_fen, amountFen: m.amount_fen })),
    materialsFen: r.materials_fen,
    labourFen: r.labour_fen,
    totalFen: r.total_fen,
    signer: r.signer as Signer | null,
    signerName: r.signer_name,
    satisfaction: r.satisfaction as Satisfaction | null,
    callback:
      r.called_back_at && r.callback_result && r.callback_process && r.callback_person
        ? {
            at: r.called_back_at,
            result: r.callback_result as Satisfaction,
            process: r.callback_process as Satisfaction,
            person: r.callback_person as Satisfaction,
            notes: r.callback_notes,
          }
        : null,
    pauseReason: r.pause_reason,
    voidReason: r.void_reason,
    billId: r.bill_id,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind as OrderEventKind,
      at: e.at,
      operatorName: e.display_name,
      technicianName: e.technician_name ?? '',
      text: e.text,
      deadline: e.deadline_key as OrderDeadlineKey | null,
      lateMinutes: e.late_minutes,
    })),
    printCount: prints,
  };
}

/**
 * The stored order for an action its state machine allows from its current state, by the
 * operator's roles (with the reason where one is required), and the state it leads to. A refusal
 * is the machine's own Chinese message and nothing is written.
 */
export async function orderForAction(ctx: CommandContext, id: number, action: OrderAction, reason?: string): Promise<{ before: OrderRecord; to: OrderState }> {
  const before = await ctx.db.selectFrom('repair_orders').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw fail.notFound('找不到这张维修单');
  return { before, to: allowed(ctx, before.state as OrderState, action, reason) };
}

/** The machine's answer for one action from a state, as the command's error. */
export function allowed(ctx: CommandContext, state: OrderState, action: OrderAction, reason?: string): OrderState {
  const check = checkTransition(ORDER_MACHINE, state, action, ctx.requireOperator().roles, reason);
  if (check.ok) return check.to;
  if (check.refused === 'role') throw fail.forbidden(check.message);
  if (check.refused === 'reason') throw fail.validation(check.message, { reason: check.message });
  throw fail.conflict(check.message);
}

export type OrderChanges = Partial<Omit<OrderRecord, 'id' | 'no' | 'next_due_at' | 'opened_at' | 'created_at' | 'created_by' | 'updated_at'>>;

export interface OrderEventInput {
  kind: OrderEventKind;
  text: string;
  /** When it happened, as reported (defaults to now). */
  at?: string;
  technicianId?: number | null;
  /** The deadline this step met and its lateness. */
  met?: { key: OrderDeadlineKey; lateMinutes: number };
}

/**
 * Apply a step: the new facts, next_due_at recomputed from them (the one place it is written),
 * the timeline line and the audit row, in the command's transaction. The UPDATE also requires the
 * state and version read before: of two operators recording the same step at once, one wins and
 * the other is told the order changed under them, with nothing written.
 */
export async function changeOrder(ctx: CommandContext, before: OrderRecord, changes: OrderChanges, events: OrderEventInput[]): Promise<void> {
  const after = { ...before, ...changes };
  const values = { ...changes, next_due_at: orderNextDueAt(clockOf(after)), updated_at: ctx.nowIso };
  const result = await ctx.db
    .updateTable('repair_orders')
    .set(values)
    .where('id', '=', before.id)
    .where('state', '=', before.state)
    .where('updated_at', '=', before.updated_at)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw fail.conflict(`维修单 ${before.no} 刚被其他人更新，请刷新后再试`);
  for (const event of events) await addEvent(ctx, before.id, event, after.technician_id);
  await ctx.audit({ entity: 'repair_order', entityId: before.id, before: columnsBefore(before, Object.keys(values)), after: { ...values, events: events.map((e) => e.kind) } });
}

export async function addEvent(ctx: CommandContext, orderId: number, event: OrderEventInput, technicianId: number | null): Promise<void> {
  await ctx.db
    .insertInto('repair_events')
    .values({
      order_id: orderId,
      kind: event.kind,
      at: event.at ?? ctx.nowIso,
      recorded_at: ctx.nowIso,
      operator_id: ctx.requireOperator().id,
      technician_id: event.technicianId === undefined ? technicianId : event.technicianId,
      text: event.text.slice(0, 600),
      deadline_key: event.met?.key ?? null,
      late_minutes: event.met?.lateMinutes ?? null,
    })
    .execute();
}

/** "Mine": orders the operator opened, or dispatched to the staff member linked to their login. */
export function mineCondition(operator: SignedInOperator) {
  return sql<boolean>`(o.created_by = ${operator.id} OR o.technician_id IN (SELECT id FROM staff WHERE operator_id = ${operator.id}))`;
}

export function seesWholeDesk(operator: SignedInOperator): boolean {
  return rolesMay(operator.roles, 'seesWholeDeskLists');
}
