import { z } from 'zod';
import { defineCommand, returns, withApproval } from './define';
import { deskSettings, updateSettingsCommand } from './desk-settings';
import { listQuery, type Page } from './paging';
import { id, requiredText, text } from '../zod-zh';
import { transitionRoles } from '../state-machine';
import { phoneText } from '../phone';
import { plateNumber } from '../plate';
import type { PrintRecord } from '../print';
import { printedJobFields } from '../print-jobs';
import {
  APPLICANT_TYPES,
  CONFIRMATION_METHODS,
  DEFAULT_PASS_RULES,
  ID_TAIL_MESSAGE,
  ID_TAIL_PATTERN,
  idTailOf,
  ITEM_QUANTITY_MAX,
  needsReleaseCertificate,
  NEEDS_MESSAGES,
  PASS_APPROVERS,
  PASS_GATE_ROLES,
  PASS_ITEMS_MAX,
  PASS_MACHINE,
  PASS_NO_PATTERN,
  PASS_OFFICE_ROLES,
  PASS_OVERRIDE_APPROVERS,
  PASS_STATES,
  PASS_TYPES,
  VALIDITY_DAYS_MAX,
  type ApplicantType,
  type ConfirmationMethod,
  type PassAction,
  type PassEventKind,
  type PassState,
  type PassType,
} from '../passes';

/** 物品放行: applications under the owner/tenant rules, approval against arrears, the numbered pass, the gate check-out. */

export { PASS_APPROVERS, PASS_GATE_ROLES, PASS_OFFICE_ROLES };

export const passRulesSchema = z.strictObject({
  validityDays: z.number().int('请输入整数天数').min(0, '不能为负数').max(VALIDITY_DAYS_MAX, `最多 ${VALIDITY_DAYS_MAX} 天`),
});

export const passRulesSettings = deskSettings({
  key: 'passRules',
  schema: passRulesSchema,
  defaults: DEFAULT_PASS_RULES,
  editRoles: ['supervisor', 'admin'],
  summary: '修改放行设置',
});

const instant = z.iso.datetime({ offset: true, message: '时间格式不正确' });
const officeDay = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
const officeMonth = z.string().max(7, '月份格式应为 YYYY-MM').regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
export const passNo = z.string().trim().max(20, '放行条编号格式不正确').toUpperCase().regex(PASS_NO_PATTERN, '放行条编号格式不正确（如 FX2026000123）');

/** An ID or licence number's last 4–6 characters; a full number typed in keeps only its last 4. */
export const idTail = z.string().max(40, ID_TAIL_MESSAGE).transform(idTailOf).pipe(z.string().regex(ID_TAIL_PATTERN, ID_TAIL_MESSAGE));
const optionalIdTail = z.union([z.literal(''), idTail]).default('');

export const passItemInput = z.strictObject({
  name: requiredText(40),
  quantity: z.number().int('数量必须是整数').min(1, '数量必须大于 0').max(ITEM_QUANTITY_MAX, '数量过大'),
  unit: text(8).default('件'),
});
export type PassItemInput = z.input<typeof passItemInput>;

export const ownerConfirmationInput = z.strictObject({
  method: z.enum(CONFIRMATION_METHODS),
  /** When the owner confirmed. Not in the future. */
  at: instant,
  /** The owner who confirmed. */
  ownerName: requiredText(40),
  /** Who took the confirmation ('' = the signed-in operator). */
  takenBy: text(40).default(''),
});
export const authorisationInput = z.strictObject({
  /** The owner who signed the written authorisation. */
  ownerName: requiredText(40),
  /** The authorisation's date as written on it. */
  signedOn: officeDay,
  note: text(200).default(''),
});

const applicantInput = z.strictObject({
  type: z.enum(APPLICANT_TYPES),
  /** The resident on file (owner or tenant of the unit), when the applicant is one. */
  personId: id().nullable().default(null),
  name: requiredText(40),
  phone: phoneText,
  idTail: optionalIdTail,
});

