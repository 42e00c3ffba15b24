import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation';

/**
 * Statically imported so a bundled main process needs no migrations folder. Names sort;
 * append only — a shipped migration is never edited.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': m0001,
};
