import type { Handlers } from '../context';
import { exportSummary } from './summary-export';
import { repairSettings, type repairsCommands } from '../../shared/contract/repairs';
import { MAX_FEN, formatYuan } from '../../shared/money';
import { addMinutes } from '../../shared/office-time';
import {
  deadlineFrom,
  minutesLate,
  orderCharge,
  materialLineFen,
  ORDER_SCOPE_LABELS,
  removedRepairCategories,
  SATISFACTION_LABELS,
  SIGNER_LABELS,
  type OrderScope,
  type RepairCategoryDef,
  type RepairLimits,
} from '../../shared/repairs';
import { fail } from '../../shared/result';
import { nextSerial } from '../serials';
import { updateDeskSettings } from '../settings/service';
import type { CommandContext } from '../context';
import type { ParsedInput } from '../../shared/contract';
import { addEvent, allowed, changeOrder, loadOrder, orderForAction, type OrderRecord } from './orders';
import { resolveContact, resolveTechnician, technicianLoads } from './parties';
import { listOrders } from './lists';
import { monthlySummary } from './summary';
import { recordPrinted, slipRecord } from './prints';
import { billForCompletion } from './bills';

const updateRepairSettings = updateDeskSettings(repairSettings);

/** Clocks of two PCs disagree a little; a reported time this far ahead still counts as now. */
const CLOCK_SLACK_MS = 60_000;
/** How far ahead an appointment may be agreed. */
const APPOINTMENT_AHEAD_DAYS = 90;

/** The agreed visit: now when none was given; not further back than the settings allow, nor months ahead. */
function appointmentOf(ctx: CommandContext, given: string | null, limits: RepairLimits): string {
  if (given === null) return ctx.nowIso;
  const at = new Date(given).toISOString();
  const earliest = addMinutes(ctx.nowIso, -limits.appointmentPastMinutes);
  if (at < earliest) {
    const message = limits.appointmentPastMinutes === 0 ? '预约时间不能早于现在' : `预约时间最多早于现在 ${limits.appointmentPastMinutes} 分钟`;
    throw fail.validation(message, { appointmentAt: message });
  }
  if (Date.parse(at) > ctx.now.getTime() + APPOINTMENT_AHEAD_DAYS * 86_400_000) {
    throw fail.validation(`预约时间最多在 ${APPOINTMENT_AHEAD_DAYS} 天内`, { appointmentAt: `最多 ${APPOINTMENT_AHEAD_DAYS} 天内` });
  }
  return at;
}

/** A time the technician reported by phone: not ahead of now, not before the step it follows. */
function reportedTime(ctx: CommandContext, given: string | null, notBefore: string | null, what: string): string {
  if (given === null) return ctx.nowIso;
  const at = new Date(given).toISOString();
  if (Date.parse(at) > ctx.now.getTime() + CLOCK_SLACK_MS) throw fail.validation(`${what}时间不能晚于现在`, { at: `${what}时间不能晚于现在` });
  if (notBefore && at < notBefore) throw fail.validation(`${what}时间不能早于上一步的时间`, { at: `${what}时间不能早于上一步的时间` });
  return at;
}

/** A new order's category: one the office's list still offers. */
function offeredCategory(limits: RepairLimits, key: string): RepairCategoryDef {
  const category = limits.categories.find((c) => c.key === key);
  if (!category) throw fail.validation('没有这个维修类别，请重新选择', { category: '请选择维修类别' });
  if (!category.enabled) throw fail.validation(`维修类别“${category.label}”已停用，请选择其他类别`, { category: `“${category.label}”已停用` });
  return category;
}

