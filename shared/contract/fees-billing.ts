import { z } from 'zod';
import { defineCommand, returns } from './define';
import { deskSettings, updateSettingsCommand } from './desk-settings';
import { listQuery, type Page } from './paging';
import { id, requiredText, text } from '../zod-zh';
import { fen } from '../money';
import type { PrintRecord } from '../print';
import { printedJobFields } from '../print-jobs';
import {
  ASSIGNMENT_SCOPES,
  DEFAULT_FEE_RULES,
  FEE_EDIT_ROLES,
  FEE_KINDS,
  FEE_METHODS,
  FEES_ROLES,
  METERS,
  VACANCY_MIN_MONTHS,
  monthsBetween,
  type AssignmentScope,
  type BillState,
  type FeeKind,
  type FeeMethod,
  type Meter,
} from '../fees';
import { rolesUsing } from '../permissions';
import type { Role } from '../roles';

/** 收费, the billing side: fee items and their assignment, meter readings, vacancy, the monthly run, arrears. */

const officeMonth = z.string().max(7, '月份格式应为 YYYY-MM').regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
const officeDay = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
const percent = (max: number) => z.number().int('请输入整数').min(0, '不能为负数').max(max, `不能大于 ${max}`);

/** 设置 → 收费规则: the late fee (off by default), the vacancy rule, the meter jump check, the due day. */
export const feeRulesSchema = z.strictObject({
  lateFee: z.strictObject({
    enabled: z.boolean(),
    /** 万分之 n per day. */
    ratePer10k: z.number().int('请输入整数（万分之几）').min(0, '不能为负数').max(100, '每日最多万分之一百（1%）'),
    graceDays: z.number().int('请输入整数天数').min(0, '不能为负数').max(365, '最多 365 天'),
    capPercent: percent(100),
  }),
  vacancy: z.strictObject({
    percent: percent(100),
    /** 0.01 t / 0.01 kWh. */
    waterAbove: z.number().int('以 0.01 吨为单位，必须是整数').min(0, '不能为负数').max(100_000, '过大'),
    electricityAbove: z.number().int('以 0.01 度为单位，必须是整数').min(0, '不能为负数').max(100_000, '过大'),
  }),
  meterJumpFactor: z.number().int('请输入整数倍数').min(2, '至少 2 倍').max(100, '最多 100 倍'),
  dueDay: z.number().int('请输入 1–28 的日期').min(1, '请输入 1–28 的日期').max(28, '请输入 1–28 的日期'),
  // Sections stored before it existed read as 1.
  receiptStart: z.number().int('收据起始号必须是整数').min(1, '收据起始号至少为 1').max(99_999_999, '收据号最多 8 位').default(1),
});

export const feeRulesSettings = deskSettings({
  key: 'feeRules',
  schema: feeRulesSchema,
  defaults: DEFAULT_FEE_RULES,
  // What every unit owes and its late fee: the roles that approve, not the cashier.
  editRoles: FEE_EDIT_ROLES,
  summary: '修改收费规则（滞纳金、空置、抄表、缴费日、收据起始号）',
});

// ---------- views ----------

export interface FeeItemRow {
  id: number;
  name: string;
  kind: FeeKind;
  method: FeeMethod;
  /** Fen per m² per month (area), per month (fixed), per t / kWh (metered), or the amount (one_off, deposit). */
  rateFen: number;
  meter: Meter | null;
  enabled: boolean;
  /** Assignments covering the current month. */
  activeAssignments: number;
  updatedAt: string;
}

export interface SaveItemResult {
  item: FeeItemRow;
  /** Unpaid bills of this item voided and re-issued at the new rate. */
  repriced: number;
}

export interface AssignmentRow {
  id: number;
  feeItemId: number;
  feeItemName: string;
  scope: AssignmentScope;
  /** unit id / building id as text, or the unit type key. */
  target: string;
  /** "3-2-1101", "3栋", "住宅". */
  targetLabel: string;
  startMonth: string;
  endMonth: string | null;
  /** This assignment's own rate; null = the item's. */
  rateFen: number | null;
}

