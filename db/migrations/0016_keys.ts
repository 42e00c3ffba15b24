import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// 钥匙管理 (#14): the key register, loans, issues to owners, owner deposits, the key's history and
// the cabinet audits. Loans, issues, deposits, events and audits are never deleted; what a loan
// recorded is never rewritten — only its due time moves while it is open (an extension, itself an
// event), and its closing fields are set once.
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // One row per key or key set (钥匙串). The tag is printed on the label and never reused: a
    // re-cut key (复配) is a new row with a new tag, pointing at the key it replaces.
    sql`CREATE TABLE keys (
      id INTEGER PRIMARY KEY,
      tag TEXT NOT NULL UNIQUE CHECK (length(tag) BETWEEN 3 AND 20),
      unit_id INTEGER REFERENCES units(id),
      place TEXT CHECK (place IS NULL OR place IN ('plant_room','power_room','roof','public_area','other')),
      place_note TEXT NOT NULL DEFAULT '' CHECK (length(place_note) <= 40),
      key_class TEXT NOT NULL CHECK (key_class IN ('vacant','deposited','rectification','public')),
      key_count INTEGER NOT NULL CHECK (key_count BETWEEN 1 AND 50),
      short_count INTEGER NOT NULL DEFAULT 0 CHECK (short_count BETWEEN 0 AND key_count),
      cabinet TEXT NOT NULL CHECK (length(cabinet) BETWEEN 1 AND 10),
      hook TEXT NOT NULL DEFAULT '' CHECK (length(hook) <= 10),
      state TEXT NOT NULL CHECK (state IN ('in_cabinet','lent','issued','lost','retired')),
      needs_relabel INTEGER NOT NULL DEFAULT 0 CHECK (needs_relabel IN (0, 1)),
      note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
      replaces_key_id INTEGER REFERENCES keys(id),
      created_by INTEGER NOT NULL REFERENCES operators(id),
      registered_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((unit_id IS NULL) <> (place IS NULL))
    ) STRICT`,
    sql`CREATE TRIGGER keys_never_deleted BEFORE DELETE ON keys
      BEGIN SELECT RAISE(ABORT, '钥匙不可删除，请注销'); END`,
    sql`CREATE TRIGGER keys_tag_fixed BEFORE UPDATE OF tag, unit_id, place, registered_at, created_by, replaces_key_id ON keys
      WHEN NEW.tag IS NOT OLD.tag OR NEW.unit_id IS NOT OLD.unit_id OR NEW.place IS NOT OLD.place OR NEW.registered_at IS NOT OLD.registered_at
        OR NEW.created_by IS NOT OLD.created_by OR NEW.replaces_key_id IS NOT OLD.replaces_key_id
      BEGIN SELECT RAISE(ABORT, '钥匙的标签号和所属房屋不可修改'); END`,
    sql`CREATE TRIGGER keys_retired_final BEFORE UPDATE OF state ON keys
      WHEN OLD.state = 'retired' AND NEW.state <> 'retired'
      BEGIN SELECT RAISE(ABORT, '已注销的钥匙不能恢复'); END`,
    sql`CREATE INDEX keys_unit ON keys(unit_id) WHERE unit_id IS NOT NULL`,
    sql`CREATE INDEX keys_state ON keys(state, cabinet, hook)`,
    sql`CREATE INDEX keys_position ON keys(cabinet, hook)`,
    sql`CREATE INDEX keys_replaces ON keys(replaces_key_id) WHERE replaces_key_id IS NOT NULL`,
    sql`CREATE INDEX keys_relabel ON keys(needs_relabel) WHERE needs_relabel = 1`,
    // 借用: one row per loan. One open loan per key (the partial unique index); overdue and due-soon
    // lists are range scans of the open loans' due_at.
    sql`CREATE TABLE key_loans (
      id INTEGER PRIMARY KEY,
      key_id INTEGER NOT NULL REFERENCES keys(id),
      borrower_type TEXT NOT NULL CHECK (borrower_type IN ('owner','household','staff','contractor','sales','other')),
      person_id INTEGER REFERENCES people(id),
      borrower_key TEXT NOT NULL CHECK (length(borrower_key) BETWEEN 1 AND 120),
      borrower_name TEXT NOT NULL CHECK (length(borrower_name) BETWEEN 1 AND 40),
      borrower_phone TEXT NOT NULL DEFAULT '' CHECK (length(borrower_phone) <= 20),
      organisation TEXT NOT NULL DEFAULT '' CHECK (length(organisation) <= 60),
      id_tail TEXT NOT NULL DEFAULT '' CHECK (length(id_tail) <= 6),
      purpose TEXT NOT NULL CHECK (length(purpose) BETWEEN 1 AND 200),
      key_count INTEGER NOT NULL CHECK (key_count BETWEEN 1 AND 50),
      lent_at TEXT NOT NULL,
      first_due_at TEXT NOT NULL,
      due_at TEXT NOT NULL,
      authorisation TEXT NOT NULL DEFAULT '' CHECK (length(authorisation) <= 200),
      confirm_phone TEXT NOT NULL DEFAULT '' CHECK (length(confirm_phone) <= 20),
      confirm_at TEXT,
      confirm_by TEXT NOT NULL DEFAULT '' CHECK (length(confirm_by) <= 20),
      entry_id INTEGER REFERENCES reception_entries(id),
      operator_id INTEGER NOT NULL REFERENCES operators(id),
      approver_id INTEGER REFERENCES operators(id),
      returned_at TEXT,
      outcome TEXT CHECK (outcome IS NULL OR outcome IN ('returned','lost')),
      returned_count INTEGER CHECK (returned_count IS NULL OR returned_count BETWEEN 0 AND 50),
      condition TEXT NOT NULL DEFAULT '' CHECK (length(condition) <= 200),
      closed_by INTEGER REFERENCES operators(id),
      CHECK ((returned_at IS NULL) = (outcome IS NULL) AND (returned_at IS NULL) = (closed_by IS NULL))
    ) STRICT`,
    sql`CREATE TRIGGER key_loans_never_deleted BEFORE DELETE ON key_loans
      BEGIN SELECT RAISE(ABORT, '借用记录不可删除'); END`,
    sql`CREATE TRIGGER key_loans_closed_final BEFORE UPDATE ON key_loans
      WHEN OLD.returned_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, '已归还的借用记录不可修改'); END`,
    sql`CREATE TRIGGER key_loans_recorded_fixed BEFORE UPDATE ON key_loans
      WHEN NEW.key_id IS NOT OLD.key_id OR NEW.borrower_type IS NOT OLD.borrower_type OR NEW.person_id IS NOT OLD.person_id
        OR NEW.borrower_key IS NOT OLD.borrower_key OR NEW.borrower_name IS NOT OLD.borrower_name OR NEW.borrower_phone IS NOT OLD.borrower_phone
        OR NEW.organisation IS NOT OLD.organisation OR NEW.id_tail IS NOT OLD.id_tail OR NEW.purpose IS NOT OLD.purpose
        OR NEW.key_count IS NOT OLD.key_count OR NEW.lent_at IS NOT OLD.lent_at OR NEW.first_due_at IS NOT OLD.first_due_at
        OR NEW.authorisation IS NOT OLD.authorisation OR NEW.confirm_phone IS NOT OLD.confirm_phone OR NEW.confirm_at IS NOT OLD.confirm_at
        OR NEW.confirm_by IS NOT OLD.confirm_by OR NEW.entry_id IS NOT OLD.entry_id OR NEW.operator_id IS NOT OLD.operator_id
        OR NEW.approver_id IS NOT OLD.approver_id
      BEGIN SELECT RAISE(ABORT, '借用登记的内容不可修改'); END`,
    sql`CREATE UNIQUE INDEX key_loans_one_open ON key_loans(key_id) WHERE returned_at IS NULL`,
    sql`CREATE INDEX key_loans_due ON key_loans(due_at) WHERE returned_at IS NULL`,
    sql`CREATE INDEX key_loans_key ON key_loans(key_id, lent_at)`,
    sql`CREATE INDEX key_loans_borrower ON key_loans(borrower_key, lent_at)`,
    sql`CREATE INDEX key_loans_open_borrower ON key_loans(borrower_key) WHERE returned_at IS NULL`,
    sql`CREATE INDEX key_loans_lent ON key_loans(lent_at)`,
    // 发放: the line of the 钥匙发放登记表; the document's last digits only.
    sql`CREATE TABLE key_issues (
      id INTEGER PRIMARY KEY,
      key_id INTEGER NOT NULL REFERENCES keys(id),
      person_id INTEGER REFERENCES people(id),
      recipient_name TEXT NOT NULL CHECK (length(recipient_name) BETWEEN 1 AND 40),
      doc_type TEXT NOT NULL CHECK (doc_type IN ('id_card','passport','hk_macau_permit','taiwan_permit','other')),
      doc_tail TEXT NOT NULL CHECK (length(doc_tail) BETWEEN 4 AND 6),
      keys_counted INTEGER NOT NULL CHECK (keys_counted BETWEEN 1 AND 50),
      acknowledged INTEGER NOT NULL CHECK (acknowledged = 1),
      note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
      issued_at TEXT NOT NULL,
      operator_id INTEGER NOT NULL REFERENCES operators(id)
    ) STRICT`,
    sql`CREATE INDEX key_issues_key ON key_issues(key_id, issued_at)`,
    // 业主寄存: who deposited, the 委托书, whom the owner allows to collect (a JSON list of names).
    sql`CREATE TABLE key_deposits (
      id INTEGER PRIMARY KEY,
      key_id INTEGER NOT NULL REFERENCES keys(id),
      person_id INTEGER REFERENCES people(id),
      depositor_name TEXT NOT NULL CHECK (length(depositor_name) BETWEEN 1 AND 40),
      depositor_phone TEXT NOT NULL CHECK (length(depositor_phone) <= 20),
      authorisation TEXT NOT NULL CHECK (length(authorisation) BETWEEN 1 AND 200),
      allowed_collectors TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(allowed_collectors) AND json_type(allowed_collectors) = 'array'),
      note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
      deposited_at TEXT NOT NULL,
      operator_id INTEGER NOT NULL REFERENCES operators(id)
    ) STRICT`,
    sql`CREATE INDEX key_deposits_key ON key_deposits(key_id, deposited_at)`,
    // The key's history: every step, chase and extension, append only.
    sql`CREATE TABLE key_events (
      id INTEGER PRIMARY KEY,
      key_id INTEGER NOT NULL REFERENCES keys(id),
      loan_id INTEGER REFERENCES key_loans(id),
      kind TEXT NOT NULL CHECK (kind IN ('registered','updated','lent','returned','issued','deposited','lost','recut','retired','extended','chased','relabel','printed')),
      at TEXT NOT NULL,
      operator_id INTEGER NOT NULL REFERENCES operators(id),
      approver_id INTEGER REFERENCES operators(id),
      text TEXT NOT NULL DEFAULT '' CHECK (length(text) <= 500)
    ) STRICT`,
    sql`CREATE INDEX key_events_key ON key_events(key_id, at)`,
    sql`CREATE INDEX key_events_loan ON key_events(loan_id, kind) WHERE loan_id IS NOT NULL`,
    // 盘点: one open audit at a time; its lists are kept as they were when it finished (result).
    sql`CREATE TABLE key_audits (
      id INTEGER PRIMARY KEY,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
      operator_id INTEGER NOT NULL REFERENCES operators(id),
      result TEXT CHECK (result IS NULL OR json_valid(result)),
      CHECK ((finished_at IS NULL) = (result IS NULL))
    ) STRICT`,
    sql`CREATE UNIQUE INDEX key_audits_one_open ON key_audits((finished_at IS NULL)) WHERE finished_at IS NULL`,
    sql`CREATE INDEX key_audits_started ON key_audits(started_at)`,
    sql`CREATE TRIGGER key_audits_finished_final BEFORE UPDATE ON key_audits
      WHEN OLD.finished_at IS NOT NULL OR NEW.started_at IS NOT OLD.started_at OR NEW.operator_id IS NOT OLD.operator_id
      BEGIN SELECT RAISE(ABORT, '已结束的盘点不可修改'); END`,
    sql`CREATE TABLE key_audit_scans (
      id INTEGER PRIMARY KEY,
      audit_id INTEGER NOT NULL REFERENCES key_audits(id),
      tag TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 40),
      key_id INTEGER REFERENCES keys(id),
      result TEXT NOT NULL CHECK (result IN ('present','unexpected','unknown')),
      at TEXT NOT NULL,
      operator_id INTEGER NOT NULL REFERENCES operators(id),
      UNIQUE (audit_id, tag)
    ) STRICT`,
  ];
  for (const table of ['key_issues', 'key_deposits', 'key_events', 'key_audit_scans']) {
    statements.push(sql`CREATE TRIGGER ${sql.raw(`${table}_never_updated`)} BEFORE UPDATE ON ${sql.raw(table)}
      BEGIN SELECT RAISE(ABORT, '钥匙记录不可修改'); END`);
  }
  for (const table of ['key_issues', 'key_deposits', 'key_events', 'key_audits', 'key_audit_scans']) {
    statements.push(sql`CREATE TRIGGER ${sql.raw(`${table}_never_deleted`)} BEFORE DELETE ON ${sql.raw(table)}
      BEGIN SELECT RAISE(ABORT, '钥匙记录不可删除'); END`);
  }
  for (const statement of statements) await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversed: restore the backup taken before migrating.');
}
