import type { AuditEntityKind } from '../context';
import { column } from '../audit/entities';

/** The repairs desk's records as the operation log names them. */
export const REPAIRS_AUDIT_ENTITIES: Record<string, AuditEntityKind> = {
  repair_order: { label: '维修单', names: column('repair_orders', 'no') },
};
