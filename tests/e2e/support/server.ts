import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test as base } from '@playwright/test';

export interface ServeProcess {
  url: string;
  setupCode: string | null;
  dbPath: string;
  output: () => string;
}

const root = resolve(fileURLToPath(new URL('../../../', import.meta.url)));

export interface ServeOptions {
  /**
   * Shift the server's clock by the milliseconds written in this file (`--clock-file`, re-read on
   * every command; a missing file is no shift): how a test lets a deadline pass.
   */
  clockFile?: string;
}

/** Start browser mode exactly as `npm run serve -- --db PATH --port 0` does, and read what it prints. */
export async function startServe(dbPath: string, options: ServeOptions = {}): Promise<{ proc: ChildProcess; info: ServeProcess }> {
  const args = ['--import', 'tsx', 'db/serve.ts', '--db', dbPath, '--port', '0'];
  if (options.clockFile) args.push('--clock-file', options.clockFile);
  const proc = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (c) => (out += c));
  proc.stderr!.on('data', (c) => (out += c));
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = out.match(/已启动：(http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    };
    proc.stdout!.on('data', check);
    proc.on('exit', (code) => fail(new Error(`serve exited with ${code}:\n${out}`)));
  });
  const code = out.match(/SETUP CODE: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/)?.[1] ?? null;
  return { proc, info: { url, setupCode: code, dbPath, output: () => out } };
}

export interface PreparedHost {
  dir: string;
  serve: ServeProcess;
  /** What the preparing command printed. */
  prepared: string;
  close(): Promise<void>;
}

/**
 * A spec's own browser-mode host on a database a command line prepared first, in a child process
 * as an office would run it (`npm run demo`, a new office's first admin): `prepare` gets the
 * database path and returns the Node arguments that fill it; `clockFile` names the host's
 * --clock-file inside the host's own folder.
 */
export async function startPreparedHost(
  name: string,
  prepare: (dbPath: string) => string[],
  options: { clockFile?: (dir: string) => string } = {},
): Promise<PreparedHost> {
  const dir = mkdtempSync(join(tmpdir(), `qiantai-e2e-${name}-`));
  const dbPath = join(dir, 'office.db');
  const made = spawnSync(process.execPath, prepare(dbPath), { cwd: root, encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
  const started = await startServe(dbPath, options.clockFile ? { clockFile: options.clockFile(dir) } : {});
  return {
    dir,
    serve: started.info,
    prepared: made.stdout,
    async close() {
      if (started.proc.exitCode === null) {
        started.proc.kill('SIGTERM');
        await new Promise((r) => started.proc.once('exit', r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database and browser-mode host for each test file. */
export const test = base.extend<object, { serve: ServeProcess }>({
  serve: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'qiantai-e2e-'));
      const { proc, info } = await startServe(join(dir, 'demo.db'));
      await use(info);
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
