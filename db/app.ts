import { connect, type OpenOptions } from './connection';
import { migrate, type MigrateResult } from './migrate';
import { createDispatcher, type Dispatcher } from './dispatcher';
import { DESK_REGISTRY, handlers } from './desks';
import { createLoginThrottle } from './auth/throttle';
import { newSetupCode } from './auth/setup-code';
import { createRateLimiter } from './rate-limit';
import { createFileLogger, silentLogger, type Logger } from './log';
import { operatorCount } from './operators/service';
import type { Connection } from './connection';
import type { Services } from './context';

export interface AppOptions extends OpenOptions {
  dbPath: string;
  /** Rotating log of internal errors; omitted in unit tests. */
  logDir?: string;
  /** Where the pre-migration backup goes (default: `backups/` beside the database). */
  backupDir?: string;
  clock?: () => Date;
  /**
   * 'printed': first-run admin setup needs a one-time code shown on the host's console
   * (browser mode, where any local page could otherwise claim the admin account);
   * 'trusted': the transport is the app's own window (Electron).
   */
  setup: 'printed' | 'trusted';
}

export interface App {
  dispatcher: Dispatcher;
  connection: Connection;
  migration: MigrateResult;
  /** The code to print for first-run setup, or null when setup is done or trusted. */
  setupCode: string | null;
  log: Logger;
  close(): Promise<void>;
}

/** The long-lived helpers of one running app (throttles and limits start empty). */
export function createServices(options: { setupCode: string | null; log: Logger }): Services {
  const limits = createRateLimiter();
  return { setupCode: options.setupCode, loginThrottle: createLoginThrottle(limits), limits, log: options.log, desks: DESK_REGISTRY };
}

/** Open (and migrate) the database and wire the dispatcher: the whole back end in one call. */
export async function openApp(options: AppOptions): Promise<App> {
  const connection = connect(options.dbPath, options);
  try {
    const clock = options.clock ?? (() => new Date());
    const migration = await migrate(connection, { backupDir: options.backupDir, now: clock() });
    const log = options.logDir ? createFileLogger(options.logDir) : silentLogger;
    const needsSetup = (await operatorCount(connection.db)) === 0;
    const setupCode = options.setup === 'printed' && needsSetup ? newSetupCode() : null;
    const services = createServices({ setupCode, log });
    const dispatcher = createDispatcher({ db: connection.db, sqlite: connection.sqlite, handlers, services, clock });
    return {
      dispatcher,
      connection,
      migration,
      setupCode,
      log,
      async close() {
        await connection.db.destroy();
      },
    };
  } catch (e) {
    connection.sqlite.close();
    throw e;
  }
}
