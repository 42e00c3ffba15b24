/**
 * The demo office's sign-ins, one per role (`npm run demo` creates them and prints the logins).
 * Real-sounding names: the officer and the supervisor are also in the demo staff directory
 * (db/demo/generate.ts DEMO_STAFF), linked to these accounts.
 */
export const DEMO_OPERATORS = [
  { login: 'admin', displayName: '王建华', role: 'admin', password: 'demo-admin-1' },
  { login: 'qiantai', displayName: '李晓雯', role: 'receptionist', password: 'demo-qiantai-1' },
  { login: 'yaoshi', displayName: '赵国庆', role: 'key_custodian', password: 'demo-yaoshi-1' },
  { login: 'shoufei', displayName: '孙丽娟', role: 'cashier', password: 'demo-shoufei-1' },
  { login: 'kefu', displayName: '周敏', role: 'officer', password: 'demo-kefu-1' },
  { login: 'zhuguan', displayName: '吴涛', role: 'supervisor', password: 'demo-zhuguan-1' },
  { login: 'menggang', displayName: '陈志强', role: 'gate_guard', password: 'demo-menggang-1' },
] as const;

/** The demo office's name, for the header and every print (a real office gives its own at setup). */
export const DEMO_OFFICE_NAME = '阳光花园物业服务中心';
