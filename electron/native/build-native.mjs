// Builds better-sqlite3 for Electron's ABI in .electron-native/, leaving node_modules/better-sqlite3
// (built for Node: npm test, browser mode) untouched. main.ts loads the result via `nativeBinding`;
// electron-builder ships it as resources/native/better_sqlite3.node (extraResources).
//
//   node electron/native/build-native.mjs [--force] [--arch x64]
//   env: ELECTRON_HEADERS_MIRROR  mirror of https://electronjs.org/headers (e.g. inside China)
//        npm_config_disturl       used too, when it points at Electron headers (not a Node mirror)
//        npm_config_arch          target arch (default: this machine's)
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findNodeGyp } from '../../db/native/node-gyp.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, '.electron-native');
const srcDir = join(outDir, 'better-sqlite3');
const devDir = join(outDir, 'node-gyp'); // headers cache: lets us tell "download failed" from "compile failed"
const binary = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'stamp.json');
const DEFAULT_DIST_URL = 'https://electronjs.org/headers';

const { values: args } = parseArgs({ options: { force: { type: 'boolean' }, arch: { type: 'string' } }, strict: true });

const readVersion = (pkg) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const electron = readVersion('electron');
const betterSqlite3 = readVersion('better-sqlite3');
const arch = args.arch ?? process.env.npm_config_arch ?? process.arch;
const stamp = { electron, betterSqlite3, platform: process.platform, arch };

function fail(zh, en, code = 1) {
  console.error(`${zh} / ${en}`);
  process.exit(code);
}

function upToDate() {
  if (!existsSync(binary) || !existsSync(stampFile)) return false;
  try {
    const old = JSON.parse(readFileSync(stampFile, 'utf8'));
    return Object.entries(stamp).every(([k, v]) => old[k] === v);
  } catch {
    return false;
  }
}

function distUrl() {
  const mirror = process.env.ELECTRON_HEADERS_MIRROR?.trim();
  if (mirror) return mirror.replace(/\/+$/, '');
  const disturl = process.env.npm_config_disturl?.trim();
  // A disturl set for Node (a common mirror setting) would fetch Node's headers, not Electron's.
  if (disturl && /electron/i.test(disturl)) return disturl.replace(/\/+$/, '');
  if (disturl) console.warn(`忽略 npm_config_disturl=${disturl}（不是 Electron 头文件地址）/ ignoring a non-Electron disturl`);
  return DEFAULT_DIST_URL;
}

if (!args.force && upToDate()) {
  console.log(`Electron 版 better-sqlite3 已是最新 / up to date: ${binary} (electron ${electron}, better-sqlite3 ${betterSqlite3}, ${arch})`);
  process.exit(0);
}

const nodeGyp = findNodeGyp(root);
if (!nodeGyp) fail('找不到 node-gyp（应随 npm 一起安装）', 'node-gyp not found (it ships with npm)');

rmSync(srcDir, { recursive: true, force: true });
// A stale binary for another Electron version must not survive a failed build (it would load
// and crash with an ABI mismatch instead of the clear "missing" message).
rmSync(binary, { force: true });
rmSync(stampFile, { force: true });
mkdirSync(outDir, { recursive: true });
// A copy without the Node-ABI build output, so node-gyp cannot pick up or overwrite anything of node_modules'.
cpSync(join(root, 'node_modules', 'better-sqlite3'), srcDir, {
  recursive: true,
  filter: (src) => !/[\\/]better-sqlite3[\\/](build|prebuilds)([\\/]|$)/.test(src),
});

// node-gyp reads npm_config_* from the environment. A machine-wide `nodedir` (this repo's CI sets
// one) or a Node `target`/`runtime` would silently build against Node's headers: drop them all.
const env = { ...process.env };
for (const key of Object.keys(env)) {
  if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|devdir|build_from_source|arch)$/i.test(key)) delete env[key];
}

const url = distUrl();
const headersMarker = join(devDir, electron, 'installVersion');
console.log(`构建 Electron ${electron} 版 better-sqlite3 ${betterSqlite3}（${process.platform}-${arch}，头文件 ${url}）…`);
const result = spawnSync(
  process.execPath,
  [nodeGyp, 'rebuild', '--release', `--target=${electron}`, `--arch=${arch}`, `--dist-url=${url}`, `--devdir=${devDir}`, `--jobs=max`],
  { cwd: srcDir, env, stdio: 'inherit' },
);

if (result.status !== 0) {
  if (!existsSync(headersMarker)) {
    fail(
      `无法下载 Electron ${electron} 头文件（${url}），未能构建 Electron 版 SQLite 模块；请检查网络或设置 ELECTRON_HEADERS_MIRROR 为可访问的镜像后重试`,
      `could not download Electron ${electron} headers from ${url}; check the network or set ELECTRON_HEADERS_MIRROR to a reachable mirror`,
    );
  }
  fail(
    'Electron 版 better-sqlite3 编译失败（头文件已下载）：请确认已安装 Python 3 和 C++ 编译工具（Windows：Visual Studio Build Tools）',
    'compiling better-sqlite3 for Electron failed (headers were downloaded): install Python 3 and a C++ toolchain',
  );
}

const built = join(srcDir, 'build', 'Release', 'better_sqlite3.node');
if (!existsSync(built)) fail(`编译完成但找不到 ${built}`, 'build finished but produced no better_sqlite3.node');
copyFileSync(built, binary);
writeFileSync(stampFile, JSON.stringify(stamp, null, 2) + '\n');
console.log(`已生成 / built: ${binary}`);
