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
  'estate.overview': {},
  'estate.saveEstate': { name: '阳光花园' },
  'estate.saveBuilding': { estateId: 1, code: '3', name: '3栋' },
  'estate.units': { filters: { buildingId: 1 } },
  'estate.unitCard': { id: 1 },
  'estate.createUnit': { buildingId: 1, entrance: '2', room: '1101', floor: 11, areaDm2: 8950 },
  'estate.updateUnit': { id: 1, buildingId: 1, entrance: '2', room: '1101', state: 'occupied' },
  'estate.savePerson': { person: { name: '张三', mobile: '13812345678', idNumber: '11010519491231002X' } },
  'estate.link': { unitId: 1, personId: 1, role: 'owner' },
  'estate.endLink': { linkId: 1, endDate: '2026-01-31', reason: '过户' },
  'estate.saveVehicle': { plate: '粤B12345', unitId: 1, personId: null },
  'search.counter': { q: '3-2-1101' },
  'estate.generateDemo': {},
  'estate.importTemplate': {},
  'estate.importPreview': { estateId: 1, fileName: 'roster.csv', contentBase64: Buffer.from('楼栋,房号\n3,1101\n').toString('base64') },
  'estate.importCommit': { estateId: 1, fileName: 'roster.csv', contentBase64: Buffer.from('楼栋,房号\n3,1101\n').toString('base64') },
  'estate.exportRoster': {},
  'estate.revealId': { personId: 1, reason: '业主办理产权变更' },
};
