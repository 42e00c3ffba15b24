import { z } from 'zod';
import { defineCommand, returns } from './define';
import { ROLES } from '../roles';
import { requiredText } from '../zod-zh';
import type { Role } from '../roles';
import { officeNameSchema } from './settings';
import { PASSWORD_MAX, PASSWORD_MESSAGES, passwordProblem } from '../password-rule';

/** An operator as the session and the operators list show them. */
export interface OperatorView {
  id: number;
  login: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  createdAt: string;
}

export const loginName = () =>
  z
    .string()
    .trim()
    .min(2, '至少 2 个字')
    .max(32)
    .regex(/^[A-Za-z0-9_.-]+$/, '只能用字母、数字、点、下划线和短横线');
/** A new password: the one rule in shared/password-rule.ts (the forms parse with this schema too). */
export const password = () =>
  z
    .string()
    .max(PASSWORD_MAX, PASSWORD_MESSAGES.tooLong)
    .superRefine((value, ctx) => {
      const problem = passwordProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/**
 * Too many wrong passwords from one signed-in session (unlocking, changing the password) end
 * it. That is an answer, not an error: ending the session must be saved, and an error would
 * roll it back. The renderer shows the message on the login page.
 */
export interface SignedOut {
  signedOut: string;
}

export interface SessionView {
  operator: OperatorView | null;
  /** A signed-in session idle longer than the lock minutes must be unlocked with the password. */
  locked: boolean;
  needsSetup: boolean;
  /** The browser host's setup page must ask for the code printed on its console. */
  setupCodeRequired: boolean;
  lockMinutes: number;
  officeName: string;
}

export const authCommands = {
  'auth.session': defineCommand({
    name: 'auth.session',
    summary: '当前登录状态',
    input: z.strictObject({}),
    output: returns<SessionView>(),
    access: 'public',
    writes: false,
  }),
  'auth.setup': defineCommand({
    name: 'auth.setup',
    summary: '首次启动：创建管理员账号，填写管理处名称',
    input: z.strictObject({
      setupCode: z.string().trim().max(64).optional(),
      displayName: requiredText(32),
      login: loginName(),
      password: password(),
      /** The office's name for the header and every print (the setup page asks for it). */
      officeName: officeNameSchema.optional(),
    }),
    output: returns<{ operator: OperatorView }>(),
    access: 'public',
    writes: true,
  }),
  'auth.login': defineCommand({
    name: 'auth.login',
    summary: '登录',
    input: z.strictObject({ login: z.string().trim().min(1, '请输入账号').max(32), password: z.string().min(1, '请输入密码').max(128) }),
    output: returns<{ operator: OperatorView }>(),
    access: 'public',
    writes: true,
  }),
  'auth.logout': defineCommand({
    name: 'auth.logout',
    summary: '退出登录',
    input: z.strictObject({}),
    output: returns<null>(),
    access: 'signed_in',
    writes: true,
    allowedWhenLocked: true,
  }),
  'auth.lock': defineCommand({
    name: 'auth.lock',
    summary: '锁定屏幕',
    input: z.strictObject({}),
    output: returns<null>(),
    access: 'signed_in',
    writes: true,
    allowedWhenLocked: true,
  }),
  'auth.unlock': defineCommand({
    name: 'auth.unlock',
    summary: '输入密码解锁',
    input: z.strictObject({ password: z.string().min(1, '请输入密码').max(128) }),
    output: returns<{ operator: OperatorView } | SignedOut>(),
    access: 'signed_in',
    writes: true,
    allowedWhenLocked: true,
  }),
  'auth.touch': defineCommand({
    name: 'auth.touch',
    summary: '保持登录（操作员正在使用时由界面定时发送）',
    input: z.strictObject({}),
    output: returns<null>(),
    access: 'signed_in',
    writes: false,
  }),
  'auth.changePassword': defineCommand({
    name: 'auth.changePassword',
    summary: '修改自己的密码',
    input: z.strictObject({ currentPassword: z.string().min(1, '请输入当前密码').max(128), newPassword: password() }),
    /** Null when changed (the operator's other sessions are ended); SignedOut after too many wrong current passwords. */
    output: returns<null | SignedOut>(),
    access: 'signed_in',
    writes: true,
  }),
} as const;

export const roleSchema = z.enum(ROLES);
