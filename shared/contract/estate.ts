import { z } from 'zod';
import { defineCommand, returns } from './define';
import { listQuery, type Page } from './paging';
import { id, requiredText, text } from '../zod-zh';
import { checkIdCard, ID_CARD_PROBLEMS } from '../idcard';
import { isMobile, optionalPhone } from '../phone';
import { rolesUsing, rolesWith } from '../permissions';
import { plateNumber } from '../plate';
import { HEADER_SCAN_ROWS, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, ROSTER_COLUMNS, type ImportPreview, type ImportResult } from '../estate-import';
import {
  BUILDING_CODE_HELP,
  ENTRANCE_CODE_HELP,
  GENDERS,
  ID_TYPES,
  LINK_ROLES,
  readBuildingCode,
  readEntranceCode,
  UNIT_STATES,
  UNIT_TYPES,
  type Gender,
  type IdType,
  type LinkRole,
  type UnitState,
  type UnitType,
} from '../estate';

/** 房屋住户: estates, buildings, units, people and their links, vehicles. */

const code = (max: number) =>
  z.string().trim().toUpperCase().min(1, '必填').max(max).regex(/^[0-9A-Z]+$/, '只能是数字或字母');
/** 楼栋编号 as offices write it: 3, 3号楼, 3栋, A座, 一号楼, 3# → 3 / A (see readBuildingCode). */
const buildingCode = requiredText(20)
  .superRefine((typed, ctx) => {
    const reading = readBuildingCode(typed);
    if (!reading) ctx.addIssue({ code: 'custom', message: BUILDING_CODE_HELP });
    else if (reading.entrance) ctx.addIssue({ code: 'custom', message: '楼栋编号不含单元：单元在新增房屋时填写' });
  })
  .transform((typed) => readBuildingCode(typed)?.building ?? typed);
/** 单元: 2, 2单元, 二单元 → 2; blank for buildings without entrances. */
const entranceCode = text(12)
  .superRefine((typed, ctx) => {
    if (readEntranceCode(typed) === null) ctx.addIssue({ code: 'custom', message: ENTRANCE_CODE_HELP });
  })
  .transform((typed) => readEntranceCode(typed) ?? typed);
const dateOnly = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
/** Area in 0.01 m² (1 dm²): 89.50 m² is 8950. Ten thousand m² is far beyond any unit. */
const areaDm2 = z.number().int('面积最多两位小数').min(1, '面积必须大于 0').max(1_000_000, '面积不合理（超过 10000 平方米）');
const LANDLINE_IN_MOBILE = '这是固定电话；“其他电话”已填写，请在这里填手机号或留空';

/**
 * A person: a landline typed in 手机 is still a good number, so it is kept as the other phone
 * (the box people fill first is 手机, whatever number they have); only when 其他电话 already
 * holds a different number is the clerk asked to choose.
 */
export const personInput = z
  .strictObject({
    name: requiredText(40),
    gender: z.enum(GENDERS).nullable().default(null),
    mobile: optionalPhone,
    otherPhone: optionalPhone,
    idType: z.enum(ID_TYPES).default('resident_id'),
    /** Omitted: keep the number on file (the UI only ever sees it masked); null: clear it. */
    idNumber: z.string().trim().toUpperCase().max(40).nullable().optional(),
    notes: text(500).default(''),
  })
  .superRefine((p, ctx) => {
    if (p.idNumber && p.idType === 'resident_id') {
      const problem = checkIdCard(p.idNumber);
      if (problem) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: ID_CARD_PROBLEMS[problem] });
    }
    if (p.mobile && !isMobile(p.mobile) && p.otherPhone && p.otherPhone !== p.mobile) {
      ctx.addIssue({ code: 'custom', path: ['mobile'], message: LANDLINE_IN_MOBILE });
    }
  })
  .transform((p) => (p.mobile && !isMobile(p.mobile) ? { ...p, mobile: null, otherPhone: p.mobile } : p));

export interface BuildingView {
  id: number;
  estateId: number;
  code: string;
  name: string;
  floors: number | null;
  entrances: string[];
  unitCount: number;
}

export interface EstateView {
  id: number;
  name: string;
  buildings: BuildingView[];
}

export interface UnitRow {
  id: number;
  code: string;
  buildingId: number;
  buildingName: string;
  entrance: string;
  room: string;
  floor: number | null;
  areaDm2: number | null;
  type: UnitType;
  state: UnitState;
  owners: string;
}

export interface PersonView {
  id: number;
  name: string;
  gender: Gender | null;
  /** Masked unless the operator's role sees mobiles (shared/permissions.ts). */
  mobile: string | null;
  otherPhone: string | null;
  idType: IdType;
  /** Always masked; the full number only through estate.revealId. */
  idNumberMasked: string;
  notes: string;
}

