import { z } from 'zod';
import { defineCommand, returns } from './define';
import { deskSettings, updateSettingsCommand } from './desk-settings';
import { listQuery, type Page } from './paging';
import { id, requiredText, text } from '../zod-zh';
import { transitionRoles } from '../state-machine';
import { phoneText } from '../phone';
import { fen } from '../money';
import type { PrintRecord } from '../print';
import { printedJobFields } from '../print-jobs';
import type { DeadlineStatus } from '../deadlines';
import {
  DEFAULT_REPAIR_LIMITS,
  ORDER_MACHINE,
  ORDER_SCOPES,
  ORDER_STATES,
  QUANTITY_SCALE,
  DEFAULT_REPAIR_CATEGORY_LIST,
  REPAIR_ROLES,
  SATISFACTIONS,
  SIGNERS,
  type BillState,
  type OrderAction,
  type OrderDeadlineKey,
  type OrderEventKind,
  type OrderScope,
  type OrderState,
  type OrderTime,
  type RepairCategory,
  type Satisfaction,
  type Signer,
} from '../repairs';

/** 报修派工: work orders from the counter to the technician and back. */

export { REPAIR_ROLES };

const minutes = (maxHours: number) => z.number().int('请输入整数分钟').min(1, '至少 1 分钟').max(maxHours * 60, `最多 ${maxHours} 小时`);

/** A category's key: what orders store; the label is what people read and may change. */
const categoryKey = z.string().trim().min(1, '请选择维修类别').max(30, '维修类别不正确').regex(/^[a-z0-9_]+$/, '维修类别不正确');
const repairCategoryDef = z.strictObject({
  key: categoryKey,
  label: requiredText(10),
  enabled: z.boolean(),
});

/** 维修时限 (minutes) and how the 维修单 prints the phone. Changes affect deadlines that start afterwards. */
export const repairLimitsSchema = z.strictObject({
  arriveMinutes: minutes(24),
  backMinutes: minutes(24),
  inspectionMinutes: minutes(30 * 24),
  callbackMinutes: minutes(30 * 24),
  dueSoonMinutes: minutes(24),
  appointmentPastMinutes: z.number().int('请输入整数分钟').min(0, '不能为负数').max(7 * 24 * 60, '最多 168 小时'),
  maskPhoneOnSlip: z.boolean(),
  // Stored sections from before the list was editable have none: they read as the defaults.
  categories: z
    .array(repairCategoryDef)
    .min(1, '至少保留一个维修类别')
    .max(40, '维修类别最多 40 个')
    .superRefine((list, ctx) => {
      const keys = new Set<string>();
      const labels = new Set<string>();
      list.forEach((c, i) => {
        if (keys.has(c.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `类别编码 ${c.key} 重复` });
        if (labels.has(c.label)) ctx.addIssue({ code: 'custom', path: [i, 'label'], message: `类别名称“${c.label}”重复` });
        keys.add(c.key);
        labels.add(c.label);
      });
      if (!list.some((c) => c.enabled)) ctx.addIssue({ code: 'custom', path: [], message: '至少启用一个维修类别' });
    })
    .default(() => DEFAULT_REPAIR_CATEGORY_LIST.map((c) => ({ ...c }))),
});

export const repairSettings = deskSettings({
  key: 'repairLimits',
  schema: repairLimitsSchema,
  defaults: DEFAULT_REPAIR_LIMITS,
  editRoles: ['admin'],
  summary: '修改维修时限',
});

const instant = z.iso.datetime({ offset: true, message: '时间格式不正确' });
const officeDay = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
const officeMonth = z.string().max(7, '月份格式应为 YYYY-MM').regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
/** Order numbers: WX + office date + 4-digit daily sequence, e.g. WX202611250007. */
export const ORDER_NO_PATTERN = /^WX\d{12}$/;
const orderNo = z.string().trim().max(20, '维修单号格式不正确').toUpperCase().regex(ORDER_NO_PATTERN, '维修单号格式不正确（如 WX202611250007）');

/** One material line of the returned slip. Quantity in hundredths of a unit (1.5 m → 150), price in fen. */
export const materialLineInput = z.strictObject({
  name: requiredText(40),
  spec: text(40).default(''),
  model: text(40).default(''),
  unit: text(8).default(''),
  quantity: z
    .number()
    .int(`数量以 1/${QUANTITY_SCALE} 为单位，必须是整数（如 1.5 米写作 150）`)
    .min(1, '数量必须大于 0')
    .max(1_000_000, '数量过大'),
  unitPriceFen: fen(),
});
export type MaterialLineInput = z.input<typeof materialLineInput>;

