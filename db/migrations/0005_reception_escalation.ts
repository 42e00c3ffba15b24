import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // 上报 names a superior who signs in (an operator), so the entry can wait in their list.
    // Entries escalated before keep their typed name in escalated_to and no reference here.
    sql`ALTER TABLE reception_entries ADD COLUMN escalated_to_operator_id INTEGER REFERENCES operators(id)`,
    // When the superior's answer (a 处理人回复 after the latest 上报) was recorded.
    sql`ALTER TABLE reception_entries ADD COLUMN escalation_answered_at TEXT`,
    // "Escalated to me, waiting": a superior's badge reads this on every poll.
    sql`CREATE INDEX reception_escalated_to ON reception_entries(escalated_to_operator_id, state)
      WHERE escalated_to_operator_id IS NOT NULL`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversed: restore the backup taken before migrating.');
}
