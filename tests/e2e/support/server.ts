import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';

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
  const code = out.match(/SETUP CODE: ([0-9A-F]+)/)?.[1] ?? null;
  return { proc, info: { url, setupCode: code, dbPath, output: () => out } };
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
