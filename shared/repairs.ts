/**
 * 报修派工: a repair work order's vocabulary, its state machine and its time rules (报修管理流程,
 * domain.md §2). Every deadline of an order is computed here from stored instants, on both sides.
 */
import { addMinutes, spanText } from './office-time';
import { earliestOpenDeadline, type Deadline } from './deadlines';
import { rolesUsing, rolesWith } from './permissions';
import { defineMachine } from './state-machine';

/** Who works the repairs desk (shared/permissions.ts). */
export const REPAIR_ROLES = rolesUsing('repairs');
/** Who may close an order without its call-back and sees every technician's orders. */
export const REPAIR_SUPERVISOR_ROLES = rolesWith('approves');

/**
 * The categories an office starts with (维修类别), each with the department that usually takes it
 * (the demo office dispatches by it). The office edits the list in 设置 → 维修设置
 * (`repairLimits.categories`): renames, adds, and stops offering one — never removes it, since
 * orders keep the key they were opened with.
 */
export const REPAIR_CATEGORIES = ['plumbing_electric', 'doors_windows', 'walls_floors', 'waterproofing', 'elevator', 'fire', 'public_facilities', 'other'] as const;
export type DefaultRepairCategory = (typeof REPAIR_CATEGORIES)[number];
/** An order's category: one of the office's list (`repairLimits.categories`) by its key. */
export type RepairCategory = string;
export const REPAIR_CATEGORY_LABELS: Record<DefaultRepairCategory, string> = {
  plumbing_electric: '水电',
  doors_windows: '门窗',
  walls_floors: '墙地面',
  waterproofing: '防水',
  elevator: '电梯',
  fire: '消防',
  public_facilities: '公共设施',
  other: '其他',
};
/** Which department of the staff directory (seeded in migration 0002) usually does the work. */
export const REPAIR_CATEGORY_DEPARTMENTS: Record<DefaultRepairCategory, string> = {
  plumbing_electric: '工程部',
  doors_windows: '工程部',
  walls_floors: '工程部',
  waterproofing: '工程部',
  elevator: '工程部',
  fire: '秩序部',
  public_facilities: '环境部',
  other: '工程部',
};

/** One category of the office's list. `enabled: false` = no longer offered for new orders. */
export interface RepairCategoryDef {
  key: string;
  label: string;
  enabled: boolean;
}

export const DEFAULT_REPAIR_CATEGORY_LIST: readonly RepairCategoryDef[] = REPAIR_CATEGORIES.map((key) => ({ key, label: REPAIR_CATEGORY_LABELS[key], enabled: true }));

/** How an order's category reads: its label in the office's list, or the key itself if the list lost it. */
export function repairCategoryLabel(list: readonly RepairCategoryDef[], key: string): string {
  return list.find((c) => c.key === key)?.label ?? key;
}

/** A key for a category the office adds: `c1`, `c2`… the first not yet in the list. */
export function newRepairCategoryKey(list: readonly Pick<RepairCategoryDef, 'key'>[]): string {
  const taken = new Set(list.map((c) => c.key));
  let n = 1;
  while (taken.has(`c${n}`)) n++;
  return `c${n}`;
}

/** Why a new list cannot replace the stored one: categories are stopped, never removed (orders keep their key). */
export function removedRepairCategories(before: readonly RepairCategoryDef[], after: readonly RepairCategoryDef[]): RepairCategoryDef[] {
  const kept = new Set(after.map((c) => c.key));
  return before.filter((c) => !kept.has(c.key));
}

/** 入户维修 (a unit) or 公共报修 (a building, entrance or area). The same words as reception's. */
export const ORDER_SCOPES = ['in_home', 'public'] as const;
export type OrderScope = (typeof ORDER_SCOPES)[number];
export const ORDER_SCOPE_LABELS: Record<OrderScope, string> = { in_home: '入户维修', public: '公共报修' };

export const ORDER_STATES = [
  'pending',
  'dispatched',
  'arrived',
  'in_progress',
  'review',
  'paused',
  'inspection',
  'completed',
  'called_back',
  'closed',
  'voided',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];
