import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { startServe, type ServeProcess } from './server';

/** The first admin of a new office (no estate, no units yet). */
export const OFFICE_ADMIN = { login: 'admin', password: 'office-admin-1' } as const;

export interface OfficeHost {
  dir: string;
  serve: ServeProcess;
  close(): Promise<void>;
}

/**
 * A new office's browser-mode host: an empty database whose first admin exists (created through
 * the dispatcher in a child process, as `npm run demo` creates its operators), nothing else.
 */
export async function startNewOffice(name: string): Promise<OfficeHost> {
  const dir = mkdtempSync(join(tmpdir(), `qiantai-e2e-${name}-`));
  const dbPath = join(dir, 'office.db');
  const made = spawnSync(process.execPath, ['--import', 'tsx', 'tests/e2e/support/new-office-cli.ts', dbPath, OFFICE_ADMIN.login, OFFICE_ADMIN.password], {
    encoding: 'utf8',
  });
  expect(made.status, made.stderr).toBe(0);
  const started = await startServe(dbPath);
  return {
    dir,
    serve: started.info,
    async close() {
      if (started.proc.exitCode === null) {
        started.proc.kill('SIGTERM');
        await new Promise((r) => started.proc.once('exit', r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
