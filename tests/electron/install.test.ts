/**
 * `npm install` without Electron's download host, and `npm start` getting the binary later.
 *
 * The install itself is checked for real by `.ci/run` (a plain `npm install` on a fresh clone of a
 * machine that cannot reach github.com); here: the package.json policy that makes that possible
 * (configuration, restated), electron's own install.js run against a local mirror (real: a 404
 * mirror, a mirror serving a binary, and the skip variable), and `npm start` falling back to
 * browser mode with its one line.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { ensureElectronBinary, downloadFailureReason, CHINA_ELECTRON_MIRROR } from '../../electron/electron-binary';
import { electronBinaryPath } from '../../electron/paths';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  allowScripts: Record<string, boolean>;
};
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
const zipName = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`;

describe('package.json install policy (configuration, restated; the real check is .ci/run’s plain npm install)', () => {
  it('denies electron’s download script and better-sqlite3’s own build; the root postinstall builds it explicitly', () => {
    expect(pkg.allowScripts.electron).toBe(false);
    expect(pkg.allowScripts['better-sqlite3']).toBe(false);
    expect(pkg.scripts.postinstall).toBe('node db/native/build-node.mjs');
  });
});

/** A one-file .zip (stored, not deflated) with an executable entry, as Electron's archives hold. */
function zipWithExecutable(name: string, content: Buffer): Buffer {
  const nameBytes = Buffer.from(name);
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x21, 12); // 1980-01-01
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE((3 << 8) | 20, 4); // made on Unix: the mode below counts
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x21, 14);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE((0o100755 << 16) >>> 0, 38);
  const centralStart = local.length + nameBytes.length + content.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralStart, 16);
  return Buffer.concat([local, nameBytes, content, central, nameBytes, end]);
}

/** A local Electron mirror: serves the given files, 404 for the rest, and remembers what was asked. */
async function startMirror(files: Record<string, Buffer>): Promise<{ url: string; requests: string[]; server: Server }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = files[req.url ?? ''];
    if (body) res.writeHead(200, { 'content-length': body.length }).end(body);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests, server };
}

/**
 * A copy of node_modules/electron without its binary, under node_modules so that its install.js
 * finds @electron/get exactly as in place — the real package's folder is never written.
 */
function electronPackageCopy(): string {
  const dir = mkdtempSync(join(root, 'node_modules', '.qiantai-test-electron-'));
  cpSync(join(root, 'node_modules', 'electron'), join(dir, 'electron'), {
    recursive: true,
    filter: (src) => !/[\\/]electron[\\/](dist|path\.txt)$/.test(src),
  });
  return join(dir, 'electron');
}

/** The environment a user would have, minus anything of this machine's that points elsewhere. */
function cleanEnv(extra: Record<string, string>, cacheDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/electron/i.test(k)) env[k] = v;
  return { ...env, electron_config_cache: cacheDir, ...extra };
}

