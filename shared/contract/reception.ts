import { z } from 'zod';
import { defineCommand, returns } from './define';
import { deskSettings, updateSettingsCommand } from './desk-settings';
import { listQuery, type Page } from './paging';
import { id, requiredText, text } from '../zod-zh';
import { transitionRoles } from '../state-machine';
import { phoneText } from '../phone';
import type { PrintRecord } from '../print';
import { printedJobFields } from '../print-jobs';
import {
  CATEGORIES,
  CHANNELS,
  ENTRY_MACHINE,
  ENTRY_STATES,
  RECEPTION_ROLES,
  SUPERVISOR_ROLES,
  NOTE_KINDS,
  REPAIR_SCOPES,
  SATISFACTIONS,
  URGENCIES,
  DEFAULT_RECEPTION_LIMITS,
  type Category,
  type Channel,
  type DailyCounts,
  type DeadlineView,
  type EntryState,
  type EventKind,
  type RepairScope,
  type Satisfaction,
  type TimeStatus,
  type Urgency,
} from '../reception';

/** 接待登记: the reception log, its time limits, visitors, the daily report and the handover. */

// Declared next to the entry's state machine, which reads them; every importer keeps finding them here.
export { RECEPTION_ROLES, SUPERVISOR_ROLES };

const minutes = (maxHours: number) =>
  z.number().int('请输入整数分钟').min(1, '至少 1 分钟').max(maxHours * 60, `最多 ${maxHours} 小时`);

/** 接待时限 (minutes). Changing them affects entries logged afterwards, not those already logged. */
export const receptionLimitsSchema = z.strictObject({
  handlerMinutes: minutes(720),
  escalateMinutes: minutes(72),
  escalatedAnswerMinutes: minutes(720),
  ownerOrdinaryMinutes: minutes(720),
  ownerMajorMinutes: minutes(720),
  dueSoonMinutes: minutes(72),
});

/** Reception's part of the settings: its time limits, changed by the admin. */
export const receptionSettings = deskSettings({
  key: 'receptionLimits',
  schema: receptionLimitsSchema,
  defaults: DEFAULT_RECEPTION_LIMITS,
  editRoles: ['admin'],
  summary: '修改接待时限',
});

const instant = z.iso.datetime({ offset: true, message: '时间格式不正确' });
const officeDay = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
/** A caller's number: a mobile, or a landline with area code (and extension), normalised by the one reader. */
const phone = phoneText;
/** Entry numbers: JD + office date + 4-digit daily sequence, e.g. JD202611250007. */
export const ENTRY_NO_PATTERN = /^JD\d{12}$/;

export interface EntryRow {
  id: number;
  no: string;
  channel: Channel;
  category: Category;
  urgency: Urgency;
  state: EntryState;
  unitId: number | null;
  unitCode: string | null;
  personId: number | null;
  /** The resident's name for linked people, else the visitor/caller's own words. */
  contactName: string;
  /** Masked for roles that do not see mobiles. */
  contactPhone: string;
  content: string;
  repairScope: RepairScope | null;
  handlerStaffId: number | null;
  handlerDepartmentId: number | null;
  /** "张师傅（工程部）" or a department name. */
  handlerLabel: string;
  receivedAt: string;
  escalatedAt: string | null;
  closedAt: string | null;
  createdByName: string;
  /** Computed by the server from its own clock, so every screen agrees. */
  time: TimeStatus;
}

export interface EntryEvent {
  id: number;
  kind: EventKind;
  at: string;
  operatorName: string;
  text: string;
}

export interface ComplaintView {
  no: string;
  kind: 'complaint' | 'suggestion';
  /** 被投诉部门或对象 */
  respondent: string;
  satisfaction: Satisfaction | null;
}

export interface EntryDetail extends EntryRow {
  ownDueAt: string | null;
  handlerDueAt: string;
  escalateDueAt: string;
  ownerDueAt: string | null;
  handlerAnsweredAt: string | null;
  ownerAnsweredAt: string | null;
  /** Who it was escalated to: the superior's name when it was escalated (older entries: a name typed by hand). */
  escalatedTo: string;
  /** The superior's operator id; null for entries escalated by name only. */
  escalatedToOperatorId: number | null;
  /** When the superior's answer (a 处理人回复 after the latest 上报) was recorded. */
  escalationAnsweredAt: string | null;
  supervisorAckAt: string | null;
  result: string;
  voidReason: string;
  deadlines: DeadlineView[];
  complaint: ComplaintView | null;
  events: EntryEvent[];
  /** Times the 工作联系单 has been printed (the next print is a 补打 when > 0). */
  printCount: number;
  /** The 维修单 a repair entry was turned into (报修派工), when it was. */
  repairOrderNo: string | null;
}

