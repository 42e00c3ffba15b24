import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // One row per piece of information received. Its deadlines are fixed when it is logged
    // (the limits in force then); next_due_at is the earliest deadline still owed, kept with the
    // row so overdue / due-soon lists are index range scans at hundreds of thousands of rows.
    sql`CREATE TABLE reception_entries (
      id INTEGER PRIMARY KEY,
      no TEXT NOT NULL UNIQUE CHECK (length(no) = 14),
      channel TEXT NOT NULL CHECK (channel IN ('visit','call','staff','other')),
      category TEXT NOT NULL CHECK (category IN ('repair','complaint','suggestion','enquiry','staff_feedback','other')),
      urgency TEXT NOT NULL CHECK (urgency IN ('ordinary','major')),
      unit_id INTEGER REFERENCES units(id),
      person_id INTEGER REFERENCES people(id),
      contact_name TEXT NOT NULL DEFAULT '' CHECK (length(contact_name) <= 40),
      contact_phone TEXT NOT NULL DEFAULT '' CHECK (length(contact_phone) <= 20),
      content TEXT NOT NULL CHECK (length(content) BETWEEN 1 AND 1000),
      repair_scope TEXT CHECK (repair_scope IS NULL OR repair_scope IN ('in_home','public')),
      handler_staff_id INTEGER REFERENCES staff(id),
      handler_department_id INTEGER REFERENCES departments(id),
      received_at TEXT NOT NULL,
      own_due_at TEXT,
      handler_due_at TEXT NOT NULL,
      escalate_due_at TEXT NOT NULL,
      owner_due_at TEXT,
      handler_answered_at TEXT,
      owner_answered_at TEXT,
      escalated_at TEXT,
      escalated_to TEXT NOT NULL DEFAULT '',
      supervisor_ack_at TEXT,
      state TEXT NOT NULL CHECK (state IN ('open','closed','voided')),
      next_due_at TEXT,
      result TEXT NOT NULL DEFAULT '' CHECK (length(result) <= 500),
      closed_at TEXT,
      void_reason TEXT NOT NULL DEFAULT '',
      print_count INTEGER NOT NULL DEFAULT 0,
      created_by INTEGER NOT NULL REFERENCES operators(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (state <> 'closed' OR (length(result) > 0 AND closed_at IS NOT NULL)),
      CHECK (state <> 'voided' OR length(void_reason) > 0),
      CHECK (state = 'open' OR next_due_at IS NULL)
    ) STRICT`,
    sql`CREATE TRIGGER reception_entries_never_deleted BEFORE DELETE ON reception_entries
      BEGIN SELECT RAISE(ABORT, '接待登记不可删除，请作废'); END`,
    sql`CREATE INDEX reception_received ON reception_entries(received_at)`,
    sql`CREATE INDEX reception_due ON reception_entries(state, next_due_at)`,
    sql`CREATE INDEX reception_unit ON reception_entries(unit_id, received_at)`,
    sql`CREATE INDEX reception_category ON reception_entries(category, received_at)`,
    sql`CREATE INDEX reception_state ON reception_entries(state, received_at)`,
    sql`CREATE INDEX reception_handler ON reception_entries(handler_staff_id, received_at)`,
    sql`CREATE INDEX reception_department ON reception_entries(handler_department_id, received_at)`,
    // Reports ask "what was open at time T": open now, or closed after T.
    sql`CREATE INDEX reception_closed ON reception_entries(closed_at) WHERE closed_at IS NOT NULL`,
    sql`CREATE INDEX reception_creator ON reception_entries(created_by, state)`,
    sql`CREATE INDEX reception_major ON reception_entries(urgency, supervisor_ack_at) WHERE urgency = 'major'`,
    // The timeline: append-only, like the paper register's follow-up column.
    sql`CREATE TABLE reception_events (
      id INTEGER PRIMARY KEY,
      entry_id INTEGER NOT NULL REFERENCES reception_entries(id),
      kind TEXT NOT NULL CHECK (kind IN ('logged','note','handler_reply','owner_reply','escalate','assign','supervisor_ack','close','reopen','void','print')),
      at TEXT NOT NULL,
      operator_id INTEGER NOT NULL REFERENCES operators(id),
      text TEXT NOT NULL DEFAULT '' CHECK (length(text) <= 600)
    ) STRICT`,
    sql`CREATE INDEX reception_events_entry ON reception_events(entry_id, id)`,
    sql`CREATE TRIGGER reception_events_never_updated BEFORE UPDATE ON reception_events
      BEGIN SELECT RAISE(ABORT, '跟进记录不可修改'); END`,
    sql`CREATE TRIGGER reception_events_never_deleted BEFORE DELETE ON reception_events
      BEGIN SELECT RAISE(ABORT, '跟进记录不可删除'); END`,
    // 业主投诉及建议记录: a complaint or suggestion entry's own record (number, respondent, satisfaction).
    sql`CREATE TABLE reception_complaints (
      entry_id INTEGER PRIMARY KEY REFERENCES reception_entries(id),
      no TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('complaint','suggestion')),
      respondent TEXT NOT NULL DEFAULT '' CHECK (length(respondent) <= 60),
      satisfaction TEXT CHECK (satisfaction IS NULL OR satisfaction IN ('satisfied','fair','unsatisfied'))
    ) STRICT`,
    sql`CREATE TRIGGER reception_complaints_never_deleted BEFORE DELETE ON reception_complaints
      BEGIN SELECT RAISE(ABORT, '投诉记录不可删除'); END`,
    // 访客登记: non-residents in and out.
    sql`CREATE TABLE reception_visitors (
      id INTEGER PRIMARY KEY,
      no TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
      phone TEXT NOT NULL DEFAULT '' CHECK (length(phone) <= 20),
      unit_id INTEGER REFERENCES units(id),
      reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
      plate TEXT NOT NULL DEFAULT '' CHECK (length(plate) <= 12),
      companions INTEGER NOT NULL DEFAULT 0 CHECK (companions BETWEEN 0 AND 50),
      in_at TEXT NOT NULL,
      out_at TEXT,
      voided_at TEXT,
      void_reason TEXT NOT NULL DEFAULT '',
      created_by INTEGER NOT NULL REFERENCES operators(id),
      created_at TEXT NOT NULL,
      CHECK (out_at IS NULL OR out_at >= in_at)
    ) STRICT`,
    sql`CREATE TRIGGER reception_visitors_never_deleted BEFORE DELETE ON reception_visitors
      BEGIN SELECT RAISE(ABORT, '访客记录不可删除，请作废'); END`,
    sql`CREATE INDEX reception_visitors_in ON reception_visitors(in_at)`,
    sql`CREATE INDEX reception_visitors_open ON reception_visitors(out_at, in_at) WHERE out_at IS NULL`,
    sql`CREATE INDEX reception_visitors_unit ON reception_visitors(unit_id, in_at)`,
    // Daily sequences for entry, complaint and visitor numbers (JD/TS/FK + office date + 4 digits).
    sql`CREATE TABLE serial_counters (
      prefix TEXT NOT NULL,
      day TEXT NOT NULL,
      last INTEGER NOT NULL,
      PRIMARY KEY (prefix, day)
    ) STRICT`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversed: restore the backup taken before migrating.');
}
