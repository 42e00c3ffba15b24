import { z } from 'zod';
import { defineCommand, returns, withApproval } from './define';
import { deskSettings, updateSettingsCommand } from './desk-settings';
import { listQuery, type Page } from './paging';
import { id, requiredText, text } from '../zod-zh';
import { transitionRoles } from '../state-machine';
import { phoneText } from '../phone';
import type { PrintRecord } from '../print';
import { printedJobFields } from '../print-jobs';
import type { DeadlineStatus } from '../deadlines';
import {
  BORROWER_TYPES,
  CHASE_METHODS,
  CLOSING_TIME_PATTERN,
  DEFAULT_KEY_RULES,
  ID_DOC_TYPES,
  ID_TAIL_PATTERN,
  KEY_APPROVERS,
  KEY_CLASSES,
  KEY_MACHINE,
  KEY_PLACES,
  KEY_RECORD_PATTERN,
  KEY_ROLES,
  KEY_STATES,
  LOST_ACTIONS,
  TAG_PATTERN,
  type BorrowerType,
  type IdDocType,
  type KeyClass,
  type KeyEventKind,
  type KeyPlace,
  type KeyState,
  type LoanStatus,
  type ScanNext,
} from '../keys';

/**
 * 钥匙管理: the key register, issue to owners, owner deposits, loans and returns, overdue chasing,
 * losses, the cabinet audit. Every command is the key desk's (KEY_ROLES: custodian, supervisor,
 * admin); loans that need a supervisor go through keys.lendWithApproval (the platform's dual control).
 */

export { KEY_ROLES, KEY_APPROVERS };

const minutes = (maxHours: number) => z.number().int('请输入整数分钟').min(1, '至少 1 分钟').max(maxHours * 60, `最多 ${maxHours} 小时`);

/** 设置 → 钥匙管理: the loan rules (each can be turned off) and the desk's times. */
export const keyRulesSchema = z.strictObject({
  closingTime: z.string().max(5, '下班时间格式应为 HH:mm，如 17:30').regex(CLOSING_TIME_PATTERN, '下班时间格式应为 HH:mm，如 17:30'),
  sameDayReturn: z.boolean(),
  salesNeedApproval: z.boolean(),
  depositedNeedApproval: z.boolean(),
  nonOwnerChecks: z.boolean(),
  maxKeysPerBorrower: z.number().int('请输入整数').min(0, '不能为负数（0 表示不限）').max(50, '最多 50 把'),
  dueSoonMinutes: minutes(24),
  defaultLoanMinutes: minutes(7 * 24),
});

export const keyRulesSettings = deskSettings({
  key: 'keyRules',
  schema: keyRulesSchema,
  defaults: DEFAULT_KEY_RULES,
  editRoles: KEY_APPROVERS,
  summary: '修改钥匙借用规则',
});

const instant = z.iso.datetime({ offset: true, message: '时间格式不正确' });
const officeDay = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
/** A scanned or typed tag code; the scanner may send lower case or stray spaces. */
export const tagCode = z.string().trim().toUpperCase().max(20, '标签号格式不正确').regex(TAG_PATTERN, '标签号格式不正确（如 YS000123）');
/** A print record of labels: one tag, or a run of consecutive tags (YS000001-YS000010, at most 200). */
export const LABEL_RECORD_PATTERN = /^YS\d{6}(-YS\d{6})?$/;
const labelRecord = z.string().trim().toUpperCase().max(20).regex(LABEL_RECORD_PATTERN, '标签号格式不正确（如 YS000001 或 YS000001-YS000010）');
const keyRecordNo = z.string().trim().toUpperCase().max(12).regex(KEY_RECORD_PATTERN, '单号格式不正确');
const idTail = z
  .string()
  .trim()
  .max(6, '证件号只登记后 4–6 位')
  .refine((s) => s === '' || ID_TAIL_PATTERN.test(s), '证件号只登记后 4–6 位（数字或字母）')
  .transform((s) => s.toUpperCase());