const vehicleFields = {
  /** null: no vehicle (carried by hand). */
  plate: plateNumber.nullable().default(null),
  driverName: text(40).default(''),
  driverIdTail: optionalIdTail,
};

const passFields = {
  applicant: applicantInput,
  unitId: id(),
  type: z.enum(PASS_TYPES),
  items: z.array(passItemInput).min(1, NEEDS_MESSAGES.items).max(PASS_ITEMS_MAX, `物品最多 ${PASS_ITEMS_MAX} 行`),
  /** Planned date and time of moving out: the pass is valid from that office day (设置 → 放行设置). */
  plannedAt: instant,
  ...vehicleFields,
  ownerConfirmation: ownerConfirmationInput.nullable().default(null),
  authorisation: authorisationInput.nullable().default(null),
  /** 外运证明 number, from the unit that owns the goods. */
  releaseCertificateNo: text(40).default(''),
  notes: text(300).default(''),
};

/** What each applicant type must bring (shared/passes.ts APPLICANT_NEEDS). */
function applicantBrings(v: { applicant: { type: ApplicantType }; type: PassType; ownerConfirmation: unknown; authorisation: unknown; releaseCertificateNo: string }, ctx: z.RefinementCtx): void {
  if (v.applicant.type === 'tenant' && !v.ownerConfirmation) ctx.addIssue({ code: 'custom', path: ['ownerConfirmation'], message: NEEDS_MESSAGES.ownerConfirmation });
  if (v.applicant.type === 'agent' && !v.authorisation) ctx.addIssue({ code: 'custom', path: ['authorisation'], message: NEEDS_MESSAGES.authorisation });
  if (needsReleaseCertificate(v.applicant.type, v.type) && !v.releaseCertificateNo) ctx.addIssue({ code: 'custom', path: ['releaseCertificateNo'], message: NEEDS_MESSAGES.releaseCertificate });
}

/** A driver needs a name and the document's last digits once a vehicle is named. */
function driverNamed(v: { plate: string | null; driverName: string; driverIdTail: string }, ctx: z.RefinementCtx, required: boolean): void {
  if (v.plate === null) return;
  if (required && !v.driverName) ctx.addIssue({ code: 'custom', path: ['driverName'], message: '请登记司机姓名' });
  if (required && !v.driverIdTail) ctx.addIssue({ code: 'custom', path: ['driverIdTail'], message: '请登记司机驾驶证或身份证号后 4 位' });
}

export const applyPassInput = z.strictObject(passFields).superRefine((v, ctx) => applicantBrings(v, ctx));
export const updatePassInput = z.strictObject({ id: id(), ...passFields }).superRefine((v, ctx) => applicantBrings(v, ctx));

export interface PassItem {
  id: number;
  lineNo: number;
  name: string;
  quantity: number;
  unit: string;
}

export interface PassRow {
  id: number;
  no: string;
  /** As of now (an unused pass past its window reads 已过期, stored or not). */
  state: PassState;
  type: PassType;
  applicantType: ApplicantType;
  applicantName: string;
  /** Masked for roles that do not see mobiles (the gate guard, the cashier). */
  applicantPhone: string;
  unitId: number;
  unitCode: string;
  buildingName: string;
  plannedAt: string;
  validFrom: string;
  validUntil: string;
  plate: string | null;
  driverName: string;
  /** "沙发 1 件、冰箱 1 台…" */
  itemsText: string;
  createdAt: string;
  approvedAt: string | null;
  /** 已放行: the actual exit time; 已拒绝: when the gate refused. */
  gateAt: string | null;
  /** Approved despite arrears, under a supervisor's approval. */
  overridden: boolean;
}

export interface PassEvent {
  id: number;
  kind: PassEventKind;
  at: string;
  /** '系统' for an expiry no person recorded. */
  operatorName: string;
  text: string;
}