const orderFields = {
  /** A key of the office's list (repairLimits.categories), enabled; checked by the server. */
  category: categoryKey,
  description: requiredText(1000),
  /** 约定上门时间; null = as soon as possible (now). Not before now beyond repairLimits.appointmentPastMinutes. */
  appointmentAt: instant.nullable().default(null),
  emergency: z.boolean().default(false),
  /** 有偿 (the owner was told the charge items) or 无偿. */
  chargeable: z.boolean().default(false),
  /** What the owner was told up front: items and amounts, as said. Required for 有偿. */
  chargeItems: text(300).default(''),
};

/** 有偿: what the owner was told must be written down (the procedure's first step). */
function chargeItemsTold(v: { chargeable: boolean; chargeItems: string }, ctx: z.RefinementCtx): void {
  if (v.chargeable && !v.chargeItems) ctx.addIssue({ code: 'custom', path: ['chargeItems'], message: '有偿维修请填写已告知业主的收费项目和金额' });
}

export const openOrderInput = z
  .strictObject({
    scope: z.enum(ORDER_SCOPES),
    /** 入户: the unit. */
    unitId: id().nullable().default(null),
    /** 公共: building, entrance or area in words (3栋2单元 电梯厅). */
    location: text(80).default(''),
    personId: id().nullable().default(null),
    contactName: text(40).default(''),
    contactPhone: phoneText.default(''),
    ...orderFields,
  })
  .superRefine((v, ctx) => {
    if (v.scope === 'in_home' && v.unitId === null) ctx.addIssue({ code: 'custom', path: ['unitId'], message: '入户维修请选择房屋' });
    if (v.scope === 'public' && !v.location) ctx.addIssue({ code: 'custom', path: ['location'], message: '公共报修请填写位置（楼栋、单元或区域）' });
    chargeItemsTold(v, ctx);
  });

export interface MaterialLine {
  name: string;
  spec: string;
  model: string;
  unit: string;
  /** Hundredths of a unit. */
  quantity: number;
  unitPriceFen: number;
  amountFen: number;
}

export interface OrderRow {
  id: number;
  no: string;
  scope: OrderScope;
  category: RepairCategory;
  /** The category as the office's list names it. */
  categoryLabel: string;
  state: OrderState;
  unitId: number | null;
  unitCode: string | null;
  location: string;
  contactName: string;
  /** Masked for roles that do not see mobiles. */
  contactPhone: string;
  description: string;
  appointmentAt: string | null;
  emergency: boolean;
  chargeable: boolean;
  technicianId: number | null;
  /** "张师傅（工程部）", or '' before dispatch. */
  technicianLabel: string;
  /** The reception entry it was opened from. */
  entryId: number | null;
  entryNo: string | null;
  openedAt: string;
  completedAt: string | null;
  /** The live bill's amount (chargeable, completed); null when there is none. */
  amountDueFen: number | null;
  billState: BillState | null;
  /** Computed by the server from its own clock, so every screen agrees. */
  time: OrderTime;
}

export interface OrderDeadlineView {
  key: OrderDeadlineKey;
  label: string;
  dueAt: string;
  metAt: string | null;
  status: DeadlineStatus;
}

export interface OrderEvent {
  id: number;
  kind: OrderEventKind;
  at: string;
  operatorName: string;
  /** The technician named for this step ('' when none). */
  technicianName: string;
  text: string;
  /** The deadline this step met, and how many minutes late (0: on time). */
  deadline: OrderDeadlineKey | null;
  lateMinutes: number | null;
}

export interface CallbackView {
  at: string;
  result: Satisfaction;
  process: Satisfaction;
  person: Satisfaction;
  notes: string;
}

export interface OrderDetail extends OrderRow {
  chargeItems: string;
  dispatchedAt: string | null;
  arrivedAt: string | null;
  calledBackAt: string | null;
  closedAt: string | null;
  /** The round of work: 1, then +1 each time an unsatisfied call-back reopens it. */
  round: number;
  deadlines: OrderDeadlineView[];
  materials: MaterialLine[];
  materialsFen: number;
  labourFen: number;
  totalFen: number;
  signer: Signer | null;
  signerName: string;
  satisfaction: Satisfaction | null;
  callback: CallbackView | null;
  pauseReason: string;
  voidReason: string;
  billId: number | null;
  events: OrderEvent[];
  /** Times the 维修单 has been printed (the next print is a 补打 when > 0). */
  printCount: number;
}

/** A technician in the dispatch picker: their open orders and today's load. */
export interface TechnicianLoad {
  staffId: number;
  name: string;
  departmentName: string;
  position: string;
  /** Orders on them now (dispatched … awaiting inspection). */
  open: number;
  /** Orders dispatched to them today (office day). */
  today: number;
}

