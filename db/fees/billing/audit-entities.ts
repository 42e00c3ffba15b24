import type { AuditEntityKind } from '../../context';
import { column } from '../../audit/entities';

/** The billing side's records as the operation log names them. Bills are the fees desk's (repairs makes some). */
export const FEES_BILLING_AUDIT_ENTITIES: Record<string, AuditEntityKind> = {
  bill: { label: '账单', names: column('bills', 'item') },
  fee_item: { label: '收费项目', names: column('fee_items', 'name') },
  fee_assignment: { label: '收费范围' },
  meter_reading: { label: '抄表读数' },
  vacancy: { label: '空置登记' },
  fee_run: { label: '月度账单' },
};
