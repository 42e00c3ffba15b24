/**
 * 物品放行: a goods-release pass's vocabulary, who does what, its state machine and its validity
 * window (domain.md §4, seed 004 物品放行作业指导书). Declared once here; the server, the
 * interface and the tests read the same rules.
 */
import { endOfOfficeDay, addOfficeDays, officeDayOf, officeDayRange } from './office-time';
import { rolesUsing, rolesWith } from './permissions';
import type { Role } from './roles';
import { defineMachine } from './state-machine';

/**
 * The office's pass roles: who applies, lists and prints passes (everyone at the passes desk but
 * the gate guard, who sees only the gate screen).
 */
export const PASS_OFFICE_ROLES = rolesUsing('passes').filter((r) => r !== 'gate_guard') as [Role, ...Role[]];
/** 客户服务员/片区管理员 signs the approval after checking the fees (作业指导书 3.2, 4.3.1); supervisors and admins too. */
export const PASS_APPROVERS = [...new Set<Role>(['officer', ...rolesWith('approves')])] as [Role, ...Role[]];
/** Who checks goods out: the gate guard at the gate's PC, and the front desk entering the guard's returned stub. */
export const PASS_GATE_ROLES = [...new Set<Role>(['gate_guard', ...PASS_OFFICE_ROLES])] as [Role, ...Role[]];
/** Who may approve a pass despite arrears (dual control: typed at the officer's screen). */
export const PASS_OVERRIDE_APPROVERS = rolesWith('approves');