export interface RuleRate {
  /** Steps that had this deadline and were done. */
  total: number;
  onTime: number;
  /** onTime / total, 0…1; null when nothing was due. */
  rate: number | null;
}

export interface SummaryRow {
  category: RepairCategory | null;
  /** The category as the office's list names it ('合计' on the total row). */
  categoryLabel: string;
  scope: OrderScope | null;
  /** Orders opened in the month (voided ones not counted). */
  count: number;
  completed: number;
  /** Opened → first arrival, minutes. */
  avgResponseMinutes: number | null;
  /** Opened → completion (回单录入), minutes. */
  avgCompletionMinutes: number | null;
  onTime: Record<OrderDeadlineKey, RuleRate>;
  /** Sign-offs 满意 or 基本满意 among those rated. */
  satisfaction: RuleRate;
  /** Completed 入户 orders with their call-back recorded. */
  callbacks: RuleRate;
}

export interface MonthlySummary {
  month: string;
  generatedAt: string;
  /** By category × scope, only combinations with orders; then the total row (category and scope null). */
  rows: SummaryRow[];
  total: SummaryRow;
  voided: number;
  /** What the figures count, stated on every form of the report. */
  countRule: string;
}

export interface RepairAttention {
  overdue: number;
  dueSoon: number;
  callbacksDueToday: number;
  callbacksOverdue: number;
  pending: number;
}

export const REPAIR_PRINT_FORMS = ['repair-order'] as const;
export type RepairPrintForm = (typeof REPAIR_PRINT_FORMS)[number];

const byId = z.strictObject({ id: id() });
const withReason = z.strictObject({ id: id(), reason: requiredText(200) });
/** A time the technician reported by phone; null = now. Never ahead of now; not before the order's previous step. */
const reportedAt = instant.nullable().default(null);

/** One command per transition, its access list the machine's. */
function transition<const Name extends `repairs.${OrderAction}`, In extends z.ZodType>(name: Name, action: OrderAction, summary: string, input: In) {
  return defineCommand({
    name,
    summary,
    input,
    output: returns<OrderDetail>(),
    access: transitionRoles(ORDER_MACHINE, action),
    writes: true,
    // The unit card lists the unit's open orders and its bills; reception's entry shows the order.
    affects: ['estate', 'reception'],
  });
}

