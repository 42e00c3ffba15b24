/**
 * The reception log's vocabulary and its time limits (信息反馈流程, domain.md §1). Every
 * deadline and every "time left" in the app is computed here, on both sides, from stored
 * instants — nothing else does date arithmetic on entries.
 */
import { addMinutes, spanText } from './office-time';
import { earliestOpenDeadline, type Deadline } from './deadlines';
import type { LinkRole } from './estate';
import { rolesUsing, rolesWith } from './permissions';
import { defineMachine } from './state-machine';
import { contactPhoneOf } from './phone';

/** Who works the reception desk (shared/permissions.ts). */
export const RECEPTION_ROLES = rolesUsing('reception');
/** Who acknowledges major matters and is escalated to: the roles that approve. */
export const SUPERVISOR_ROLES = rolesWith('approves');

export const CHANNELS = ['visit', 'call', 'staff', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { visit: '来访', call: '来电', staff: '内部反馈', other: '其他' };

export const CATEGORIES = ['repair', 'complaint', 'suggestion', 'enquiry', 'staff_feedback', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = {
  repair: '报修',
  complaint: '投诉',
  suggestion: '建议',
  enquiry: '咨询',
  staff_feedback: '员工反馈',
  other: '其他',
};

export const URGENCIES = ['ordinary', 'major'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Record<Urgency, string> = { ordinary: '一般', major: '重大' };

/** 入户维修 / 公共报修: the daily report splits repairs this way. */
export const REPAIR_SCOPES = ['in_home', 'public'] as const;
export type RepairScope = (typeof REPAIR_SCOPES)[number];
export const REPAIR_SCOPE_LABELS: Record<RepairScope, string> = { in_home: '入户维修', public: '公共报修' };

export const ENTRY_STATES = ['open', 'closed', 'voided'] as const;
export type EntryState = (typeof ENTRY_STATES)[number];
export const ENTRY_STATE_LABELS: Record<EntryState, string> = { open: '处理中', closed: '已办结', voided: '已作废' };

/**
 * What can be done to an entry in each state, by whom: the server's handlers refuse anything
 * else and the detail view shows only these buttons. Each action appends a timeline line.
 *
 * 作废 only from 处理中: a closed (办结) entry is the record of work done and of what the owner
 * was told; voiding is for entries logged by mistake. One that turns out to be a mistake after
 * all is reopened with a reason first, so the timeline says why before it says 作废.
 */
export const ENTRY_MACHINE = defineMachine({
  noun: '事项',
  states: ENTRY_STATES,
  stateLabels: ENTRY_STATE_LABELS,
  deskRoles: RECEPTION_ROLES,
  transitions: [
    { action: 'note', from: ['open', 'closed'], to: 'same', roles: 'any-desk-role', reasonRequired: false, label: '添加跟进', refusals: { voided: '已作废的事项不能再跟进' } },
    {
      action: 'escalate',
      from: ['open'],
      to: 'same',
      roles: 'any-desk-role',
      reasonRequired: false,
      label: '上报',
      refusals: { closed: '已办结的事项不能上报，如需继续处理请先重新打开' },
    },
    { action: 'assign', from: ['open'], to: 'same', roles: 'any-desk-role', reasonRequired: false, label: '改派' },
    { action: 'close', from: ['open'], to: 'closed', roles: 'any-desk-role', reasonRequired: false, label: '办结', refusals: { closed: '这条事项已办结' } },
    { action: 'reopen', from: ['closed'], to: 'open', roles: 'any-desk-role', reasonRequired: true, label: '重新打开', refusals: { open: '这条事项仍在处理中' } },
    {
      action: 'void',
      from: ['open'],
      to: 'voided',
      roles: 'any-desk-role',
      reasonRequired: true,
      label: '作废',
      refusals: { closed: '已办结的事项不能直接作废；如确属登记错误，请先重新打开（说明原因）再作废', voided: '这条事项已作废' },
    },
    {
      action: 'acknowledge',
      from: ['open', 'closed'],
      to: 'same',
      roles: SUPERVISOR_ROLES,
      reasonRequired: false,
      label: '主管已阅',
      refusals: { voided: '已作废的事项不需要确认' },
    },
  ],
});
export type EntryAction = (typeof ENTRY_MACHINE.transitions)[number]['action'];

/** What a timeline line records. Lines are only ever appended. */
export const EVENT_KINDS = [
  'logged',
  'note',
  'handler_reply',
  'owner_reply',
  'escalate',
  'assign',
  'supervisor_ack',
  'close',
  'reopen',
  'void',
  'print',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  logged: '登记',
  note: '跟进',
  handler_reply: '处理人回复',
  owner_reply: '答复业主',
  escalate: '上报上级',
  assign: '改派',
  supervisor_ack: '主管已阅',
  close: '办结',
  reopen: '重新打开',
  void: '作废',
  print: '打印',
};

/** Notes an operator may add by hand; the others come from their own actions. */
export const NOTE_KINDS = ['note', 'handler_reply', 'owner_reply'] as const satisfies readonly EventKind[];
export type NoteKind = (typeof NOTE_KINDS)[number];

export const SATISFACTIONS = ['satisfied', 'fair', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, string> = { satisfied: '满意', fair: '基本满意', unsatisfied: '不满意' };

/**
 * The procedure's time limits, in minutes (the platform's deadlines run to the minute; the
 * procedure states hours). Configurable in 设置 → 接待时限; the defaults are the procedure's.
 */
export interface ReceptionLimits {
  /** 处理人员在 24 小时内将处理结果回复客户接待员 */
  handlerMinutes: number;
  /** 无法处理的，接到信息后 2 小时内上报上级领导 */
  escalateMinutes: number;
  /** …并在 24 小时内向客户接待员反馈处理情况 */
  escalatedAnswerMinutes: number;
  /** 一般性问题 24 小时内反馈业主 */
  ownerOrdinaryMinutes: number;
  /** 重大问题 48 小时内反馈业主，并上报上级领导 */
  ownerMajorMinutes: number;
  /** How early an entry shows as 即将到期. */
  dueSoonMinutes: number;
}

export const DEFAULT_RECEPTION_LIMITS: ReceptionLimits = {
  handlerMinutes: 24 * 60,
  escalateMinutes: 2 * 60,
  escalatedAnswerMinutes: 24 * 60,
  ownerOrdinaryMinutes: 24 * 60,
  ownerMajorMinutes: 48 * 60,
  dueSoonMinutes: 4 * 60,
};

/** Staff feedback and staff reports have nobody outside to answer; everything else does. */
export function answersOwner(channel: Channel, category: Category): boolean {
  return channel !== 'staff' && category !== 'staff_feedback';
}

export interface EntryDeadlines {
  handlerDueAt: string;
  escalateDueAt: string;
  ownerDueAt: string | null;
}

/**
 * The deadlines an entry gets when it is logged, all counted from the moment the information
 * was received (接到信息后), with the limits in force then: a later change of settings does not
 * move the deadlines of entries already logged. `ownDueAt` is the item's own deadline
 * ("凡没有规定时间要求的" — the 24 h rule applies only when there is none).
 */
export function deadlinesFor(
  entry: { receivedAt: string; channel: Channel; category: Category; urgency: Urgency; ownDueAt?: string | null },
  limits: ReceptionLimits,
): EntryDeadlines {
  const ownerMinutes = entry.urgency === 'major' ? limits.ownerMajorMinutes : limits.ownerOrdinaryMinutes;
  return {
    handlerDueAt: entry.ownDueAt ?? addMinutes(entry.receivedAt, limits.handlerMinutes),
    escalateDueAt: addMinutes(entry.receivedAt, limits.escalateMinutes),
    ownerDueAt: answersOwner(entry.channel, entry.category) ? addMinutes(entry.receivedAt, ownerMinutes) : null,
  };
}

/** After 上报 the handler owes a first answer on the escalated clock, unless the item set its own. */
export function handlerDueAfterEscalation(entry: { receivedAt: string; ownDueAt: string | null }, limits: ReceptionLimits): string {
  return entry.ownDueAt ?? addMinutes(entry.receivedAt, limits.escalatedAnswerMinutes);
}

/** The stored facts the clock reads. */
export interface EntryClock {
  state: EntryState;
  handlerDueAt: string;
  handlerAnsweredAt: string | null;
  escalateDueAt: string;
  escalatedAt: string | null;
  ownerDueAt: string | null;
  ownerAnsweredAt: string | null;
  /** When it was closed: a deadline still unmet then was missed if it had already passed. */
  closedAt?: string | null;
}

export type DeadlineKey = 'handler' | 'escalate' | 'owner';
export const DEADLINE_LABELS: Record<DeadlineKey, string> = { handler: '处理人回复', escalate: '上报上级', owner: '答复业主' };

/**
 * met: answered at metAt. owed: the entry is open and the answer still runs against its deadline
 * (the only state that counts down). unmet: the entry was closed or voided without this answer —
 * no clock runs any more, and nothing is shown as done that was not.
 */
export type DeadlineStatus = 'met' | 'owed' | 'unmet';

export interface DeadlineView {
  key: DeadlineKey;
  label: string;
  dueAt: string;
  /** When it was met; null when it was not. */
  metAt: string | null;
  status: DeadlineStatus;
  /** Met after its deadline; still owed past it; or closed without it after it had passed. Never for a voided entry's unmet ones. */
  late: boolean;
}

/**
 * The entry's named deadlines (the platform's `{key, dueAt, metAt}`, shared/deadlines.ts): the
 * handler's answer, the owner's answer when someone outside is owed one, and the escalation limit
 * only for entries that were escalated — nobody knows in advance that a handler cannot settle
 * something; once escalated it shows whether 上报 came in time.
 */
export function entryDeadlines(clock: EntryClock): (Deadline & { key: DeadlineKey })[] {
  const out: (Deadline & { key: DeadlineKey })[] = [{ key: 'handler', dueAt: clock.handlerDueAt, metAt: clock.handlerAnsweredAt }];
  if (clock.escalatedAt !== null) out.push({ key: 'escalate', dueAt: clock.escalateDueAt, metAt: clock.escalatedAt });
  if (clock.ownerDueAt !== null) out.push({ key: 'owner', dueAt: clock.ownerDueAt, metAt: clock.ownerAnsweredAt });
  return out;
}

/** The deadlines as the entry's detail shows them: met, still owed, or left unmet when the entry ended. */
export function deadlineViews(clock: EntryClock, now: Date): DeadlineView[] {
  return entryDeadlines(clock).map((d) => {
    const base = { ...d, label: DEADLINE_LABELS[d.key] };
    const due = Date.parse(d.dueAt);
    if (d.metAt !== null) return { ...base, status: 'met', late: Date.parse(d.metAt) > due };
    if (clock.state === 'open') return { ...base, status: 'owed', late: now.getTime() > due };
    const closedAt = clock.state === 'closed' && clock.closedAt ? Date.parse(clock.closedAt) : null;
    return { ...base, status: 'unmet', late: closedAt !== null && closedAt > due };
  });
}

/**
 * The next deadline an open entry still owes: the earliest of its deadlines not yet met (the
 * escalation limit is only listed once met). null when nothing is owed (closed, voided, or all
 * answered). Stored as `next_due_at` so overdue and due-soon lists are index range scans.
 */
export function nextDueAt(clock: EntryClock): string | null {
  if (clock.state !== 'open') return null;
  return earliestOpenDeadline(entryDeadlines(clock))?.dueAt ?? null;
}

export type TimeStatusKind = 'done' | 'waiting' | 'ok' | 'due_soon' | 'overdue';

export interface TimeStatus {
  kind: TimeStatusKind;
  nextDueAt: string | null;
  /** Milliseconds to the next deadline; negative when past it. */
  msLeft: number | null;
  /** "剩 3小时20分", "超时 1天2小时", "已办结"… */
  text: string;
}

/** What the lists show in the 时限 column. */
export function timeStatus(state: EntryState, next: string | null, now: Date, limits: Pick<ReceptionLimits, 'dueSoonMinutes'>): TimeStatus {
  if (state === 'closed') return { kind: 'done', nextDueAt: null, msLeft: null, text: '已办结' };
  if (state === 'voided') return { kind: 'done', nextDueAt: null, msLeft: null, text: '已作废' };
  if (next === null) return { kind: 'waiting', nextDueAt: null, msLeft: null, text: '已答复，待办结' };
  const msLeft = Date.parse(next) - now.getTime();
  if (msLeft < 0) return { kind: 'overdue', nextDueAt: next, msLeft, text: `超时 ${spanText(msLeft)}` };
  const kind = msLeft <= limits.dueSoonMinutes * 60_000 ? 'due_soon' : 'ok';
  return { kind, nextDueAt: next, msLeft, text: `剩 ${spanText(msLeft)}` };
}

/** The counts of 客服中心日报表 (the report, reception.daily, carries them with its tables). */
export interface DailyCounts {
  total: number;
  repairs: { inHome: number; public: number };
  complaints: { complaints: number; suggestions: number };
  closedSameDay: number;
  major: number;
  voided: number;
  /** Open entries past a deadline at the end of the day (or now, for today). */
  overdue: number;
  /** Entries received before the day and still open at its start. */
  carriedOver: number;
  /** Still open at the end of the day (or now). */
  stillOpen: number;
  visitors: number;
}

/** The figures of 客服中心日报表, in the paper report's order; `alert` ones are shown red when not 0. */
export function dailyFigures(r: DailyCounts): { label: string; value: number; alert?: true }[] {
  return [
    { label: '登记总数', value: r.total },
    { label: REPAIR_SCOPE_LABELS.in_home, value: r.repairs.inHome },
    { label: REPAIR_SCOPE_LABELS.public, value: r.repairs.public },
    { label: CATEGORY_LABELS.complaint, value: r.complaints.complaints },
    { label: CATEGORY_LABELS.suggestion, value: r.complaints.suggestions },
    { label: '当日办结', value: r.closedSameDay },
    { label: '重大事项', value: r.major, alert: true },
    { label: '作废', value: r.voided },
    { label: '超时未办', value: r.overdue, alert: true },
    { label: '前日结转', value: r.carriedOver },
    { label: '尚未办结', value: r.stillOpen },
    { label: '访客', value: r.visitors },
  ];
}

/**
 * The daily report's one rule for what it counts, printed on the screen, the A4 page and the
 * .xlsx alike: voided entries are listed (and marked) but counted in no figure except 作废.
 */
export function dailyCountRule(listed: number, voided: number): string {
  return `统计口径：作废的登记不计入登记总数和各项统计（本日作废 ${voided} 条）；明细列出当日全部 ${listed} 条登记，作废的标明“已作废”。`;
}

/** A resident the log form offers as the contact for a unit. */
export interface UnitContact {
  personId: number;
  name: string;
  role: LinkRole;
  /** As the signed-in operator may see it (the server masks). */
  phone: string;
}

/** Who usually speaks for a unit at the counter, in the order offered: the owner first. */
const CONTACT_ROLE_ORDER: readonly LinkRole[] = ['owner', 'tenant', 'family', 'agent'];

// Shared with the repairs desk's orders, which keep a contact the same way.
export { CONTACT_PHONE_MAX, contactPhoneOf } from './phone';

/**
 * The unit's current residents as contacts (from the unit card's people): owners, tenants,
 * family members, agents, each group in the card's order. The first one is preselected.
 */
export function unitContacts(
  people: readonly { role: LinkRole; endDate: string | null; person: { id: number; name: string; mobile: string | null; otherPhone: string | null } }[],
): UnitContact[] {
  return people
    .filter((l) => l.endDate === null)
    .map((l, i) => ({ l, i }))
    .sort((a, b) => CONTACT_ROLE_ORDER.indexOf(a.l.role) - CONTACT_ROLE_ORDER.indexOf(b.l.role) || a.i - b.i)
    .map(({ l }) => ({ personId: l.person.id, name: l.person.name, role: l.role, phone: contactPhoneOf(l.person) }));
}