export interface LinkView {
  linkId: number;
  role: LinkRole;
  startDate: string | null;
  endDate: string | null;
  person: PersonView;
}

export interface VehicleView {
  id: number;
  plate: string;
  unitId: number | null;
  personId: number | null;
  personName: string | null;
  notes: string;
}

export interface StateChange {
  at: string;
  from: UnitState | null;
  to: UnitState;
  operatorName: string | null;
  reason: string;
}

/** What estate.generateDemo made: the estate, then each desk's part of the demo office. */
export interface DemoResult {
  estateId: number;
  buildings: number;
  units: number;
  people: number;
  vehicles: number;
  desks: { desk: string; label: string; count: number }[];
}

/** What each later desk shows on the unit card (open repairs, keys out, passes, unpaid bills). */
export interface OpenItemGroup {
  desk: string;
  label: string;
  items: { id: string; title: string; detail: string; at: string }[];
}

export interface UnitCard {
  unit: UnitRow & { notes: string; estateName: string };
  people: LinkView[];
  vehicles: VehicleView[];
  history: StateChange[];
  openItems: OpenItemGroup[];
}

const unitFields = {
  buildingId: id(),
  entrance: entranceCode.default(''),
  room: code(8),
  floor: z.number().int().min(-10, '楼层不合理').max(200, '楼层不合理').nullable().default(null),
  areaDm2: areaDm2.nullable().default(null),
  type: z.enum(UNIT_TYPES).default('residential'),
  state: z.enum(UNIT_STATES).default('unsold'),
  notes: text(500).default(''),
};

/**
 * Roles that register people at the counter: the front desk's (those working at 接待登记). Who sees mobiles and ID numbers in full is a
 * separate rule (shared/permissions.ts): every counter role sees mobiles, none but supervisors and
 * admins may see full ID numbers.
 */
export const COUNTER_ROLES = rolesUsing('reception');
/** Who reads units and people: every role but the gate guard, whose screen is the gate's alone. */
export const ESTATE_READERS = rolesUsing('estate');
export const ESTATE_EDITORS = rolesWith('editsEstate');

const rosterFields = ROSTER_COLUMNS.map((c) => c.key) as [(typeof ROSTER_COLUMNS)[number]['key'], ...(typeof ROSTER_COLUMNS)[number]['key'][]];
const rosterFile = {
  estateId: id(),
  fileName: requiredText(200),
  /** The file's bytes, base64; .xlsx or .csv (UTF-8 or GBK). */
  contentBase64: z
    .string()
    .max(Math.ceil(IMPORT_MAX_BYTES / 3) * 4, '文件太大（最大 10 MB）')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容不正确'),
  /** Template column → the file's header; omitted columns are guessed from the headers. */
  mapping: z.partialRecord(z.enum(rosterFields), text(100).nullable()).default({}),
  /** The sheet row holding the header; omitted: found by itself among the top rows. */
  headerRow: z.number().int().min(1).max(IMPORT_MAX_ROWS + HEADER_SCAN_ROWS).optional(),
};
const IMPORT_LIMIT = Math.ceil(IMPORT_MAX_BYTES / 3) * 4 + 64 * 1024;