async function openOrder(
  ctx: CommandContext,
  o: ParsedInput<'repairs.open'> & { entryId: number | null },
): Promise<number> {
  const operator = ctx.requireOperator();
  const limits = ctx.settings.repairLimits;
  if (o.scope === 'public' && o.chargeable) throw fail.validation('公共报修不向业主收费，请选择无偿', { chargeable: '公共报修不向业主收费' });
  const category = offeredCategory(limits, o.category);
  const appointment = appointmentOf(ctx, o.appointmentAt, limits);
  const no = await nextSerial(ctx, 'WX');
  const values = {
    no,
    scope: o.scope,
    category: o.category,
    unit_id: o.unitId,
    location: o.location,
    person_id: o.personId,
    contact_name: o.contactName,
    contact_phone: o.contactPhone,
    description: o.description,
    appointment_at: appointment,
    emergency: o.emergency ? 1 : 0,
    chargeable: o.chargeable ? 1 : 0,
    charge_items: o.chargeItems,
    state: 'pending',
    entry_id: o.entryId,
    opened_at: ctx.nowIso,
    // The owner waits from the agreed time whoever is sent: the clock starts when the order is opened.
    arrive_due_at: deadlineFrom.arrive(appointment, limits),
    next_due_at: deadlineFrom.arrive(appointment, limits),
    created_by: operator.id,
    created_at: ctx.nowIso,
    updated_at: ctx.nowIso,
  };
  const { id } = await ctx.db.insertInto('repair_orders').values(values).returning('id').executeTakeFirstOrThrow();
  const where = o.scope === 'public' ? o.location : '';
  const text = [ORDER_SCOPE_LABELS[o.scope], category.label, where, o.emergency ? '紧急' : '', o.chargeable ? `有偿：${o.chargeItems}` : '无偿']
    .filter(Boolean)
    .join(' ');
  await addEvent(ctx, id, { kind: 'opened', text }, null);
  await ctx.audit({ entity: 'repair_order', entityId: id, after: values });
  return id;
}

