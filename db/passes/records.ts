import { sql, type Selectable } from 'kysely';
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

/** Display names of operators by id (the approver, the guard, the timeline). */
async function operatorNames(db: Db, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('operators').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export async function loadPass(ctx: CommandContext, where: { id: number } | { no: string }): Promise<PassDetail> {
  const r = (await passQuery(ctx.db)
    .$if('id' in where, (q) => q.where('p.id', '=', (where as { id: number }).id))
    .$if('no' in where, (q) => q.where('p.no', '=', (where as { no: string }).no))
    .executeTakeFirst()) as PassJoined | undefined;
  if (!r) throw fail.notFound('no' in where ? `找不到放行条 ${where.no}` : '找不到这张放行条');
  const [items, events, links, prints] = await Promise.all([
    ctx.db.selectFrom('pass_items').select(['id', 'line_no', 'name', 'quantity', 'unit']).where('pass_id', '=', r.id).where('revision', '=', r.items_revision).orderBy('line_no').execute(),
    ctx.db.selectFrom('pass_events').select(['id', 'kind', 'at', 'operator_id', 'text']).where('pass_id', '=', r.id).orderBy('id').execute(),
    ctx.db
      .selectFrom('passes')
      .select(['id', 'no', 'reissued_from_id'])
      .where((eb) => eb.or([eb('reissued_from_id', '=', r.id), ...(r.reissued_from_id !== null ? [eb('id', '=', r.reissued_from_id)] : [])]))
      .execute(),
    printCount(ctx.db, PASS_FORM, r.no),
  ]);
  const names = await operatorNames(ctx.db, [r.approved_by, r.override_approver_id, r.gate_operator_id, ...events.map((e) => e.operator_id)]);
  const row = toPassRow(ctx, r);
  const from = links.find((l) => l.id === r.reissued_from_id);
  const as = links.find((l) => l.reissued_from_id === r.id);
  return {
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
    approval:
      r.approved_at && r.approved_by !== null
        ? {
            at: r.approved_at,
            byName: names.get(r.approved_by) ?? '',
            override:
              r.override_approver_id !== null
                ? { reason: r.override_reason, approverName: names.get(r.override_approver_id) ?? '', unpaidFen: r.override_unpaid_fen ?? 0, unpaidCount: r.override_unpaid_count ?? 0 }
                : null,
          }
        : null,
    gate:
      r.gate_at && r.gate_operator_id !== null
        ? {
            at: r.gate_at,
            guardName: names.get(r.gate_operator_id) ?? '',
            plate: r.gate_plate,
            driverName: r.gate_driver_name,
            driverIdTail: r.gate_driver_id_tail,
            notes: r.gate_notes,
            mismatchedItemIds: JSON.parse(r.gate_mismatched) as number[],
          }
        : null,
    voidReason: r.void_reason,
    reissuedFrom: from ? { id: from.id, no: from.no } : null,
    reissuedAs: as ? { id: as.id, no: as.no } : null,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind as PassEventKind,
      at: e.at,
      operatorName: e.operator_id === null ? SYSTEM_ACTOR : (names.get(e.operator_id) ?? ''),
      text: e.text,
    })),
    actions: allowedActions(PASS_MACHINE, row.state, ctx.requireOperator().roles).filter((a) => a !== 'expire'),
    printCount: prints,
  };
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
  await ctx.audit({ entity: 'pass', entityId: before.id, before: pick(before, Object.keys(values)), after: { ...values, events: events.map((e) => e.kind) } });
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

function pick(row: PassRecord, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k in row) out[k] = row[k as keyof PassRecord];
  return out;
}