const position = { cabinet: requiredText(10), hook: text(10).default('') };

// ———— outputs: what the screens show ————

/** An open loan as the key's row shows it ("借出给 张三 至 17:30"). */
export interface LoanBrief {
  id: number;
  no: string;
  borrowerType: BorrowerType;
  borrowerName: string;
  organisation: string;
  lentAt: string;
  dueAt: string;
  status: LoanStatus;
}

/** One key (or key set) of the register: list rows, scan results, the unit card. */
export interface KeyRow {
  id: number;
  tag: string;
  unitId: number | null;
  /** "3-2-1101" (inside the app only: labels never show it). */
  unitCode: string | null;
  place: KeyPlace | null;
  placeNote: string;
  /** The unit's code or the place in words. */
  target: string;
  keyClass: KeyClass;
  keyCount: number;
  /** Keys of the set not back after a partial return (0 when complete). */
  shortCount: number;
  cabinet: string;
  hook: string;
  /** "A-03". */
  position: string;
  state: KeyState;
  needsRelabel: boolean;
  note: string;
  /** The key this one was re-cut to replace (复配), and the key that replaced this one. */
  replacesTag: string | null;
  replacedByTag: string | null;
  openLoan: LoanBrief | null;
  registeredAt: string;
}

/** One loan: the loan lists, the person's history, the loan slip (钥匙借用登记表 line). */
export interface LoanRow {
  id: number;
  /** JY + 8 digits: the slip's number. */
  no: string;
  keyId: number;
  tag: string;
  target: string;
  keyCount: number;
  borrowerType: BorrowerType;
  borrowerName: string;
  /** Masked for roles that do not see mobiles. */
  borrowerPhone: string;
  /**
   * Who borrowed, as keys.personHistory and the per-borrower limit know them (a resident by their
   * record, others by phone or name): the link to their history. Null where it would hold a phone
   * the operator sees masked.
   */
  borrowerKey: string | null;
  organisation: string;
  /** Last digits only; the full number is never recorded. */
  idTail: string;
  purpose: string;
  lentAt: string;
  /** The current due time (moved by extensions). */
  dueAt: string;
  firstDueAt: string;
  returnedAt: string | null;
  /** 'returned' or 'lost' once closed. */
  outcome: 'returned' | 'lost' | null;
  returnedCount: number | null;
  /** Fewer keys came back than went out. */
  partial: boolean;
  condition: string;
  status: LoanStatus;
  /** "剩 1小时" / "超时 30分" (server clock). */
  deadline: DeadlineStatus;
  extensions: number;
  chases: number;
  operatorName: string;
  /** The supervisor who approved it (sales loans, deposited keys), '' when none was needed. */
  approverName: string;
  authorisation: string;
  phoneConfirmation: { phone: string; at: string; confirmedBy: string } | null;
  /** The reception-log entry a deposited key's loan made. */
  entryNo: string | null;
}

export interface KeyEventView {
  id: number;
  kind: KeyEventKind;
  at: string;
  operatorName: string;
  approverName: string;
  text: string;
  loanId: number | null;
}

export interface DepositView {
  id: number;
  depositorName: string;
  depositorPhone: string;
  authorisation: string;
  /** Whom the owner allows to collect the key. */
  allowedCollectors: string[];
  depositedAt: string;
}

/** keys.get: the key with its open loan, deposit and whole history (newest first). */
export interface KeyDetail extends KeyRow {
  loan: LoanRow | null;
  deposit: DepositView | null;
  history: KeyEventView[];
  recentLoans: LoanRow[];
}

/**
 * keys.byTag (the scan): the key, its open loan, and what the desk does next — `lend` opens the
 * lend form, `return` the return form, `refuse` shows the message. `approvalReason` says before the
 * form is filled that this loan will need a supervisor (the lend form then submits to
 * keys.lendWithApproval); `allowedCollectors` lists whom the owner named at deposit.
 */
