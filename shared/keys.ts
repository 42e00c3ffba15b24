import { defineMachine } from './state-machine';
import { rolesUsing, rolesWith } from './permissions';
import { deadlineStatus, type DeadlineStatus } from './deadlines';
import { officeDayOf, officeDayRange } from './office-time';

/**
 * 钥匙管理's rules (domain §3, seed 004 钥匙管理作业指导书), pure: what a key is, who may move it
 * between states, and the office's loan rules over the `keyRules` settings. The server enforces
 * them (db/keys), the screens offer and explain them with the same functions.
 */

/** Who works the key desk: the custodian, supervisors and admins. */
export const KEY_ROLES = rolesUsing('keys');
/** Who approves a sales-department loan or the loan of an owner's deposited key. */
export const KEY_APPROVERS = rolesWith('approves');

export const KEY_CLASSES = ['vacant', 'deposited', 'rectification', 'public'] as const;
export type KeyClass = (typeof KEY_CLASSES)[number];
export const KEY_CLASS_LABELS: Record<KeyClass, string> = {
  vacant: '空置房/未交房',
  deposited: '业主寄存',
  rectification: '返修/整改',
  public: '公区/设备房',
};
/** What the label prints (a 40×30 mm tag has room for two characters, never the address). */
export const KEY_CLASS_SHORT: Record<KeyClass, string> = { vacant: '空置', deposited: '寄存', rectification: '整改', public: '公区' };

/** What a key opens when it is not a unit's. */
export const KEY_PLACES = ['plant_room', 'power_room', 'roof', 'public_area', 'other'] as const;
export type KeyPlace = (typeof KEY_PLACES)[number];
export const KEY_PLACE_LABELS: Record<KeyPlace, string> = { plant_room: '设备房', power_room: '配电房', roof: '天台', public_area: '公共区域', other: '其他' };

export const KEY_STATES = ['in_cabinet', 'lent', 'issued', 'lost', 'retired'] as const;
export type KeyState = (typeof KEY_STATES)[number];
export const KEY_STATE_LABELS: Record<KeyState, string> = { in_cabinet: '在柜', lent: '借出', issued: '已发放', lost: '遗失', retired: '注销' };

export type KeyAction = 'lend' | 'return' | 'issue' | 'deposit' | 'reportLost' | 'retire' | 'flagRelabel';

/**
 * A key's life. Lending, returning, issuing and reporting a loss are the custodian's daily work;
 * retiring a key takes it off the register for good, so only those who approve may do it. A key
 * issued to its owner comes back into the cabinet only as the owner's deposit (业主寄存).
 */
export const KEY_MACHINE = defineMachine<KeyState, KeyAction>({
  noun: '钥匙',
  states: KEY_STATES,
  stateLabels: KEY_STATE_LABELS,
  deskRoles: KEY_ROLES,
  transitions: [
    { action: 'lend', from: ['in_cabinet'], to: 'lent', roles: 'any-desk-role', reasonRequired: false, label: '借出', refusals: { lent: '该钥匙已借出，请先办理归还' } },
    { action: 'return', from: ['lent'], to: 'in_cabinet', roles: 'any-desk-role', reasonRequired: false, label: '归还', refusals: { in_cabinet: '该钥匙在柜中，没有借出，不需要归还' } },
    { action: 'issue', from: ['in_cabinet'], to: 'issued', roles: 'any-desk-role', reasonRequired: false, label: '发放', refusals: { lent: '该钥匙已借出，请先办理归还再发放' } },
    { action: 'deposit', from: ['issued'], to: 'in_cabinet', roles: 'any-desk-role', reasonRequired: false, label: '寄存' },
    { action: 'reportLost', from: ['in_cabinet', 'lent'], to: 'lost', roles: 'any-desk-role', reasonRequired: true, label: '报失' },
    { action: 'retire', from: ['in_cabinet', 'issued', 'lost'], to: 'retired', roles: KEY_APPROVERS, reasonRequired: true, label: '注销', refusals: { lent: '该钥匙已借出，请先办理归还再注销' } },
    { action: 'flagRelabel', from: ['in_cabinet', 'lent'], to: 'same', roles: 'any-desk-role', reasonRequired: false, label: '标记换标签' },
  ],
});

export const BORROWER_TYPES = ['owner', 'household', 'staff', 'contractor', 'sales', 'other'] as const;
export type BorrowerType = (typeof BORROWER_TYPES)[number];
export const BORROWER_TYPE_LABELS: Record<BorrowerType, string> = {
  owner: '业主',
  household: '家庭成员',
  staff: '员工/维修人员',
  contractor: '施工单位',
  sales: '销售部',
  other: '其他',
};

