import type { Handlers, CommandContext } from '../context';
import type { ParsedInput } from '../../shared/contract';
import { passRulesSettings, type passesCommands, type PassItemInput } from '../../shared/contract/passes';
import { fail } from '../../shared/result';
import { formatYuan } from '../../shared/money';
import { addOfficeDays, officeDateTime, officeDayOf } from '../../shared/office-time';
import { APPLICANT_TYPE_LABELS, CONFIRMATION_METHOD_LABELS, gateVerdict, itemsText, passNoIn, passWindow, PASS_OFFICE_ROLES, PASS_TYPE_LABELS, type PassState } from '../../shared/passes';
import { hasAnyRole } from '../../shared/permissions';
import { nextSerial } from '../serials';
import { runDeskCommand } from '../desk-calls';
import { updateDeskSettings } from '../settings/service';
import { addPassEvent, changePass, loadPass, loadPassStored, passForAction, settleExpiry, type PassRecord } from './records';
import { listPasses } from './lists';
import { dutyList } from './duty';
import { monthlyReport } from './monthly';
import { exportMonthly } from './monthly-export';
import { dutyListPrint, monthlyPrint, passPrint, recordPrinted } from './prints';

type ApplyInput = ParsedInput<'passes.apply'>;

/** How far ahead a move may be planned: a pass is for goods about to leave, not a booking. */
const PLAN_AHEAD_DAYS = 60;

async function unitOf(ctx: CommandContext, unitId: number): Promise<{ id: number; code: string; building_id: number }> {
  const unit = await ctx.db.selectFrom('units').select(['id', 'code', 'building_id']).where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw fail.validation('找不到这套房屋', { unitId: '请选择房屋' });
  return unit;
}

/** An owner or tenant on file must be one of the unit now (estate's unit_people, read by SQL: desks do not import each other). */
async function checkApplicantOnFile(ctx: CommandContext, input: ApplyInput): Promise<void> {
  await unitOf(ctx, input.unitId);
  const { personId, type } = input.applicant;
  if (personId === null) return;
  const role = type === 'owner' || type === 'tenant' ? type : null;
  const link = await ctx.db
    .selectFrom('unit_people')
    .select('id')
    .where('unit_id', '=', input.unitId)
    .where('person_id', '=', personId)
    .where('end_date', 'is', null)
    .$if(role !== null, (q) => q.where('role', '=', role!))
    .executeTakeFirst();
  if (!link) {
    const message = role ? `所选住户不是这套房屋现在的${APPLICANT_TYPE_LABELS[type]}` : '所选住户与这套房屋无关';
    throw fail.validation(message, { 'applicant.personId': message });
  }
}

/** The planned day: not before today, not further ahead than PLAN_AHEAD_DAYS; a confirmation not in the future. */
function checkTimes(ctx: CommandContext, input: Pick<ApplyInput, 'plannedAt' | 'ownerConfirmation'>): void {
  const today = officeDayOf(ctx.now);
  const planned = officeDayOf(input.plannedAt);
  if (planned < today) throw fail.validation('计划出门日期不能早于今天', { plannedAt: '计划出门日期不能早于今天' });
  if (planned > officeDayOf(addOfficeDays(ctx.nowIso, PLAN_AHEAD_DAYS))) throw fail.validation(`计划出门日期最多提前 ${PLAN_AHEAD_DAYS} 天`, { plannedAt: `最多提前 ${PLAN_AHEAD_DAYS} 天` });
  if (input.ownerConfirmation && input.ownerConfirmation.at > ctx.nowIso) {
    throw fail.validation('业主确认时间不能晚于现在', { 'ownerConfirmation.at': '业主确认时间不能晚于现在' });
  }
}

/** The pass's columns from an application (apply, update, reissue): the window by 设置 → 放行设置 now. */
function passValues(ctx: CommandContext, input: ApplyInput, unit: { building_id: number }) {
  const window = passWindow(input.plannedAt, ctx.settings.passRules);
  const confirmation = input.ownerConfirmation;
  return {
    type: input.type,
    applicant_type: input.applicant.type,
    person_id: input.applicant.personId,
    applicant_name: input.applicant.name,
    applicant_phone: input.applicant.phone,
    applicant_id_tail: input.applicant.idTail,
    unit_id: input.unitId,
    building_id: unit.building_id,
    planned_at: new Date(input.plannedAt).toISOString(),
    valid_from: window.validFrom,
    valid_until: window.validUntil,
    plate: input.plate,
    driver_name: input.driverName,
    driver_id_tail: input.driverIdTail,
    items_text: itemsText(input.items),
    confirm_method: confirmation?.method ?? null,
    confirm_at: confirmation ? new Date(confirmation.at).toISOString() : null,
    confirm_owner: confirmation?.ownerName ?? '',
    confirm_taken_by: confirmation ? confirmation.takenBy || ctx.requireOperator().displayName : '',
    auth_owner: input.authorisation?.ownerName ?? '',
    auth_signed_on: input.authorisation?.signedOn ?? null,
    auth_note: input.authorisation?.note ?? '',
    release_certificate_no: input.releaseCertificateNo,
    notes: input.notes,
  };
}

