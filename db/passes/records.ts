import { sql, type CompiledQuery, type Selectable } from 'kysely';
import type { PassDetail, PassRow } from '../../shared/contract/passes';
import {
  LIVE_PASS_STATES,
  PASS_MACHINE,
  passStateAt,
  SYSTEM_ACTOR,
  type ApplicantType,
  type ConfirmationMethod,
  type PassAction,
  type PassEventKind,
  type PassState,
  type PassType,
} from '../../shared/passes';
import { fail } from '../../shared/result';
import { allowedActions, checkTransition } from '../../shared/state-machine';
import type { CommandContext, Db } from '../context';
import { phoneFor } from '../estate/people';
import { printCount } from '../print/log';
import type { PassesTable } from '../schema';
import { columnsBefore } from '../audit/columns';

export type PassRecord = Selectable<PassesTable>;

/** The pass form's key in print_log. */
export const PASS_FORM = 'goods-pass';

/**
 * The state as of `now` in SQL, the same comparison as passStateAt: a live pass (待审批/已批准) past
 * its window reads 已过期 whether or not the expiry has been stored. Lists, the duty list, the
 * reports and the unit card filter and count with it, so they agree with the gate.
 */
export function stateAtSql(now: string, alias = 'p') {
  return sql<PassState>`(CASE WHEN ${sql.ref(`${alias}.state`)} IN ('pending','approved') AND ${sql.ref(`${alias}.valid_until`)} <= ${now} THEN 'expired' ELSE ${sql.ref(`${alias}.state`)} END)`;
}

