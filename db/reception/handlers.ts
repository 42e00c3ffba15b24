import type { Handlers } from '../context';
import { receptionSettings, type receptionCommands } from '../../shared/contract/reception';
import { updateDeskSettings } from '../settings/service';
import {
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  deadlinesFor,
  handlerDueAfterEscalation,
  nextDueAt,
  SATISFACTION_LABELS,
  URGENCY_LABELS,
  type Category,
  type Channel,
  type Urgency,
} from '../../shared/reception';
import { fail } from '../../shared/result';
import { nextSerial } from '../serials';
import { addEvent, changeEntry, clockOf, entryForAction, loadEntry } from './entries';
import { listEntries } from './lists';
import { dailyReport, handover } from './report';
import { exportReport } from './export';
import { dailyRecord, handoverRecord, listHandovers, recordPrinted, saveHandover, slipRecord } from './prints';
import { visitorHandlers } from './visitors';
import { resolveHandler, resolveWho } from './parties';
import { listSuperiors, resolveSuperior } from './superiors';

/** 补登: how far back a received time may be set. */
const BACKDATE_DAYS = 30;
/** Clocks of two PCs disagree a little; a received time this far ahead still counts as now. */
const CLOCK_SLACK_MS = 60_000;

/** Only these can be answered on the spot and closed in the same step. */
const ANSWERABLE_NOW: readonly Category[] = ['enquiry', 'other'];