async function insertItems(ctx: CommandContext, passId: number, revision: number, items: readonly PassItemInput[]): Promise<void> {
  await ctx.db
    .insertInto('pass_items')
    .values(items.map((i, n) => ({ pass_id: passId, revision, line_no: n + 1, name: i.name, quantity: i.quantity, unit: i.unit ?? '件' })))
    .execute();
}

/** What the timeline says of an application: who, for which unit, what they brought. */
function appliedText(input: ApplyInput, unitCode: string): string {
  const c = input.ownerConfirmation;
  return [
    `${APPLICANT_TYPE_LABELS[input.applicant.type]} ${input.applicant.name} 申请${PASS_TYPE_LABELS[input.type]}（${unitCode}）：${itemsText(input.items)}`,
    c ? `业主 ${c.ownerName} ${CONFIRMATION_METHOD_LABELS[c.method]}确认` : '',
    input.authorisation ? `业主 ${input.authorisation.ownerName} 书面授权` : '',
    input.releaseCertificateNo ? `外运证明 ${input.releaseCertificateNo}` : '',
  ]
    .filter(Boolean)
    .join('；');
}

/** A new 待审批 pass with its number (taken in this transaction: a failed command gives it back). */
async function createPass(ctx: CommandContext, input: ApplyInput, extra: { reissuedFromId: number | null; text?: string }): Promise<number> {
  const unit = await unitOf(ctx, input.unitId);
  const operator = ctx.requireOperator();
  const no = await nextSerial(ctx, 'FX');
  const values = {
    no,
    state: 'pending',
    ...passValues(ctx, input, unit),
    reissued_from_id: extra.reissuedFromId,
    created_by: operator.id,
    created_at: ctx.nowIso,
    updated_at: ctx.nowIso,
  };
  const { id } = await ctx.db.insertInto('passes').values(values).returning('id').executeTakeFirstOrThrow();
  await insertItems(ctx, id, 1, input.items);
  await addPassEvent(ctx, id, { kind: 'applied', text: extra.text ?? appliedText(input, unit.code) });
  await ctx.audit({ entity: 'pass', entityId: id, after: { ...values, items: input.items } });
  return id;
}

/** The application a stored pass was made from, with its current items: what 重新开具 copies. */
async function applicationOf(ctx: CommandContext, p: PassRecord): Promise<ApplyInput> {
  const items = await ctx.db.selectFrom('pass_items').select(['name', 'quantity', 'unit']).where('pass_id', '=', p.id).where('revision', '=', p.items_revision).orderBy('line_no').execute();
  return {
    applicant: { type: p.applicant_type as ApplyInput['applicant']['type'], personId: p.person_id, name: p.applicant_name, phone: p.applicant_phone, idTail: p.applicant_id_tail },
    unitId: p.unit_id,
    type: p.type as ApplyInput['type'],
    items,
    plannedAt: p.planned_at,
    plate: p.plate,
    driverName: p.driver_name,
    driverIdTail: p.driver_id_tail,
    ownerConfirmation: p.confirm_method && p.confirm_at ? { method: p.confirm_method as 'phone', at: p.confirm_at, ownerName: p.confirm_owner, takenBy: p.confirm_taken_by } : null,
    authorisation: p.auth_signed_on ? { ownerName: p.auth_owner, signedOn: p.auth_signed_on, note: p.auth_note } : null,
    releaseCertificateNo: p.release_certificate_no,
    notes: p.notes,
  };
}

/**
 * The time the gate reports (the guard's station now, or the returned stub's written time at the
 * front desk): not ahead of now, and within the pass's window (checked by the machine at that time).
 */
function gateTime(ctx: CommandContext, reported: string | null): string {
  if (reported === null) return ctx.nowIso;
  const at = new Date(reported).toISOString();
  if (at > ctx.nowIso) throw fail.validation('出门时间不能晚于现在', { exitAt: '出门时间不能晚于现在' });
  return at;
}

/**
 * Before its first day a pass is not yet good at the gate (gateVerdict says so in the guard's
 * words); and goods cannot have gone out on it before it was approved (a stub's time mistyped).
 */
function checkStarted(before: PassRecord, at: string): void {
  if (before.approved_at && at < before.approved_at) {
    const message = `出门时间不能早于放行条批准时间（${officeDateTime(before.approved_at)}）`;
    throw fail.validation(message, { exitAt: message });
  }
  const verdict = gateVerdict({ state: before.state as PassState, validFrom: before.valid_from, validUntil: before.valid_until }, new Date(at));
  if (!verdict.mayRelease) throw fail.conflict(`${before.no}：${verdict.reason}`);
}