export const estateCommands = {
  'estate.overview': defineCommand({
    name: 'estate.overview',
    summary: '项目与楼栋',
    input: z.strictObject({}),
    output: returns<EstateView[]>(),
    access: ESTATE_READERS,
    writes: false,
  }),
  'estate.saveEstate': defineCommand({
    name: 'estate.saveEstate',
    summary: '新增或修改项目（小区）',
    input: z.strictObject({ id: id().optional(), name: requiredText(60) }),
    output: returns<{ id: number }>(),
    access: ['supervisor', 'admin'],
    writes: true,
  }),
  'estate.saveBuilding': defineCommand({
    name: 'estate.saveBuilding',
    summary: '新增或修改楼栋',
    input: z.strictObject({
      id: id().optional(),
      estateId: id(),
      code: buildingCode,
      name: text(30).default(''),
      floors: z.number().int().min(1).max(200).nullable().default(null),
    }),
    output: returns<{ id: number }>(),
    access: ESTATE_EDITORS,
    writes: true,
  }),
  'estate.units': defineCommand({
    name: 'estate.units',
    summary: '房屋列表',
    input: listQuery(['code', 'floor', 'areaDm2', 'state'], {
      estateId: id().optional(),
      buildingId: id().optional(),
      entrance: text(8).optional(),
      state: z.enum(UNIT_STATES).optional(),
      type: z.enum(UNIT_TYPES).optional(),
      search: text(40).optional(),
    }),
    output: returns<Page<UnitRow>>(),
    access: ESTATE_READERS,
    writes: false,
  }),
  'estate.unitCard': defineCommand({
    name: 'estate.unitCard',
    summary: '房屋卡片',
    input: z.strictObject({ id: id() }),
    output: returns<UnitCard>(),
    access: ESTATE_READERS,
    writes: false,
  }),
  'estate.createUnit': defineCommand({
    name: 'estate.createUnit',
    summary: '新增房屋',
    input: z.strictObject(unitFields),
    output: returns<{ id: number; code: string }>(),
    access: ESTATE_EDITORS,
    writes: true,
  }),
  'estate.updateUnit': defineCommand({
    name: 'estate.updateUnit',
    summary: '修改房屋',
    input: z.strictObject({ id: id(), ...unitFields, stateReason: text(200).default('') }),
    output: returns<{ id: number; code: string }>(),
    access: ESTATE_EDITORS,
    writes: true,
    // Entries and visitors show the unit's code, read when they are shown.
    affects: ['reception'],
  }),
  'estate.savePerson': defineCommand({
    name: 'estate.savePerson',
    summary: '新增或修改住户资料',
    input: z.strictObject({ id: id().optional(), person: personInput }),
    output: returns<PersonView>(),
    access: COUNTER_ROLES,
    writes: true,
  }),
  'estate.link': defineCommand({
    name: 'estate.link',
    summary: '把住户登记到房屋（业主、家庭成员、租户、代理人）',
    input: z.strictObject({
      unitId: id(),
      personId: id(),
      role: z.enum(LINK_ROLES),
      startDate: dateOnly.nullable().default(null),
    }),
    output: returns<{ linkId: number }>(),
    access: COUNTER_ROLES,
    writes: true,
  }),
  'estate.endLink': defineCommand({
    name: 'estate.endLink',
    summary: '结束住户与房屋的关系（迁出、过户、租约到期）',
    input: z.strictObject({ linkId: id(), endDate: dateOnly, reason: requiredText(200) }),
    output: returns<null>(),
    access: COUNTER_ROLES,
    writes: true,
  }),
  'estate.saveVehicle': defineCommand({
    name: 'estate.saveVehicle',
    summary: '登记或修改车辆',
    input: z.strictObject({
      id: id().optional(),
      plate: plateNumber,
      unitId: id().nullable(),
      personId: id().nullable(),
      notes: text(200).default(''),
    }),
    output: returns<VehicleView>(),
    access: COUNTER_ROLES,
    writes: true,
  }),
  'estate.importTemplate': defineCommand({
    name: 'estate.importTemplate',
    summary: '下载业主名册导入模板',
    input: z.strictObject({}),
    output: returns<{ fileName: string; contentBase64: string }>(),
    access: ESTATE_EDITORS,
    writes: false,
  }),
  'estate.importPreview': defineCommand({
    name: 'estate.importPreview',
    summary: '预览业主名册导入（逐行检查，不保存）',
    input: z.strictObject(rosterFile),
    output: returns<ImportPreview>(),
    access: ESTATE_EDITORS,
    writes: false,
    inputLimitBytes: IMPORT_LIMIT,
  }),
  'estate.importCommit': defineCommand({
    name: 'estate.importCommit',
    summary: '导入业主名册中的有效行',
    input: z.strictObject(rosterFile),
    output: returns<ImportResult>(),
    access: ESTATE_EDITORS,
    writes: true,
    inputLimitBytes: IMPORT_LIMIT,
  }),
  'estate.importProblems': defineCommand({
    name: 'estate.importProblems',
    summary: '下载业主名册中有问题的行（Excel，附问题说明）',
    input: z.strictObject(rosterFile),
    output: returns<{ fileName: string; contentBase64: string; rows: number }>(),
    access: ESTATE_EDITORS,
    writes: false,
    inputLimitBytes: IMPORT_LIMIT,
  }),
  'estate.exportRoster': defineCommand({
    name: 'estate.exportRoster',
    summary: '导出房屋与住户（Excel）',
    input: z.strictObject({
      estateId: id().optional(),
      buildingId: id().optional(),
      /** Supervisors and admins may export full ID numbers; the export is then audited. */
      fullIdNumbers: z.boolean().default(false),
    }),
    output: returns<{ fileName: string; contentBase64: string; rows: number }>(),
    access: ESTATE_EDITORS,
    writes: true,
  }),
  'estate.generateDemo': defineCommand({
    name: 'estate.generateDemo',
    summary: '生成演示小区（仅限空数据库）',
    input: z.strictObject({}),
    output: returns<DemoResult>(),
    access: ['admin'],
    writes: true,
    // A month of settled reception log and the staff directory come with the demo estate.
    affects: ['reception', 'staff'],
  }),
  'estate.revealId': defineCommand({
    name: 'estate.revealId',
    summary: '查看完整证件号（记入操作日志）',
    input: z.strictObject({ personId: id(), reason: requiredText(100) }),
    output: returns<{ idNumber: string }>(),
    access: rolesWith('mayRevealIds'),
    writes: true,
  }),
} as const;
