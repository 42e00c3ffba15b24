import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // Every copy that went out, for any form of any desk: a form's 补打 count is the number of its
    // rows for that record. Written when the job reports printed (or the PDF saved), never when a
    // preview opens; like the paper register of issued forms, never changed or removed.
    sql`CREATE TABLE print_log (
      id INTEGER PRIMARY KEY,
      form_key TEXT NOT NULL CHECK (length(form_key) BETWEEN 1 AND 40),
      record_no TEXT NOT NULL CHECK (length(record_no) BETWEEN 1 AND 60),
      printed_at TEXT NOT NULL,
      operator_id INTEGER NOT NULL REFERENCES operators(id),
      copies INTEGER NOT NULL CHECK (copies BETWEEN 1 AND 99),
      output TEXT NOT NULL CHECK (output IN ('printer','pdf','dialog','legacy'))
    ) STRICT`,
    sql`CREATE INDEX print_log_record ON print_log(form_key, record_no)`,
    sql`CREATE TRIGGER print_log_never_updated BEFORE UPDATE ON print_log
      BEGIN SELECT RAISE(ABORT, '打印记录不可修改'); END`,
    sql`CREATE TRIGGER print_log_never_deleted BEFORE DELETE ON print_log
      BEGIN SELECT RAISE(ABORT, '打印记录不可删除'); END`,
    // Slips printed before this table existed were counted when their preview opened (a 'print'
    // line on the entry's timeline each time): carried over so their next copy still says 补打.
    sql`INSERT INTO print_log (form_key, record_no, printed_at, operator_id, copies, output)
      SELECT 'work-contact-slip', e.no, ev.at, ev.operator_id, 1, 'legacy'
      FROM reception_events ev JOIN reception_entries e ON e.id = ev.entry_id
      WHERE ev.kind = 'print' ORDER BY ev.id`,
    // 交班表 as printed: the handover's content (JSON) stored under its own number, so a reprint
    // shows what the shifts signed, not what is open now.
    sql`CREATE TABLE reception_handovers (
      id INTEGER PRIMARY KEY,
      no TEXT NOT NULL UNIQUE,
      generated_at TEXT NOT NULL,
      operator_id INTEGER NOT NULL REFERENCES operators(id),
      content TEXT NOT NULL CHECK (json_valid(content))
    ) STRICT`,
    sql`CREATE INDEX reception_handovers_generated ON reception_handovers(generated_at)`,
    sql`CREATE TRIGGER reception_handovers_never_updated BEFORE UPDATE ON reception_handovers
      BEGIN SELECT RAISE(ABORT, '交班表不可修改'); END`,
    sql`CREATE TRIGGER reception_handovers_never_deleted BEFORE DELETE ON reception_handovers
      BEGIN SELECT RAISE(ABORT, '交班表不可删除'); END`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversed: restore the backup taken before migrating.');
}