export interface PassDetail extends PassRow {
  personId: number | null;
  applicantIdTail: string;
  items: PassItem[];
  driverIdTail: string;
  ownerConfirmation: { method: ConfirmationMethod; at: string; ownerName: string; takenBy: string } | null;
  authorisation: { ownerName: string; signedOn: string; note: string } | null;
  releaseCertificateNo: string;
  notes: string;
  approval: {
    at: string;
    byName: string;
    /** Arrears approved over, with the supervisor's reason. */
    override: { reason: string; approverName: string; unpaidFen: number; unpaidCount: number } | null;
  } | null;
  /** What the gate recorded (放行 or 拒绝放行). */
  gate: {
    at: string;
    guardName: string;
    plate: string | null;
    driverName: string;
    driverIdTail: string;
    notes: string;
    /** Refused: the item lines that did not match. */
    mismatchedItemIds: number[];
  } | null;
  voidReason: string;
  reissuedFrom: { id: number; no: string } | null;
  reissuedAs: { id: number; no: string } | null;
  events: PassEvent[];
  /** What the signed-in operator may do with it now (PASS_MACHINE.allowedActions on the state as of now). */
  actions: PassAction[];
  /** Times the pass has been printed (the next print is a 补打 when > 0). */
  printCount: number;
}

/** What the gate sees on a number or a scan: the pass, and whether it may go out now (why not, if not). */
export interface GateCheck {
  pass: PassDetail;
  mayRelease: boolean;
  reason: string | null;
  /**
   * Past its window but never through the gate, and the operator works in the office: the guard's
   * returned stub may still be entered (补录回单) with the exit time written on it, which must fall
   * inside the window (passes.release / passes.refuse check it at that time).
   */
  lateStub: boolean;
}

export interface DutyListRow {
  id: number;
  no: string;
  state: PassState;
  type: PassType;
  unitCode: string;
  applicantName: string;
  itemsText: string;
  validUntil: string;
  /** Exit or refusal time (null: not yet out). */
  gateAt: string | null;
  plate: string | null;
  driverName: string;
  driverIdTail: string;
  guardName: string;
  notes: string;
}

/** 值岗记录: one office day at the gate. */
export interface DutyList {
  day: string;
  generatedAt: string;
  /** Passes valid that day (approved for it), released and refused with their times, expired unused. */
  rows: DutyListRow[];
  approved: number;
  released: number;
  refused: number;
  expired: number;
}

export interface MonthlyCounts {
  issued: number;
  released: number;
  refused: number;
  expired: number;
  voided: number;
}

export interface MonthlyRow extends MonthlyCounts {
  key: string;
  /** 搬家 / 3栋 … */
  label: string;
}

/** 放行月报: reported to the supervisor monthly (作业指导书 4.2). */
export interface MonthlyReport {
  month: string;
  generatedAt: string;
  byType: MonthlyRow[];
  byBuilding: MonthlyRow[];
  total: MonthlyCounts;
  overrides: number;
  /** What the figures count, stated on every form of the report. */
  countRule: string;
}

export interface PassAttention {
  /** Applications awaiting approval (approvers). */
  pending: number;
  /** Approved passes valid today not yet out (the gate). */
  waitingAtGate: number;
}

export const PASS_PRINT_FORMS = ['goods-pass', 'pass-duty-list', 'pass-monthly'] as const;
export type PassPrintForm = (typeof PASS_PRINT_FORMS)[number];
/** The office's forms (the gate prints only its duty list: passes.dutyListPrinted). */
const OFFICE_PRINT_FORMS = ['goods-pass', 'pass-monthly'] as const;
/** The printed records' keys in print_log: the pass's number, FXRB + day, FXYB + month. */
export const dutyListRecord = (day: string) => `FXRB${day.replaceAll('-', '')}`;
export const monthlyRecord = (month: string) => `FXYB${month.replace('-', '')}`;

const exitAt = instant.nullable().default(null);

const approveFields = { id: id() };

