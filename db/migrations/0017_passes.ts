import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// 物品放行 (#15): the goods-release pass, its item lines and its timeline. Passes are records with
// legal weight: never deleted; their state moves only forward (the UPDATE trigger below, besides
// the handlers' own checks), so a used, refused, expired or voided pass can never be used again,
// and an approved pass's details and items are fixed.
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE passes (
      id INTEGER PRIMARY KEY,
      no TEXT NOT NULL UNIQUE CHECK (length(no) = 12),
      state TEXT NOT NULL CHECK (state IN ('pending','approved','released','refused','expired','voided')),
      type TEXT NOT NULL CHECK (type IN ('moving','goods_out','tools','company','other')),
      applicant_type TEXT NOT NULL CHECK (applicant_type IN ('owner','tenant','agent','company')),
      person_id INTEGER REFERENCES people(id),
      applicant_name TEXT NOT NULL CHECK (length(applicant_name) BETWEEN 1 AND 40),
      applicant_phone TEXT NOT NULL DEFAULT '' CHECK (length(applicant_phone) <= 20),
      applicant_id_tail TEXT NOT NULL DEFAULT '' CHECK (length(applicant_id_tail) <= 6),
      unit_id INTEGER NOT NULL REFERENCES units(id),
      -- The unit's building when the pass was applied for: the monthly report counts by it.
      building_id INTEGER NOT NULL REFERENCES buildings(id),
      planned_at TEXT NOT NULL,
      valid_from TEXT NOT NULL,
      valid_until TEXT NOT NULL CHECK (valid_until > valid_from),
      plate TEXT CHECK (plate IS NULL OR length(plate) BETWEEN 7 AND 8),
      driver_name TEXT NOT NULL DEFAULT '' CHECK (length(driver_name) <= 40),
      driver_id_tail TEXT NOT NULL DEFAULT '' CHECK (length(driver_id_tail) <= 6),
      items_revision INTEGER NOT NULL DEFAULT 1 CHECK (items_revision >= 1),
      items_text TEXT NOT NULL CHECK (length(items_text) BETWEEN 1 AND 2000),
      confirm_method TEXT CHECK (confirm_method IS NULL OR confirm_method IN ('phone','in_person','written')),
      confirm_at TEXT,
      confirm_owner TEXT NOT NULL DEFAULT '' CHECK (length(confirm_owner) <= 40),
      confirm_taken_by TEXT NOT NULL DEFAULT '' CHECK (length(confirm_taken_by) <= 40),
      auth_owner TEXT NOT NULL DEFAULT '' CHECK (length(auth_owner) <= 40),
      auth_signed_on TEXT,
      auth_note TEXT NOT NULL DEFAULT '' CHECK (length(auth_note) <= 200),
      release_certificate_no TEXT NOT NULL DEFAULT '' CHECK (length(release_certificate_no) <= 40),
      notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 300),
      approved_at TEXT,
      approved_by INTEGER REFERENCES operators(id),
      override_reason TEXT NOT NULL DEFAULT '' CHECK (length(override_reason) <= 200),
      override_approver_id INTEGER REFERENCES operators(id),
      override_unpaid_fen INTEGER CHECK (override_unpaid_fen IS NULL OR override_unpaid_fen > 0),
      override_unpaid_count INTEGER CHECK (override_unpaid_count IS NULL OR override_unpaid_count > 0),
      gate_at TEXT,
      gate_operator_id INTEGER REFERENCES operators(id),
      gate_plate TEXT CHECK (gate_plate IS NULL OR length(gate_plate) BETWEEN 7 AND 8),
      gate_driver_name TEXT NOT NULL DEFAULT '' CHECK (length(gate_driver_name) <= 40),
      gate_driver_id_tail TEXT NOT NULL DEFAULT '' CHECK (length(gate_driver_id_tail) <= 6),
      gate_notes TEXT NOT NULL DEFAULT '' CHECK (length(gate_notes) <= 300),
      gate_mismatched TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(gate_mismatched)),
      voided_at TEXT,
      voided_by INTEGER REFERENCES operators(id),
      void_reason TEXT NOT NULL DEFAULT '' CHECK (length(void_reason) <= 200),
      expired_at TEXT,
      reissued_from_id INTEGER UNIQUE REFERENCES passes(id),
      created_by INTEGER NOT NULL REFERENCES operators(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      CHECK (applicant_type <> 'tenant' OR (confirm_method IS NOT NULL AND confirm_at IS NOT NULL AND length(confirm_owner) > 0 AND length(confirm_taken_by) > 0)),
      CHECK (applicant_type <> 'agent' OR (length(auth_owner) > 0 AND auth_signed_on IS NOT NULL)),
      CHECK ((applicant_type <> 'company' AND type <> 'company') OR length(release_certificate_no) > 0),
      CHECK (state IN ('pending','voided','expired') OR (approved_at IS NOT NULL AND approved_by IS NOT NULL)),
      CHECK ((override_approver_id IS NULL) = (length(override_reason) = 0)),
      CHECK (state NOT IN ('released','refused') OR (gate_at IS NOT NULL AND gate_operator_id IS NOT NULL)),
      CHECK (state <> 'refused' OR length(gate_notes) > 0),
      CHECK (state <> 'voided' OR (voided_at IS NOT NULL AND length(void_reason) > 0)),
      CHECK (state <> 'expired' OR expired_at IS NOT NULL)
    ) STRICT`,
    sql`CREATE TRIGGER passes_never_deleted BEFORE DELETE ON passes
      BEGIN SELECT RAISE(ABORT, '放行条不可删除，请作废'); END`,
    // Forward only: 待审批 may be edited, approved, voided or found expired; 已批准 may only go out,
    // be refused, expire or be voided — its details stay as approved; the final states never change.
    sql`CREATE TRIGGER passes_forward_only BEFORE UPDATE ON passes
      WHEN NOT (
        (OLD.state = 'pending' AND NEW.state IN ('pending','approved','expired','voided'))
        OR (OLD.state = 'approved' AND NEW.state IN ('released','refused','expired','voided'))
      ) OR NEW.no IS NOT OLD.no OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        OR NEW.reissued_from_id IS NOT OLD.reissued_from_id
      BEGIN SELECT RAISE(ABORT, '放行条状态只能向前推进，已使用、已拒绝、已过期或已作废的放行条不可再改'); END`,
    sql`CREATE TRIGGER passes_approved_details_fixed BEFORE UPDATE ON passes
      WHEN OLD.state = 'approved' AND (
        NEW.unit_id IS NOT OLD.unit_id OR NEW.building_id IS NOT OLD.building_id OR NEW.type IS NOT OLD.type OR NEW.applicant_name IS NOT OLD.applicant_name
        OR NEW.items_revision IS NOT OLD.items_revision OR NEW.valid_from IS NOT OLD.valid_from OR NEW.valid_until IS NOT OLD.valid_until
        OR NEW.approved_at IS NOT OLD.approved_at OR NEW.approved_by IS NOT OLD.approved_by OR NEW.override_approver_id IS NOT OLD.override_approver_id
      )
      BEGIN SELECT RAISE(ABORT, '已批准的放行条内容不可修改'); END`,
    // The gate's day: passes whose window starts in a range (a window is at most a few days long),
    // filtered on the index itself before any row is read (about 8 days of passes scanned, one read).
    sql`CREATE INDEX passes_duty ON passes(valid_from, valid_until, gate_at, approved_at, state)`,
    // Live passes by their window's end: what is waiting at the gate, what has expired unused.
    sql`CREATE INDEX passes_live ON passes(state, valid_until)`,
    sql`CREATE INDEX passes_created ON passes(created_at)`,
    sql`CREATE INDEX passes_unit ON passes(unit_id, created_at)`,
    sql`CREATE INDEX passes_applicant ON passes(applicant_name, created_at)`,
    // The monthly report counts each measure by its own instant — approval, the gate, the window's
    // end, the void — by type and building, from these indexes alone (17,000 passes a month at 200,000 a year).
    sql`CREATE INDEX passes_approved ON passes(approved_at, type, building_id, override_approver_id) WHERE approved_at IS NOT NULL`,
    sql`CREATE INDEX passes_gate ON passes(gate_at, state, type, building_id) WHERE gate_at IS NOT NULL`,
    sql`CREATE INDEX passes_window_end ON passes(valid_until, state, type, building_id)`,
    sql`CREATE INDEX passes_voided ON passes(voided_at, type, building_id) WHERE voided_at IS NOT NULL`,
    // How many passes there are (the unfiltered list's total): kept by an insert trigger, since
    // passes are never deleted — not a count of 200,000 rows.
    sql`CREATE TABLE pass_count (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      n INTEGER NOT NULL CHECK (n >= 0)
    ) STRICT`,
    sql`INSERT INTO pass_count (id, n) VALUES (1, 0)`,
    sql`CREATE TRIGGER passes_counted AFTER INSERT ON passes
      BEGIN UPDATE pass_count SET n = n + 1 WHERE id = 1; END`,
    // Item lines by revision: an edit while 待审批 adds a revision (the pass points at its current
    // one); no line is ever changed or deleted, and none is added once the pass is approved.
    sql`CREATE TABLE pass_items (
      id INTEGER PRIMARY KEY,
      pass_id INTEGER NOT NULL REFERENCES passes(id),
      revision INTEGER NOT NULL CHECK (revision >= 1),
      line_no INTEGER NOT NULL CHECK (line_no >= 1),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
      quantity INTEGER NOT NULL CHECK (quantity > 0 AND quantity <= 9999),
      unit TEXT NOT NULL DEFAULT '' CHECK (length(unit) <= 8),
      UNIQUE (pass_id, revision, line_no)
    ) STRICT`,
    sql`CREATE TRIGGER pass_items_while_pending BEFORE INSERT ON pass_items
      WHEN (SELECT state FROM passes WHERE id = NEW.pass_id) IS NOT 'pending'
      BEGIN SELECT RAISE(ABORT, '已批准的放行条物品不可修改'); END`,
    sql`CREATE TRIGGER pass_items_never_updated BEFORE UPDATE ON pass_items
      BEGIN SELECT RAISE(ABORT, '放行物品记录不可修改'); END`,
    sql`CREATE TRIGGER pass_items_never_deleted BEFORE DELETE ON pass_items
      BEGIN SELECT RAISE(ABORT, '放行物品记录不可删除'); END`,
    // The timeline: every step, when and by whom (NULL: 系统, an expiry no person recorded).
    sql`CREATE TABLE pass_events (
      id INTEGER PRIMARY KEY,
      pass_id INTEGER NOT NULL REFERENCES passes(id),
      kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 20),
      at TEXT NOT NULL,
      operator_id INTEGER REFERENCES operators(id),
      text TEXT NOT NULL DEFAULT '' CHECK (length(text) <= 600)
    ) STRICT`,
    sql`CREATE INDEX pass_events_pass ON pass_events(pass_id, id)`,
    sql`CREATE TRIGGER pass_events_never_updated BEFORE UPDATE ON pass_events
      BEGIN SELECT RAISE(ABORT, '放行记录不可修改'); END`,
    sql`CREATE TRIGGER pass_events_never_deleted BEFORE DELETE ON pass_events
      BEGIN SELECT RAISE(ABORT, '放行记录不可删除'); END`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversed: restore the backup taken before migrating.');
}