export interface ScanResult {
  key: KeyRow;
  loan: LoanRow | null;
  next: ScanNext;
  /** For an owner's key: approval reason whatever the borrower (the sales reason appears once the borrower type is chosen: loanApprovalReason). */
  approvalReason: string | null;
  allowedCollectors: string[];
  /** The due time the lend form proposes for a borrower of no same-day rule; same-day ones by proposedDue(). */
  proposedDueAt: string;
}

/** 钥匙发放登记表 line. */
export interface IssueView {
  id: number;
  no: string;
  keyId: number;
  tag: string;
  target: string;
  recipientName: string;
  docType: IdDocType;
  docTail: string;
  keysCounted: number;
  acknowledged: boolean;
  note: string;
  issuedAt: string;
  operatorName: string;
}

/** A label: the tag, the class' short name and the hook — never the unit's address or owner. */
export interface KeyLabel {
  tag: string;
  classShort: string;
  position: string;
  keyCount: number;
}

export interface AuditSummary {
  id: number;
  no: string;
  startedAt: string;
  finishedAt: string | null;
  note: string;
  operatorName: string;
  scanned: number;
  missing: number;
  unexpected: number;
  lent: number;
  unknown: number;
}

export interface AuditKeyLine {
  keyId: number;
  tag: string;
  target: string;
  position: string;
  state: KeyState;
  /** For lent keys: who has it until when. */
  detail: string;
}

/** keys.audit / finishAudit / the audit report: the lists, and what changed since the previous audit. */
export interface AuditView extends AuditSummary {
  missingKeys: AuditKeyLine[];
  unexpectedKeys: AuditKeyLine[];
  lentKeys: AuditKeyLine[];
  unknownTags: string[];
  /** Null while the audit is open (the lists are then what a finish would give now). */
  comparison: {
    previousNo: string;
    previousAt: string;
    /** Missing now, not in the previous audit. */
    newlyMissing: string[];
    /** Missing in both. */
    stillMissing: string[];
    /** Missing in the previous audit, found now. */
    found: string[];
  } | null;
}

export type AuditScanResult = 'present' | 'unexpected' | 'unknown';

export interface AuditScanView {
  result: AuditScanResult;
  /** Scanned before in this audit: nothing new recorded. */
  repeated: boolean;
  key: KeyRow | null;
  tag: string;
  /** Chinese: what the scan means ("在柜，已盘到" / "该钥匙登记为借出，却在柜中" / "未登记的标签"). */
  message: string;
  scanned: number;
}

/** 交接班: what the next custodian takes over. */
export interface KeyHandover {
  at: string;
  byState: Record<KeyState, number>;
  keysOut: number;
  overdue: LoanRow[];
  dueSoon: LoanRow[];
  /** Keys reported lost in the last 30 days. */
  lostRecently: KeyRow[];
  needsRelabel: number;
  lastAudit: AuditSummary | null;
}

export interface PersonHistory {
  borrowerKey: string;
  name: string;
  borrowerType: BorrowerType | null;
  phone: string;
  organisation: string;
  /** Keys this borrower holds now. */
  holding: number;
  loans: LoanRow[];
}

export interface KeyAttention {
  overdue: number;
  dueSoon: number;
}

export const KEY_PRINT_FORMS = ['key-label', 'key-loan-slip', 'key-issue-slip', 'key-audit'] as const;
export type KeyPrintForm = (typeof KEY_PRINT_FORMS)[number];

// ———— inputs ————

const keyTargetFields = {
  /** A unit's key; or null and a place (设备房…). */
  unitId: id().nullable().default(null),
  place: z.enum(KEY_PLACES).nullable().default(null),
  placeNote: text(40).default(''),
};
function unitOrPlace(v: { unitId: number | null; place: KeyPlace | null; placeNote: string }, ctx: z.RefinementCtx, path: (string | number)[] = []): void {
  if (v.unitId === null && v.place === null) ctx.addIssue({ code: 'custom', path: [...path, 'unitId'], message: '请选择房屋，或选择设备房等位置' });
  if (v.unitId !== null && v.place !== null) ctx.addIssue({ code: 'custom', path: [...path, 'place'], message: '房屋钥匙不需要选择位置' });
  if (v.place === 'other' && !v.placeNote) ctx.addIssue({ code: 'custom', path: [...path, 'placeNote'], message: '请写明是哪里的钥匙' });
}

