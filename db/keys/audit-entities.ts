import type { AuditEntityKind, RecordNames } from '../context';
import { column } from '../audit/entities';
import { keyRecordNo, type KeyRecordKind } from '../../shared/keys';

/** Loans, issues and audits are named by their printed number (JY…, FF…, PD…), which is their id. */
const recordNos =
  (kind: KeyRecordKind): RecordNames =>
  async (_db, ids) =>
    new Map(ids.map((id) => [id, keyRecordNo(kind, id)]));

/** The key desk's records as the operation log names them. */
export const KEYS_AUDIT_ENTITIES: Record<string, AuditEntityKind> = {
  key: { label: '钥匙', names: column('keys', 'tag') },
  key_loan: { label: '钥匙借用', names: recordNos('loan') },
  key_issue: { label: '钥匙发放', names: recordNos('issue') },
  key_deposit: { label: '业主寄存钥匙', names: column('key_deposits', 'depositor_name') },
  key_audit: { label: '钥匙盘点', names: recordNos('audit') },
};
