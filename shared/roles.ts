/** The people who sign in. Keys are stored in the database; labels are what users see. */
export const ROLES = ['receptionist', 'key_custodian', 'cashier', 'officer', 'supervisor', 'admin', 'gate_guard'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  receptionist: '前台接待',
  key_custodian: '钥匙管理员',
  cashier: '收费员',
  officer: '客服专员',
  supervisor: '主管',
  admin: '管理员',
  gate_guard: '门岗',
};
