/** Shell-wide text. Each desk keeps its own strings.ts next to its components. */
export const S = {
  appName: '物业前台',
  loading: '正在连接本机服务…',
  retry: '重试',
  bootFailed: '无法读取登录状态',
  lock: '锁屏',
  logout: '退出登录',
  shortcuts: '快捷键',
  shortcutsTitle: '快捷键',
  shortcutKey: '按键',
  shortcutAction: '作用',
  deskComing: (title: string) => `${title}即将上线`,
  deskComingSub: '这个工作台将在后续版本中提供。',
  deskComingTag: '即将上线',
  deskBadge: (n: number) => `${n} 项待处理`,
  deskSwitch: (title: string) => `切换到「${title}」`,
  menuLabel: '工作台',
  signedInAs: '当前操作员',
  close: '关闭',
} as const;

/** Descriptions in the shortcut registry (renderer/shortcuts.ts). */
export const SHORTCUT_TEXT = {
  desk: '按侧边栏顺序切换工作台',
  lock: '立即锁屏',
  help: '打开本帮助',
  close: '关闭当前对话框',
  tableMove: '在列表中上下移动（先点一下列表或用 Tab 键进入）',
  tableOpen: '打开列表中选中的一行',
  deskListTitle: '工作台',
} as const;