export interface Attention {
  /** Open entries past a deadline that the signed-in operator logged or handles (all, for supervisors). */
  overdue: number;
  dueSoon: number;
  /** Major matters a supervisor has not yet acknowledged (0 for other roles). */
  majorPending: number;
  /** Open entries escalated to the signed-in operator and not yet answered. */
  escalated: number;
}

/** An operator a matter can be escalated to (上报): supervisors and admins. */
export interface Superior {
  operatorId: number;
  name: string;
  /** Their roles, and their post in the staff directory when linked: "主管 · 客服部 经理". */
  detail: string;
  /** Name, pinyin and initials, lower case: what the picker matches typed keys against. */
  searchText: string;
}

export interface VisitorView {
  id: number;
  no: string;
  name: string;
  phone: string;
  unitId: number | null;
  unitCode: string | null;
  reason: string;
  plate: string;
  companions: number;
  inAt: string;
  outAt: string | null;
  voided: boolean;
  voidReason: string;
  createdByName: string;
}

export interface DailyReport extends DailyCounts {
  day: string;
  generatedAt: string;
  byChannel: { channel: Channel; count: number }[];
  byCategory: { category: Category; count: number }[];
  /** Rows: channels; columns: categories (the paper report's grid). */
  grid: { channel: Channel; counts: Record<Category, number>; total: number }[];
  /** The day's entries, voided ones included and marked, for the report's detail table. */
  entries: EntryRow[];
  /** What the figures count, stated on every form of the report (screen, A4, .xlsx). */
  countRule: string;
}

export interface Handover {
  generatedAt: string;
  operatorName: string;
  open: EntryRow[];
  openVisitors: VisitorView[];
  counts: { open: number; overdue: number; dueSoon: number; majorPending: number };
}

/** A 交班表 stored when it was printed, as the handover view lists them for a reprint. */
export interface HandoverSummary {
  no: string;
  generatedAt: string;
  operatorName: string;
  /** Open entries it listed. */
  open: number;
  /** Jobs printed of it (print_log). */
  prints: number;
}

/** The desk's printed forms (renderer/reception/print/forms.ts): what reception.printed records. */
export const RECEPTION_PRINT_FORMS = ['work-contact-slip', 'reception-daily', 'reception-handover'] as const;
export type ReceptionPrintForm = (typeof RECEPTION_PRINT_FORMS)[number];
/** 交班表 numbers: JJ + office date + 3-digit daily sequence, e.g. JJ20261125001. */
const handoverNo = z.string().trim().max(13, '交班表编号格式不正确').toUpperCase().regex(/^JJ\d{11}$/, '交班表编号格式不正确');

export const logEntryInput = z.strictObject({
  channel: z.enum(CHANNELS),
  category: z.enum(CATEGORIES),
  urgency: z.enum(URGENCIES).default('ordinary'),
  unitId: id().nullable().default(null),
  personId: id().nullable().default(null),
  contactName: text(40).default(''),
  contactPhone: phone.default(''),
  content: requiredText(1000),
  repairScope: z.enum(REPAIR_SCOPES).nullable().default(null),
  /** 被投诉对象 (complaints only). */
  respondent: text(60).default(''),
  handlerStaffId: id().nullable().default(null),
  handlerDepartmentId: id().nullable().default(null),
  /** When the information came in; null = now. May be set back (补登), never ahead. */
  receivedAt: instant.nullable().default(null),
  /** The item's own deadline for the handler, when it has one. */
  ownDueAt: instant.nullable().default(null),
  /** Answered on the spot (an enquiry): logged and closed in one step with this answer. */
  answeredNow: text(500).default(''),
});

