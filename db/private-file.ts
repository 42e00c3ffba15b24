import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/**
 * The database, its -wal/-shm, backups and logs hold ID numbers, mobiles and who did what: only the
 * account running the app may read them. Modes are set with chmod, so the machine's umask cannot
 * widen them. On Windows chmod only toggles read-only and these bits mean nothing; there the files
 * inherit the user profile folder's ACL, which is already private to the user.
 */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/** Make a file private if it exists (one written by an older version, or created just now by SQLite). */
export function keepPrivate(path: string): void {
  if (process.platform !== 'win32' && existsSync(path)) chmodSync(path, PRIVATE_FILE);
}

/**
 * Create `path` empty and private before SQLite or a logger writes to it (SQLite gives the -wal and
 * -shm files the mode of the database file), or make an existing one private.
 */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE));
  keepPrivate(path);
}

/** A folder for private files: created 0700 (an existing one is left as the office set it). */
export function createPrivateDir(path: string): void {
  if (existsSync(path)) return;
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR });
  if (process.platform !== 'win32') chmodSync(path, PRIVATE_DIR);
}