async function currentItems(ctx: CommandContext, p: PassRecord) {
  return ctx.db.selectFrom('pass_items').select(['id', 'name']).where('pass_id', '=', p.id).where('revision', '=', p.items_revision).orderBy('line_no').execute();
}

function gateVehicle(input: { plate: string | null; driverName: string; driverIdTail: string }) {
  return { gate_plate: input.plate, gate_driver_name: input.driverName, gate_driver_id_tail: input.driverIdTail };
}

function vehicleText(input: { plate: string | null; driverName: string; driverIdTail: string }): string {
  return input.plate ? `车牌 ${input.plate}，司机 ${input.driverName}（证件尾号 ${input.driverIdTail}）` : '无车辆（人力搬运）';
}

/** 批准 and 有欠费仍批准: one handler; the override's approval is the dispatcher's (the command's `approval`). */
async function approve(ctx: CommandContext, input: { id: number; reason?: string }): Promise<void> {
  const { before, to } = await passForAction(ctx, input.id, 'approve');
  const unpaid = await runDeskCommand(ctx, 'fees.unpaid', { unitId: before.unit_id });
  const count = unpaid.bills.length;
  const owed = unpaid.totalFen + unpaid.lateFeeFen;
  const override = count > 0 && input.reason !== undefined;
  if (count > 0 && !override) {
    const late = unpaid.lateFeeFen > 0 ? `（含滞纳金 ${formatYuan(unpaid.lateFeeFen)}）` : '';
    throw fail.conflict(
      `${unpaid.unitCode} 有 ${count} 笔未缴费用，合计 ${formatYuan(owed)} 元${late}，结清后才能批准放行；确需放行请由主管核准“有欠费仍批准”`,
      { unpaid: `${count} 笔未缴，合计 ${formatYuan(owed)}` },
    );
  }
  const operator = ctx.requireOperator();
  const changes = {
    state: to,
    approved_at: ctx.nowIso,
    approved_by: operator.id,
    ...(override ? { override_reason: input.reason!, override_approver_id: ctx.approver!.id, override_unpaid_fen: owed, override_unpaid_count: count } : {}),
  };
  const events = override
    ? [
        { kind: 'override' as const, text: `有欠费 ${count} 笔、合计 ${formatYuan(owed)}，经主管 ${ctx.approver!.displayName} 核准放行：${input.reason}` },
        { kind: 'approve' as const, text: '批准（有欠费，主管核准）' },
      ]
    : [{ kind: 'approve' as const, text: '批准（费用已结清）' }];
  await changePass(ctx, before, changes, events);
}

