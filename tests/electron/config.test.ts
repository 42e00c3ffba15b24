/**
 * The Electron shell's configuration as data. The Electron binary is not available on every
 * machine (nor on CI), so everything that can be decided without it is checked here, in Node.
 *
 * Much of this file RESTATES CONFIGURATION: it reads a value back from the file or function that
 * sets it, which guards against an accidental edit but proves nothing about behaviour. Those
 * blocks say so in their names ("[restates configuration]") and name the real check beside them,
 * or why there is none. Blocks marked "[stand-in …]" run real code against a stand-in for Electron.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import Module, { builtinModules, createRequire } from 'node:module';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { COMMAND_NAMES } from '../../shared/contract';
import { META_CONTENT_SECURITY_POLICY } from '../../shared/csp';
import viteConfig from '../../vite.config';
import {
  APP_INDEX_URL,
  CONTENT_SECURITY_POLICY,
  CSP_DIRECTIVES,
  DENIED,
  contentTypeFor,
  isAppUrl,
  mainWindowOptions,
  printWindowOptions,
  resolveAppFile,
} from '../../electron/security';
import {
  dataLayout,
  electronBinaryPath,
  nativeBindingPath,
  appRootFromBundle,
  preloadPath,
  rendererDir,
  userDataOverride,
  USER_DATA_ENV,
} from '../../electron/paths';
import { BRIDGE_FUNCTIONS, buildAllowList, CHANNELS, createBridge, INVOKE_CHANNEL, PRINTERS_CHANNEL, PRINT_CHANNEL, SAVE_PDF_CHANNEL } from '../../electron/bridge';
import { S as PRINT_TEXT } from '../../renderer/print/strings';
import { menuTemplate } from '../../electron/menu';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface BuilderConfig {
  appId: string;
  productName: string;
  npmRebuild: boolean;
  asar: boolean;
  asarUnpack: string[];
  files: string[];
  extraResources: { from: string; to: string }[];
  directories: { output: string; buildResources?: string };
  win: { icon?: string; target: { target: string; arch: string[] }[] };
  nsis: Record<string, unknown>;
  linux: { icon?: string; target: string[]; category: string; maintainer?: string };
  deb?: { maintainer?: string };
  electronFuses?: Record<string, boolean>;
}

const builder = parseYaml(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

// No real check beside the packaging values: that is `npm run dist`, which needs Electron's
// binary and headers (not on this machine or CI). The schema check is real: electron-builder's
// own validator, the first thing `electron-builder` runs.
describe('[restates configuration] electron-builder.yml', () => {
  it('real check: electron-builder’s own validator accepts it, and refuses a misspelt key', async () => {
    // app-builder-lib comes with electron-builder; its validator is what `electron-builder` runs first.
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(c: unknown, log: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    const logger = { isEnabled: false, add() {} };
    await expect(validateConfiguration(builder, logger)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...builder, nsis: { ...builder.nsis, langauge: '2052' } }, logger)).rejects.toThrow();
  });

  it('names the app and writes to release/', () => {
    expect(builder.appId).toBe('cn.wuye.qiantai');
    expect(builder.productName).toBe('物业前台');
    expect(builder.directories.output).toBe('release');
  });

  it('never rebuilds node_modules’ better-sqlite3 and ships our Electron-ABI binary instead', () => {
    expect(builder.npmRebuild).toBe(false);
    expect(builder.extraResources).toContainEqual({ from: '.electron-native/better_sqlite3.node', to: 'native/better_sqlite3.node' });
    // …at exactly the place main.ts looks for it when packaged
    expect(nativeBindingPath({ packaged: true, resourcesPath: '/res', appRoot: '/x' })).toBe(join('/res', 'native', 'better_sqlite3.node'));
  });

  it('packs into asar but unpacks native modules', () => {
    expect(builder.asar).toBe(true);
    expect(builder.asarUnpack).toContain('**/*.node');
    expect(builder.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });

  it('packs the built app, not the sources', () => {
    expect(builder.files).toContain('dist/**/*');
    expect(builder.files).toContain('package.json');
    expect(builder.files.filter((f) => !f.startsWith('!')).every((f) => f.startsWith('dist/') || f === 'package.json')).toBe(true);
  });

  it('builds a Chinese NSIS installer for Windows x64 that lets the office choose the folder', () => {
    expect(builder.win.target).toContainEqual({ target: 'nsis', arch: ['x64'] });
    expect(builder.nsis.oneClick).toBe(false);
    expect(builder.nsis.allowToChangeInstallationDirectory).toBe(true);
    expect(builder.nsis.installerLanguages).toEqual(['zh_CN']);
    expect(String(builder.nsis.language)).toBe('2052');
    expect(builder.nsis.createDesktopShortcut).toBe(true);
    expect(builder.nsis.createStartMenuShortcut).toBe(true);
    expect(builder.nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('builds AppImage and deb for Linux', () => {
    expect(builder.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(builder.linux.category).toBe('Office');
    expect(builder.deb?.maintainer ?? builder.linux.maintainer).toMatch(/<.+@.+>/);
  });

  it('turns off the fuses that let a packaged app run as plain Node, and turns on asar integrity and cookie encryption', () => {
    expect(builder.electronFuses?.runAsNode).toBe(false);
    expect(builder.electronFuses?.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(builder.electronFuses?.enableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(builder.electronFuses?.enableCookieEncryption).toBe(true);
  });

  it('pins one Electron major, and the installed copy is of that major', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const range = pkg.devDependencies.electron!;
    // Caret on a major ≥ 1 moves only within that major; supported lines are the newest three,
    // so the README says how to move the pin when a new major comes out.
    const pinned = /^\^(\d+)\.\d+\.\d+$/.exec(range);
    expect(pinned, range).not.toBeNull();
    expect(Number(pinned![1])).toBeGreaterThanOrEqual(45);
    const installed = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
    expect(installed.version.split('.')[0]).toBe(pinned![1]);
  });

  it('takes the app icons from resources/: a 512 px PNG for Linux, an ICO with a 256 px image for Windows and its installer', () => {
    expect(builder.win.icon).toBe('resources/icon.ico');
    expect(builder.nsis.installerIcon).toBe('resources/icon.ico');
    expect(builder.linux.icon).toBe('resources/icon.png');
    const png = readFileSync(join(root, 'resources', 'icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    const ico = readFileSync(join(root, 'resources', 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('packs no source maps, whatever a build left in dist/', () => {
    expect(builder.files).toContain('!**/*.map');
  });
});

// Real checks beside: main-wiring.test.ts hands these options to a stand-in BrowserWindow from the
// built main.cjs; tests/e2e/electron.spec.ts sees no Node and only the bridge in real Electron
// (skipped, saying why, without its binary); tests/e2e/foundation.spec.ts sees browser mode's
// CSP refuse an inline script.
describe('[restates configuration] window options and content security policy', () => {
  const options = mainWindowOptions('/app/dist/electron/preload.cjs', { devTools: false });
  const web = options.webPreferences ?? {};

  it('isolates and sandboxes the renderer', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webSecurity).not.toBe(false);
    expect(web.allowRunningInsecureContent).not.toBe(true);
    expect(web.webviewTag).not.toBe(true);
    expect(web.preload).toBe('/app/dist/electron/preload.cjs');
    expect(web.devTools).toBe(false);
  });

  it('gives hidden print windows the same isolation, sandbox and preload, and never shows them', () => {
    const print = printWindowOptions('/app/dist/electron/preload.cjs', { devTools: false });
    const { backgroundThrottling, ...rest } = print.webPreferences ?? {};
    expect(rest).toEqual(web);
    expect(backgroundThrottling).toBe(false);
    expect(print.show).toBe(false);
    expect(print.skipTaskbar).toBe(true);
  });

  it('is titled 物业前台, fits a 1366×768 desk PC and shows only when ready', () => {
    expect(options.title).toBe('物业前台');
    expect(options.show).toBe(false);
    expect(options.minWidth).toBeLessThanOrEqual(1366);
    expect(options.minHeight).toBeLessThanOrEqual(768);
    expect(options.minWidth).toBeGreaterThanOrEqual(1000);
  });

  const csp = new Map(CSP_DIRECTIVES.map(([k, v]) => [k, v]));

  it('sends a strict CSP: scripts only from the app, no eval, no framing', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    const inline = CSP_DIRECTIVES.filter(([, v]) => v.includes('unsafe-inline')).map(([k]) => k);
    expect(inline).toEqual(['style-src']);
  });

  it('is the policy the build writes into the page’s <meta> (vite.config.ts)', () => {
    const plugin = (viteConfig.plugins ?? []).flat().find((p) => p && typeof p === 'object' && 'name' in p && p.name === 'qiantai-content-security-policy') as
      | { transformIndexHtml: { handler: (html: string) => string } }
      | undefined;
    expect(plugin).toBeDefined();
    const html = plugin!.transformIndexHtml.handler(readFileSync(join(root, 'renderer', 'index.html'), 'utf8'));
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    // Every header directive but frame-ancestors (a <meta> cannot carry it), in the same order.
    expect(meta).toBe(CSP_DIRECTIVES.filter(([k]) => k !== 'frame-ancestors').map(([k, v]) => `${k} ${v}`).join('; '));
  });
});

describe('the app:// origin and its files (real inputs through the functions main.ts uses)', () => {
  it('recognises only its own origin', () => {
    expect(isAppUrl(APP_INDEX_URL)).toBe(true);
    expect(isAppUrl('app://qiantai/assets/index-Dd2TO1pF.js')).toBe(true);
    for (const bad of [
      'http://evil.example/',
      'https://evil.example/index.html',
      'file:///etc/passwd',
      'app://qiantai.evil.example/index.html',
      'app://evil/index.html',
      'app://qiantai@evil/index.html',
      'app://qiantai:8080/index.html',
      'javascript:alert(1)',
      'about:blank',
      '',
      'not a url',
    ]) {
      expect(isAppUrl(bad), bad).toBe(false);
    }
  });

  it('serves only files inside dist/renderer', () => {
    const dir = resolve('/srv/app/dist/renderer');
    expect(resolveAppFile(dir, APP_INDEX_URL)).toBe(join(dir, 'index.html'));
    expect(resolveAppFile(dir, 'app://qiantai/')).toBe(join(dir, 'index.html'));
    expect(resolveAppFile(dir, 'app://qiantai/assets/a.js?v=1#x')).toBe(join(dir, 'assets', 'a.js'));
    expect(resolveAppFile(dir, 'app://qiantai/..%2F..%2F..%2Fetc%2Fpasswd')).toBeNull();
    expect(resolveAppFile(dir, 'app://qiantai/..%5C..%5Cwindows%5Cwin.ini')).toBeNull();
    expect(resolveAppFile(dir, 'app://qiantai/%00.js')).toBeNull();
    expect(resolveAppFile(dir, 'app://evil/index.html')).toBeNull();
    expect(resolveAppFile(dir, 'file:///etc/passwd')).toBeNull();
    const dotted = resolveAppFile(dir, 'app://qiantai/%2e%2e/%2e%2e/etc/passwd');
    expect(dotted === null || dotted.startsWith(dir + sep)).toBe(true);
  });

  it('serves module scripts with a JavaScript MIME type', () => {
    expect(contentTypeFor('/x/assets/index.js')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('/x/index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('/x/a.CSS')).toMatch(/^text\/css/);
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });

  // Restates the list; the real check is main-wiring.test.ts denying each one from the built main.cjs.
  it('[restates configuration] lists what it denies', () => {
    const denied = DENIED.map((d) => d.what).join('\n');
    for (const word of ['navigation', 'redirect', 'window', 'permission requests', 'permission checks', 'webview']) {
      expect(denied).toContain(word);
    }
  });
});

// The bridge runs for real here, over a stand-in for ipcRenderer; the real check beside it is
// tests/e2e/electron.spec.ts, where real Electron's page has only these functions and a name
// outside the contract is refused.
describe('[stand-in ipcRenderer] preload allow-list', () => {
  it('is exactly the contract’s command names', () => {
    expect([...buildAllowList()].sort()).toEqual([...COMMAND_NAMES].sort());
    expect(COMMAND_NAMES.length).toBeGreaterThan(0);
  });

  it('gives the page invoke and the three print functions, nothing else', () => {
    const bridge = createBridge(async () => null);
    expect(Object.keys(bridge).sort()).toEqual([...BRIDGE_FUNCTIONS].sort());
    expect(new Set(CHANNELS).size).toBe(4);
  });

  it('sends each print function on its own channel; the printer list carries nothing from the page', async () => {
    const sent: unknown[][] = [];
    const bridge = createBridge(async (...args) => {
      sent.push(args);
      return { ok: true, value: null };
    });
    const job = { formKey: 'test-page', hash: '#/print/test-page', form: { paper: 'a4-portrait', copies: 1, printer: '', offsetXmm: 0, offsetYmm: 0 }, rollHeightMm: null } as const;
    await bridge.print({ ...job, silent: true });
    await bridge.savePdf({ ...job, fileName: 'x' });
    await (bridge.printers as (...a: unknown[]) => Promise<unknown>)('qiantai:invoke', 'db.exec');
    expect(sent).toEqual([
      [PRINT_CHANNEL, { ...job, silent: true }],
      [SAVE_PDF_CHANNEL, { ...job, fileName: 'x' }],
      [PRINTERS_CHANNEL],
    ]);
  });

  it('forwards contract commands on the one channel and refuses anything else', async () => {
    const sent: unknown[][] = [];
    const bridge = createBridge(async (...args) => {
      sent.push(args);
      return { ok: true, value: null };
    });
    await expect(bridge.invoke('auth.session', {})).resolves.toEqual({ ok: true, value: null });
    expect(sent).toEqual([[INVOKE_CHANNEL, 'auth.session', {}]]);
    await expect(bridge.invoke('db.exec', { sql: 'drop table operators' })).rejects.toThrow(/unknown command/);
    await expect(bridge.invoke('__proto__', {})).rejects.toThrow();
    await expect(bridge.invoke('toString', {})).rejects.toThrow();
    await expect(bridge.invoke(42 as unknown as string, {})).rejects.toThrow();
    expect(sent).toHaveLength(1);
    expect(Object.isFrozen(bridge)).toBe(true);
  });
});

describe('paths', () => {
  it('keeps the database, logs and backups under userData', () => {
    const u = resolve('/home/desk/.config/物业前台');
    expect(dataLayout(u)).toEqual({
      dbPath: join(u, 'qiantai.db'),
      logDir: join(u, 'logs'),
      backupDir: join(u, 'backups'),
    });
  });

  it('uses the shipped binding when packaged and .electron-native/ in development', () => {
    const where = { resourcesPath: resolve('/opt/物业前台/resources'), appRoot: resolve('/work/repo') };
    expect(nativeBindingPath({ ...where, packaged: true })).toBe(join(where.resourcesPath, 'native', 'better_sqlite3.node'));
    expect(nativeBindingPath({ ...where, packaged: false })).toBe(join(where.appRoot, '.electron-native', 'better_sqlite3.node'));
    // never node_modules' Node-ABI copy
    expect(nativeBindingPath({ ...where, packaged: false })).not.toContain('node_modules');
  });

  it('finds the app root, renderer and preload from the bundle folder (repo and asar alike)', () => {
    const bundle = resolve('/opt/app/resources/app.asar/dist/electron');
    expect(appRootFromBundle(bundle)).toBe(resolve('/opt/app/resources/app.asar'));
    expect(rendererDir(appRootFromBundle(bundle))).toBe(join(resolve('/opt/app/resources/app.asar'), 'dist', 'renderer'));
    expect(preloadPath(bundle)).toBe(join(bundle, 'preload.cjs'));
  });

  it('lets the environment move userData (used by the smoke test)', () => {
    expect(userDataOverride({})).toBeNull();
    expect(userDataOverride({ [USER_DATA_ENV]: '  ' })).toBeNull();
    expect(userDataOverride({ [USER_DATA_ENV]: '/tmp/qt' })).toBe(resolve('/tmp/qt'));
  });

  describe('is the Electron binary installed?', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'qiantai-electron-pkg-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('no path.txt (ELECTRON_SKIP_BINARY_DOWNLOAD) → missing', () => {
      expect(electronBinaryPath(dir)).toBeNull();
    });
    it('path.txt naming a file that is not there → missing', () => {
      writeFileSync(join(dir, 'path.txt'), 'electron');
      expect(electronBinaryPath(dir)).toBeNull();
    });
    it('path.txt pointing outside dist/ → missing', () => {
      writeFileSync(join(dir, 'path.txt'), '../../../bin/sh');
      expect(electronBinaryPath(dir)).toBeNull();
    });
    it('path.txt and the executable under dist/ → its path', () => {
      writeFileSync(join(dir, 'path.txt'), 'electron');
      mkdirSync(join(dir, 'dist'), { recursive: true });
      writeFileSync(join(dir, 'dist', 'electron'), '');
      expect(electronBinaryPath(dir)).toBe(join(dir, 'dist', 'electron'));
    });
    it('answers for this checkout without throwing', () => {
      const found = electronBinaryPath(join(root, 'node_modules', 'electron'));
      expect(found === null || found.includes(join('node_modules', 'electron', 'dist'))).toBe(true);
    });
  });
});

// No real check beside it: the menu Electron draws can only be read in the running app, which
// needs Electron's binary (tests/e2e/electron.spec.ts would be the place).
describe('[restates configuration] menu', () => {
  type Item = { label?: string; role?: string; submenu?: Item[] };
  const flat = (items: Item[]): Item[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
  const build = (dev: boolean) => menuTemplate({ dev, onAbout: () => {} }) as Item[];

  it('is Chinese: 文件 / 编辑 / 视图 / 帮助', () => {
    expect(build(false).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const items = flat(build(false));
    expect(items.find((i) => i.role === 'quit')?.label).toBe('退出');
    expect(items.map((i) => i.role)).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll']));
    expect(items.some((i) => i.label === '关于物业前台')).toBe(true);
  });

  it('offers reload and DevTools only in development', () => {
    const roles = (dev: boolean) => flat(build(dev)).map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('forceReload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('reload');
  });
});

describe('electron/build.mjs', () => {
  const out = join(root, 'dist', 'electron');
  let result: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    result = spawnSync(process.execPath, [join(root, 'electron', 'build.mjs')], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  }, 120_000);

  it('bundles main and preload as CommonJS without source maps (a packaged build ships none)', () => {
    expect(result.status, String(result.stderr)).toBe(0);
    for (const f of ['main.cjs', 'preload.cjs']) {
      expect(readFileSync(join(out, f)).length, f).toBeGreaterThan(0);
      expect(readFileSync(join(out, f), 'utf8'), f).not.toMatch(/sourceMappingURL/);
    }
    expect(readdirSync(out).filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('keeps electron and better-sqlite3 external in main', () => {
    const main = readFileSync(join(out, 'main.cjs'), 'utf8');
    expect(main).toMatch(/require\("electron"\)/);
    expect(main).toMatch(/require\("better-sqlite3"\)/);
    // Node's own modules are fine (a dependency may spell them without node:); nothing else from node_modules.
    const builtin = new Set(builtinModules);
    const external = [...main.matchAll(/require\("([^"]+)"\)/g)]
      .map((m) => m[1]!)
      .filter((m) => !m.startsWith('node:') && !builtin.has(m) && !builtin.has(m.split('/')[0]!));
    expect([...new Set(external)].sort()).toEqual(['better-sqlite3', 'electron']);
  });

  it('gives the sandboxed preload nothing to require but electron', () => {
    // esbuild keeps source comments on their own lines; a comment mentioning import() is not code.
    const preload = readFileSync(join(out, 'preload.cjs'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
    const calls = [...preload.matchAll(/\brequire\s*\(/g)].length;
    const literal = [...preload.matchAll(/\brequire\s*\(\s*(["'`])([^"'`]*)\1\s*\)/g)].map((m) => m[2]);
    expect(literal.length).toBe(calls); // no computed require(...)
    expect([...new Set(literal)]).toEqual(['electron']);
    expect(preload).not.toMatch(/\bimport\s*\(/);
  });

  it('[stand-in electron module] exposes exactly invoke and the print functions when the built preload runs (not Electron)', async () => {
    const exposed = new Map<string, Record<string, unknown>>();
    const invoked: unknown[][] = [];
    const fake = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
      ipcRenderer: { invoke: async (...args: unknown[]) => (invoked.push(args), { ok: true, value: [] }) },
    };
    type Load = (request: string, ...rest: unknown[]) => unknown;
    const original = (Module as unknown as { _load: Load })._load;
    (Module as unknown as { _load: Load })._load = function (request, ...rest) {
      return request === 'electron' ? fake : original.call(this, request, ...rest);
    };
    try {
      const file = join(out, 'preload.cjs');
      const req = createRequire(file);
      delete req.cache[file];
      req(file);
    } finally {
      (Module as unknown as { _load: Load })._load = original;
    }
    expect([...exposed.keys()]).toEqual(['qiantai']);
    const api = exposed.get('qiantai')!;
    expect(Object.keys(api).sort()).toEqual([...BRIDGE_FUNCTIONS].sort());
    for (const fn of Object.values(api)) expect(typeof fn).toBe('function');
    await (api.printers as () => Promise<unknown>)();
    await (api.invoke as (c: string, i: unknown) => Promise<unknown>)('auth.session', {});
    expect(invoked).toEqual([[PRINTERS_CHANNEL], [INVOKE_CHANNEL, 'auth.session', {}]]);
  });

  it('bundles the allow-list from the contract (every command name is in the preload)', () => {
    const preload = readFileSync(join(out, 'preload.cjs'), 'utf8');
    for (const name of COMMAND_NAMES) expect(preload, name).toContain(`"${name}"`);
    expect(preload).toContain('exposeInMainWorld');
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
  });
});

/** "U+4e00-4e01,U+4e03,U+4??" → ranges of code points. */
function unicodeRanges(spec: string): [number, number][] {
  return spec.split(',').map((part) => {
    const p = part.trim().replace(/^U\+/i, '');
    if (p.includes('?')) return [parseInt(p.replace(/\?/g, '0'), 16), parseInt(p.replace(/\?/g, 'f'), 16)];
    const [a, b] = p.split('-');
    return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
  });
}

describe('the Chinese print font ships inside the renderer bundle (no copy in resources/, no remote URL)', () => {
  let out: string;
  let css: string;
  let outDirOfConfig: string;

  beforeAll(async () => {
    // The real renderer build (vite.config.ts), into a folder of its own so it races nobody's dist/.
    out = mkdtempSync(join(tmpdir(), 'qiantai-renderer-'));
    const vite = await import('vite');
    await vite.build({ configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
    css = readdirSync(join(out, 'assets'))
      .filter((f) => f.endsWith('.css'))
      .map((f) => readFileSync(join(out, 'assets', f), 'utf8'))
      .join('\n');
    outDirOfConfig = (await vite.resolveConfig({ configFile: join(root, 'vite.config.ts'), logLevel: 'silent' }, 'build')).build.outDir;
  }, 120_000);
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  const faces = () =>
    [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)]
      .map((m) => m[1]!)
      .filter((body) => /font-family:\s*["']?Noto Sans SC/i.test(body))
      .map((body) => ({
        woff2: /url\(([^)]+)\)\s*format\(["']?woff2/.exec(body)?.[1]?.replace(/^["']|["']$/g, '') ?? '',
        ranges: unicodeRanges(/unicode-range:\s*([^;]+)/.exec(body)?.[1] ?? ''),
      }));

  it('builds into dist/renderer, the folder main.ts serves and electron-builder packs', () => {
    expect(resolve(outDirOfConfig)).toBe(rendererDir(root));
    expect(builder.files).toContain('dist/**/*');
  });

  it('references only bundled files: no http(s) or protocol-relative URL in any stylesheet', () => {
    expect(faces().length).toBeGreaterThan(50);
    expect(css).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    expect(css).not.toMatch(/@import\s+url\(\s*["']?https?:/i);
    // No font is inlined as a data: URL (vite.config.ts' assetsInlineLimit): the CSP would block it.
    expect(css).not.toMatch(/url\(\s*["']?data:font/i);
    for (const face of faces()) {
      expect(face.woff2, face.woff2).toMatch(/^\.\/[\w.-]+\.woff2$/);
      expect(existsSync(join(out, 'assets', face.woff2)), face.woff2).toBe(true);
    }
  });

  it('covers every character the test page prints with a woff2 file (the CSP admits no data: fonts)', () => {
    const text = (Object.values(PRINT_TEXT) as unknown[]).filter((v) => typeof v === 'string').join('');
    const cjk = [...new Set([...text].filter((c) => c.codePointAt(0)! >= 0x2e80))];
    expect(cjk.length).toBeGreaterThan(40);
    const all = faces();
    for (const ch of cjk) {
      const cp = ch.codePointAt(0)!;
      const face = all.find((f) => f.ranges.some(([a, b]) => cp >= a && cp <= b));
      expect(face, `${ch} U+${cp.toString(16)}`).toBeDefined();
      expect(face!.woff2, ch).toMatch(/^\.\/.*\.woff2$/);
    }
  });

  it('is not also copied into resources/ (one font, shipped once)', () => {
    const dir = join(root, 'resources');
    const files = existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String) : [];
    expect(files.filter((f) => /noto.*\.(woff2?|otf|ttf)$/i.test(f))).toEqual([]);
  });
});