export interface ReadingRow {
  id: number;
  unitId: number;
  unitCode: string;
  meter: Meter;
  month: string;
  /** Cumulative reading, 0.01 t / 0.01 kWh. */
  reading: number;
  /** reading − the previous reading; null for a meter's first (baseline) reading. */
  usage: number | null;
  readAt: string;
  operatorName: string;
  /** Set when the reading was corrected (the old value is in the operation log). */
  correctionReason: string;
}

export interface VacancyRow {
  id: number;
  unitId: number;
  unitCode: string;
  startMonth: string;
  /** Last vacant month (inclusive). */
  endMonth: string;
  months: number;
  /** active: registered and not ended early; ended: ended early by the owner. Past endMonth it is expired. */
  state: 'active' | 'ended' | 'expired';
  note: string;
  endReason: string;
  createdAt: string;
}

export interface RunItemLine {
  feeItemId: number;
  name: string;
  count: number;
  totalFen: number;
  /** Bills at the vacancy rate. */
  vacancyCount: number;
}

export interface RunSummary {
  month: string;
  /** Bills this run creates (preview) or created (run), by item. */
  items: RunItemLine[];
  count: number;
  totalFen: number;
  /** Unit × item pairs already billed for the month (not billed again). */
  alreadyBilled: number;
  /** Assigned but not billable, by reason (no area, no reading, zero). */
  skipped: { reason: string; count: number }[];
  /** Chinese, one line: what happened (or would). */
  message: string;
}

export type BillSourceKind = 'fee' | 'charge' | 'repair';

export interface BillView {
  id: number;
  unitId: number;
  item: string;
  feeItemId: number | null;
  kind: FeeKind | null;
  period: string | null;
  basis: string;
  amountFen: number;
  state: BillState;
  dueDate: string | null;
  vacancyApplied: boolean;
  source: string;
  /** 月度账单 / 临时收费 / 维修费. */
  sourceLabel: string;
  sourceId: number | null;
  createdAt: string;
}

export interface UnpaidBill extends BillView {
  /** As of today (office day); 0 before the due date. */
  monthsOverdue: number;
  /** As of today by 设置 → 收费规则 (0 while the late fee is off). */
  lateFeeFen: number;
}

/** The ONE answer to "what does this unit owe": the counter, the goods-pass check and the unit card read it. */
export interface UnitUnpaid {
  unitId: number;
  unitCode: string;
  today: string;
  bills: UnpaidBill[];
  totalFen: number;
  lateFeeFen: number;
  /** Bills past their due date. */
  overdueFen: number;
  /** Distinct months with an overdue bill (欠费月数). */
  monthsOverdue: number;
}

export interface ArrearsRow {
  unitId: number;
  unitCode: string;
  buildingId: number;
  buildingName: string;
  /** Distinct months with an overdue unpaid bill. */
  months: number;
  amountFen: number;
  bills: number;
  /** The earliest overdue period or due date's month. */
  since: string;
}

export interface ArrearsPage extends Page<ArrearsRow> {
  totalFen: number;
}

export interface ReminderNotice {
  unitId: number;
  unitCode: string;
  buildingName: string;
  /** The owners' names ('' when none is linked). */
  ownerNames: string;
  bills: UnpaidBill[];
  totalFen: number;
  lateFeeFen: number;
  months: number;
  /** 人民币大写 of totalFen + lateFeeFen. */
  capitals: string;
}

export interface ReminderBatch {
  /** Office day of the notice. */
  date: string;
  estateName: string;
  /** 'U12' (one unit) or 'B3' (every unit in arrears in building 3). */
  record: string;
  notices: ReminderNotice[];
}

export interface CollectionRateRow {
  item: string;
  billedFen: number;
  collectedFen: number;
  /** collected ÷ billed, 0…1; null when nothing was billed. */
  rate: number | null;
}

export interface CollectionRate {
  period: string;
  rows: CollectionRateRow[];
  total: CollectionRateRow;
}

