/** Text of sign-in, first-run setup and the lock screen. */
export const S = {
  setupTitle: '创建管理员账号',
  setupIntro: '首次使用：请创建第一个管理员账号。之后由管理员为其他同事开设账号。',
  displayName: '显示名称',
  displayNameHelp: '同事和打印单据上看到的姓名',
  loginName: '登录账号',
  loginNameHelp: '字母、数字、点、下划线或短横线',
  password: '密码',
  passwordHelp: '至少 8 位',
  confirmPassword: '确认密码',
  setupCode: '初始化码',
  setupCodeHelp: '初始化码打印在启动本程序服务的窗口（命令行）中，请到那里查看。',
  createAdmin: '创建管理员',
  setupDone: '管理员账号已创建',

  loginTitle: '登录',
  account: '账号',
  login: '登录',
  loginDone: (name: string) => `欢迎，${name}`,

  lockTitle: '屏幕已锁定',
  lockedFor: (name: string) => `${name} 已登录。请输入密码继续使用。`,
  unlock: '解锁',
  switchAccount: '切换账号',
  switchAccountHelp: '退出当前账号，回到登录页',
} as const;
