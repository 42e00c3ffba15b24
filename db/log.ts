import { appendFileSync, renameSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivateDir, createPrivateFile, keepPrivate, PRIVATE_FILE } from './private-file';

/** Internal errors go here with the command name; the operator only sees a Chinese summary. */
export interface Logger {
  error(event: string, detail: Record<string, unknown>): void;
  warn(event: string, detail: Record<string, unknown>): void;
  info(event: string, detail: Record<string, unknown>): void;
  readonly file: string | null;
}

const MAX_BYTES = 2 * 1024 * 1024;
const KEEP = 5;

/** A JSON-lines log that rotates at 2 MiB and keeps five old files. */
export function createFileLogger(dir: string, name = 'qiantai.log'): Logger {
  createPrivateDir(dir);
  const file = join(dir, name);
  // Failed logins and errors name operators and what they typed: private, like the database.
  keepPrivate(file);
  const write = (level: string, event: string, detail: Record<string, unknown>) => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, event, ...detail }) + '\n';
    try {
      if (existsSync(file) && statSync(file).size + line.length > MAX_BYTES) rotate(file);
      if (!existsSync(file)) createPrivateFile(file);
      appendFileSync(file, line, { mode: PRIVATE_FILE });
    } catch {
      // Logging must never take a command down with it.
    }
  };
  return {
    file,
    error: (e, d) => write('error', e, d),
    warn: (e, d) => write('warn', e, d),
    info: (e, d) => write('info', e, d),
  };
}

function rotate(file: string): void {
  for (let i = KEEP - 1; i >= 1; i--) {
    if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
  }
  renameSync(file, `${file}.1`);
}

export const silentLogger: Logger = { file: null, error() {}, warn() {}, info() {} };
