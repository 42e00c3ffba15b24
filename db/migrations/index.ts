import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_estate';
import * as m0003 from './0003_reception';
import * as m0004 from './0004_roster_mappings';
import * as m0005 from './0005_reception_escalation';
import * as m0006 from './0006_trusted_clients';
import * as m0007 from './0007_audit_approver';
import * as m0008 from './0008_counter_lookup_indexes';
import * as m0009 from './0009_print_log';
import * as m0010 from './0010_reception_limits_minutes';
import * as m0011 from './0011_repairs';
import * as m0012 from './0012_fees_billing';
import * as m0013 from './0013_fees_counter';
import * as m0014 from './0014_repair_order_count';
import * as m0015 from './0015_gate_guard_role';
import * as m0017 from './0017_passes';

/**
 * Statically imported so a bundled main process needs no migrations folder. Names sort;
 * append only — a shipped migration is never edited.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_estate': m0002,
  '0003_reception': m0003,
  '0004_roster_mappings': m0004,
  '0005_reception_escalation': m0005,
  '0006_trusted_clients': m0006,
  '0007_audit_approver': m0007,
  '0008_counter_lookup_indexes': m0008,
  '0009_print_log': m0009,
  '0010_reception_limits_minutes': m0010,
  '0011_repairs': m0011,
  '0012_fees_billing': m0012,
  '0013_fees_counter': m0013,
  '0014_repair_order_count': m0014,
  '0015_gate_guard_role': m0015,
  '0017_passes': m0017,
};