export const ORDER_STATE_LABELS: Record<OrderState, string> = {
  pending: '待派单',
  dispatched: '已派单',
  arrived: '已到场',
  in_progress: '处理中',
  review: '技术评审',
  paused: '已暂停',
  inspection: '待验收',
  completed: '已完成',
  called_back: '已回访',
  closed: '已关闭',
  voided: '已作废',
};
/** States in which the order still needs work or a call: what "open orders" counts (load, unit card). */
export const OPEN_ORDER_STATES: readonly OrderState[] = ['pending', 'dispatched', 'arrived', 'in_progress', 'review', 'paused', 'inspection'];
/** States with a technician on the job: their load. */
export const TECHNICIAN_LOAD_STATES: readonly OrderState[] = ['dispatched', 'arrived', 'in_progress', 'review', 'paused', 'inspection'];

const BEFORE_COMPLETION: OrderState[] = ['pending', 'dispatched', 'arrived', 'in_progress', 'review', 'paused'];

/**
 * An order's life. Technicians do not sit at the desk: every action is recorded by the desk
 * (receptionist, officer) naming the technician, or by a supervisor. The server refuses anything
 * else; the detail view offers only allowedActions. Each action appends a repair_events line.
 *
 * - 暂停 only once on site (waiting for parts or the owner); 恢复 goes back to 处理中.
 * - 不满意 at the call-back reopens the order (回访 applies `reopen` itself); a supervisor or the desk
 *   may also reopen a completed order with a reason (a complaint after the call): back to 待派单
 *   for a new round of work.
 * - 关闭 from 已完成 is for public repairs (no household to call back); the handler refuses an
 *   入户 order there until its call-back is recorded.
 * - 作废 only before completion: a completed order carries the owner's signature and maybe a bill.
 */
export const ORDER_MACHINE = defineMachine({
  noun: '工单',
  states: ORDER_STATES,
  stateLabels: ORDER_STATE_LABELS,
  deskRoles: REPAIR_ROLES,
  transitions: [
    { action: 'dispatch', from: ['pending'], to: 'dispatched', roles: 'any-desk-role', reasonRequired: false, label: '派单', refusals: { dispatched: '这张工单已派单，如需换人请转单' } },
    {
      action: 'transfer',
      from: ['dispatched', 'arrived', 'in_progress', 'review', 'paused'],
      to: 'same',
      roles: 'any-desk-role',
      reasonRequired: true,
      label: '转单',
      refusals: { pending: '待派单的工单请直接派单' },
    },
    { action: 'return', from: ['dispatched', 'arrived'], to: 'pending', roles: 'any-desk-role', reasonRequired: true, label: '退单' },
    { action: 'arrive', from: ['dispatched'], to: 'arrived', roles: 'any-desk-role', reasonRequired: false, label: '到场', refusals: { pending: '待派单的工单请先派单' } },
    { action: 'start', from: ['arrived'], to: 'in_progress', roles: 'any-desk-role', reasonRequired: false, label: '开始维修' },
    { action: 'review', from: ['in_progress'], to: 'review', roles: 'any-desk-role', reasonRequired: true, label: '技术评审' },
    { action: 'back', from: ['review'], to: 'in_progress', roles: 'any-desk-role', reasonRequired: false, label: '评审后返场' },
    { action: 'pause', from: ['arrived', 'in_progress'], to: 'paused', roles: 'any-desk-role', reasonRequired: true, label: '暂停' },
    { action: 'resume', from: ['paused'], to: 'in_progress', roles: 'any-desk-role', reasonRequired: false, label: '恢复' },
    { action: 'submit', from: ['in_progress'], to: 'inspection', roles: 'any-desk-role', reasonRequired: false, label: '提交验收' },
    {
      action: 'complete',
      from: ['inspection'],
      to: 'completed',
      roles: 'any-desk-role',
      reasonRequired: false,
      label: '回单录入',
      refusals: { completed: '这张工单已完成回单录入', in_progress: '维修完成后请先提交验收' },
    },
    { action: 'callback', from: ['completed'], to: 'called_back', roles: 'any-desk-role', reasonRequired: false, label: '回访', refusals: { called_back: '这张工单已回访' } },
    { action: 'reopen', from: ['completed', 'called_back'], to: 'pending', roles: 'any-desk-role', reasonRequired: true, label: '重新派修' },
    { action: 'close', from: ['completed', 'called_back'], to: 'closed', roles: 'any-desk-role', reasonRequired: false, label: '关闭', refusals: { closed: '这张工单已关闭' } },
    {
      action: 'void',
      from: BEFORE_COMPLETION,
      to: 'voided',
      roles: 'any-desk-role',
      reasonRequired: true,
      label: '作废',
      refusals: { completed: '已完成的工单不能作废（已有业主签字和费用）', called_back: '已回访的工单不能作废', closed: '已关闭的工单不能作废', voided: '这张工单已作废' },
    },
  ],
});
export type OrderAction = (typeof ORDER_MACHINE.transitions)[number]['action'];