const registerLine = z
  .strictObject({
    ...keyTargetFields,
    keyClass: z.enum(KEY_CLASSES),
    keyCount: z.number().int('请输入整数').min(1, '至少 1 把').max(50, '一串最多 50 把'),
    ...position,
    note: text(200).default(''),
  })
  .superRefine((v, ctx) => {
    unitOrPlace(v, ctx);
    if (v.keyClass === 'deposited') ctx.addIssue({ code: 'custom', path: ['keyClass'], message: '业主寄存的钥匙请用“业主寄存”登记（需登记寄存人和委托）' });
  });

export const phoneConfirmationInput = z.strictObject({
  phone: phoneText.refine((s) => s !== '', '请填写向业主确认的电话号码'),
  at: instant,
  confirmedBy: requiredText(20),
});

const lendFields = z.strictObject({
    keyId: id(),
    borrowerType: z.enum(BORROWER_TYPES),
    /** A resident picked from the people list (owner, household); null for others. */
    personId: id().nullable().default(null),
    borrowerName: requiredText(40),
    borrowerPhone: phoneText.default(''),
    organisation: text(60).default(''),
    idTail: idTail.default(''),
    purpose: requiredText(200),
    /** Null: the proposed due time (proposedDue in shared/keys.ts). */
    dueAt: instant.nullable().default(null),
    /** 业主委托: how the owner authorised a non-owner (委托书, 微信…); not needed for a collector the owner named at deposit. */
    authorisation: text(200).default(''),
    phoneConfirmation: phoneConfirmationInput.nullable().default(null),
});

/** Who the borrower is must be written down well enough to chase the key. */
function borrowerNamed(v: z.output<typeof lendFields>, ctx: z.RefinementCtx): void {
  if ((v.borrowerType === 'contractor' || v.borrowerType === 'sales') && !v.organisation) {
    ctx.addIssue({ code: 'custom', path: ['organisation'], message: v.borrowerType === 'sales' ? '请填写销售部门' : '请填写施工单位' });
  }
  if (v.borrowerType !== 'owner' && v.borrowerType !== 'household' && !v.borrowerPhone) ctx.addIssue({ code: 'custom', path: ['borrowerPhone'], message: '请填写借用人电话，以便催还' });
}

/** keys.lend and keys.lendWithApproval take the same fields (the second with the approver's login). */
export const lendInput = lendFields.superRefine(borrowerNamed);

