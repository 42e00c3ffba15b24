/**
 * The shell's security policy as plain data, so tests can read it in Node (this file must never
 * import 'electron' at runtime; `import type` is erased by esbuild and tsc).
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

/**
 * The renderer is served from `app://qiantai/…` rather than file://. With file:// every file on
 * the disk shares one origin, so CSP 'self' and same-origin checks would admit any local file;
 * a privileged standard scheme gives the bundle its own origin, lets us serve only files under
 * dist/renderer, and lets us send a real CSP header (frame-ancestors cannot be set by <meta>).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'qiantai';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Privileges for protocol.registerSchemesAsPrivileged (before app 'ready'). */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  // The bundle is ES modules; module scripts need CORS-capable, standard URLs.
  corsEnabled: true,
} as const;

// One policy for the app:// header, browser mode's header and the page's <meta> (shared/csp.ts).
export { CSP_DIRECTIVES, CONTENT_SECURITY_POLICY } from '../shared/csp';

/** Headers on every response of the app:// protocol. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
};

/** True only for our own origin: app://qiantai, no credentials, no port. */
export function isAppUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST && u.port === '' && u.username === '' && u.password === '';
}

/**
 * Map an app:// URL to a file inside `rendererDir`, or null when the URL is not ours or tries to
 * leave the folder (`..`, encoded separators, absolute paths).
 */
export function resolveAppFile(rendererDir: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const rel = pathname.replace(/^\/+/, '') || 'index.html';
  const root = resolve(rendererDir);
  const file = resolve(root, rel);
  const inside = relative(root, file);
  if (!inside || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) return null;
  return file;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
};

/** Module scripts are refused unless served with a JavaScript MIME type. */
export function contentTypeFor(file: string): string {
  const dot = file.lastIndexOf('.');
  const ext = dot >= 0 ? file.slice(dot).toLowerCase() : '';
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

/** Everything the shell refuses, with where it is enforced (main.ts wires each one). */
export const DENIED = [
  { what: 'navigation away from app://qiantai', how: "webContents 'will-navigate' / 'will-frame-navigate'" },
  { what: 'redirects away from app://qiantai', how: "webContents 'will-redirect'" },
  { what: 'new windows (window.open, target=_blank)', how: 'setWindowOpenHandler → deny' },
  { what: 'permission requests (camera, mic, geolocation, notifications…)', how: 'session.setPermissionRequestHandler → false' },
  { what: 'permission checks', how: 'session.setPermissionCheckHandler → false' },
  { what: '<webview> tags', how: "webContents 'will-attach-webview' → preventDefault" },
  { what: 'IPC from any frame but our window’s main frame on app://qiantai', how: 'ipc.ts sender check' },
  { what: 'print jobs and the printer list asked by anyone but our window', how: 'print-jobs.ts sender check' },
  { what: 'writes from a print window (it borrows the sign-in to read only)', how: 'invoke.ts lenders + contract writes flag' },
] as const;

export const WINDOW_TITLE = '物业前台';

/** The one window. Front-desk PCs are often 1366×768; the shell layout needs about 1100×680. */
export function mainWindowOptions(preloadPath: string, options: { devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1366,
    height: 820,
    minWidth: 1100,
    minHeight: 680,
    show: false, // shown on 'ready-to-show': no white flash
    backgroundColor: '#f5f5f5',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Packaged builds have no way to open DevTools (and no menu entry for it).
      devTools: options.devTools,
    },
  };
}

/**
 * The hidden window a print job renders in (print-ipc.ts): the main window's security settings
 * and preload, never shown. Background throttling is off because a hidden page's timers and
 * animation frames (which drive ResizeObserver and font loading) may otherwise stall, and the
 * job waits on them. A4 landscape (297 mm ≈ 1123 px) fits the default size.
 */
export function printWindowOptions(preloadPath: string, options: { devTools: boolean }): BrowserWindowConstructorOptions {
  const main = mainWindowOptions(preloadPath, options);
  return {
    title: main.title,
    width: 1240,
    height: 900,
    show: false,
    skipTaskbar: true,
    backgroundColor: '#ffffff',
    webPreferences: { ...main.webPreferences, backgroundThrottling: false },
  };
}
