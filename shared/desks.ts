/**
 * The desks of the app in sidebar order, with their Chinese names. Who works at each one is in
 * shared/permissions.ts; what each one does is its module (db/desks.ts, renderer/desks.ts).
 * The product's desks are fixed by its design, so the list names the ones still to be built too:
 * the sidebar shows them as 即将上线 until their module is listed.
 */
export const DESKS = [
  { key: 'reception', title: '接待登记' },
  { key: 'repairs', title: '报修派工' },
  { key: 'keys', title: '钥匙管理' },
  { key: 'passes', title: '物品放行' },
  { key: 'fees', title: '收费' },
  { key: 'estate', title: '房屋住户' },
  { key: 'reports', title: '报表' },
  { key: 'settings', title: '设置' },
] as const satisfies readonly { key: string; title: string }[];

export type DeskKey = (typeof DESKS)[number]['key'];
export const DESK_KEYS = DESKS.map((d) => d.key) as DeskKey[];

export const DESK_TITLES = Object.fromEntries(DESKS.map((d) => [d.key, d.title])) as Record<DeskKey, string>;

export function isDeskKey(key: string): key is DeskKey {
  return (DESK_KEYS as string[]).includes(key);
}