export const receptionHandlers: Handlers<keyof typeof receptionCommands> = {
  'reception.updateSettings': updateDeskSettings(receptionSettings),
  'reception.log': async (ctx, input) => {
    const operator = ctx.requireOperator();
    const now = ctx.now.getTime();
    const receivedAt = input.receivedAt ? new Date(input.receivedAt).toISOString() : ctx.nowIso;
    if (Date.parse(receivedAt) > now + CLOCK_SLACK_MS) throw fail.validation('接待时间不能晚于现在', { receivedAt: '接待时间不能晚于现在' });
    if (Date.parse(receivedAt) < now - BACKDATE_DAYS * 86_400_000) {
      throw fail.validation(`最多补登 ${BACKDATE_DAYS} 天内的事项`, { receivedAt: `最多补登 ${BACKDATE_DAYS} 天内的事项` });
    }
    const ownDueAt = input.ownDueAt ? new Date(input.ownDueAt).toISOString() : null;
    if (ownDueAt && Date.parse(ownDueAt) <= Date.parse(receivedAt)) throw fail.validation('要求回复时间应晚于接待时间', { ownDueAt: '应晚于接待时间' });
    if (input.answeredNow && !ANSWERABLE_NOW.includes(input.category)) {
      throw fail.validation('只有咨询类事项可以当场答复办结', { answeredNow: '只有咨询类事项可以当场答复办结' });
    }
    const who = await resolveWho(ctx, input);
    const handler = await resolveHandler(ctx, input.handlerStaffId, input.handlerDepartmentId);

    const deadlines = deadlinesFor({ receivedAt, channel: input.channel, category: input.category, urgency: input.urgency, ownDueAt }, ctx.settings.receptionLimits);
    const repairScope = input.category === 'repair' ? (input.repairScope ?? (who.unitId !== null ? 'in_home' : 'public')) : null;
    const closedNow = input.answeredNow !== '';
    const no = await nextSerial(ctx, 'JD');
    const values = {
      no,
      channel: input.channel,
      category: input.category,
      urgency: input.urgency,
      unit_id: who.unitId,
      person_id: who.personId,
      contact_name: who.contactName,
      contact_phone: who.contactPhone,
      content: input.content,
      repair_scope: repairScope,
      handler_staff_id: handler.staffId,
      handler_department_id: handler.departmentId,
      received_at: receivedAt,
      own_due_at: ownDueAt,
      handler_due_at: deadlines.handlerDueAt,
      escalate_due_at: deadlines.escalateDueAt,
      owner_due_at: deadlines.ownerDueAt,
      // Answered on the spot by the receptionist: the owner has their answer; no handler gave one.
      handler_answered_at: null,
      owner_answered_at: closedNow && deadlines.ownerDueAt ? ctx.nowIso : null,
      escalated_at: null,
      supervisor_ack_at: null,
      state: closedNow ? 'closed' : 'open',
      result: input.answeredNow,
      closed_at: closedNow ? ctx.nowIso : null,
      created_by: operator.id,
      created_at: ctx.nowIso,
      updated_at: ctx.nowIso,
    };
    const id = (await ctx.db.insertInto('reception_entries').values({ ...values, next_due_at: nextDueAt(clockOf(values)) }).returning('id').executeTakeFirstOrThrow()).id;
    const summary = [CHANNEL_LABELS[input.channel], CATEGORY_LABELS[input.category], URGENCY_LABELS[input.urgency], handler.label && `处理：${handler.label}`]
      .filter(Boolean)
      .join(' · ');
    await addEvent(ctx, id, 'logged', input.urgency === 'major' ? `${summary}（重大事项，已提请主管）` : summary);
    if (closedNow) await addEvent(ctx, id, 'close', `当场答复：${input.answeredNow}`);
    let complaintNo: string | null = null;
    if (input.category === 'complaint' || input.category === 'suggestion') {
      complaintNo = await nextSerial(ctx, 'TS');
      await ctx.db
        .insertInto('reception_complaints')
        .values({ entry_id: id, no: complaintNo, kind: input.category, respondent: input.respondent, satisfaction: null })
        .execute();
    }
    await ctx.audit({ entity: 'reception_entry', entityId: id, after: { ...values, complaintNo } });
    return loadEntry(ctx, { id });
  },

  'reception.get': async (ctx, input) => loadEntry(ctx, input.id !== undefined ? { id: input.id } : { no: input.no! }),

  'reception.list': async (ctx, input) => listEntries(ctx, input),

  'reception.note': async (ctx, input) => {
    const { before } = await entryForAction(ctx, input.id, 'note');
    const changes: Parameters<typeof changeEntry>[2] = {};
    if (input.kind === 'handler_reply') {
      if (before.handler_answered_at === null) changes.handler_answered_at = ctx.nowIso;
      // After 上报 the reply is the superior's answer (recorded by them, or for them by the desk).
      if (before.escalated_at !== null && before.escalation_answered_at === null) changes.escalation_answered_at = ctx.nowIso;
    }
    if (input.kind === 'owner_reply') {
      if (before.owner_due_at === null) throw fail.validation('内部事项没有需要答复的业主', { kind: '内部事项没有需要答复的业主' });
      if (before.owner_answered_at === null) changes.owner_answered_at = ctx.nowIso;
    }
    return changeEntry(ctx, before, changes, { kind: input.kind, text: input.text });
  },

  'reception.escalate': async (ctx, input) => {
    const { before } = await entryForAction(ctx, input.id, 'escalate');
    const superior = await resolveSuperior(ctx, input.toOperatorId);
    // It now waits on this superior's answer.
    const changes: Parameters<typeof changeEntry>[2] = { escalated_to: superior.name, escalated_to_operator_id: superior.id, escalation_answered_at: null };
    // The first 上报 sets the clock; a second one (to a higher level) is on the timeline.
    if (before.escalated_at === null) changes.escalated_at = ctx.nowIso;
    if (before.handler_answered_at === null) {
      changes.handler_due_at = handlerDueAfterEscalation({ receivedAt: before.received_at, ownDueAt: before.own_due_at }, ctx.settings.receptionLimits);
    }
    const late = before.escalated_at === null && ctx.now.getTime() > Date.parse(before.escalate_due_at);
    const text = [`上报：${superior.name}`, input.note, late ? '（超过上报时限）' : ''].filter(Boolean).join(' ');
    return changeEntry(ctx, before, changes, { kind: 'escalate', text });
  },

  'reception.superiors': async (ctx) => listSuperiors(ctx),

  'reception.assign': async (ctx, input) => {
    const { before } = await entryForAction(ctx, input.id, 'assign');
    const handler = await resolveHandler(ctx, input.handlerStaffId, input.handlerDepartmentId);
    if (handler.staffId === null && handler.departmentId === null) throw fail.validation('请选择处理人或部门', { handlerStaffId: '请选择处理人或部门' });
    return changeEntry(
      ctx,
      before,
      { handler_staff_id: handler.staffId, handler_department_id: handler.departmentId },
      { kind: 'assign', text: [`改派：${handler.label}`, input.note].filter(Boolean).join(' ') },
    );
  },

  'reception.close': async (ctx, input) => {
    const { before, to } = await entryForAction(ctx, input.id, 'close');
    const complaint = await ctx.db.selectFrom('reception_complaints').select('satisfaction').where('entry_id', '=', before.id).executeTakeFirst();
    if (input.satisfaction && !complaint) throw fail.validation('只有投诉和建议记录满意度', { satisfaction: '只有投诉和建议记录满意度' });
    if (complaint) await ctx.db.updateTable('reception_complaints').set({ satisfaction: input.satisfaction }).where('entry_id', '=', before.id).execute();
    const text = input.satisfaction ? `${input.result}（业主评价：${SATISFACTION_LABELS[input.satisfaction]}）` : input.result;
    return changeEntry(
      ctx,
      before,
      {
        state: to,
        result: input.result,
        closed_at: ctx.nowIso,
        // Closing with a result answers the owner, where there is one. It is no handler's reply:
        // that is on record only when one was given (处理人回复).
        owner_answered_at: before.owner_due_at === null ? null : (before.owner_answered_at ?? ctx.nowIso),
      },
      { kind: 'close', text },
    );
  },

  'reception.reopen': async (ctx, input) => {
    const { before, to } = await entryForAction(ctx, input.id, 'reopen', input.reason);
    // A reopened matter is a new round: handler and owner are owed an answer again, on clocks
    // that start now (the first round's times stay on the timeline and in the audit log).
    const round = deadlinesFor(
      {
        receivedAt: ctx.nowIso,
        channel: before.channel as Channel,
        category: before.category as Category,
        urgency: before.urgency as Urgency,
      },
      ctx.settings.receptionLimits,
    );
    return changeEntry(
      ctx,
      before,
      {
        state: to,
        closed_at: null,
        result: before.result,
        handler_due_at: round.handlerDueAt,
        owner_due_at: round.ownerDueAt,
        handler_answered_at: null,
        owner_answered_at: null,
      },
      { kind: 'reopen', text: `重新打开：${input.reason}（原结果：${before.result}）` },
    );
  },

  'reception.void': async (ctx, input) => {
    // Only from 处理中 (see ENTRY_MACHINE): a closed entry is reopened with a reason first.
    const { before, to } = await entryForAction(ctx, input.id, 'void', input.reason);
    return changeEntry(ctx, before, { state: to, void_reason: input.reason }, { kind: 'void', text: `作废：${input.reason}` });
  },

  'reception.acknowledge': async (ctx, input) => {
    const { before } = await entryForAction(ctx, input.id, 'acknowledge');
    if (before.urgency !== 'major') throw fail.conflict('只有重大事项需要主管确认');
    if (before.supervisor_ack_at !== null) throw fail.conflict('主管已确认过这条重大事项');
    return changeEntry(ctx, before, { supervisor_ack_at: ctx.nowIso }, { kind: 'supervisor_ack', text: input.note || '主管已知悉' });
  },

  'reception.printSlip': async (ctx, input) => slipRecord(ctx, input.no),
  'reception.printDaily': async (ctx, input) => dailyRecord(ctx, input.day),
  'reception.saveHandover': async (ctx) => saveHandover(ctx),
  'reception.printHandover': async (ctx, input) => handoverRecord(ctx, input.no),
  'reception.handovers': async (ctx) => listHandovers(ctx),
  'reception.printed': async (ctx, input) => recordPrinted(ctx, input),

  'reception.daily': async (ctx, input) => dailyReport(ctx, input.day),
  'reception.handover': async (ctx) => handover(ctx),
  'reception.exportReport': async (ctx, input) => exportReport(ctx, input.kind, input.day),

  ...visitorHandlers,
};