/** Passes with what every list shows beside them: the unit's code and building. */
export function passQuery(db: Db) {
  return db
    .selectFrom('passes as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .innerJoin('buildings as b', 'b.id', 'u.building_id')
    .selectAll('p')
    .select(['u.code as unit_code', 'b.code as building_code', 'b.name as building_name']);
}

type PassJoined = PassRecord & { unit_code: string; building_code: string; building_name: string };

export const buildingLabel = (code: string, name: string) => name || `${code}栋`;

export function toPassRow(ctx: CommandContext, r: PassJoined): PassRow {
  return {
    id: r.id,
    no: r.no,
    state: passStateAt(r.state as PassState, r.valid_until, ctx.nowIso),
    type: r.type as PassType,
    applicantType: r.applicant_type as ApplicantType,
    applicantName: r.applicant_name,
    applicantPhone: phoneFor(ctx.operator, r.applicant_phone),
    unitId: r.unit_id,
    unitCode: r.unit_code,
    buildingName: buildingLabel(r.building_code, r.building_name),
    plannedAt: r.planned_at,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    plate: r.plate,
    driverName: r.driver_name,
    itemsText: r.items_text,
    createdAt: r.created_at,
    approvedAt: r.approved_at,
    gateAt: r.gate_at,
    overridden: r.override_approver_id !== null,
  };
}

/** The pass with the names its detail shows: approver, supervisor, guard, and the passes it is linked to. */
function passDetailQuery(db: Db) {
  return passQuery(db)
    .leftJoin('operators as ab', 'ab.id', 'p.approved_by')
    .leftJoin('operators as oa', 'oa.id', 'p.override_approver_id')
    .leftJoin('operators as go', 'go.id', 'p.gate_operator_id')
    .leftJoin('passes as rf', 'rf.id', 'p.reissued_from_id')
    .leftJoin('passes as ra', 'ra.reissued_from_id', 'p.id')
    .select(['ab.display_name as approved_by_name', 'oa.display_name as override_approver_name', 'go.display_name as guard_name', 'rf.no as reissued_from_no', 'ra.id as reissued_as_id', 'ra.no as reissued_as_no']);
}
type PassDetailJoined = PassJoined & {
  approved_by_name: string | null;
  override_approver_name: string | null;
  guard_name: string | null;
  reissued_from_no: string | null;
  reissued_as_id: number | null;
  reissued_as_no: string | null;
};

/**
 * The detail's one-row read, by id or by number, compiled once: built anew each time, its joins
 * cost more than the lookup itself (the gate's scan, p99 ≤ 2 ms at 200,000 passes).
 */
const compiledDetailBy: Partial<Record<'id' | 'no', CompiledQuery<PassDetailJoined>>> = {};
function detailBy(db: Db, key: 'id' | 'no', value: number | string): CompiledQuery<PassDetailJoined> {
  const compiled = (compiledDetailBy[key] ??= passDetailQuery(db)
    .where(key === 'id' ? 'p.id' : 'p.no', '=', key === 'id' ? 0 : '')
    .compile() as CompiledQuery<PassDetailJoined>);
  return { ...compiled, parameters: [...compiled.parameters.slice(0, -1), value] };
}

/** A pass's item lines (its revision in force) and its timeline: compiled once, like its row. */
type ItemLine = { id: number; line_no: number; name: string; quantity: number; unit: string };
type TimelineRow = { id: number; kind: string; at: string; operator_id: number | null; text: string; display_name: string | null };
let compiledItems: CompiledQuery<ItemLine> | undefined;
let compiledEvents: CompiledQuery<TimelineRow> | undefined;
function itemsOf(db: Db, passId: number, revision: number) {
  const compiled = (compiledItems ??= db.selectFrom('pass_items').select(['id', 'line_no', 'name', 'quantity', 'unit']).where('pass_id', '=', 0).where('revision', '=', 0).orderBy('line_no').compile());
  return db.executeQuery<ItemLine>({ ...compiled, parameters: [passId, revision] });
}
function eventsOf(db: Db, passId: number) {
  const compiled = (compiledEvents ??= db
    .selectFrom('pass_events as e')
    .leftJoin('operators as op', 'op.id', 'e.operator_id')
    .select(['e.id', 'e.kind', 'e.at', 'e.operator_id', 'e.text', 'op.display_name'])
    .where('e.pass_id', '=', 0)
    .orderBy('e.id')
    .compile() as CompiledQuery<TimelineRow>);
  return db.executeQuery<TimelineRow>({ ...compiled, parameters: [passId] });
}

export async function loadPass(ctx: CommandContext, where: { id: number } | { no: string }): Promise<PassDetail> {
  return (await loadPassStored(ctx, where)).pass;
}

/** The pass, and its state as stored (the gate tells a pass only past its window from one settled so). */
export async function loadPassStored(ctx: CommandContext, where: { id: number } | { no: string }): Promise<{ pass: PassDetail; storedState: PassState }> {
  const r = (await ctx.db.executeQuery('id' in where ? detailBy(ctx.db, 'id', where.id) : detailBy(ctx.db, 'no', where.no))).rows[0];
  if (!r) throw fail.notFound('no' in where ? `找不到放行条 ${where.no}` : '找不到这张放行条');
  const [{ rows: items }, { rows: events }, prints] = await Promise.all([itemsOf(ctx.db, r.id, r.items_revision), eventsOf(ctx.db, r.id), printCount(ctx.db, PASS_FORM, r.no)]);
  const row = toPassRow(ctx, r);
  const pass: PassDetail = {
    ...row,
    personId: r.person_id,
    applicantIdTail: r.applicant_id_tail,
    items: items.map((i) => ({ id: i.id, lineNo: i.line_no, name: i.name, quantity: i.quantity, unit: i.unit })),
    driverIdTail: r.driver_id_tail,
    ownerConfirmation:
      r.confirm_method && r.confirm_at
        ? { method: r.confirm_method as ConfirmationMethod, at: r.confirm_at, ownerName: r.confirm_owner, takenBy: r.confirm_taken_by }
        : null,
    authorisation: r.auth_signed_on ? { ownerName: r.auth_owner, signedOn: r.auth_signed_on, note: r.auth_note } : null,
    releaseCertificateNo: r.release_certificate_no,
    notes: r.notes,
    approval: r.approved_at
      ? {
          at: r.approved_at,
          byName: r.approved_by_name ?? '',
          override:
            r.override_approver_id !== null
              ? { reason: r.override_reason, approverName: r.override_approver_name ?? '', unpaidFen: r.override_unpaid_fen ?? 0, unpaidCount: r.override_unpaid_count ?? 0 }
              : null,
        }
      : null,
    gate: r.gate_at
      ? {
          at: r.gate_at,
          guardName: r.guard_name ?? '',
          plate: r.gate_plate,
          driverName: r.gate_driver_name,
          driverIdTail: r.gate_driver_id_tail,
          notes: r.gate_notes,
          mismatchedItemIds: JSON.parse(r.gate_mismatched) as number[],
        }
      : null,
    voidReason: r.void_reason,
    reissuedFrom: r.reissued_from_id !== null && r.reissued_from_no ? { id: r.reissued_from_id, no: r.reissued_from_no } : null,
    reissuedAs: r.reissued_as_id !== null && r.reissued_as_no ? { id: r.reissued_as_id, no: r.reissued_as_no } : null,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind as PassEventKind,
      at: e.at,
      operatorName: e.operator_id === null ? SYSTEM_ACTOR : (e.display_name ?? ''),
      text: e.text,
    })),
    actions: allowedActions(PASS_MACHINE, row.state, ctx.requireOperator().roles).filter((a) => a !== 'expire'),
    printCount: prints,
  };
  return { pass, storedState: r.state as PassState };
}

