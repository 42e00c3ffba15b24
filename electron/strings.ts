/** Chinese text the desktop shell itself says about printing (the page's own text is in renderer/print/strings.ts). */
export const PS = {
  badRequest: '打印请求的内容有误',
  readyTimeout: (seconds: number) => `打印页面在 ${seconds} 秒内没有准备好，未打印。请重试；如果仍然如此，请联系管理员。`,
  pageError: (message: string) => `无法打印：${message}`,
  signedOut: '登录已失效或屏幕已锁定，请重新登录后再打印。',
  unknownForm: (key: string) => `没有这种单据：${key}`,
  printerMissing: (name: string) => `找不到打印机「${name}」。请检查打印机是否已连接并开机，或到“设置 → 打印”重新选择。`,
  printFailed: (reason: string) => `打印失败：${reason}。请检查打印机后重试。`,
  unknownReason: '原因不明',
  pdfFailed: '生成 PDF 失败，请重试。',
  writeFailed: (reason: string) => `PDF 无法保存到所选位置：${reason}`,
  printersFailed: '无法读取本机的打印机列表。',
  printWindowReadOnly: '打印窗口只能读取数据',
  internal: '打印时系统出错（详情已记入日志）。请重试；如果仍然出错，请联系管理员。',
  saveTitle: '另存为 PDF',
  pdfFilter: 'PDF 文件',
} as const;