export const receptionCommands = {
  'reception.log': defineCommand({
    name: 'reception.log',
    summary: '接待登记：记录来访、来电或内部反馈',
    input: logEntryInput,
    output: returns<EntryDetail>(),
    access: RECEPTION_ROLES,
    writes: true,
    // The unit card lists a unit's open entries with their time left (so do note, escalate, close, reopen, void).
    affects: ['estate'],
  }),
  'reception.get': defineCommand({
    name: 'reception.get',
    summary: '查看一条接待登记（按 id 或登记号）',
    input: z
      .strictObject({ id: id().optional(), no: text(20).optional() })
      .refine((v) => v.id !== undefined || !!v.no, { message: '请给出登记号', path: ['no'] }),
    output: returns<EntryDetail>(),
    access: RECEPTION_ROLES,
    writes: false,
  }),
  'reception.list': defineCommand({
    name: 'reception.list',
    summary: '接待登记列表：按日期、房屋、类别、状态、处理人、时限筛选',
    input: listQuery(['receivedAt', 'nextDueAt'] as const, {
      from: officeDay.optional(),
      to: officeDay.optional(),
      unitId: id().optional(),
      category: z.enum(CATEGORIES).optional(),
      channel: z.enum(CHANNELS).optional(),
      state: z.enum(ENTRY_STATES).optional(),
      handlerStaffId: id().optional(),
      handlerDepartmentId: id().optional(),
      /** overdue: past a deadline now; due_soon: within 即将到期 hours. Both imply open. */
      due: z.enum(['overdue', 'due_soon']).optional(),
      urgency: z.enum(URGENCIES).optional(),
      /** Only entries the signed-in operator logged, handles or had escalated to them. */
      mine: z.boolean().optional(),
      /** Only open entries escalated to the signed-in operator and not yet answered. */
      escalatedToMe: z.boolean().optional(),
    }),
    output: returns<Page<EntryRow>>(),
    access: RECEPTION_ROLES,
    writes: false,
  }),
  'reception.note': defineCommand({
    name: 'reception.note',
    summary: '添加跟进记录（处理人回复、答复业主或备注）',
    input: z.strictObject({ id: id(), kind: z.enum(NOTE_KINDS), text: requiredText(500) }),
    output: returns<EntryDetail>(),
    access: transitionRoles(ENTRY_MACHINE, 'note'),
    writes: true,
    affects: ['estate'],
  }),
  'reception.escalate': defineCommand({
    name: 'reception.escalate',
    summary: '上报上级：处理人无法处理的事项，上报给一位主管或管理员',
    input: z.strictObject({ id: id(), toOperatorId: id(), note: text(500).default('') }),
    output: returns<EntryDetail>(),
    access: transitionRoles(ENTRY_MACHINE, 'escalate'),
    writes: true,
    affects: ['estate'],
  }),
  'reception.superiors': defineCommand({
    name: 'reception.superiors',
    summary: '可以上报的上级（主管和管理员）',
    input: z.strictObject({}),
    output: returns<Superior[]>(),
    access: RECEPTION_ROLES,
    writes: false,
  }),
  'reception.assign': defineCommand({
    name: 'reception.assign',
    summary: '改派处理人或部门',
    input: z.strictObject({
      id: id(),
      handlerStaffId: id().nullable().default(null),
      handlerDepartmentId: id().nullable().default(null),
      note: text(200).default(''),
    }),
    output: returns<EntryDetail>(),
    access: transitionRoles(ENTRY_MACHINE, 'assign'),
    writes: true,
  }),
  'reception.close': defineCommand({
    name: 'reception.close',
    summary: '办结：填写处理结果',
    input: z.strictObject({ id: id(), result: requiredText(500), satisfaction: z.enum(SATISFACTIONS).nullable().default(null) }),
    output: returns<EntryDetail>(),
    access: transitionRoles(ENTRY_MACHINE, 'close'),
    writes: true,
    affects: ['estate'],
  }),
  'reception.reopen': defineCommand({
    name: 'reception.reopen',
    summary: '重新打开已办结的事项（须说明原因）',
    input: z.strictObject({ id: id(), reason: requiredText(200) }),
    output: returns<EntryDetail>(),
    access: transitionRoles(ENTRY_MACHINE, 'reopen'),
    writes: true,
    affects: ['estate'],
  }),
  'reception.void': defineCommand({
    name: 'reception.void',
    summary: '作废登记错误的事项（须说明原因）',
    input: z.strictObject({ id: id(), reason: requiredText(200) }),
    output: returns<EntryDetail>(),
    access: transitionRoles(ENTRY_MACHINE, 'void'),
    writes: true,
    affects: ['estate'],
  }),
  'reception.acknowledge': defineCommand({
    name: 'reception.acknowledge',
    summary: '主管确认已知悉重大事项',
    input: z.strictObject({ id: id(), note: text(200).default('') }),
    output: returns<EntryDetail>(),
    access: transitionRoles(ENTRY_MACHINE, 'acknowledge'),
    writes: true,
  }),
  'reception.printSlip': defineCommand({
    name: 'reception.printSlip',
    summary: '打印工作联系单：按登记号读取（含补打次数与作废标记）',
    input: z.strictObject({ no: requiredText(20) }),
    output: returns<PrintRecord<EntryDetail>>(),
    access: RECEPTION_ROLES,
    writes: false,
  }),
  'reception.printDaily': defineCommand({
    name: 'reception.printDaily',
    summary: '打印客服中心日报表：按日期读取（含补打次数）',
    input: z.strictObject({ day: officeDay }),
    output: returns<PrintRecord<DailyReport>>(),
    access: RECEPTION_ROLES,
    writes: false,
  }),
  'reception.saveHandover': defineCommand({
    name: 'reception.saveHandover',
    summary: '打印交班表：按当前内容存档并编号',
    input: z.strictObject({}),
    output: returns<{ no: string }>(),
    access: RECEPTION_ROLES,
    writes: true,
  }),
  'reception.printHandover': defineCommand({
    name: 'reception.printHandover',
    summary: '打印交班表：按编号读取存档内容（含补打次数）',
    input: z.strictObject({ no: handoverNo }),
    output: returns<PrintRecord<Handover>>(),
    access: RECEPTION_ROLES,
    writes: false,
  }),
  'reception.handovers': defineCommand({
    name: 'reception.handovers',
    summary: '已存档的交班表（最近的在前），供补打',
    input: z.strictObject({}),
    output: returns<HandoverSummary[]>(),
    access: RECEPTION_ROLES,
    writes: false,
  }),
  'reception.printed': defineCommand({
    name: 'reception.printed',
    summary: '记录已打印的单据（打印机报告打印完成后；再次打印为补打）',
    input: z.strictObject({ form: z.enum(RECEPTION_PRINT_FORMS), record: requiredText(60), ...printedJobFields }),
    output: returns<{ prints: number }>(),
    access: RECEPTION_ROLES,
    writes: true,
  }),
  'reception.daily': defineCommand({
    name: 'reception.daily',
    summary: '客服中心日报表',
    input: z.strictObject({ day: officeDay }),
    output: returns<DailyReport>(),
    access: RECEPTION_ROLES,
    writes: false,
  }),
  'reception.handover': defineCommand({
    name: 'reception.handover',
    summary: '交班表：尚未办结的事项和未离开的访客',
    input: z.strictObject({}),
    output: returns<Handover>(),
    access: RECEPTION_ROLES,
    writes: false,
  }),
  'reception.exportReport': defineCommand({
    name: 'reception.exportReport',
    summary: '导出日报表或交班表（Excel）',
    input: z.strictObject({ kind: z.enum(['daily', 'handover']), day: officeDay.optional() }),
    output: returns<{ fileName: string; contentBase64: string }>(),
    access: RECEPTION_ROLES,
    // Residents' names and phones leave the office in the file: audited like a write.
    writes: true,
  }),
  'reception.visitorIn': defineCommand({
    name: 'reception.visitorIn',
    summary: '访客登记：来访',
    input: z.strictObject({
      name: requiredText(40),
      phone: phone.default(''),
      unitId: id().nullable().default(null),
      reason: requiredText(200),
      plate: text(12).default(''),
      companions: z.number().int().min(0).max(50).default(0),
      inAt: instant.nullable().default(null),
    }),
    output: returns<VisitorView>(),
    access: RECEPTION_ROLES,
    writes: true,
  }),
  'reception.visitorOut': defineCommand({
    name: 'reception.visitorOut',
    summary: '访客登记：离开',
    input: z.strictObject({ id: id(), outAt: instant.nullable().default(null) }),
    output: returns<VisitorView>(),
    access: RECEPTION_ROLES,
    writes: true,
  }),
  'reception.voidVisitor': defineCommand({
    name: 'reception.voidVisitor',
    summary: '作废登记错误的访客记录（须说明原因）',
    input: z.strictObject({ id: id(), reason: requiredText(200) }),
    output: returns<VisitorView>(),
    access: RECEPTION_ROLES,
    writes: true,
  }),
  'reception.visitors': defineCommand({
    name: 'reception.visitors',
    summary: '访客列表（默认未离开的在前）',
    input: listQuery(['inAt'] as const, {
      open: z.boolean().optional(),
      from: officeDay.optional(),
      to: officeDay.optional(),
      unitId: id().optional(),
      q: text(40).optional(),
    }),
    output: returns<Page<VisitorView>>(),
    access: RECEPTION_ROLES,
    writes: false,
  }),
  'reception.updateSettings': updateSettingsCommand('reception.updateSettings', receptionSettings),
} as const;
