/**
 * The Electron main process: one window, one database, the command channel and the print
 * channels (plus a hidden window per print job). Everything that can be decided without Electron
 * lives in security.ts / paths.ts / invoke.ts / print-jobs.ts / menu.ts (tested in Node).
 */
import { app, BrowserWindow, dialog, Menu, session, type WebContents } from 'electron';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openApp, type App } from '../db/app';
import { DatabaseTooNewError } from '../db/migrate';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createSessionLenders } from './invoke';
import { registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { registerPrintIpc } from './print-ipc';
import { appRootFromBundle, dataLayout, nativeBindingPath, preloadPath, rendererDir, userDataOverride } from './paths';
import { APP_INDEX_URL, isAppUrl, mainWindowOptions } from './security';

const APP_ID = 'cn.wuye.qiantai';
const dev = !app.isPackaged;
const appRoot = appRootFromBundle(__dirname);

const userDataDir = userDataOverride(process.env);
if (userDataDir) app.setPath('userData', userDataDir);

registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // A second launch only brings the running window forward (see 'second-instance').
  app.quit();
} else {
  start();
}

function start(): void {
  let win: BrowserWindow | null = null;
  let backend: App | null = null;
  let closing = false;

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });

  app.on('web-contents-created', (_event, contents) => harden(contents));

  app.on('window-all-closed', () => app.quit());

  app.on('before-quit', (event) => {
    if (!backend || closing) return;
    // Close SQLite cleanly (WAL checkpoint) before the process goes.
    event.preventDefault();
    closing = true;
    const b = backend;
    backend = null;
    b.close()
      .catch(() => undefined)
      .finally(() => app.quit());
  });

  void app.whenReady().then(async () => {
    if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
    denyPermissions();
    serveRenderer(session.defaultSession, rendererDir(appRoot));

    try {
      backend = await openBackend();
    } catch (e) {
      showStartupError(e);
      app.exit(1);
      return;
    }

    // Print windows borrow the main window's sign-in to read the record they print.
    const lenders = createSessionLenders();
    registerIpc({ dispatcher: backend.dispatcher, log: backend.log, window: () => win, lenders });
    registerPrintIpc({ window: () => win, preload: preloadPath(__dirname), devTools: dev, lenders, log: backend.log });
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ dev, onAbout: () => void showAbout(win) })));

    win = new BrowserWindow(mainWindowOptions(preloadPath(__dirname), { devTools: dev }));
    win.once('ready-to-show', () => win?.show());
    win.on('closed', () => {
      win = null;
    });
    await win.loadURL(APP_INDEX_URL);
  });
}

async function openBackend(): Promise<App> {
  const layout = dataLayout(app.getPath('userData'));
  mkdirSync(dirname(layout.dbPath), { recursive: true });
  const nativeBinding = nativeBindingPath({ packaged: app.isPackaged, resourcesPath: process.resourcesPath, appRoot });
  if (!existsSync(nativeBinding)) throw new NativeModuleMissing(nativeBinding);
  return openApp({ ...layout, nativeBinding, setup: 'trusted' });
}

class NativeModuleMissing extends Error {
  constructor(readonly path: string) {
    super(
      dev
        ? `未找到 Electron 版 SQLite 模块：${path}\n请先运行 node electron/native/build-native.mjs（npm start 会自动运行）。`
        : `程序文件不完整（缺少 ${path}），请重新安装物业前台。`,
    );
  }
}

function showStartupError(e: unknown): void {
  if (e instanceof DatabaseTooNewError || e instanceof NativeModuleMissing) {
    dialog.showErrorBox('物业前台无法启动', e.message);
    return;
  }
  const detail = e instanceof Error ? e.message : String(e);
  dialog.showErrorBox('物业前台无法启动', `打开数据库时出错，程序将退出。\n\n${detail}`);
}

/** Every webContents, including any we never meant to create: stay on app://qiantai. */
function harden(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** A front-desk app needs no camera, microphone, location, notifications, HID, USB or serial. */
function denyPermissions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

async function showAbout(win: BrowserWindow | null): Promise<void> {
  const options = {
    type: 'info' as const,
    title: '关于物业前台',
    message: `物业前台 ${app.getVersion()}`,
    detail: `物业管理处前台桌面应用\n数据文件夹：${app.getPath('userData')}\nElectron ${process.versions.electron}`,
    buttons: ['确定'],
  };
  await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}
