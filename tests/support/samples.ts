import type { CommandInput, CommandName } from '../../shared/contract';

/**
 * One valid input per command. Typed over every command name, so a new command without a
 * sample fails to compile — and so is covered by the contract tests (roles, validation).
 */
export const SAMPLE_INPUTS: { [N in CommandName]: CommandInput<N> } = {
  'auth.session': {},
  'auth.setup': { displayName: '管理员', login: 'root2', password: 'long-enough-1' },
  'auth.login': { login: 'nobody', password: 'whatever-1' },
  'auth.logout': {},
  'auth.lock': {},
  'auth.unlock': { password: 'whatever-1' },
  'auth.touch': {},
  'auth.changePassword': { currentPassword: 'whatever-1', newPassword: 'another-pass-2' },
  'operators.list': { page: 1, pageSize: 20, filters: {} },
  'operators.create': { displayName: '李四', login: 'lisi', password: 'lisi-pass-1', roles: ['cashier'] },
  'operators.update': { id: 1, displayName: '王管理', roles: ['admin'] },
  'operators.setDisabled': { id: 1, disabled: true, reason: '离职' },
  'operators.resetPassword': { id: 1, password: 'reset-pass-1' },
  'settings.get': {},
  'settings.update': { lockMinutes: 15 },
  'audit.list': { page: 1, pageSize: 20, filters: {} },
};