export const passesHandlers: Handlers<keyof typeof passesCommands> = {
  'passes.apply': async (ctx, input) => {
    checkTimes(ctx, input);
    await checkApplicantOnFile(ctx, input);
    const id = await createPass(ctx, input, { reissuedFromId: null });
    return loadPass(ctx, { id });
  },

  'passes.update': async (ctx, input) => {
    const { before } = await passForAction(ctx, input.id, 'update');
    checkTimes(ctx, input);
    await checkApplicantOnFile(ctx, input);
    const unit = await unitOf(ctx, input.unitId);
    const revision = before.items_revision + 1;
    await changePass(ctx, before, { ...passValues(ctx, input, unit), items_revision: revision }, [{ kind: 'update', text: `修改：${appliedText(input, unit.code)}` }]);
    await insertItems(ctx, before.id, revision, input.items);
    return loadPass(ctx, { id: before.id });
  },

  'passes.approve': async (ctx, input) => {
    await approve(ctx, input);
    return loadPass(ctx, { id: input.id });
  },
  'passes.approveOverride': async (ctx, input) => {
    await approve(ctx, input);
    return loadPass(ctx, { id: input.id });
  },

  'passes.void': async (ctx, input) => {
    const { before, to } = await passForAction(ctx, input.id, 'void', { reason: input.reason });
    await changePass(ctx, before, { state: to, voided_at: ctx.nowIso, voided_by: ctx.requireOperator().id, void_reason: input.reason }, [{ kind: 'void', text: `作废：${input.reason}` }]);
    return loadPass(ctx, { id: before.id });
  },

  'passes.get': async (ctx, input) => loadPass(ctx, input.id !== undefined ? { id: input.id } : { no: input.no! }),

  'passes.byNumber': async (ctx, input) => {
    const no = passNoIn(input.q);
    if (!no) throw fail.validation('请输入或扫描放行条编号（如 FX2026000123）', { q: '放行条编号格式不正确' });
    const { pass, storedState } = await loadPassStored(ctx, { no });
    const verdict = gateVerdict(pass, ctx.now);
    // Only expired by the clock (still stored approved): the office may enter the stub the guard kept.
    const lateStub = storedState === 'approved' && pass.state === 'expired' && hasAnyRole(ctx.requireOperator().roles, PASS_OFFICE_ROLES);
    return { pass, mayRelease: verdict.mayRelease, reason: verdict.reason, lateStub };
  },

  'passes.list': async (ctx, input) => listPasses(ctx, input),

  'passes.release': async (ctx, input) => {
    const at = gateTime(ctx, input.exitAt);
    const { before, to } = await passForAction(ctx, input.id, 'release', { at });
    checkStarted(before, at);
    const items = await currentItems(ctx, before);
    const checked = new Set(input.checkedItemIds);
    const foreign = input.checkedItemIds.filter((x) => !items.some((i) => i.id === x));
    if (foreign.length) throw fail.validation('核对的物品不属于这张放行条，请刷新后重新核对', { checkedItemIds: '物品不属于这张放行条' });
    const unchecked = items.filter((i) => !checked.has(i.id));
    if (unchecked.length) {
      const message = `还有物品未核对：${unchecked.map((i) => i.name).join('、')}。全部相符才能放行；不符请拒绝放行`;
      throw fail.validation(message, { checkedItemIds: message });
    }
    await changePass(ctx, before, { state: to, gate_at: at, gate_operator_id: ctx.requireOperator().id, ...gateVehicle(input), gate_notes: input.notes }, [
      { kind: 'release', at, text: `放行：物品 ${items.length} 项全部相符；${vehicleText(input)}${input.notes ? `；${input.notes}` : ''}` },
    ]);
    return loadPass(ctx, { id: before.id });
  },

  'passes.refuse': async (ctx, input) => {
    const at = gateTime(ctx, input.exitAt);
    const { before, to } = await passForAction(ctx, input.id, 'refuse', { at, reason: input.notes });
    checkStarted(before, at);
    const items = await currentItems(ctx, before);
    const mismatched = items.filter((i) => input.mismatchedItemIds.includes(i.id));
    if (mismatched.length !== new Set(input.mismatchedItemIds).size) throw fail.validation('不符的物品不属于这张放行条，请刷新后重新核对', { mismatchedItemIds: '物品不属于这张放行条' });
    await changePass(
      ctx,
      before,
      { state: to, gate_at: at, gate_operator_id: ctx.requireOperator().id, ...gateVehicle(input), gate_notes: input.notes, gate_mismatched: JSON.stringify(mismatched.map((i) => i.id)) },
      [{ kind: 'refuse', at, text: `拒绝放行：${input.notes}${mismatched.length ? `；不符物品：${mismatched.map((i) => i.name).join('、')}` : ''}；${vehicleText(input)}` }],
    );
    return loadPass(ctx, { id: before.id });
  },

  'passes.reissue': async (ctx, input) => {
    const found = await passForAction(ctx, input.id, 'reissue');
    const taken = await ctx.db.selectFrom('passes').select('no').where('reissued_from_id', '=', found.before.id).executeTakeFirst();
    if (taken) throw fail.conflict(`${found.before.no} 已重新开具为 ${taken.no}`);
    const before = await settleExpiry(ctx, found.before);
    const application = { ...(await applicationOf(ctx, before)), plannedAt: input.plannedAt, ...(input.items ? { items: input.items } : {}) };
    checkTimes(ctx, { plannedAt: application.plannedAt, ownerConfirmation: null });
    const unit = await unitOf(ctx, application.unitId);
    const id = await createPass(ctx, application, { reissuedFromId: before.id, text: `由 ${before.no} 重新开具：${appliedText(application, unit.code)}` });
    const created = await ctx.db.selectFrom('passes').select('no').where('id', '=', id).executeTakeFirstOrThrow();
    await addPassEvent(ctx, before.id, { kind: 'reissue', text: `重新开具为 ${created.no}` });
    return loadPass(ctx, { id });
  },

  'passes.dutyList': async (ctx, input) => dutyList(ctx, input.day),
  'passes.monthly': async (ctx, input) => monthlyReport(ctx, input.month),
  'passes.exportMonthly': async (ctx, input) => exportMonthly(ctx, input.month),
  'passes.printPass': async (ctx, input) => passPrint(ctx, input.no),
  'passes.printDutyList': async (ctx, input) => dutyListPrint(ctx, input.day),
  'passes.printMonthly': async (ctx, input) => monthlyPrint(ctx, input.month),
  'passes.printed': async (ctx, input) => recordPrinted(ctx, input),
  'passes.dutyListPrinted': async (ctx, input) => recordPrinted(ctx, input),
  'passes.updateSettings': updateDeskSettings(passRulesSettings),
};

