// npm install's one build step (the root package's postinstall): better-sqlite3 for this Node.
//
// Dependency install scripts do not run here (package.json "allowScripts" denies them, as npm 12
// will by default), so an unreachable download host — Electron's, GitHub's — can never fail the
// install. This script does explicitly what better-sqlite3's own install script would do:
// take a prebuilt binary when one can be downloaded, else compile from source with node-gyp,
// saying which and why.
//
//   node db/native/build-node.mjs [--force]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findNodeGyp } from './node-gyp.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkgDir = join(root, 'node_modules', 'better-sqlite3');
const { values: args } = parseArgs({ options: { force: { type: 'boolean' } }, strict: true });

const say = (zh, en) => console.log(`[better-sqlite3] ${zh} / ${en}`);
function fail(zh, en) {
  console.error(`[better-sqlite3] ${zh} / ${en}`);
  process.exit(1);
}

if (!existsSync(join(pkgDir, 'package.json'))) fail('node_modules 中没有 better-sqlite3，请先运行 npm install', 'better-sqlite3 is not installed');
const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;

/** Open an in-memory database in a child Node: the only proof that the binary fits this Node. */
function loads() {
  const probe = "new (require('better-sqlite3'))(':memory:').prepare('select 1 as one').get()";
  return spawnSync(process.execPath, ['-e', probe], { cwd: root, stdio: 'ignore' }).status === 0;
}

if (!args.force && loads()) {
  say(`已可用（Node ${process.version}）`, `ready for Node ${process.version}`);
  process.exit(0);
}

// A prebuilt binary first (seconds, and the only way on a Windows machine without a C++ toolchain);
// it fails fast where GitHub cannot be reached, and honours npm_config_better_sqlite3_binary_host.
const prebuild = join(root, 'node_modules', 'prebuild-install', 'bin.js');
if (existsSync(prebuild)) {
  say(`下载 ${version} 的预编译文件…`, `fetching a prebuilt ${version}…`);
  const r = spawnSync(process.execPath, [prebuild], { cwd: pkgDir, encoding: 'utf8' });
  if (r.status === 0 && loads()) {
    say('已安装预编译文件', 'prebuilt binary installed');
    process.exit(0);
  }
  const reason = `${r.stderr ?? ''}${r.stdout ?? ''}`.trim().split('\n').pop() ?? '';
  say(`没有可用的预编译文件（${reason.replace(/^prebuild-install\s+/, '') || '下载失败'}），改为从源码编译`, 'no prebuilt binary; compiling');
}

const nodeGyp = findNodeGyp(root);
if (!nodeGyp) fail('找不到 node-gyp（应随 npm 一起安装）', 'node-gyp not found (it ships with npm)');
say(`为 Node ${process.version} 编译 ${version}（约 1–2 分钟）…`, `compiling for Node ${process.version} (1–2 minutes)…`);
const built = spawnSync(process.execPath, [nodeGyp, 'rebuild', '--release', '--jobs=max'], { cwd: pkgDir, stdio: 'inherit' });
if (built.status !== 0 || !loads()) {
  fail(
    '编译失败：需要 Python 3、make 和 C++ 编译器（Debian：apt-get install python3 make g++；Windows：Visual Studio Build Tools），装好后运行 node db/native/build-node.mjs',
    'compiling better-sqlite3 failed: install Python 3, make and a C++ compiler, then run node db/native/build-node.mjs',
  );
}
say('编译完成', 'built');