export const keysCommands = {
  'keys.register': defineCommand({
    name: 'keys.register',
    summary: '登记钥匙：一次 1–200 把（房屋或位置、类别、几把一串、柜号挂钩），生成标签号',
    input: z.strictObject({ keys: z.array(registerLine).min(1, '至少登记 1 把钥匙').max(200, '一次最多登记 200 把') }),
    /** The keys made, in order, with consecutive tags: print them with form key-label, record "first-last". */
    output: returns<{ keys: KeyRow[]; labelRecord: string }>(),
    access: KEY_ROLES,
    writes: true,
    affects: ['estate'],
  }),
  'keys.update': defineCommand({
    name: 'keys.update',
    summary: '修改钥匙：类别、几把一串、柜号挂钩、备注',
    input: z.strictObject({
      keyId: id(),
      keyClass: z.enum(KEY_CLASSES).optional(),
      keyCount: z.number().int('请输入整数').min(1, '至少 1 把').max(50, '一串最多 50 把').optional(),
      cabinet: requiredText(10).optional(),
      hook: text(10).optional(),
      note: text(200).optional(),
    }),
    output: returns<KeyDetail>(),
    access: KEY_ROLES,
    writes: true,
    affects: ['estate'],
  }),
  'keys.retire': defineCommand({
    name: 'keys.retire',
    summary: '注销钥匙（须说明原因）',
    input: z.strictObject({ keyId: id(), reason: requiredText(200) }),
    output: returns<KeyDetail>(),
    access: transitionRoles(KEY_MACHINE, 'retire'),
    writes: true,
    affects: ['estate'],
  }),
  'keys.list': defineCommand({
    name: 'keys.list',
    summary: '钥匙登记簿：按状态、类别、柜号、楼栋/房屋、文字、待换标签筛选',
    input: listQuery(['tag', 'position', 'registeredAt'] as const, {
      state: z.enum(KEY_STATES).optional(),
      keyClass: z.enum(KEY_CLASSES).optional(),
      cabinet: text(10).optional(),
      buildingId: id().optional(),
      unitId: id().optional(),
      /** Tag, unit code, place note or note. */
      text: text(40).optional(),
      needsRelabel: z.boolean().optional(),
    }),
    output: returns<Page<KeyRow>>(),
    access: KEY_ROLES,
    writes: false,
  }),
  'keys.get': defineCommand({
    name: 'keys.get',
    summary: '查看钥匙：当前借用、寄存、完整历史',
    input: z.strictObject({ keyId: id().optional(), tag: tagCode.optional() }).refine((v) => v.keyId !== undefined || v.tag !== undefined, { message: '请给出钥匙标签号', path: ['tag'] }),
    output: returns<KeyDetail>(),
    access: KEY_ROLES,
    writes: false,
  }),
  'keys.byTag': defineCommand({
    name: 'keys.byTag',
    summary: '扫描标签：在柜的打开借出，借出的打开归还，否则说明原因',
    input: z.strictObject({ tag: tagCode }),
    output: returns<ScanResult>(),
    access: KEY_ROLES,
    writes: false,
  }),
  'keys.issue': defineCommand({
    name: 'keys.issue',
    summary: '发放钥匙给业主（交房）：核对证件（只记后几位）、清点、业主确认',
    input: z.strictObject({
      keyId: id(),
      personId: id().nullable().default(null),
      recipientName: requiredText(40),
      docType: z.enum(ID_DOC_TYPES),
      docTail: idTail.refine((s) => s !== '', '请登记证件号后 4–6 位'),
      keysCounted: z.number().int('请输入整数').min(1, '至少 1 把').max(50),
      acknowledged: z.literal(true, { message: '请业主当面清点并确认签收' }),
      note: text(200).default(''),
    }),
    /** Print with form key-issue-slip, record = no. */
    output: returns<IssueView>(),
    access: transitionRoles(KEY_MACHINE, 'issue'),
    writes: true,
    affects: ['estate'],
  }),
  'keys.deposit': defineCommand({
    name: 'keys.deposit',
    summary: '业主寄存钥匙：寄存人、委托书、业主允许的领取人（新钥匙登记标签，或已发放的钥匙交回）',
    input: z
      .strictObject({
        /** An issued key the owner brings back; null registers a new key of the unit. */
        keyId: id().nullable().default(null),
        unitId: id().nullable().default(null),
        keyCount: z.number().int('请输入整数').min(1, '至少 1 把').max(50, '一串最多 50 把'),
        ...position,
        personId: id().nullable().default(null),
        depositorName: requiredText(40),
        depositorPhone: phoneText.refine((s) => s !== '', '请填写寄存人电话'),
        authorisation: requiredText(200),
        allowedCollectors: z.array(requiredText(40)).max(10, '最多 10 人').default([]),
        note: text(200).default(''),
      })
      .refine((v) => v.keyId !== null || v.unitId !== null, { message: '请选择房屋', path: ['unitId'] }),
    output: returns<KeyDetail>(),
    access: KEY_ROLES,
    writes: true,
    affects: ['estate'],
  }),
  'keys.lend': defineCommand({
    name: 'keys.lend',
    summary: '借出钥匙（销售部、业主寄存的钥匙须主管审批：用“主管审批借出”）',
    input: lendInput,
    /** Print with form key-loan-slip, record = no. */
    output: returns<LoanRow>(),
    access: transitionRoles(KEY_MACHINE, 'lend'),
    writes: true,
    affects: ['estate'],
  }),
  'keys.lendWithApproval': defineCommand({
    name: 'keys.lendWithApproval',
    summary: '主管审批借出钥匙（销售部借用、业主寄存的钥匙）',
    input: withApproval(lendFields).superRefine(borrowerNamed),
    output: returns<LoanRow>(),
    access: transitionRoles(KEY_MACHINE, 'lend'),
    approval: { roles: KEY_APPROVERS, summary: '借出钥匙（须主管审批）' },
    writes: true,
    // A deposited key's loan logs a reception entry.
    affects: ['estate', 'reception'],
  }),
  'keys.return': defineCommand({
    name: 'keys.return',
    summary: '归还钥匙：清点数量（少还的标记），记录状况',
    input: z.strictObject({ keyId: id(), returnedCount: z.number().int('请输入整数').min(0, '不能为负数').max(50), condition: text(200).default('') }),
    output: returns<LoanRow>(),
    access: transitionRoles(KEY_MACHINE, 'return'),
    writes: true,
    affects: ['estate'],
  }),
  'keys.reportLost': defineCommand({
    name: 'keys.reportLost',
    summary: '钥匙遗失：记录处理（换锁 / 复配新标签 / 未处理）',
    input: z
      .strictObject({
        keyId: id(),
        action: z.enum(LOST_ACTIONS),
        reason: requiredText(200),
        /** 复配: where the new key hangs, and how many keys it has. */
        recut: z.strictObject({ ...position, keyCount: z.number().int().min(1).max(50) }).nullable().default(null),
      })
      .refine((v) => (v.action === 'recut') === (v.recut !== null), { message: '复配请填写新钥匙的柜号和数量', path: ['recut'] }),
    /** The lost key; with a re-cut, `replacedByTag` is the new key's tag (print its label). */
    output: returns<KeyDetail>(),
    access: transitionRoles(KEY_MACHINE, 'reportLost'),
    writes: true,
    affects: ['estate'],
  }),
  'keys.extend': defineCommand({
    name: 'keys.extend',
    summary: '延期归还：新的归还时间和原因',
    input: z.strictObject({ loanId: id(), dueAt: instant, reason: requiredText(200) }),
    output: returns<LoanRow>(),
    access: KEY_ROLES,
    writes: true,
  }),
  'keys.chase': defineCommand({
    name: 'keys.chase',
    summary: '催还记录：方式和结果',
    input: z.strictObject({ loanId: id(), method: z.enum(CHASE_METHODS), result: requiredText(200) }),
    output: returns<LoanRow>(),
    access: KEY_ROLES,
    writes: true,
  }),
  'keys.loans': defineCommand({
    name: 'keys.loans',
    summary: '借用记录：借出中、即将到期、逾期、已归还；按借用人、钥匙、日期',
    input: listQuery(['lentAt', 'dueAt'] as const, {
      status: z.enum(['open', 'due_soon', 'overdue', 'returned']).optional(),
      borrowerKey: text(80).optional(),
      borrowerType: z.enum(BORROWER_TYPES).optional(),
      keyId: id().optional(),
      /** Office days of lending. */
      from: officeDay.optional(),
      to: officeDay.optional(),
    }),
    output: returns<Page<LoanRow>>(),
    access: KEY_ROLES,
    writes: false,
  }),
  'keys.personHistory': defineCommand({
    name: 'keys.personHistory',
    summary: '某人的借用历史（住户或借用人）',
    input: z.strictObject({ personId: id().optional(), borrowerKey: text(80).optional() }).refine((v) => v.personId !== undefined || !!v.borrowerKey, { message: '请选择借用人', path: ['borrowerKey'] }),
    output: returns<PersonHistory>(),
    access: KEY_ROLES,
    writes: false,
  }),
  'keys.handover': defineCommand({
    name: 'keys.handover',
    summary: '交接班：借出、逾期、即将到期、近期遗失、上次盘点',
    input: z.strictObject({}),
    output: returns<KeyHandover>(),
    access: KEY_ROLES,
    writes: false,
  }),
  'keys.startAudit': defineCommand({
    name: 'keys.startAudit',
    summary: '开始盘点钥匙柜',
    input: z.strictObject({ note: text(200).default('') }),
    output: returns<AuditView>(),
    access: KEY_ROLES,
    writes: true,
  }),
  'keys.auditScan': defineCommand({
    name: 'keys.auditScan',
    summary: '盘点扫描：在柜 / 不应在柜 / 未登记（同一标签重复扫描不重复记录）',
    input: z.strictObject({ auditId: id(), tag: z.string().trim().toUpperCase().min(1, '请扫描标签').max(40, '标签号过长') }),
    output: returns<AuditScanView>(),
    access: KEY_ROLES,
    writes: true,
  }),
  'keys.finishAudit': defineCommand({
    name: 'keys.finishAudit',
    summary: '结束盘点：缺失、不应在柜、借出，与上次盘点比较',
    input: z.strictObject({ auditId: id() }),
    /** Print with form key-audit, record = no. */
    output: returns<AuditView>(),
    access: KEY_ROLES,
    writes: true,
  }),
  'keys.audits': defineCommand({
    name: 'keys.audits',
    summary: '盘点记录',
    input: listQuery(['startedAt'] as const, {}),
    output: returns<Page<AuditSummary>>(),
    access: KEY_ROLES,
    writes: false,
  }),
  'keys.audit': defineCommand({
    name: 'keys.audit',
    summary: '查看一次盘点',
    input: z.strictObject({ auditId: id() }),
    output: returns<AuditView>(),
    access: KEY_ROLES,
    writes: false,
  }),
  'keys.flagRelabel': defineCommand({
    name: 'keys.flagRelabel',
    summary: '标记标签破损待重打（或取消标记）',
    input: z.strictObject({ keyId: id(), flag: z.boolean().default(true) }),
    output: returns<KeyRow>(),
    access: transitionRoles(KEY_MACHINE, 'flagRelabel'),
    writes: true,
  }),
  'keys.printLabels': defineCommand({
    name: 'keys.printLabels',
    summary: '打印钥匙标签：一个标签号或连续一段（只印标签号、类别简称、柜号挂钩）',
    input: z.strictObject({ record: labelRecord }),
    output: returns<PrintRecord<KeyLabel[]>>(),
    access: KEY_ROLES,
    writes: false,
  }),
  'keys.printLoanSlip': defineCommand({
    name: 'keys.printLoanSlip',
    summary: '打印钥匙借用登记表（一次借用）',
    input: z.strictObject({ no: keyRecordNo }),
    output: returns<PrintRecord<LoanRow>>(),
    access: KEY_ROLES,
    writes: false,
  }),
  'keys.printIssueSlip': defineCommand({
    name: 'keys.printIssueSlip',
    summary: '打印钥匙发放登记表（一次发放）',
    input: z.strictObject({ no: keyRecordNo }),
    output: returns<PrintRecord<IssueView>>(),
    access: KEY_ROLES,
    writes: false,
  }),
  'keys.printAudit': defineCommand({
    name: 'keys.printAudit',
    summary: '打印盘点报告',
    input: z.strictObject({ no: keyRecordNo }),
    output: returns<PrintRecord<AuditView>>(),
    access: KEY_ROLES,
    writes: false,
  }),
  'keys.printed': defineCommand({
    name: 'keys.printed',
    summary: '记录已打印（标签打印后清除“待换标签”标记；再次打印为补打）',
    input: z.strictObject({ form: z.enum(KEY_PRINT_FORMS), record: z.string().trim().toUpperCase().min(1).max(20), ...printedJobFields }),
    output: returns<{ prints: number }>(),
    access: KEY_ROLES,
    writes: true,
  }),
  'keys.updateSettings': updateSettingsCommand('keys.updateSettings', keyRulesSettings),
} as const;
