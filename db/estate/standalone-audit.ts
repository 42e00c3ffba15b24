import type { AuditEntry, PrepareContext } from '../context';

/**
 * An audit row that must outlive the answer it goes with. A refusal (an ID clash, a burst of
 * reads) throws, and throwing rolls back the command's transaction with every ctx.audit row in it;
 * so these rows are written from the command's `prepare` step, on their own, before the refusal.
 * Same columns as ctx.audit (db/dispatcher.ts).
 */
export async function auditOnItsOwn(pre: PrepareContext, entry: AuditEntry): Promise<void> {
  await pre.db
    .insertInto('audit_log')
    .values({
      at: pre.now.toISOString(),
      operator_id: pre.operator?.id ?? null,
      command: pre.command,
      entity: entry.entity,
      entity_id: entry.entityId === null ? null : String(entry.entityId),
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}
