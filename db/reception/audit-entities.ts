import type { AuditEntityKind } from '../context';
import { column } from '../audit/entities';

/** The reception log's records as the operation log names them. */
export const RECEPTION_AUDIT_ENTITIES: Record<string, AuditEntityKind> = {
  reception_entry: { label: '接待登记', names: column('reception_entries', 'no') },
  reception_visitor: { label: '访客登记', names: column('reception_visitors', 'no') },
  reception_handover: { label: '交班表', names: column('reception_handovers', 'no') },
  // Keyed by the exported file's name (日报表 of a day, 交班表 of a minute): there is no stored record.
  reception_report: { label: '接待报表导出' },
};