/**
 * The stored pass for an action its machine allows from its state as of `at` (now, or the exit
 * time the gate reports from a returned stub), by the operator's roles (with the reason where one
 * is required). A refusal is the machine's own Chinese message and nothing is written.
 */
export async function passForAction(ctx: CommandContext, id: number, action: PassAction, options: { reason?: string; at?: string } = {}): Promise<{ before: PassRecord; state: PassState; to: PassState }> {
  const before = await ctx.db.selectFrom('passes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw fail.notFound('找不到这张放行条');
  const state = passStateAt(before.state as PassState, before.valid_until, options.at ?? ctx.nowIso);
  const check = checkTransition(PASS_MACHINE, state, action, ctx.requireOperator().roles, options.reason);
  if (check.ok) return { before, state, to: check.to };
  if (check.refused === 'role') throw fail.forbidden(check.message);
  if (check.refused === 'reason') throw fail.validation(check.message, { reason: check.message });
  throw fail.conflict(`${before.no}：${check.message}`);
}

export type PassChanges = Partial<Omit<PassRecord, 'id' | 'no' | 'created_at' | 'created_by' | 'updated_at' | 'version' | 'reissued_from_id'>>;

export interface PassEventInput {
  kind: PassEventKind;
  text: string;
  at?: string;
  /** 系统: no person recorded it (an expiry found). */
  system?: boolean;
}

/**
 * Apply a step: the new facts, the timeline lines and the audit row, in the command's transaction.
 * The UPDATE requires the state and version read before: of two gate stations releasing one pass
 * at once, one wins and the other is told the pass changed under them, with nothing written (the
 * database's forward-only trigger refuses a used pass besides).
 */
export async function changePass(ctx: CommandContext, before: PassRecord, changes: PassChanges, events: PassEventInput[]): Promise<void> {
  const values = { ...changes, updated_at: ctx.nowIso, version: before.version + 1 };
  const result = await ctx.db
    .updateTable('passes')
    .set(values)
    .where('id', '=', before.id)
    .where('state', '=', before.state)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw fail.conflict(`放行条 ${before.no} 刚被其他人处理，请刷新后再试`);
  for (const event of events) await addPassEvent(ctx, before.id, event);
  await ctx.audit({ entity: 'pass', entityId: before.id, before: columnsBefore(before, Object.keys(values)), after: { ...values, events: events.map((e) => e.kind) } });
}

export async function addPassEvent(ctx: CommandContext, passId: number, event: PassEventInput): Promise<void> {
  await ctx.db
    .insertInto('pass_events')
    .values({ pass_id: passId, kind: event.kind, at: event.at ?? ctx.nowIso, operator_id: event.system ? null : ctx.requireOperator().id, text: event.text.slice(0, 600) })
    .execute();
}

/**
 * Store an expiry the clock has already decided (the pass reads 已过期 everywhere since its window
 * ended), attributed to 系统: done by the write that needs the pass settled (重新开具 from it).
 */
export async function settleExpiry(ctx: CommandContext, before: PassRecord): Promise<PassRecord> {
  if (!LIVE_PASS_STATES.includes(before.state as PassState) || before.valid_until > ctx.nowIso) return before;
  await changePass(ctx, before, { state: 'expired', expired_at: ctx.nowIso }, [{ kind: 'expire', at: before.valid_until, text: '超过有效期未使用，已过期', system: true }]);
  return ctx.db.selectFrom('passes').selectAll().where('id', '=', before.id).executeTakeFirstOrThrow();
}
