import { z } from 'zod';
import { defineCommand, deskOf, returns } from './define';
import { listQuery, type Page } from './paging';
import { text, id } from '../zod-zh';
import { DESK_CONTRACTS } from './desks';
import { DESK_TITLES } from '../desks';

/**
 * The desks of the audit log's filter. A command's desk is the part of its name before the dot
 * (`reception.void` → reception); every area that writes has a Chinese name here (checked by
 * tests/db/audit.test.ts).
 */
const CORE_AUDIT_DESKS = {
  auth: '登录与密码',
  operators: '操作员',
  settings: '系统设置',
  staff: '员工与部门',
} as const;
type ListedDesk = (typeof DESK_CONTRACTS)[number]['desk'];
/** The core's areas, then each listed desk under its sidebar name (shared/desks.ts). */
export const AUDIT_DESKS = {
  ...CORE_AUDIT_DESKS,
  ...(Object.fromEntries(DESK_CONTRACTS.map((c) => [c.desk, DESK_TITLES[c.desk]])) as Record<ListedDesk, string>),
} as Record<keyof typeof CORE_AUDIT_DESKS | ListedDesk, string>;
export type AuditDesk = keyof typeof AUDIT_DESKS;
export const AUDIT_DESK_KEYS = Object.keys(AUDIT_DESKS) as [AuditDesk, ...AuditDesk[]];

export function auditDeskOf(command: string): string {
  return deskOf(command);
}

/**
 * One line of the operation log as a person reads it: the command's Chinese summary, the kind of
 * record in Chinese and the record's own number or name (JD…, the unit code, the person's name,
 * the operator's login), resolved on the server. The raw names stay for the detail view; what
 * the server stored before/after is shown with ID numbers and phone numbers masked.
 */
export interface AuditRow {
  id: number;
  at: string;
  operatorId: number | null;
  operatorName: string | null;
  operatorLogin: string | null;
  /** The second person who approved the command (dual control), or null. */
  approverId: number | null;
  approverName: string | null;
  command: string;
  /** The command's Chinese summary from the contract (the raw name when it is no longer known). */
  commandSummary: string;
  /** The desk's Chinese name (see AUDIT_DESKS). */
  desk: string;
  entity: string;
  /** The kind of record in Chinese (see db/audit/entities.ts). */
  entityLabel: string;
  entityId: string | null;
  /** The record's own number or name; null when it has none (settings) or cannot be found. */
  record: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditOperator {
  id: number;
  displayName: string;
  login: string;
}

const isoDate = z.iso.datetime({ offset: true, message: '时间格式不正确' });

export const auditCommands = {
  'audit.list': defineCommand({
    name: 'audit.list',
    summary: '操作日志',
    input: listQuery(['at', 'command'], {
      command: text(64).optional(),
      desk: z.enum(AUDIT_DESK_KEYS).optional(),
      entity: text(64).optional(),
      entityId: text(64).optional(),
      operatorId: id().optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
    }),
    output: returns<Page<AuditRow>>(),
    access: ['supervisor', 'admin'],
    writes: false,
  }),
  'audit.operators': defineCommand({
    name: 'audit.operators',
    summary: '操作日志：可筛选的操作员（含已停用）',
    input: z.strictObject({}),
    output: returns<AuditOperator[]>(),
    access: ['supervisor', 'admin'],
    writes: false,
  }),
} as const;
