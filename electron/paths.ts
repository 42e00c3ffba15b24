/**
 * Where the shell finds and keeps things. Pure (node:path/node:fs only, never 'electron') so the
 * same rules are tested in Node and used by main.ts and start.mjs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Folder (under the repo root) holding the Electron-ABI build of better-sqlite3. */
export const ELECTRON_NATIVE_DIR = '.electron-native';
export const NATIVE_BINARY = 'better_sqlite3.node';
/** Where electron-builder's extraResources puts that binary inside the installed app. */
export const PACKAGED_NATIVE_SUBPATH = ['native', NATIVE_BINARY] as const;

/** Lets tests (and a portable setup) point the app at another data folder. */
export const USER_DATA_ENV = 'QIANTAI_USER_DATA_DIR';

export interface DataLayout {
  dbPath: string;
  logDir: string;
  backupDir: string;
}

/** Everything the office owns lives under Electron's userData folder. */
export function dataLayout(userData: string): DataLayout {
  return {
    dbPath: join(userData, 'qiantai.db'),
    logDir: join(userData, 'logs'),
    backupDir: join(userData, 'backups'),
  };
}

/** An absolute override for userData from the environment, or null. */
export function userDataOverride(env: Record<string, string | undefined>): string | null {
  const v = env[USER_DATA_ENV]?.trim();
  return v ? resolve(v) : null;
}

/**
 * The app root: dist/electron/main.cjs sits two levels below it, in the repo and inside
 * app.asar alike.
 */
export function appRootFromBundle(bundleDir: string): string {
  return resolve(bundleDir, '..', '..');
}

export function rendererDir(appRoot: string): string {
  return join(appRoot, 'dist', 'renderer');
}

export function preloadPath(bundleDir: string): string {
  return join(bundleDir, 'preload.cjs');
}

/**
 * The better_sqlite3.node built for Electron's ABI. Packaged: shipped as an extra resource
 * (outside app.asar, so it can be dlopen'ed). Dev: built by electron/native/build-native.mjs,
 * leaving node_modules' Node-ABI copy for tests and browser mode.
 */
export function nativeBindingPath(where: { packaged: boolean; resourcesPath: string; appRoot: string }): string {
  return where.packaged
    ? join(where.resourcesPath, ...PACKAGED_NATIVE_SUBPATH)
    : join(where.appRoot, ELECTRON_NATIVE_DIR, NATIVE_BINARY);
}

export interface FileProbe {
  existsSync(path: string): boolean;
  readFileSync(path: string, encoding: 'utf8'): string;
}

/**
 * The Electron executable the npm package downloaded, or null when it is missing (npm install never
 * downloads it — see electron-binary.ts — and npm start's download may have failed). Mirrors node_modules/electron/index.js:
 * path.txt names the executable relative to node_modules/electron/dist.
 */
export function electronBinaryPath(electronPackageDir: string, fs: FileProbe = { existsSync, readFileSync }): string | null {
  const pathTxt = join(electronPackageDir, 'path.txt');
  if (!fs.existsSync(pathTxt)) return null;
  const name = fs.readFileSync(pathTxt, 'utf8').trim();
  if (!name) return null;
  const distDir = resolve(electronPackageDir, 'dist');
  const exe = resolve(distDir, name);
  if (!exe.startsWith(distDir)) return null;
  return fs.existsSync(exe) ? exe : null;
}