export const passesCommands = {
  'passes.apply': defineCommand({
    name: 'passes.apply',
    summary: '申请物品放行：申请人、房屋、物品、计划时间、车辆（租户须业主确认，代理人须书面授权，公司物品须外运证明）',
    input: applyPassInput,
    output: returns<PassDetail>(),
    access: PASS_OFFICE_ROLES,
    writes: true,
    affects: ['estate'],
  }),
  'passes.update': defineCommand({
    name: 'passes.update',
    summary: '修改待审批的放行申请',
    input: updatePassInput,
    output: returns<PassDetail>(),
    access: transitionRoles(PASS_MACHINE, 'update'),
    writes: true,
    affects: ['estate'],
  }),
  'passes.approve': defineCommand({
    name: 'passes.approve',
    summary: '批准放行（先核对该房屋费用：有欠费不能批准）',
    input: z.strictObject(approveFields),
    output: returns<PassDetail>(),
    access: transitionRoles(PASS_MACHINE, 'approve'),
    writes: true,
    affects: ['estate'],
  }),
  'passes.approveOverride': defineCommand({
    name: 'passes.approveOverride',
    summary: '有欠费仍批准放行（须说明原因并经主管核准）',
    input: withApproval(z.strictObject({ ...approveFields, reason: requiredText(200) })),
    output: returns<PassDetail>(),
    access: transitionRoles(PASS_MACHINE, 'approve'),
    writes: true,
    approval: { roles: PASS_OVERRIDE_APPROVERS, summary: '有欠费仍批准物品放行' },
    affects: ['estate'],
  }),
  'passes.void': defineCommand({
    name: 'passes.void',
    summary: '作废放行条（须说明原因）',
    input: z.strictObject({ id: id(), reason: requiredText(200) }),
    output: returns<PassDetail>(),
    access: transitionRoles(PASS_MACHINE, 'void'),
    writes: true,
    affects: ['estate'],
  }),
  'passes.get': defineCommand({
    name: 'passes.get',
    summary: '查看一张放行条（按 id 或编号）',
    input: z
      .strictObject({ id: id().optional(), no: passNo.optional() })
      .refine((v) => v.id !== undefined || v.no !== undefined, { message: '请给出放行条编号', path: ['no'] }),
    output: returns<PassDetail>(),
    access: PASS_OFFICE_ROLES,
    writes: false,
  }),
  'passes.byNumber': defineCommand({
    name: 'passes.byNumber',
    summary: '门岗：按编号或扫码查放行条，并判断现在能否放行',
    input: z.strictObject({ q: requiredText(200) }),
    output: returns<GateCheck>(),
    access: PASS_GATE_ROLES,
    writes: false,
  }),
  'passes.list': defineCommand({
    name: 'passes.list',
    summary: '放行条列表：按状态、日期、房屋、申请人、编号筛选',
    input: listQuery(['createdAt', 'plannedAt'] as const, {
      state: z.enum(PASS_STATES).optional(),
      /** Planned office days, inclusive. */
      from: officeDay.optional(),
      to: officeDay.optional(),
      unitId: id().optional(),
      /** The applicant's name, or its beginning. */
      applicant: text(40).optional(),
      /** A pass number, or its beginning (FX2026…). */
      no: z.string().trim().toUpperCase().max(20).optional(),
    }),
    output: returns<Page<PassRow>>(),
    access: PASS_OFFICE_ROLES,
    writes: false,
  }),
  'passes.release': defineCommand({
    name: 'passes.release',
    summary: '门岗放行：登记实际出门时间、车牌和司机，逐项核对物品',
    input: z
      .strictObject({
        id: id(),
        /** The actual exit time; null = now. Not ahead of now. */
        exitAt,
        ...vehicleFields,
        /** Every item line of the pass, each checked against the goods. */
        checkedItemIds: z.array(id()).max(PASS_ITEMS_MAX),
        notes: text(300).default(''),
      })
      .superRefine((v, ctx) => driverNamed(v, ctx, true)),
    output: returns<PassDetail>(),
    access: transitionRoles(PASS_MACHINE, 'release'),
    writes: true,
    affects: ['estate'],
  }),
  'passes.refuse': defineCommand({
    name: 'passes.refuse',
    summary: '门岗拒绝放行：物品与放行条不符（须写明情况，须重新开具放行条）',
    input: z.strictObject({
      id: id(),
      exitAt,
      ...vehicleFields,
      /** The item lines that did not match (missing, extra or different); may be empty when the notes say what. */
      mismatchedItemIds: z.array(id()).max(PASS_ITEMS_MAX).default([]),
      notes: requiredText(300),
    }),
    output: returns<PassDetail>(),
    access: transitionRoles(PASS_MACHINE, 'refuse'),
    writes: true,
    affects: ['estate'],
  }),
  'passes.reissue': defineCommand({
    name: 'passes.reissue',
    summary: '重新开具：从被拒绝或已过期的放行条开一张新的待审批放行条（可改物品和时间）',
    input: z.strictObject({
      id: id(),
      /** The new planned time (the old window has passed or the goods changed). */
      plannedAt: instant,
      /** The corrected item lines; absent = the same as before. */
      items: z.array(passItemInput).min(1, NEEDS_MESSAGES.items).max(PASS_ITEMS_MAX).optional(),
    }),
    output: returns<PassDetail>(),
    access: transitionRoles(PASS_MACHINE, 'reissue'),
    writes: true,
    affects: ['estate'],
  }),
  'passes.dutyList': defineCommand({
    name: 'passes.dutyList',
    summary: '值岗记录：一天的放行条（批准、放行、拒绝、过期）',
    input: z.strictObject({ day: officeDay }),
    output: returns<DutyList>(),
    access: PASS_GATE_ROLES,
    writes: false,
  }),
  'passes.monthly': defineCommand({
    name: 'passes.monthly',
    summary: '放行月报：开具、放行、拒绝、过期、作废，按类型和楼栋',
    input: z.strictObject({ month: officeMonth }),
    output: returns<MonthlyReport>(),
    access: PASS_OFFICE_ROLES,
    writes: false,
  }),
  'passes.exportMonthly': defineCommand({
    name: 'passes.exportMonthly',
    summary: '导出放行月报（Excel）',
    input: z.strictObject({ month: officeMonth }),
    output: returns<{ fileName: string; contentBase64: string }>(),
    access: PASS_OFFICE_ROLES,
    // Figures only, no resident's data: a read.
    writes: false,
  }),
  'passes.printPass': defineCommand({
    name: 'passes.printPass',
    summary: '打印放行条（含存根）：按编号读取（含补打次数与作废标记）',
    input: z.strictObject({ no: passNo }),
    output: returns<PrintRecord<PassDetail>>(),
    access: PASS_OFFICE_ROLES,
    writes: false,
  }),
  'passes.printDutyList': defineCommand({
    name: 'passes.printDutyList',
    summary: '打印值岗记录（一天）',
    input: z.strictObject({ day: officeDay }),
    output: returns<PrintRecord<DutyList>>(),
    access: PASS_GATE_ROLES,
    writes: false,
  }),
  'passes.printMonthly': defineCommand({
    name: 'passes.printMonthly',
    summary: '打印放行月报',
    input: z.strictObject({ month: officeMonth }),
    output: returns<PrintRecord<MonthlyReport>>(),
    access: PASS_OFFICE_ROLES,
    writes: false,
  }),
  'passes.printed': defineCommand({
    name: 'passes.printed',
    summary: '记录已打印的放行条或月报（打印机报告完成后；再次打印为补打）',
    input: z.strictObject({ form: z.enum(OFFICE_PRINT_FORMS), record: z.string().trim().toUpperCase().max(20), ...printedJobFields }),
    output: returns<{ prints: number }>(),
    access: PASS_OFFICE_ROLES,
    writes: true,
  }),
  'passes.dutyListPrinted': defineCommand({
    name: 'passes.dutyListPrinted',
    summary: '记录已打印的值岗记录（门岗或前台）',
    input: z.strictObject({ form: z.literal('pass-duty-list'), record: z.string().trim().toUpperCase().max(20), ...printedJobFields }),
    output: returns<{ prints: number }>(),
    access: PASS_GATE_ROLES,
    writes: true,
  }),
  'passes.updateSettings': updateSettingsCommand('passes.updateSettings', passRulesSettings),
} as const;

export type PassesCommandName = keyof typeof passesCommands;
