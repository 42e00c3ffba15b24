/** Text of the shared components (tables, forms, notifications). */
export const S = {
  forbiddenTitle: '没有权限',
  internalTitle: '系统出错',
  formInvalid: '填写的内容有误，请检查标红的项目',
  tableEmpty: '没有记录',
  tableLoading: '正在加载…',
  tableTotal: (n: number) => `共 ${n} 条`,
  tableRetry: '重新加载',
  retry: '重试',
  back: '返回列表',
  backHint: 'Esc 返回',
  sortAsc: '升序',
  sortDesc: '降序',
  expand: '展开',
  collapse: '收起',
  passwordMismatch: '两次输入的密码不一致',
  confirmPasswordRequired: '请再次输入密码',
} as const;
