import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type App } from '../../db/app';
import type { CommandInput, CommandName } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { Role } from '../../shared/roles';

/** A settable clock: tests move time forward to reach idle locks and expiries. */
export class TestClock {
  constructor(public time = new Date('2026-03-02T01:30:00.000Z')) {}
  now = () => new Date(this.time);
  advance(ms: number) {
    this.time = new Date(this.time.getTime() + ms);
  }
  advanceMinutes(m: number) {
    this.advance(m * 60_000);
  }
}

export interface TestApp {
  app: App;
  dir: string;
  dbPath: string;
  clock: TestClock;
  /** Run a command as the holder of `token` (null = not signed in). */
  run<N extends CommandName>(token: string | null, name: N, input?: CommandInput<N>): Promise<Result<unknown>>;
  /** Create the first admin through auth.setup; returns its session token. */
  setupAdmin(): Promise<string>;
  /** Create an operator with the given roles and sign them in; returns their token. */
  operatorWith(roles: Role[], login?: string): Promise<string>;
  close(): Promise<void>;
}

export const ADMIN = { displayName: '王管理', login: 'admin', password: 'admin-pass-1' };
export const PASSWORD = 'counter-pass-1';

/**
 * A fresh app on a real SQLite file in its own temp folder. `from` starts it on a copy of a
 * database file prepared earlier (e.g. with `VACUUM INTO`), so tests that each need the same
 * office can each have their own without building it again.
 */
export async function createTestApp(options: { setup?: 'printed' | 'trusted'; from?: string } = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'qiantai-test-'));
  const dbPath = join(dir, 'qiantai.db');
  if (options.from) copyFileSync(options.from, dbPath);
  const clock = new TestClock();
  const app = await openApp({ dbPath, logDir: join(dir, 'logs'), clock: clock.now, setup: options.setup ?? 'trusted' });
  let adminToken: string | null = null;
  let counter = 0;

  const t: TestApp = {
    app,
    dir,
    dbPath,
    clock,
    async run(token, name, input) {
      return (await app.dispatcher.run(name, input ?? {}, { sessionToken: token })).response;
    },
    async setupAdmin() {
      const out = await app.dispatcher.run('auth.setup', { ...ADMIN, setupCode: app.setupCode ?? undefined }, { sessionToken: null });
      if (!out.response.ok || !out.session?.token) throw new Error(`setup failed: ${JSON.stringify(out.response)}`);
      adminToken = out.session.token;
      return adminToken;
    },
    async operatorWith(roles, login) {
      adminToken ??= await t.setupAdmin();
      const n = ++counter;
      const name = login ?? `op${n}`;
      const created = await t.run(adminToken, 'operators.create', { displayName: `操作员${n}`, login: name, password: PASSWORD, roles });
      if (!created.ok) throw new Error(`create failed: ${JSON.stringify(created)}`);
      const out = await app.dispatcher.run('auth.login', { login: name, password: PASSWORD }, { sessionToken: null });
      if (!out.session?.token) throw new Error(`login failed: ${JSON.stringify(out.response)}`);
      return out.session.token;
    },
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

/** A fresh app with the estate 阳光花园 and operators signed in by login, e.g. `{ kefu: ['officer'] }`. */
export async function createEstateApp<L extends string>(
  logins: Record<L, Role[]>,
): Promise<{ t: TestApp; admin: string; estateId: number; tokens: Record<L, string> }> {
  const t = await createTestApp();
  const admin = await t.setupAdmin();
  const tokens = {} as Record<L, string>;
  for (const login of Object.keys(logins) as L[]) tokens[login] = await t.operatorWith(logins[login], login);
  const estateId = valueOf<{ id: number }>(await t.run(admin, 'estate.saveEstate', { name: '阳光花园' })).id;
  return { t, admin, estateId, tokens };
}

export function expectError(result: Result<unknown>): { kind: string; message: string; fields?: Record<string, string> } {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

export function valueOf<T = unknown>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}