/** 发放 and 借用: the document looked at; only its last digits are written down. */
export const ID_DOC_TYPES = ['id_card', 'passport', 'hk_macau_permit', 'taiwan_permit', 'other'] as const;
export type IdDocType = (typeof ID_DOC_TYPES)[number];
export const ID_DOC_TYPE_LABELS: Record<IdDocType, string> = { id_card: '身份证', passport: '护照', hk_macau_permit: '港澳通行证', taiwan_permit: '台胞证', other: '其他证件' };
/** The last 4 to 6 characters of a document number: enough to match the person, never the number. */
export const ID_TAIL_PATTERN = /^[0-9A-Za-z]{4,6}$/;

export const LOST_ACTIONS = ['lock_changed', 'recut', 'none'] as const;
export type LostAction = (typeof LOST_ACTIONS)[number];
export const LOST_ACTION_LABELS: Record<LostAction, string> = { lock_changed: '已换锁', recut: '已复配（新标签）', none: '未处理' };

export const CHASE_METHODS = ['phone', 'sms', 'visit', 'other'] as const;
export type ChaseMethod = (typeof CHASE_METHODS)[number];
export const CHASE_METHOD_LABELS: Record<ChaseMethod, string> = { phone: '电话', sms: '短信', visit: '上门', other: '其他' };

/** The key register's history, one kind per line (key_events). */
export const KEY_EVENT_KINDS = ['registered', 'updated', 'lent', 'returned', 'issued', 'deposited', 'lost', 'recut', 'retired', 'extended', 'chased', 'relabel', 'printed'] as const;
export type KeyEventKind = (typeof KEY_EVENT_KINDS)[number];
export const KEY_EVENT_LABELS: Record<KeyEventKind, string> = {
  registered: '登记',
  updated: '修改',
  lent: '借出',
  returned: '归还',
  issued: '发放',
  deposited: '业主寄存',
  lost: '报失',
  recut: '复配',
  retired: '注销',
  extended: '延期',
  chased: '催还',
  relabel: '标签待更换',
  printed: '打印',
};

/** 钥匙借用设置 (设置 → 钥匙管理): each loan rule the issue calls configurable can be turned off. */
export interface KeyRules {
  /** 下班时间 HH:mm (office time): a same-day loan is due by then. */
  closingTime: string;
  /** 施工单位和员工/维修人员当天归还. */
  sameDayReturn: boolean;
  /** 销售部借用须主管审批. */
  salesNeedApproval: boolean;
  /** 业主寄存的钥匙借出须主管审批（并记一条接待登记）. */
  depositedNeedApproval: boolean;
  /** 非业主领取业主钥匙须核对证件、委托和电话确认. */
  nonOwnerChecks: boolean;
  /** 每人最多同时借用 (0 = 不限). */
  maxKeysPerBorrower: number;
  /** 即将到期 window, minutes. */
  dueSoonMinutes: number;
  /** The due time the lend form proposes, minutes from now (capped at closing time for same-day borrowers). */
  defaultLoanMinutes: number;
}

export const DEFAULT_KEY_RULES: KeyRules = {
  closingTime: '17:30',
  sameDayReturn: true,
  salesNeedApproval: true,
  depositedNeedApproval: true,
  nonOwnerChecks: true,
  maxKeysPerBorrower: 3,
  dueSoonMinutes: 60,
  defaultLoanMinutes: 240,
};

export const CLOSING_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The office's closing time on the office day of `now`, as a UTC instant. */
export function closingTimeOn(now: Date | string, closingTime: string): string {
  const [h, m] = closingTime.split(':').map(Number) as [number, number];
  const { start } = officeDayRange(officeDayOf(now));
  return new Date(Date.parse(start) + (h * 60 + m) * 60_000).toISOString();
}

/** Borrowers who must bring the key back the same day (seed 004 4.5: 施工维修人员当天借用当天归还). */
export function returnsSameDay(rules: KeyRules, type: BorrowerType): boolean {
  return rules.sameDayReturn && (type === 'contractor' || type === 'staff');
}

/**
 * The latest due time a loan may have, or a refusal: same-day borrowers by today's closing time,
 * and not at all once it has passed. Null latest = no limit.
 */