export const repairsHandlers: Handlers<keyof typeof repairsCommands> = {
  'repairs.updateSettings': async (ctx, input) => {
    // Orders keep the category key they were opened with: a category is stopped, never removed.
    const removed = removedRepairCategories(ctx.settings.repairLimits.categories, input.categories);
    if (removed.length) {
      throw fail.validation(`维修类别不能删除，只能停用：${removed.map((c) => c.label).join('、')}`, { categories: '维修类别不能删除，只能停用' });
    }
    return updateRepairSettings(ctx, input);
  },

  'repairs.open': async (ctx, input) => {
    const who = await resolveContact(ctx, input);
    if (input.scope === 'in_home' && !who.contactName) throw fail.validation('请选择报修住户或填写联系人', { contactName: '请填写联系人' });
    const id = await openOrder(ctx, { ...input, ...who, entryId: null });
    return loadOrder(ctx, { id });
  },

  'repairs.openFromEntry': async (ctx, input) => {
    // Read by SQL, not through reception's code: desks do not import each other (the layering test).
    const entry = await ctx.db
      .selectFrom('reception_entries')
      .select(['id', 'no', 'category', 'state', 'unit_id', 'person_id', 'contact_name', 'contact_phone', 'content', 'repair_scope'])
      .where('id', '=', input.entryId)
      .executeTakeFirst();
    if (!entry) throw fail.notFound('找不到这条接待登记');
    if (entry.category !== 'repair') throw fail.validation(`${entry.no} 不是报修登记，不能转维修单`, { entryId: '只有报修类登记可以转维修单' });
    if (entry.state === 'voided') throw fail.conflict(`${entry.no} 已作废，不能转维修单`);
    const existing = await ctx.db.selectFrom('repair_orders').select('no').where('entry_id', '=', entry.id).executeTakeFirst();
    if (existing) throw fail.conflict(`${entry.no} 已转为维修单 ${existing.no}`);
    const scope: OrderScope = (entry.repair_scope as OrderScope | null) ?? (entry.unit_id !== null ? 'in_home' : 'public');
    if (scope === 'in_home' && entry.unit_id === null) throw fail.validation('入户报修的登记没有房屋，请先在登记中选择房屋', { entryId: '登记没有房屋' });
    if (scope === 'public' && !input.location) throw fail.validation('公共报修请填写位置（楼栋、单元或区域）', { location: '请填写位置' });
    const id = await openOrder(ctx, {
      ...input,
      scope,
      unitId: scope === 'in_home' ? entry.unit_id : null,
      location: scope === 'public' ? input.location : '',
      personId: entry.person_id,
      contactName: entry.contact_name,
      contactPhone: entry.contact_phone,
      description: input.description || entry.content,
      entryId: entry.id,
    });
    return loadOrder(ctx, { id });
  },

  'repairs.get': async (ctx, input) => loadOrder(ctx, input.id !== undefined ? { id: input.id } : { no: input.no! }),
  'repairs.list': async (ctx, input) => listOrders(ctx, input),
  'repairs.technicians': async (ctx, input) => technicianLoads(ctx, input.departmentId),

  'repairs.dispatch': async (ctx, input) => {
    const { before, to } = await orderForAction(ctx, input.id, 'dispatch');
    const tech = await resolveTechnician(ctx, input.technicianId);
    const limits = ctx.settings.repairLimits;
    const changes: Parameters<typeof changeOrder>[2] = { state: to, technician_id: tech.id, dispatched_at: ctx.nowIso };
    // A new agreed time restarts the arrival clock; so does the first dispatch of a reopened order.
    if (input.appointmentAt !== null || before.appointment_at === null) {
      const appointment = appointmentOf(ctx, input.appointmentAt, limits);
      changes.appointment_at = appointment;
      changes.arrive_due_at = deadlineFrom.arrive(appointment, limits);
    }
    await changeOrder(ctx, before, changes, [{ kind: 'dispatch', text: `派单：${tech.label}`, technicianId: tech.id }]);
    return loadOrder(ctx, { id: before.id });
  },

  'repairs.transfer': async (ctx, input) => {
    const { before } = await orderForAction(ctx, input.id, 'transfer', input.reason);
    if (before.technician_id === input.technicianId) throw fail.validation('转单请选择另一位师傅', { technicianId: '请选择另一位师傅' });
    const tech = await resolveTechnician(ctx, input.technicianId);
    await changeOrder(ctx, before, { technician_id: tech.id }, [{ kind: 'transfer', text: `转单：${tech.label}（${input.reason}）`, technicianId: tech.id }]);
    return loadOrder(ctx, { id: before.id });
  },

  'repairs.return': async (ctx, input) => {
    const { before, to } = await orderForAction(ctx, input.id, 'return', input.reason);
    // The owner still waits from the agreed time: the arrival deadline stays; the next technician's arrival meets it.
    await changeOrder(ctx, before, { state: to, technician_id: null, dispatched_at: null, arrived_at: null }, [
      { kind: 'return', text: `退单：${input.reason}`, technicianId: before.technician_id },
    ]);
    return loadOrder(ctx, { id: before.id });
  },

  'repairs.arrive': async (ctx, input) => {
    const { before, to } = await orderForAction(ctx, input.id, 'arrive');
    const at = reportedTime(ctx, input.at, before.dispatched_at, '到场');
    const late = before.arrive_due_at ? minutesLate(before.arrive_due_at, at) : null;
    await changeOrder(
      ctx,
      before,
      { state: to, arrived_at: at, first_arrived_at: before.first_arrived_at ?? at, arrive_late_minutes: late ?? before.arrive_late_minutes },
      [{ kind: 'arrive', at, text: late ? `到场（超时 ${late} 分钟）` : '到场', met: late === null ? undefined : { key: 'arrive', lateMinutes: late } }],
    );
    return loadOrder(ctx, { id: before.id });
  },

  'repairs.start': async (ctx, input) => {
    const { before, to } = await orderForAction(ctx, input.id, 'start');
    await changeOrder(ctx, before, { state: to }, [{ kind: 'start', text: '开始维修' }]);
    return loadOrder(ctx, { id: before.id });
  },

  'repairs.review': async (ctx, input) => {
    const { before, to } = await orderForAction(ctx, input.id, 'review', input.reason);
    await changeOrder(ctx, before, { state: to, back_due_at: deadlineFrom.back(ctx.nowIso, ctx.settings.repairLimits), back_at: null }, [
      { kind: 'review', text: `报班长技术评审：${input.reason}` },
    ]);
    return loadOrder(ctx, { id: before.id });
  },

  'repairs.back': async (ctx, input) => {
    const { before, to } = await orderForAction(ctx, input.id, 'back');
    const reviewedAt = await lastEventAt(ctx, before.id, 'review');
    const at = reportedTime(ctx, input.at, reviewedAt, '返场');
    const late = minutesLate(before.back_due_at!, at);
    await changeOrder(ctx, before, { state: to, back_at: at, back_late_minutes: Math.max(late, before.back_late_minutes ?? 0) }, [
      { kind: 'back', at, text: late ? `评审后返场（超时 ${late} 分钟）` : '评审后返场', met: { key: 'back', lateMinutes: late } },
    ]);
    return loadOrder(ctx, { id: before.id });
  },

  'repairs.pause': async (ctx, input) => {
    const { before, to } = await orderForAction(ctx, input.id, 'pause', input.reason);
    await changeOrder(ctx, before, { state: to, pause_reason: input.reason }, [{ kind: 'pause', text: `暂停：${input.reason}` }]);
    return loadOrder(ctx, { id: before.id });
  },

  'repairs.resume': async (ctx, input) => {
    const { before, to } = await orderForAction(ctx, input.id, 'resume');
    await changeOrder(ctx, before, { state: to, pause_reason: '' }, [{ kind: 'resume', text: '恢复维修' }]);
    return loadOrder(ctx, { id: before.id });
  },

  'repairs.submit': async (ctx, input) => {
    const { before, to } = await orderForAction(ctx, input.id, 'submit');
    await changeOrder(ctx, before, { state: to, work_done_at: ctx.nowIso, inspection_due_at: deadlineFrom.inspection(ctx.nowIso, ctx.settings.repairLimits) }, [
      { kind: 'submit', text: '维修完毕，待业主验收' },
    ]);
    return loadOrder(ctx, { id: before.id });
  },

  'repairs.complete': async (ctx, input) => {
    const { before, to } = await orderForAction(ctx, input.id, 'complete');
    const scope = before.scope as OrderScope;
    if (scope === 'public' && input.signer !== 'officer') throw fail.validation('公共维修由片区管理员签字确认', { signer: '公共维修由片区管理员签字' });
    if (scope === 'in_home' && input.signer !== 'owner') throw fail.validation('入户维修由业主签字确认', { signer: '入户维修由业主签字' });
    const charge = orderCharge(input.materials, input.labourFen);
    if (charge.totalFen > MAX_FEN) throw fail.validation('合计金额过大', { labourFen: '合计金额过大' });
    const late = minutesLate(before.inspection_due_at!, ctx.nowIso);
    const round = before.round;
    let line = 0;
    for (const m of input.materials) {
      line += 1;
      await ctx.db
        .insertInto('repair_materials')
        .values({ order_id: before.id, round, line_no: line, name: m.name, spec: m.spec, model: m.model, unit: m.unit, quantity: m.quantity, unit_price_fen: m.unitPriceFen, amount_fen: materialLineFen(m.quantity, m.unitPriceFen) })
        .execute();
    }
    const billNote = await billForCompletion(ctx, before, charge.totalFen);
    const text = [
      `回单录入：材料 ${input.materials.length} 项 ${formatYuan(charge.materialsFen)}，人工 ${formatYuan(input.labourFen)}，合计 ${formatYuan(charge.totalFen)}`,
      `${SIGNER_LABELS[input.signer]}签字：${input.signerName}，${SATISFACTION_LABELS[input.satisfaction]}`,
      billNote,
      input.note,
      late ? `（验收超时 ${late} 分钟）` : '',
    ]
      .filter(Boolean)
      .join('；');
    await changeOrder(
      ctx,
      before,
      {
        state: to,
        completed_at: ctx.nowIso,
        inspection_late_minutes: late,
        callback_due_at: scope === 'in_home' ? deadlineFrom.callback(ctx.nowIso, ctx.settings.repairLimits) : null,
        materials_fen: charge.materialsFen,
        labour_fen: input.labourFen,
        total_fen: charge.totalFen,
        signer: input.signer,
        signer_name: input.signerName,
        satisfaction: input.satisfaction,
      },
      [{ kind: 'complete', text, met: { key: 'inspection', lateMinutes: late } }],
    );
    return loadOrder(ctx, { id: before.id });
  },

  'repairs.callback': async (ctx, input) => {
    const { before, to } = await orderForAction(ctx, input.id, 'callback');
    const unsatisfied = [input.result, input.process, input.person].includes('unsatisfied');
    const late = before.callback_due_at ? minutesLate(before.callback_due_at, ctx.nowIso) : null;
    const text = `回访：结果${SATISFACTION_LABELS[input.result]}、过程${SATISFACTION_LABELS[input.process]}、人员${SATISFACTION_LABELS[input.person]}${input.notes ? `；${input.notes}` : ''}${late ? `（回访超时 ${late} 分钟）` : ''}`;
    const called = {
      called_back_at: ctx.nowIso,
      callback_result: input.result,
      callback_process: input.process,
      callback_person: input.person,
      callback_notes: input.notes,
      callback_late_minutes: late,
    };
    const event = { kind: 'callback' as const, text, met: late === null ? undefined : { key: 'callback' as const, lateMinutes: late } };
    if (!unsatisfied) {
      await changeOrder(ctx, before, { state: to, ...called }, [event]);
      return loadOrder(ctx, { id: before.id });
    }
    const reason = input.notes || '回访不满意';
    const reopened = allowed(ctx, to, 'reopen', reason);
    await changeOrder(ctx, before, { ...called, state: reopened, ...newRound(before) }, [event, { kind: 'reopen', text: `回访不满意，重新派修：${reason}` }]);
    return loadOrder(ctx, { id: before.id });
  },

  'repairs.reopen': async (ctx, input) => {
    const { before, to } = await orderForAction(ctx, input.id, 'reopen', input.reason);
    await changeOrder(ctx, before, { state: to, ...newRound(before) }, [{ kind: 'reopen', text: `重新派修：${input.reason}` }]);
    return loadOrder(ctx, { id: before.id });
  },

  'repairs.close': async (ctx, input) => {
    const { before, to } = await orderForAction(ctx, input.id, 'close');
    if (before.scope === 'in_home' && before.called_back_at === null) throw fail.conflict('入户维修须先回访，再关闭工单');
    await changeOrder(ctx, before, { state: to, closed_at: ctx.nowIso }, [{ kind: 'close', text: '关闭' }]);
    return loadOrder(ctx, { id: before.id });
  },

  'repairs.void': async (ctx, input) => {
    const { before, to } = await orderForAction(ctx, input.id, 'void', input.reason);
    await changeOrder(ctx, before, { state: to, void_reason: input.reason }, [{ kind: 'void', text: `作废：${input.reason}` }]);
    return loadOrder(ctx, { id: before.id });
  },

  'repairs.summary': async (ctx, input) => monthlySummary(ctx, input.month),
  'repairs.exportSummary': async (ctx, input) => exportSummary(ctx, input.month),
  'repairs.printSlip': async (ctx, input) => slipRecord(ctx, input.no),
  'repairs.printed': async (ctx, input) => recordPrinted(ctx, input),
};

/**
 * A new round of work from 待派单, for the same technician unless dispatched otherwise: the first
 * round's times stay on the timeline, its material lines under their round, its bill as it was.
 * The visit is agreed again at dispatch, which restarts the arrival clock.
 */
function newRound(before: OrderRecord): Parameters<typeof changeOrder>[2] {
  return {
    round: before.round + 1,
    appointment_at: null,
    dispatched_at: null,
    arrive_due_at: null,
    arrived_at: null,
    back_due_at: null,
    back_at: null,
    work_done_at: null,
    inspection_due_at: null,
    completed_at: null,
    callback_due_at: null,
    closed_at: null,
    signer: null,
    signer_name: '',
    satisfaction: null,
    materials_fen: 0,
    labour_fen: 0,
    total_fen: 0,
  };
}

async function lastEventAt(ctx: CommandContext, orderId: number, kind: string): Promise<string | null> {
  const row = await ctx.db.selectFrom('repair_events').select('at').where('order_id', '=', orderId).where('kind', '=', kind).orderBy('id', 'desc').executeTakeFirst();
  return row?.at ?? null;
}

