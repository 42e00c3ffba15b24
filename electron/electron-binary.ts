/**
 * Getting Electron's own executable when `npm install` did not (package.json denies electron's
 * download script, so an unreachable download host never fails the install). `npm start` asks for
 * it here; no 'electron' import, so it runs and is tested in plain Node.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath } from './paths';

/** Makes install.js print the causes of its error (see the file). */
const INSTALL_CAUSE_PRELOAD = fileURLToPath(new URL('./install-cause.cjs', import.meta.url));

/** The mirror to name in messages: Electron's binaries on npmmirror, reachable from China. */
export const CHINA_ELECTRON_MIRROR = 'https://npmmirror.com/mirrors/electron/';
/** A ~100 MB download; long enough for a slow line, short enough that a dead one falls back. */
export const ELECTRON_DOWNLOAD_TIMEOUT_MS = 10 * 60_000;

export type FetchOutcome = { ok: true } | { ok: false; reason: string };

/**
 * Run electron's own install.js (it downloads through @electron/get, which honours
 * ELECTRON_MIRROR / npm_config_electron_mirror, the cache and the checksums), and say in a few
 * words why it failed. ELECTRON_SKIP_BINARY_DOWNLOAD set by the user is respected: nothing runs.
 */
export async function fetchElectronBinary(
  electronPackageDir: string,
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = ELECTRON_DOWNLOAD_TIMEOUT_MS,
): Promise<FetchOutcome> {
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { ok: false, reason: '已设置 ELECTRON_SKIP_BINARY_DOWNLOAD，未下载' };
  const child = spawn(process.execPath, ['--require', INSTALL_CAUSE_PRELOAD, join(electronPackageDir, 'install.js')], {
    cwd: electronPackageDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill();
  }, timeoutMs);
  const code = await new Promise<number | null>((done) => {
    child.on('error', (e) => {
      output += `${e.message}\n`;
      done(null);
    });
    child.on('close', (c) => done(c));
  });
  clearTimeout(timer);
  if (timedOut) return { ok: false, reason: `下载超过 ${Math.round(timeoutMs / 60_000)} 分钟未完成` };
  if (code === 0) return { ok: true };
  return { ok: false, reason: downloadFailureReason(output) };
}

/**
 * What install.js's stack says went wrong: the deepest cause when there is one (fetch's
 * "fetch failed" hides the reason there), else its first line (not the "at …" frames).
 */
export function downloadFailureReason(output: string): string {
  const lines = output.split('\n').map((l) => l.trim());
  const causes = lines.filter((l) => l.startsWith('Caused by: '));
  const line = causes.length ? causes[causes.length - 1]!.slice('Caused by: '.length) : lines.find((l) => l && !l.startsWith('at '));
  return (line ?? '下载失败').replace(/^(Request|Type)?Error:\s*/, '').slice(0, 200);
}

/**
 * The Electron executable for `npm start`: the installed one, else downloaded now. What happens is
 * written as exactly one line (the download is silent, its outcome ends the line); null means
 * start browser mode, and the line has said why and how to fix it.
 */
export async function ensureElectronBinary(
  electronPackageDir: string,
  write: (text: string) => void,
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = ELECTRON_DOWNLOAD_TIMEOUT_MS,
): Promise<string | null> {
  const installed = electronBinaryPath(electronPackageDir);
  if (installed) return installed;
  const mirror = env.ELECTRON_MIRROR || env.npm_config_electron_mirror;
  if (!env.ELECTRON_SKIP_BINARY_DOWNLOAD) write(`首次启动，下载 Electron 程序文件（${mirror ? `镜像 ${mirror}` : '官方下载站'}）… `);
  const outcome = await fetchElectronBinary(electronPackageDir, env, timeoutMs);
  const binary = electronBinaryPath(electronPackageDir);
  if (binary) {
    write('完成 / Electron downloaded\n');
    return binary;
  }
  const reason = outcome.ok ? '下载后仍找不到程序文件' : outcome.reason;
  write(
    `未能获取 Electron（${reason}）。` +
      (mirror ? '请检查镜像地址或网络' : `在国内可设置 ELECTRON_MIRROR=${CHINA_ELECTRON_MIRROR}`) +
      ' 后重新运行 npm start；现在改为浏览器模式启动… / Electron unavailable, starting browser mode…\n',
  );
  return null;
}
