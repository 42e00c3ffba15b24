import { z } from 'zod';
import { defineCommand, returns } from './define';
import { listQuery, type Page } from './paging';
import { text, id } from '../zod-zh';

export interface AuditRow {
  id: number;
  at: string;
  operatorId: number | null;
  operatorName: string | null;
  command: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

const isoDate = z.iso.datetime({ offset: true, message: '时间格式不正确' });

export const auditCommands = {
  'audit.list': defineCommand({
    name: 'audit.list',
    summary: '操作日志',
    input: listQuery(['at', 'command'], {
      command: text(64).optional(),
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
} as const;
