/** Text of the counter search (前台搜索). */
export const S = {
  title: '前台搜索',
  inputLabel: '前台搜索',
  placeholder: '房号、姓名、拼音首字母、手机尾号、证件尾号或车牌',
  hint: '输入房号（3-2-1101）、姓名、拼音首字母、手机尾号、证件尾号或车牌',
  keysHint: '↑↓ 选择 · Enter 打开 · Esc 关闭',
  empty: '没有找到',
  searching: '正在搜索…',
  resultsLabel: '搜索结果',
  button: '搜索 (F2)',
  shortcut: '前台搜索（房号、姓名、拼音、手机尾号、证件尾号、车牌）',
  noOpener: '这条结果暂时无法打开',
} as const;
