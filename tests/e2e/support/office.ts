import { startPreparedHost, type PreparedHost } from './server';

/** The first admin of a new office (no estate, no units yet). */
export const OFFICE_ADMIN = { login: 'admin', password: 'office-admin-1' } as const;

export type OfficeHost = PreparedHost;

/**
 * A new office's browser-mode host: an empty database whose first admin exists (created through
 * the dispatcher in a child process, as `npm run demo` creates its operators), nothing else.
 */
export function startNewOffice(name: string): Promise<OfficeHost> {
  return startPreparedHost(name, (dbPath) => ['--import', 'tsx', 'tests/e2e/support/new-office-cli.ts', dbPath, OFFICE_ADMIN.login, OFFICE_ADMIN.password]);
}