export const FEES_BILLING_PRINT_FORMS = ['fee-reminder'] as const;
export type FeesBillingPrintForm = (typeof FEES_BILLING_PRINT_FORMS)[number];
/** A 催缴通知单's record: U + unit id, or B + building id (the batch). */
export const REMINDER_RECORD_PATTERN = /^[UB][1-9]\d{0,9}$/;
const reminderRecord = z.string().trim().max(12, '催缴通知单编号格式不正确').toUpperCase().regex(REMINDER_RECORD_PATTERN, '催缴通知单编号格式不正确（U+房屋 或 B+楼栋）');

// ---------- inputs ----------

export const saveItemInput = z
  .strictObject({
    id: id().optional(),
    name: requiredText(30),
    kind: z.enum(FEE_KINDS),
    method: z.enum(FEE_METHODS),
    rateFen: fen({ positive: true }),
    meter: z.enum(METERS).nullable().default(null),
    enabled: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (v.method === 'metered' && !v.meter) ctx.addIssue({ code: 'custom', path: ['meter'], message: '按表计量的项目请选择水表或电表' });
    if (v.method !== 'metered' && v.meter) ctx.addIssue({ code: 'custom', path: ['meter'], message: '只有按表计量的项目选择表' });
    if (v.method === 'deposit' && v.kind !== 'deposit') ctx.addIssue({ code: 'custom', path: ['kind'], message: '押金（可退）方式只用于保证金' });
  });

const monthRange = (v: { startMonth: string; endMonth: string | null }, ctx: z.RefinementCtx) => {
  if (v.endMonth !== null && v.endMonth < v.startMonth) ctx.addIssue({ code: 'custom', path: ['endMonth'], message: '结束月份不能早于开始月份' });
};

export const saveAssignmentInput = z
  .strictObject({
    id: id().optional(),
    feeItemId: id(),
    scope: z.enum(ASSIGNMENT_SCOPES),
    /** unit: unit id; building: building id; unit_type: 'residential' / 'shop' / … */
    target: z.string().trim().min(1, '请选择适用范围').max(20),
    startMonth: officeMonth,
    endMonth: officeMonth.nullable().default(null),
    rateFen: fen({ positive: true }).nullable().default(null),
  })
  .superRefine(monthRange);

const readingValue = z.number().int('读数以 0.01 为单位，必须是整数（12.34 吨写作 1234）').min(0, '读数不能为负数').max(10_000_000_000, '读数过大');

export const recordReadingInput = z.strictObject({
  unitId: id(),
  meter: z.enum(METERS),
  month: officeMonth,
  reading: readingValue,
  /** The jump check asked to confirm: the reading was checked on the meter. */
  confirmJump: z.boolean().default(false),
  /** Correcting a month already read: why (the old reading stays in the operation log). */
  correctionReason: text(200).default(''),
});

const READINGS_MAX_BYTES = 5 * 1024 * 1024;
const READINGS_LIMIT = Math.ceil(READINGS_MAX_BYTES / 3) * 4 + 64 * 1024;

export const importReadingsInput = z.strictObject({
  month: officeMonth,
  fileName: requiredText(200).refine((name) => /\.xlsx$/i.test(name), '请上传 .xlsx 文件（可先下载模板）'),
  contentBase64: z
    .string()
    .max(Math.ceil(READINGS_MAX_BYTES / 3) * 4, '文件太大（最大 5 MB）')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容格式不正确'),
  confirmJump: z.boolean().default(false),
});

export const registerVacancyInput = z
  .strictObject({ unitId: id(), startMonth: officeMonth, endMonth: officeMonth, note: text(200).default('') })
  .superRefine((v, ctx) => {
    if (v.endMonth < v.startMonth || monthsBetween(v.startMonth, v.endMonth) < VACANCY_MIN_MONTHS)
      ctx.addIssue({ code: 'custom', path: ['endMonth'], message: `空置登记至少 ${VACANCY_MIN_MONTHS} 个月` });
  });

export const chargeInput = z.strictObject({
  unitId: id(),
  /** A one-off, deposit or other item; null: a free-text charge. */
  feeItemId: id().nullable().default(null),
  /** What the receipt prints; the item's name when empty. */
  item: text(60).default(''),
  amountFen: fen({ positive: true }),
  period: officeMonth.nullable().default(null),
  /** Due date; today when absent. */
  dueDate: officeDay.nullable().default(null),
  note: text(200).default(''),
});