/** Timeline lines: one per action, plus 登记 and 打印. Lines are only ever appended. */
export const ORDER_EVENT_KINDS = ['opened', ...ORDER_MACHINE.transitions.map((t) => t.action), 'print'] as const;
export type OrderEventKind = 'opened' | OrderAction | 'print';
export const ORDER_EVENT_LABELS: Record<OrderEventKind, string> = {
  opened: '登记',
  ...(Object.fromEntries(ORDER_MACHINE.transitions.map((t) => [t.action, t.label])) as Record<OrderAction, string>),
  print: '打印',
};

export const SATISFACTIONS = ['satisfied', 'fair', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, string> = { satisfied: '满意', fair: '基本满意', unsatisfied: '不满意' };

/** Who signed the returned slip: the owner (入户) or the area officer (公共). */
export const SIGNERS = ['owner', 'officer'] as const;
export type Signer = (typeof SIGNERS)[number];
export const SIGNER_LABELS: Record<Signer, string> = { owner: '业主', officer: '片区管理员' };

/**
 * The procedure's time rules, in minutes (设置 → 维修时限; the defaults are the procedure's). A
 * deadline is fixed when its clock starts, with the limits in force then.
 */
export interface RepairLimits {
  /** 按照维修预约时间…在 15 分钟内到达现场 */
  arriveMinutes: number;
  /** 评审至返回现场维修不能超过 30 分钟 */
  backMinutes: number;
  /** 维修完成后 2 天内请业主验收 (seed 000 §6.5) */
  inspectionMinutes: number;
  /** 7 天内回访 (seed 000 §6.5) */
  callbackMinutes: number;
  /** How early an order shows as 即将到期. */
  dueSoonMinutes: number;
  /** How far in the past an appointment may be entered (补登 of a visit already agreed). */
  appointmentPastMinutes: number;
  /** 维修类别, as the office names them; orders store the key. */
  categories: RepairCategoryDef[];
  /** The 维修单 prints the contact's phone as 138****5678. */
  maskPhoneOnSlip: boolean;
}

export const DEFAULT_REPAIR_LIMITS: RepairLimits = {
  arriveMinutes: 15,
  backMinutes: 30,
  inspectionMinutes: 2 * 24 * 60,
  callbackMinutes: 7 * 24 * 60,
  dueSoonMinutes: 10,
  appointmentPastMinutes: 60,
  maskPhoneOnSlip: false,
  categories: DEFAULT_REPAIR_CATEGORY_LIST.map((c) => ({ ...c })),
};

export const ORDER_DEADLINE_KEYS = ['arrive', 'back', 'inspection', 'callback'] as const;
export type OrderDeadlineKey = (typeof ORDER_DEADLINE_KEYS)[number];
export const ORDER_DEADLINE_LABELS: Record<OrderDeadlineKey, string> = { arrive: '到场', back: '评审返场', inspection: '业主验收', callback: '回访' };
/** The action that meets each deadline. */
export const DEADLINE_MET_BY: Record<OrderDeadlineKey, OrderAction> = { arrive: 'arrive', back: 'back', inspection: 'complete', callback: 'callback' };

/** When each clock starts, from the moment it starts and the limits then in force. */
export const deadlineFrom = {
  arrive: (appointmentAt: string, limits: RepairLimits) => addMinutes(appointmentAt, limits.arriveMinutes),
  back: (reviewAt: string, limits: RepairLimits) => addMinutes(reviewAt, limits.backMinutes),
  inspection: (workDoneAt: string, limits: RepairLimits) => addMinutes(workDoneAt, limits.inspectionMinutes),
  callback: (completedAt: string, limits: RepairLimits) => addMinutes(completedAt, limits.callbackMinutes),
};

/** The stored facts an order's clock reads (the current round: a reopened order starts new ones). */
export interface OrderClock {
  state: OrderState;
  arriveDueAt: string | null;
  arrivedAt: string | null;
  backDueAt: string | null;
  backAt: string | null;
  inspectionDueAt: string | null;
  completedAt: string | null;
  callbackDueAt: string | null;
  calledBackAt: string | null;
}

export function orderDeadlines(c: OrderClock): (Deadline & { key: OrderDeadlineKey })[] {
  const out: (Deadline & { key: OrderDeadlineKey })[] = [];
  if (c.arriveDueAt) out.push({ key: 'arrive', dueAt: c.arriveDueAt, metAt: c.arrivedAt });
  if (c.backDueAt) out.push({ key: 'back', dueAt: c.backDueAt, metAt: c.backAt });
  if (c.inspectionDueAt) out.push({ key: 'inspection', dueAt: c.inspectionDueAt, metAt: c.completedAt });
  if (c.callbackDueAt) out.push({ key: 'callback', dueAt: c.callbackDueAt, metAt: c.calledBackAt });
  return out;
}

/** No clock runs while an order waits for parts or the owner, nor once it is closed or voided. */
const CLOCKS_STOPPED: readonly OrderState[] = ['paused', 'closed', 'voided'];

/** The next deadline still owed: stored as next_due_at so overdue lists are index range scans. */
export function orderNextDueAt(c: OrderClock): string | null {
  if (CLOCKS_STOPPED.includes(c.state)) return null;
  return earliestOpenDeadline(orderDeadlines(c))?.dueAt ?? null;
}

/** Whole minutes late (0 when on time; the due instant itself is on time), kept with the event for the reports. */
export function minutesLate(dueAt: string, at: string): number {
  const ms = Date.parse(at) - Date.parse(dueAt);
  return ms > 0 ? Math.ceil(ms / 60_000) : 0;
}

export type OrderTimeKind = 'done' | 'stopped' | 'waiting' | 'ok' | 'due_soon' | 'overdue';
export interface OrderTime {
  kind: OrderTimeKind;
  /** Which deadline the countdown is for. */
  key: OrderDeadlineKey | null;
  nextDueAt: string | null;
  msLeft: number | null;
  /** "到场 剩 12分", "回访 超时 1天2小时", "已暂停"… */
  text: string;
}

/** What the lists show in the 时限 column: the countdown to the next deadline. */
export function orderTime(c: OrderClock, now: Date, limits: Pick<RepairLimits, 'dueSoonMinutes'>): OrderTime {
  if (c.state === 'closed' || c.state === 'voided') return { kind: 'done', key: null, nextDueAt: null, msLeft: null, text: ORDER_STATE_LABELS[c.state] };
  if (c.state === 'paused') return { kind: 'stopped', key: null, nextDueAt: null, msLeft: null, text: '已暂停，不计时' };
  const next = earliestOpenDeadline(orderDeadlines(c)) as (Deadline & { key: OrderDeadlineKey }) | null;
  if (!next) return { kind: 'waiting', key: null, nextDueAt: null, msLeft: null, text: '无时限' };
  const msLeft = Date.parse(next.dueAt) - now.getTime();
  const label = ORDER_DEADLINE_LABELS[next.key];
  if (msLeft < 0) return { kind: 'overdue', key: next.key, nextDueAt: next.dueAt, msLeft, text: `${label} 超时 ${spanText(msLeft)}` };
  const kind = msLeft <= limits.dueSoonMinutes * 60_000 ? 'due_soon' : 'ok';
  return { kind, key: next.key, nextDueAt: next.dueAt, msLeft, text: `${label} 剩 ${spanText(msLeft)}` };
}

/**
 * Material quantities are integer hundredths of a unit (1.5 m of pipe = 150): exact like fen, and
 * enough for metres, kilograms and litres at a counter. A line's amount is quantity × unit price,
 * rounded 四舍五入 to whole fen once per line, so each line is what the technician wrote.
 */
export const QUANTITY_SCALE = 100;

export function materialLineFen(quantityHundredths: number, unitPriceFen: number): number {
  const hundredths = quantityHundredths * unitPriceFen;
  const rest = hundredths % QUANTITY_SCALE;
  return (hundredths - rest) / QUANTITY_SCALE + (rest >= QUANTITY_SCALE / 2 ? 1 : 0);
}

/** "1.5" from 150: how a quantity is written on the slip. */
export function quantityText(quantityHundredths: number): string {
  const whole = Math.floor(quantityHundredths / QUANTITY_SCALE);
  const rest = quantityHundredths % QUANTITY_SCALE;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** The charge of an order: materials + labour (free orders charge nothing, whatever was used). */
export function orderCharge(lines: readonly { quantity: number; unitPriceFen: number }[], labourFen: number): { materialsFen: number; totalFen: number } {
  const materialsFen = lines.reduce((sum, l) => sum + materialLineFen(l.quantity, l.unitPriceFen), 0);
  return { materialsFen, totalFen: materialsFen + labourFen };
}

export { BILL_STATE_LABELS, type BillState } from './bills';