describe('npm start fetches Electron’s binary when it is missing (real install.js, local mirror)', () => {
  let pkgDir: string;
  let cache: string;
  beforeAll(() => {
    pkgDir = electronPackageCopy();
    cache = mkdtempSync(join(tmpdir(), 'qiantai-electron-cache-'));
  });
  afterAll(() => {
    rmSync(join(pkgDir, '..'), { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  it('asks the ELECTRON_MIRROR, and when it cannot deliver says why, how to fix it, and that browser mode starts — in one line', async () => {
    const mirror = await startMirror({});
    try {
      let out = '';
      const binary = await ensureElectronBinary(pkgDir, (t) => (out += t), cleanEnv({ ELECTRON_MIRROR: mirror.url }, cache), 60_000);
      expect(binary).toBeNull();
      expect(mirror.requests).toContain(`/v${electronVersion}/${zipName}`);
      expect(out.endsWith('\n')).toBe(true);
      expect(out.trimEnd().split('\n')).toHaveLength(1);
      expect(out).toContain(`镜像 ${mirror.url}`);
      expect(out).toMatch(/未能获取 Electron（[^）]*404/);
      expect(out).toContain('浏览器模式');
      expect(electronBinaryPath(pkgDir)).toBeNull();
    } finally {
      mirror.server.close();
    }
  });

  it('says the mirror cannot be reached when its host does not resolve', async () => {
    let out = '';
    // A name that cannot resolve stands for a host blocked from this network.
    const env = cleanEnv({ npm_config_electron_mirror: 'http://electron-download.invalid/' }, cache);
    expect(await ensureElectronBinary(pkgDir, (t) => (out += t), env, 60_000)).toBeNull();
    expect(out).toMatch(/未能获取 Electron（[^）]*(ENOTFOUND|EAI_AGAIN)/);
    expect(out).toContain('请检查镜像地址或网络');
  });

  it('names the China mirror when the user has not chosen one', async () => {
    let out = '';
    // Skipping the download keeps this test off the network; the advice is the same as after a failed official download.
    expect(await ensureElectronBinary(pkgDir, (t) => (out += t), cleanEnv({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, cache))).toBeNull();
    expect(out).toContain(`ELECTRON_MIRROR=${CHINA_ELECTRON_MIRROR}`);
  });

  it('respects ELECTRON_SKIP_BINARY_DOWNLOAD: nothing is asked of the mirror', async () => {
    const mirror = await startMirror({});
    try {
      let out = '';
      const env = cleanEnv({ ELECTRON_MIRROR: mirror.url, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, cache);
      expect(await ensureElectronBinary(pkgDir, (t) => (out += t), env)).toBeNull();
      expect(mirror.requests).toEqual([]);
      expect(out).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
      expect(out.trimEnd().split('\n')).toHaveLength(1);
    } finally {
      mirror.server.close();
    }
  });

  it('downloads from the mirror, checks the checksum, unpacks, and then finds the executable', async () => {
    const executable = process.platform === 'win32' ? 'electron.exe' : 'electron';
    const zip = zipWithExecutable(executable, Buffer.from('#!/bin/sh\necho fake electron\n'));
    const sums = Buffer.from(`${createHash('sha256').update(zip).digest('hex')} *${zipName}\n`);
    const mirror = await startMirror({ [`/v${electronVersion}/${zipName}`]: zip, [`/v${electronVersion}/SHASUMS256.txt`]: sums });
    try {
      let out = '';
      // The bundled checksums.json knows only the real archive; this mirror's file is checked against its own SHASUMS256.txt.
      const env = cleanEnv({ ELECTRON_MIRROR: mirror.url, electron_use_remote_checksums: '1' }, cache);
      const binary = await ensureElectronBinary(pkgDir, (t) => (out += t), env, 60_000);
      expect(out).toContain('完成');
      expect(binary).toBe(join(pkgDir, 'dist', executable));
      expect(electronBinaryPath(pkgDir)).toBe(binary);
      expect(readFileSync(binary!, 'utf8')).toContain('fake electron');
    } finally {
      mirror.server.close();
    }
  });

  it('reads the reason from install.js’s stack trace, not its frames', () => {
    const stack = 'HTTPError: Response code 404 (Not Found) for http://127.0.0.1:1/v1/x.zip\n    at Request.<anonymous> (/x.js:1:1)\n';
    expect(downloadFailureReason(stack)).toBe('HTTPError: Response code 404 (Not Found) for http://127.0.0.1:1/v1/x.zip');
    expect(downloadFailureReason('RequestError: getaddrinfo ENOTFOUND github.com\n    at ClientRequest')).toBe('getaddrinfo ENOTFOUND github.com');
    // @electron/get 5 uses fetch: the reason is in the cause our preload prints.
    expect(downloadFailureReason('TypeError: fetch failed\n    at node:internal/deps/undici\nCaused by: getaddrinfo ENOTFOUND github.com\n')).toBe('getaddrinfo ENOTFOUND github.com');
  });
});

describe('npm start without the binary (real start.mjs)', () => {
  const installed = electronBinaryPath(join(root, 'node_modules', 'electron'));
  const reason = 'Electron’s binary is installed on this machine: npm start would open the desktop app, not fall back';

  it('prints its one line and serves browser mode', { timeout: 240_000 }, async (ctx) => {
    if (installed) {
      console.log(`[install.test] skipped: ${reason}`);
      ctx.skip();
    }
    const mirror = await startMirror({});
    const dir = mkdtempSync(join(tmpdir(), 'qiantai-start-'));
    const cache = mkdtempSync(join(tmpdir(), 'qiantai-electron-cache-'));
    const child = spawn(process.execPath, [join(root, 'electron', 'start.mjs'), '--db', join(dir, 'start.db'), '--port', '0'], {
      cwd: root,
      env: cleanEnv({ ELECTRON_MIRROR: mirror.url }, cache),
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: npm start's children (npm, the build, the host) end with it.
      detached: true,
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    try {
      const url = await new Promise<string>((ok, fail) => {
        child.stdout.on('data', () => {
          const m = out.match(/已启动：(http:\/\/127\.0\.0\.1:\d+\/)/);
          if (m) ok(m[1]!);
        });
        child.on('exit', (code) => fail(new Error(`npm start exited with ${code}:\n${out}`)));
      });
      const first = out.split('\n')[0]!;
      expect(first).toMatch(/^首次启动，下载 Electron 程序文件（镜像 http:\/\/127\.0\.0\.1:\d+\/）… 未能获取 Electron（.*404.*浏览器模式启动/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html lang="zh-CN"');
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
      mirror.server.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