const arrearsFilters = {
  buildingId: id().optional(),
  /** At least this many months in arrears. */
  minMonths: z.number().int().min(1).max(1200).optional(),
};

// ---------- commands ----------

/**
 * The cashier's desk and the goods-pass office (its arrears check) read a unit's unpaid bills; the
 * gate guard, who works the passes desk too, checks passes and sees no unit's bills.
 */
const UNPAID_READERS = [...new Set([...FEES_ROLES, ...rolesUsing('passes')])].filter((r) => r !== 'gate_guard') as [Role, ...Role[]];

export const feesBillingCommands = {
  'fees.items': defineCommand({
    name: 'fees.items',
    summary: '收费项目列表（含停用的）',
    input: z.strictObject({}),
    output: returns<FeeItemRow[]>(),
    access: FEES_ROLES,
    writes: false,
  }),
  'fees.saveItem': defineCommand({
    name: 'fees.saveItem',
    summary: '新增或修改收费项目（改单价只影响未缴账单：未缴的月度账单作废并按新单价重开）',
    input: saveItemInput,
    output: returns<SaveItemResult>(),
    access: FEE_EDIT_ROLES,
    writes: true,
    affects: ['estate'],
  }),
  'fees.assignments': defineCommand({
    name: 'fees.assignments',
    summary: '收费项目的适用范围（单户、楼栋、房屋类型）',
    input: z.strictObject({ feeItemId: id().optional(), unitId: id().optional() }),
    output: returns<AssignmentRow[]>(),
    access: FEES_ROLES,
    writes: false,
  }),
  'fees.saveAssignment': defineCommand({
    name: 'fees.saveAssignment',
    summary: '设置收费项目的适用范围和起止月份（单户优先于楼栋，楼栋优先于房屋类型）',
    input: saveAssignmentInput,
    output: returns<AssignmentRow>(),
    access: FEE_EDIT_ROLES,
    writes: true,
  }),
  'fees.endAssignment': defineCommand({
    name: 'fees.endAssignment',
    summary: '结束收费项目的适用范围（最后收费月份）',
    input: z.strictObject({ id: id(), endMonth: officeMonth }),
    output: returns<AssignmentRow>(),
    access: FEE_EDIT_ROLES,
    writes: true,
  }),
  'fees.readings': defineCommand({
    name: 'fees.readings',
    summary: '抄表记录：按房屋、月份、水表/电表',
    input: listQuery(['month', 'unitCode'] as const, { unitId: id().optional(), month: officeMonth.optional(), meter: z.enum(METERS).optional() }),
    output: returns<Page<ReadingRow>>(),
    access: FEES_ROLES,
    writes: false,
  }),
  'fees.recordReading': defineCommand({
    name: 'fees.recordReading',
    summary: '录入抄表读数（低于上次读数拒收；用量异常需确认；已抄月份须说明更正原因）',
    input: recordReadingInput,
    output: returns<ReadingRow>(),
    access: FEES_ROLES,
    writes: true,
  }),
  'fees.readingsTemplate': defineCommand({
    name: 'fees.readingsTemplate',
    summary: '下载抄表导入模板（Excel）',
    input: z.strictObject({}),
    output: returns<{ fileName: string; contentBase64: string }>(),
    access: FEES_ROLES,
    writes: false,
  }),
  'fees.importReadings': defineCommand({
    name: 'fees.importReadings',
    summary: '从 Excel 导入一个月的抄表读数（有一行出错则全部不导入，并逐行说明）',
    input: importReadingsInput,
    output: returns<{ month: string; imported: number }>(),
    access: FEES_ROLES,
    writes: true,
    inputLimitBytes: READINGS_LIMIT,
  }),
  'fees.vacancies': defineCommand({
    name: 'fees.vacancies',
    summary: '空置登记列表',
    input: listQuery(['startMonth', 'endMonth', 'unitCode'] as const, { unitId: id().optional(), active: z.boolean().optional() }),
    output: returns<Page<VacancyRow>>(),
    access: FEES_ROLES,
    writes: false,
  }),
  'fees.registerVacancy': defineCommand({
    name: 'fees.registerVacancy',
    summary: `登记空置（至少 ${VACANCY_MIN_MONTHS} 个月；期间物业费和公共水电分摊按比例收取）`,
    input: registerVacancyInput,
    output: returns<VacancyRow>(),
    access: FEES_ROLES,
    writes: true,
    affects: ['estate'],
  }),
  'fees.endVacancy': defineCommand({
    name: 'fees.endVacancy',
    summary: '提前结束空置（业主入住；从下月起全额收费）',
    input: z.strictObject({ id: id(), lastMonth: officeMonth, reason: requiredText(200) }),
    output: returns<VacancyRow>(),
    access: FEES_ROLES,
    writes: true,
    affects: ['estate'],
  }),
  'fees.renewVacancy': defineCommand({
    name: 'fees.renewVacancy',
    summary: `续登空置（续期至少 ${VACANCY_MIN_MONTHS} 个月）`,
    input: z.strictObject({ id: id(), endMonth: officeMonth }),
    output: returns<VacancyRow>(),
    access: FEES_ROLES,
    writes: true,
    affects: ['estate'],
  }),
  'fees.previewRun': defineCommand({
    name: 'fees.previewRun',
    summary: '预览月度账单：各项目笔数和金额（不保存）',
    input: z.strictObject({ month: officeMonth }),
    output: returns<RunSummary>(),
    access: FEES_ROLES,
    writes: false,
  }),
  'fees.run': defineCommand({
    name: 'fees.run',
    summary: '生成月度账单（已生成的不会重复生成）',
    input: z.strictObject({ month: officeMonth }),
    output: returns<RunSummary>(),
    access: FEES_ROLES,
    writes: true,
    affects: ['estate'],
  }),
  'fees.charge': defineCommand({
    name: 'fees.charge',
    summary: '临时收费：给一户开一笔账单（一次性项目、保证金或其他）',
    input: chargeInput,
    output: returns<BillView>(),
    access: FEES_ROLES,
    writes: true,
    affects: ['estate'],
  }),
  'fees.unpaid': defineCommand({
    name: 'fees.unpaid',
    summary: '一户的未缴账单：欠费月数、滞纳金和合计（收银台和物品放行共用）',
    input: z.strictObject({ unitId: id() }),
    output: returns<UnitUnpaid>(),
    access: UNPAID_READERS,
    writes: false,
  }),
  'fees.arrears': defineCommand({
    name: 'fees.arrears',
    summary: '欠费报表：按楼栋和房屋，欠费月数和金额',
    input: listQuery(['unitCode', 'months', 'amount'] as const, arrearsFilters),
    output: returns<ArrearsPage>(),
    access: FEES_ROLES,
    writes: false,
  }),
  'fees.exportArrears': defineCommand({
    name: 'fees.exportArrears',
    summary: '导出欠费报表（Excel）',
    input: z.strictObject({ filters: z.strictObject(arrearsFilters).default({}) }),
    output: returns<{ fileName: string; contentBase64: string }>(),
    access: FEES_ROLES,
    writes: false,
  }),
  'fees.printReminder': defineCommand({
    name: 'fees.printReminder',
    summary: '打印催缴通知单：一户，或一栋楼所有欠费户（批量）',
    input: z.strictObject({ record: reminderRecord }),
    output: returns<PrintRecord<ReminderBatch>>(),
    access: FEES_ROLES,
    writes: false,
  }),
  'fees.reminderPrinted': defineCommand({
    name: 'fees.reminderPrinted',
    summary: '记录已打印的催缴通知单（再次打印为补打）',
    input: z.strictObject({ form: z.enum(FEES_BILLING_PRINT_FORMS), record: reminderRecord, ...printedJobFields }),
    output: returns<{ prints: number }>(),
    access: FEES_ROLES,
    writes: true,
  }),
  'fees.collectionRate': defineCommand({
    name: 'fees.collectionRate',
    summary: '收缴率：某月账单的已收 ÷ 应收，按项目',
    input: z.strictObject({ period: officeMonth }),
    output: returns<CollectionRate>(),
    access: FEES_ROLES,
    writes: false,
  }),
  'fees.updateFeeRules': updateSettingsCommand('fees.updateFeeRules', feeRulesSettings),
} as const;

