import type { AuditEntry, PrepareContext } from '../context';
import { auditRow } from '../dispatcher';

/**
 * An audit row that must outlive the answer it goes with. A refusal (an ID clash, a burst of
 * reads) throws, and throwing rolls back the command's transaction with every ctx.audit row in it;
 * so these rows are written from the command's `prepare` step, on their own, before the refusal.
 * No approver: a prepare step runs before the dispatcher has checked one.
 */
export async function auditOnItsOwn(pre: PrepareContext, entry: AuditEntry): Promise<void> {
  await pre.db
    .insertInto('audit_log')
    .values(auditRow({ at: pre.now.toISOString(), operator: pre.operator, approver: null, command: pre.command }, entry))
    .execute();
}