export function latestDue(rules: KeyRules, type: BorrowerType, now: Date): { ok: true; latest: string | null } | { ok: false; message: string } {
  if (!returnsSameDay(rules, type)) return { ok: true, latest: null };
  const closing = closingTimeOn(now, rules.closingTime);
  if (now.toISOString() >= closing) {
    return { ok: false, message: `已过下班时间（${rules.closingTime}），${BORROWER_TYPE_LABELS[type]}借用钥匙须当天归还，今天不能再借出` };
  }
  return { ok: true, latest: closing };
}

/** The due time the lend form proposes: now + the default length, no later than the latest allowed. */
export function proposedDue(rules: KeyRules, type: BorrowerType, now: Date): string | null {
  const due = new Date(now.getTime() + rules.defaultLoanMinutes * 60_000).toISOString();
  const latest = latestDue(rules, type, now);
  if (!latest.ok) return null;
  return latest.latest !== null && latest.latest < due ? latest.latest : due;
}

/** Why a due time is refused, or null: not in the past, and for same-day borrowers not after closing. */
export function dueProblem(rules: KeyRules, type: BorrowerType, now: Date, dueAt: string): string | null {
  const latest = latestDue(rules, type, now);
  if (!latest.ok) return latest.message;
  if (Date.parse(dueAt) <= now.getTime()) return '归还时间须晚于现在';
  if (latest.latest !== null && dueAt > latest.latest) {
    return `${BORROWER_TYPE_LABELS[type]}须当天归还：归还时间不能晚于今天 ${rules.closingTime}`;
  }
  return null;
}

/** Why the loan needs a supervisor's approval (the dialog's words), or null when the custodian may lend alone. */
export function loanApprovalReason(rules: KeyRules, keyClass: KeyClass, type: BorrowerType): string | null {
  if (rules.salesNeedApproval && type === 'sales') return '销售部借用钥匙须主管审批';
  if (rules.depositedNeedApproval && keyClass === 'deposited') return '业主寄存的钥匙借出须主管审批';
  return null;
}

/** A recorded phone call with the owner confirming that someone else may collect the key. */
export interface PhoneConfirmation {
  phone: string;
  /** When the call was made (UTC ISO). */
  at: string;
  /** Who at the desk spoke with the owner. */
  confirmedBy: string;
}

export interface NonOwnerCollection {
  borrowerType: BorrowerType;
  borrowerName: string;
  idTail: string;
  authorisation: string;
  phoneConfirmation: PhoneConfirmation | null;
}

/**
 * What a non-owner taking an owner's (deposited) key must bring, by field: the ID's last digits, the
 * owner's authorisation (or being among the people the owner named at deposit), and a phone call
 * with the owner written down. Empty when nothing is missing.
 */
export function nonOwnerProblems(rules: KeyRules, keyClass: KeyClass, loan: NonOwnerCollection, allowedCollectors: readonly string[]): Record<string, string> {
  if (!rules.nonOwnerChecks || keyClass !== 'deposited' || loan.borrowerType === 'owner') return {};
  const problems: Record<string, string> = {};
  if (!loan.idTail) problems.idTail = '非业主领取业主钥匙，须核对证件并登记证件号后几位';
  const named = allowedCollectors.some((n) => n.trim() === loan.borrowerName.trim());
  if (!loan.authorisation && !named) problems.authorisation = '非业主领取业主钥匙，须有业主委托（或为业主寄存时指定的领取人）';
  if (!loan.phoneConfirmation) problems.phoneConfirmation = '非业主领取业主钥匙，须先电话向业主确认并记录';
  return problems;
}

/** Why the borrower may not take one more key, or null. */
export function borrowerLimitProblem(rules: KeyRules, holding: number): string | null {
  if (rules.maxKeysPerBorrower === 0 || holding < rules.maxKeysPerBorrower) return null;
  return `该借用人已借 ${holding} 把钥匙未还，每人最多同时借 ${rules.maxKeysPerBorrower} 把，请先归还`;
}

/**
 * Who a borrower is across loans, for the per-borrower limit and the person's history: a linked
 * person, else the phone number, else name and organisation.
 */
export function borrowerKeyOf(b: { personId: number | null; name: string; phone: string; organisation: string }): string {
  if (b.personId !== null) return `p:${b.personId}`;
  const digits = b.phone.replace(/\D/g, '');
  if (digits) return `t:${digits}`;
  return `n:${b.name.trim()}|${b.organisation.trim()}`;
}

