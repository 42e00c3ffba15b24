import type { AuditEntityKind } from '../context';
import { column } from '../audit/entities';

/** The passes desk's records as the operation log names them. */
export const PASSES_AUDIT_ENTITIES: Record<string, AuditEntityKind> = {
  pass: { label: '放行条', names: column('passes', 'no') },
};
