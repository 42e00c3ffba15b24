/**
 * The application menu as data (no runtime 'electron' import, so tests can read it).
 * Minimal on purpose: the desk UI has its own navigation. Zoom stays in every build because
 * front-desk staff often need larger text; reload and DevTools are for development only.
 */
import type { MenuItemConstructorOptions } from 'electron';

export function menuTemplate(options: { dev: boolean; onAbout: () => void }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { role: 'resetZoom', label: '实际大小' },
  ];
  if (options.dev) {
    view.push(
      { type: 'separator' },
      { role: 'reload', label: '重新加载' },
      { role: 'toggleDevTools', label: '开发者工具' },
    );
  }
  return [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '帮助', submenu: [{ label: '关于物业前台', click: () => options.onAbout() }] },
  ];
}