export const repairsCommands = {
  'repairs.open': defineCommand({
    name: 'repairs.open',
    summary: '开维修单：入户（房屋）或公共（位置）',
    input: openOrderInput,
    output: returns<OrderDetail>(),
    access: REPAIR_ROLES,
    writes: true,
    affects: ['estate'],
  }),
  'repairs.openFromEntry': defineCommand({
    name: 'repairs.openFromEntry',
    summary: '从报修类接待登记开维修单（带入房屋、联系人、内容和入户/公共）',
    input: z.strictObject({ entryId: id(), location: text(80).default(''), ...orderFields, description: text(1000).default('') }).superRefine(chargeItemsTold),
    output: returns<OrderDetail>(),
    access: REPAIR_ROLES,
    writes: true,
    affects: ['estate', 'reception'],
  }),
  'repairs.get': defineCommand({
    name: 'repairs.get',
    summary: '查看一张维修单（按 id 或单号，扫码亦可）',
    input: z
      .strictObject({ id: id().optional(), no: orderNo.optional() })
      .refine((v) => v.id !== undefined || v.no !== undefined, { message: '请给出维修单号', path: ['no'] }),
    output: returns<OrderDetail>(),
    access: REPAIR_ROLES,
    writes: false,
  }),
  'repairs.list': defineCommand({
    name: 'repairs.list',
    summary: '维修单列表：按状态、师傅、房屋、类别、日期、时限筛选',
    input: listQuery(['openedAt', 'nextDueAt'] as const, {
      from: officeDay.optional(),
      to: officeDay.optional(),
      state: z.enum(ORDER_STATES).optional(),
      /** Orders still needing work or a call (待派单 … 待验收). */
      open: z.boolean().optional(),
      technicianId: id().optional(),
      unitId: id().optional(),
      category: categoryKey.optional(),
      scope: z.enum(ORDER_SCOPES).optional(),
      /** overdue: past its next deadline now (any step); due_soon: within 即将到期. */
      due: z.enum(['overdue', 'due_soon']).optional(),
      /** Call-backs owed: due today (office day), or past due. */
      callback: z.enum(['due_today', 'overdue']).optional(),
      /** Orders the signed-in operator opened, or dispatched to the staff member linked to their login. */
      mine: z.boolean().optional(),
    }),
    output: returns<Page<OrderRow>>(),
    access: REPAIR_ROLES,
    writes: false,
  }),
  'repairs.technicians': defineCommand({
    name: 'repairs.technicians',
    summary: '可派单的师傅：在职员工及其未完工单、今日派单数',
    input: z.strictObject({ departmentId: id().optional() }),
    output: returns<TechnicianLoad[]>(),
    access: REPAIR_ROLES,
    writes: false,
  }),
  'repairs.dispatch': transition(
    'repairs.dispatch',
    'dispatch',
    '派单给师傅（可同时改约上门时间）',
    z.strictObject({ id: id(), technicianId: id(), appointmentAt: instant.nullable().default(null) }),
  ),
  'repairs.transfer': transition('repairs.transfer', 'transfer', '转单给另一位师傅（须说明原因）', z.strictObject({ id: id(), technicianId: id(), reason: requiredText(200) })),
  'repairs.return': transition('repairs.return', 'return', '退单：师傅退回，回到待派单（须说明原因）', withReason),
  'repairs.arrive': transition('repairs.arrive', 'arrive', '记录师傅到场（按师傅报告的时间）', z.strictObject({ id: id(), at: reportedAt })),
  'repairs.start': transition('repairs.start', 'start', '开始维修', byId),
  'repairs.review': transition('repairs.review', 'review', '报班长技术评审（须说明原因）', withReason),
  'repairs.back': transition('repairs.back', 'back', '评审后返回现场', z.strictObject({ id: id(), at: reportedAt })),
  'repairs.pause': transition('repairs.pause', 'pause', '暂停：等配件或等业主（须说明原因）', withReason),
  'repairs.resume': transition('repairs.resume', 'resume', '恢复维修', byId),
  'repairs.submit': transition('repairs.submit', 'submit', '维修完毕，提交业主验收', byId),
  'repairs.complete': transition(
    'repairs.complete',
    'complete',
    '回单录入：材料、人工、签字和满意度（有偿的生成账单）',
    z.strictObject({
      id: id(),
      materials: z.array(materialLineInput).max(30, '材料最多 30 行').default([]),
      labourFen: fen(),
      /** The owner (or the area officer) verified the material lines on the slip. */
      materialsConfirmed: z.boolean().refine((v) => v, '请先请业主当面核对材料并勾选“材料已核对”'),
      signer: z.enum(SIGNERS),
      signerName: requiredText(40),
      satisfaction: z.enum(SATISFACTIONS),
      note: text(300).default(''),
    }),
  ),
  'repairs.callback': transition(
    'repairs.callback',
    'callback',
    '回访：结果、过程、人员满意度（不满意则重新派修）',
    z.strictObject({ id: id(), result: z.enum(SATISFACTIONS), process: z.enum(SATISFACTIONS), person: z.enum(SATISFACTIONS), notes: text(500).default('') }),
  ),
  'repairs.reopen': transition('repairs.reopen', 'reopen', '重新派修：业主不满意或验收不合格，回到待派单（须说明原因）', withReason),
  'repairs.close': transition('repairs.close', 'close', '关闭工单', byId),
  'repairs.void': transition('repairs.void', 'void', '作废工单（须说明原因）', withReason),
  'repairs.summary': defineCommand({
    name: 'repairs.summary',
    summary: '维修月度汇总：按类别和入户/公共',
    input: z.strictObject({ month: officeMonth }),
    output: returns<MonthlySummary>(),
    access: REPAIR_ROLES,
    writes: false,
  }),
  'repairs.exportSummary': defineCommand({
    name: 'repairs.exportSummary',
    summary: '导出维修月度汇总（Excel）',
    input: z.strictObject({ month: officeMonth }),
    output: returns<{ fileName: string; contentBase64: string }>(),
    access: REPAIR_ROLES,
    // Figures only, no resident's data: a read.
    writes: false,
  }),
  'repairs.printSlip': defineCommand({
    name: 'repairs.printSlip',
    summary: '打印维修单：按单号读取（含补打次数与作废标记）',
    input: z.strictObject({ no: orderNo }),
    output: returns<PrintRecord<OrderDetail>>(),
    access: REPAIR_ROLES,
    writes: false,
  }),
  'repairs.printed': defineCommand({
    name: 'repairs.printed',
    summary: '记录已打印的维修单（打印机报告打印完成后；再次打印为补打）',
    input: z.strictObject({ form: z.enum(REPAIR_PRINT_FORMS), record: orderNo, ...printedJobFields }),
    output: returns<{ prints: number }>(),
    access: REPAIR_ROLES,
    writes: true,
  }),
  'repairs.updateSettings': updateSettingsCommand('repairs.updateSettings', repairSettings),
} as const;
