import { z } from 'zod';
import { defineCommand, returns } from './define';
import { listQuery, type Page } from './paging';
import { requiredText, id, text } from '../zod-zh';
import { loginName, password, roleSchema, type OperatorView } from './auth';

// Declared with the session, which names the signed-in operator; the operators desk lists them.
export type { OperatorView } from './auth';

/** A row of the operators list: the operator, and whether signing in is being slowed for them. */
export interface OperatorListRow extends OperatorView {
  /**
   * Seconds until wrong passwords stop slowing this login at clients it has not signed in from
   * (0 = not slowed). An admin may clear it (operators.clearLockout).
   */
  loginWaitSeconds: number;
}

const roles = z.array(roleSchema).min(1, '至少选择一个角色').max(6);

export const operatorCommands = {
  'operators.list': defineCommand({
    name: 'operators.list',
    summary: '操作员列表',
    input: listQuery(['login', 'displayName', 'createdAt'], {
      search: text(32).optional(),
      role: roleSchema.optional(),
      includeDisabled: z.boolean().optional(),
    }),
    output: returns<Page<OperatorListRow>>(),
    access: ['admin'],
    writes: false,
  }),
  'operators.create': defineCommand({
    name: 'operators.create',
    summary: '新增操作员',
    input: z.strictObject({ displayName: requiredText(32), login: loginName(), password: password(), roles }),
    output: returns<OperatorView>(),
    access: ['admin'],
    writes: true,
    // The 上报 picker lists the supervisors and admins by name (so do update and setDisabled).
    affects: ['reception'],
  }),
  'operators.update': defineCommand({
    name: 'operators.update',
    summary: '修改操作员姓名和角色',
    input: z.strictObject({ id: id(), displayName: requiredText(32), roles }),
    output: returns<OperatorView>(),
    access: ['admin'],
    writes: true,
    affects: ['reception'],
  }),
  'operators.setDisabled': defineCommand({
    name: 'operators.setDisabled',
    summary: '停用或启用操作员（历史记录保留）',
    input: z.strictObject({ id: id(), disabled: z.boolean(), reason: requiredText(200) }),
    output: returns<OperatorView>(),
    access: ['admin'],
    writes: true,
    affects: ['reception'],
  }),
  'operators.resetPassword': defineCommand({
    name: 'operators.resetPassword',
    summary: '重置操作员密码',
    input: z.strictObject({ id: id(), password: password() }),
    output: returns<null>(),
    access: ['admin'],
    writes: true,
  }),
  'operators.clearLockout': defineCommand({
    name: 'operators.clearLockout',
    summary: '解除账号的登录限制（密码错误次数过多）',
    input: z.strictObject({ id: id() }),
    output: returns<null>(),
    access: ['admin'],
    writes: true,
  }),
} as const;