export const APPLICANT_TYPES = ['owner', 'tenant', 'agent', 'company'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = { owner: '业主', tenant: '租户', agent: '代理人', company: '公司' };

export const PASS_TYPES = ['moving', 'goods_out', 'tools', 'company', 'other'] as const;
export type PassType = (typeof PASS_TYPES)[number];
export const PASS_TYPE_LABELS: Record<PassType, string> = { moving: '搬家', goods_out: '搬出物品', tools: '装修工具', company: '公司物品', other: '其他' };

/** How a tenant's owner confirmed the move (recorded with when and who took it). */
export const CONFIRMATION_METHODS = ['phone', 'in_person', 'written'] as const;
export type ConfirmationMethod = (typeof CONFIRMATION_METHODS)[number];
export const CONFIRMATION_METHOD_LABELS: Record<ConfirmationMethod, string> = { phone: '电话', in_person: '当面', written: '书面' };

/** Item lines: at least one, a whole quantity above zero. */
export const PASS_ITEMS_MAX = 30;
export const ITEM_QUANTITY_MAX = 9999;

/** "沙发 1 套、冰箱 1 台": the items as lists, the duty list and the timeline show them. */
export function itemsText(items: readonly { name: string; quantity: number; unit: string }[]): string {
  return items.map((i) => `${i.name} ${i.quantity} ${i.unit}`.trim()).join('、').slice(0, 2000);
}

/** What each applicant must bring, checked by the contract and shown beside the form. */
export const APPLICANT_NEEDS: Record<ApplicantType, string> = {
  owner: '业主本人办理',
  tenant: '须业主确认（电话、当面或书面），登记确认方式、时间和经办人',
  agent: '须业主书面授权',
  company: '须物品所有单位开具的外运证明编号',
};
export const NEEDS_MESSAGES = {
  ownerConfirmation: '租户办理须有业主确认：请登记确认方式、时间和经办人',
  authorisation: '代理人办理须有业主书面授权：请登记授权业主姓名',
  releaseCertificate: '公司物品须填写物品所有单位开具的外运证明编号',
  items: '请至少填写一项物品',
} as const;

/** Whether company property is involved: a company applying, or the pass's type. */
export function needsReleaseCertificate(applicantType: ApplicantType, passType: PassType): boolean {
  return applicantType === 'company' || passType === 'company';
}

export const PASS_STATES = ['pending', 'approved', 'released', 'refused', 'expired', 'voided'] as const;
export type PassState = (typeof PASS_STATES)[number];
export const PASS_STATE_LABELS: Record<PassState, string> = {
  pending: '待审批',
  approved: '已批准',
  released: '已放行',
  refused: '已拒绝',
  expired: '已过期',
  voided: '已作废',
};
/** States a pass never leaves: the database refuses any change to such a row (migration 0017). */
export const FINAL_PASS_STATES: readonly PassState[] = ['released', 'refused', 'expired', 'voided'];
/** States in which the validity window still matters: past it, the pass reads as 已过期. */
export const LIVE_PASS_STATES: readonly PassState[] = ['pending', 'approved'];

/**
 * A pass's life. 作废 and the gate's 拒绝 need a reason (the refusal's notes); 过期 is never taken by
 * a person (no role may): a live pass past its window reads as 已过期 everywhere (passStateAt) and
 * is stored so, attributed to 系统, when a later write settles it (补开 from it). 补开 leaves the
 * old pass as it was and opens a new 待审批 one linked both ways.
 */
export const PASS_MACHINE = defineMachine({
  noun: '放行条',
  states: PASS_STATES,
  stateLabels: PASS_STATE_LABELS,
  deskRoles: PASS_OFFICE_ROLES,
  transitions: [
    { action: 'update', from: ['pending'], to: 'same', roles: PASS_OFFICE_ROLES, reasonRequired: false, label: '修改', refusals: { approved: '已批准的放行条不能修改，如需更改请作废后重新申请' } },
    { action: 'approve', from: ['pending'], to: 'approved', roles: PASS_APPROVERS, reasonRequired: false, label: '批准', refusals: { approved: '这张放行条已批准' } },
    {
      action: 'release',
      from: ['approved'],
      to: 'released',
      roles: PASS_GATE_ROLES,
      reasonRequired: false,
      label: '放行',
      refusals: {
        pending: '放行条尚未批准，不能放行',
        released: '这张放行条已使用（已放行），不能再次放行',
        refused: '这张放行条已被拒绝放行，须重新开具',
        expired: '放行条已过期，不能放行，须重新开具',
        voided: '放行条已作废，不能放行',
      },
    },
    {
      action: 'refuse',
      from: ['approved'],
      to: 'refused',
      roles: PASS_GATE_ROLES,
      reasonRequired: true,
      label: '拒绝放行',
      refusals: {
        pending: '放行条尚未批准，不在门岗核对',
        released: '这张放行条已使用（已放行）',
        refused: '这张放行条已被拒绝放行',
        expired: '放行条已过期，须重新开具',
        voided: '放行条已作废',
      },
    },
    { action: 'expire', from: ['pending', 'approved'], to: 'expired', roles: [], reasonRequired: false, label: '过期' },
    {
      action: 'void',
      from: ['pending', 'approved'],
      to: 'voided',
      roles: PASS_OFFICE_ROLES,
      reasonRequired: true,
      label: '作废',
      refusals: { released: '已放行的放行条不能作废', voided: '这张放行条已作废' },
    },
    {
      action: 'reissue',
      from: ['refused', 'expired'],
      to: 'same',
      roles: PASS_OFFICE_ROLES,
      reasonRequired: false,
      label: '重新开具',
      refusals: { pending: '待审批的放行条可直接修改', approved: '已批准的放行条仍可使用', released: '已放行的放行条不能重新开具', voided: '已作废的放行条请重新申请' },
    },
  ],
});
export type PassAction = (typeof PASS_MACHINE.transitions)[number]['action'];

/** Timeline lines: 申请, each action, and 打印. Lines are only ever appended. */
export type PassEventKind = 'applied' | PassAction | 'override' | 'print';
export const PASS_EVENT_LABELS: Record<PassEventKind, string> = {
  applied: '申请',
  ...(Object.fromEntries(PASS_MACHINE.transitions.map((t) => [t.action, t.label])) as Record<PassAction, string>),
  override: '欠费核准',
  print: '打印',
};
/** Who the timeline names when no person acted (a pass found past its window). */
export const SYSTEM_ACTOR = '系统';

/** 设置 → 放行设置: how long a pass stays valid. */
export interface PassRules {
  /** Office days after the planned day the pass is still good for: 0 = that day only (当日有效). */
  validityDays: number;
}
export const DEFAULT_PASS_RULES: PassRules = { validityDays: 0 };
export const VALIDITY_DAYS_MAX = 7;

/**
 * The window a pass is good for: from the planned office day's start to the end of the office day
 * `validityDays` later (Asia/Shanghai). Fixed when the pass is applied for (or its planned time
 * changed while pending), with the rule then in force.
 */
export function passWindow(plannedAt: string, rules: PassRules): { validFrom: string; validUntil: string } {
  const validFrom = officeDayRange(officeDayOf(plannedAt)).start;
  return { validFrom, validUntil: endOfOfficeDay(addOfficeDays(validFrom, rules.validityDays)) };
}

/**
 * The state a pass is in at `now`: its stored state, except that a live one (待审批/已批准) past its
 * window is 已过期. The gate, the lists, the unit card and the reports all read this (the server
 * as the same comparison in SQL, passStateSql), so they agree whether or not the expiry is stored.
 */
export function passStateAt(stored: PassState, validUntil: string, now: Date | string): PassState {
  const t = typeof now === 'string' ? now : now.toISOString();
  return LIVE_PASS_STATES.includes(stored) && validUntil <= t ? 'expired' : stored;
}

/** Whether the gate may let the goods out now, and if not why, in the guard's words. */
export type GateVerdict = { mayRelease: true; reason: null } | { mayRelease: false; reason: string };

export function gateVerdict(pass: { state: PassState; validFrom: string; validUntil: string }, now: Date): GateVerdict {
  const state = passStateAt(pass.state, pass.validUntil, now);
  if (state !== 'approved') {
    const refusal = PASS_MACHINE.transitions.find((t) => t.action === 'release')!.refusals as Partial<Record<PassState, string>>;
    return { mayRelease: false, reason: refusal[state] ?? `${PASS_STATE_LABELS[state]}的放行条不能放行` };
  }
  if (now.toISOString() < pass.validFrom) return { mayRelease: false, reason: `放行条尚未生效：${officeDayOf(pass.validFrom)} 当天起有效` };
  return { mayRelease: true, reason: null };
}

/** Pass numbers: FX + office year + 6-digit yearly sequence, e.g. FX2026000123. */
export const PASS_NO_PATTERN = /^FX\d{10}$/;

/**
 * The pass number in what the gate typed or the scanner read: the number itself (any case, with
 * spaces) or a QR text carrying it. Null when there is none.
 */
export function passNoIn(text: string): string | null {
  const compact = text.toUpperCase().replace(/\s+/g, '');
  return /FX\d{10}/.exec(compact)?.[0] ?? null;
}

/**
 * An ID or driving-licence number is kept only as its last characters (放行条 records the driver,
 * not their identity document): a full number typed in is cut to its last 4.
 */
export const ID_TAIL_PATTERN = /^[0-9X]{4,6}$/;
export const ID_TAIL_MESSAGE = '证件号只登记后 4–6 位（数字或 X）';
export function idTailOf(raw: string): string {
  const s = raw.trim().toUpperCase().replace(/\s+/g, '');
  return s.length > 6 ? s.slice(-4) : s;
}