export type LoanStatus = 'open' | 'due_soon' | 'overdue' | 'returned';
export const LOAN_STATUS_LABELS: Record<LoanStatus, string> = { open: '借出中', due_soon: '即将到期', overdue: '逾期', returned: '已归还' };

/**
 * Where a loan stands now. The due time is the loan's current one: an extension moves it, so a
 * loan extended before it fell due is never shown overdue.
 */
export function loanStatus(loan: { dueAt: string; returnedAt: string | null }, now: Date, rules: Pick<KeyRules, 'dueSoonMinutes'>): { kind: LoanStatus; deadline: DeadlineStatus } {
  const deadline = deadlineStatus({ key: 'return', dueAt: loan.dueAt, metAt: loan.returnedAt }, now);
  if (loan.returnedAt !== null) return { kind: 'returned', deadline };
  if (deadline.kind === 'overdue') return { kind: 'overdue', deadline };
  if (deadline.kind === 'open' && deadline.msLeft <= rules.dueSoonMinutes * 60_000) return { kind: 'due_soon', deadline };
  return { kind: 'open', deadline };
}

/** The instant before which an open loan's due time means "overdue", and up to which "due soon". */
export function dueBounds(now: Date, rules: Pick<KeyRules, 'dueSoonMinutes'>): { overdueBefore: string; dueSoonUntil: string } {
  return { overdueBefore: now.toISOString(), dueSoonUntil: new Date(now.getTime() + rules.dueSoonMinutes * 60_000).toISOString() };
}

/** What the desk does with a scanned tag: open the lend form, the return form, or say why neither. */
export type ScanNext = { action: 'lend' } | { action: 'return' } | { action: 'refuse'; message: string };

export function scanNext(state: KeyState): ScanNext {
  if (state === 'in_cabinet') return { action: 'lend' };
  if (state === 'lent') return { action: 'return' };
  const why: Record<Exclude<KeyState, 'in_cabinet' | 'lent'>, string> = {
    issued: '该钥匙已发放给业主，不在柜中，不能借出',
    lost: '该钥匙已报遗失，不能借出；如已找回请联系主管',
    retired: '该钥匙已注销，不能借出',
  };
  return { action: 'refuse', message: why[state] };
}

/** Tag codes: YS + 6 digits from the YS series (shared/serials.ts), e.g. YS000123. */
export const TAG_PATTERN = /^YS\d{6}$/;

/** Printed numbers of the registers' lines: the record's id, so they need no counter of their own. */
export const KEY_RECORD_PREFIX = { loan: 'JY', issue: 'FF', audit: 'PD' } as const;
export type KeyRecordKind = keyof typeof KEY_RECORD_PREFIX;
export function keyRecordNo(kind: KeyRecordKind, id: number): string {
  return `${KEY_RECORD_PREFIX[kind]}${String(id).padStart(8, '0')}`;
}
export function keyRecordId(kind: KeyRecordKind, no: string): number | null {
  const m = new RegExp(`^${KEY_RECORD_PREFIX[kind]}(\\d{8})$`).exec(no);
  return m ? Number(m[1]) : null;
}
export const KEY_RECORD_PATTERN = /^(JY|FF|PD)\d{8}$/;

/** A key's name in a list: the unit's code or the place, e.g. "3-2-1101" or "配电房 2号楼地下". */
export function keyTarget(k: { unitCode: string | null; place: KeyPlace | null; placeNote: string }): string {
  if (k.unitCode) return k.unitCode;
  return [k.place ? KEY_PLACE_LABELS[k.place] : '', k.placeNote].filter(Boolean).join(' ');
}

/** "A-03": where the key hangs. */
export function keyPosition(k: { cabinet: string; hook: string }): string {
  return [k.cabinet, k.hook].filter(Boolean).join('-');
}

/** The audit's three lists, from what the register expected in the cabinet, what was lent, and the tags scanned. */
export function auditOutcome<K extends { id: number; state: KeyState }>(
  keys: readonly K[],
  scannedKeyIds: ReadonlySet<number>,
): { missing: K[]; unexpected: K[]; lent: K[]; present: K[] } {
  const missing: K[] = [];
  const unexpected: K[] = [];
  const lent: K[] = [];
  const present: K[] = [];
  for (const k of keys) {
    const scanned = scannedKeyIds.has(k.id);
    if (k.state === 'in_cabinet') (scanned ? present : missing).push(k);
    else if (scanned) unexpected.push(k);
    else if (k.state === 'lent') lent.push(k);
  }
  return { missing, unexpected, lent, present };
}

