import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // 维修单: one row per work order. Each deadline is fixed when its clock starts (with the limits
    // in force then); next_due_at is the earliest still owed, kept with the row so overdue lists
    // are index range scans at 500,000 orders. The *_late_minutes keep each rule's lateness
    // (latest round) for the monthly summary; every step's own lateness is on repair_events.
    sql`CREATE TABLE repair_orders (
      id INTEGER PRIMARY KEY,
      no TEXT NOT NULL UNIQUE CHECK (length(no) = 14),
      scope TEXT NOT NULL CHECK (scope IN ('in_home','public')),
      category TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 30),
      unit_id INTEGER REFERENCES units(id),
      location TEXT NOT NULL DEFAULT '' CHECK (length(location) <= 80),
      person_id INTEGER REFERENCES people(id),
      contact_name TEXT NOT NULL DEFAULT '' CHECK (length(contact_name) <= 40),
      contact_phone TEXT NOT NULL DEFAULT '' CHECK (length(contact_phone) <= 20),
      description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
      appointment_at TEXT,
      emergency INTEGER NOT NULL DEFAULT 0 CHECK (emergency IN (0, 1)),
      chargeable INTEGER NOT NULL DEFAULT 0 CHECK (chargeable IN (0, 1)),
      charge_items TEXT NOT NULL DEFAULT '' CHECK (length(charge_items) <= 300),
      state TEXT NOT NULL CHECK (state IN ('pending','dispatched','arrived','in_progress','review','paused','inspection','completed','called_back','closed','voided')),
      technician_id INTEGER REFERENCES staff(id),
      entry_id INTEGER REFERENCES reception_entries(id),
      round INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),
      opened_at TEXT NOT NULL,
      dispatched_at TEXT,
      arrive_due_at TEXT,
      arrived_at TEXT,
      first_arrived_at TEXT,
      back_due_at TEXT,
      back_at TEXT,
      work_done_at TEXT,
      inspection_due_at TEXT,
      completed_at TEXT,
      callback_due_at TEXT,
      called_back_at TEXT,
      closed_at TEXT,
      next_due_at TEXT,
      arrive_late_minutes INTEGER,
      back_late_minutes INTEGER,
      inspection_late_minutes INTEGER,
      callback_late_minutes INTEGER,
      materials_fen INTEGER NOT NULL DEFAULT 0 CHECK (materials_fen >= 0),
      labour_fen INTEGER NOT NULL DEFAULT 0 CHECK (labour_fen >= 0),
      total_fen INTEGER NOT NULL DEFAULT 0 CHECK (total_fen = materials_fen + labour_fen),
      signer TEXT CHECK (signer IS NULL OR signer IN ('owner','officer')),
      signer_name TEXT NOT NULL DEFAULT '' CHECK (length(signer_name) <= 40),
      satisfaction TEXT CHECK (satisfaction IS NULL OR satisfaction IN ('satisfied','fair','unsatisfied')),
      callback_result TEXT CHECK (callback_result IS NULL OR callback_result IN ('satisfied','fair','unsatisfied')),
      callback_process TEXT CHECK (callback_process IS NULL OR callback_process IN ('satisfied','fair','unsatisfied')),
      callback_person TEXT CHECK (callback_person IS NULL OR callback_person IN ('satisfied','fair','unsatisfied')),
      callback_notes TEXT NOT NULL DEFAULT '' CHECK (length(callback_notes) <= 500),
      pause_reason TEXT NOT NULL DEFAULT '' CHECK (length(pause_reason) <= 200),
      void_reason TEXT NOT NULL DEFAULT '' CHECK (length(void_reason) <= 200),
      created_by INTEGER NOT NULL REFERENCES operators(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (scope <> 'in_home' OR unit_id IS NOT NULL),
      CHECK (scope <> 'public' OR length(location) > 0),
      CHECK (state <> 'voided' OR length(void_reason) > 0),
      CHECK (state IN ('pending','voided') OR technician_id IS NOT NULL),
      CHECK (state NOT IN ('completed','called_back','closed') OR (completed_at IS NOT NULL AND signer IS NOT NULL AND satisfaction IS NOT NULL)),
      CHECK (state NOT IN ('paused','closed','voided') OR next_due_at IS NULL)
    ) STRICT`,
    sql`CREATE TRIGGER repair_orders_never_deleted BEFORE DELETE ON repair_orders
      BEGIN SELECT RAISE(ABORT, '维修单不可删除，请作废'); END`,
    sql`CREATE TRIGGER repair_orders_number_fixed BEFORE UPDATE OF no, opened_at, created_by ON repair_orders
      WHEN NEW.no IS NOT OLD.no OR NEW.opened_at IS NOT OLD.opened_at OR NEW.created_by IS NOT OLD.created_by
      BEGIN SELECT RAISE(ABORT, '维修单号和登记时间不可修改'); END`,
    // One order per reception entry: the entry's 转维修单 can happen once.
    sql`CREATE UNIQUE INDEX repair_orders_entry ON repair_orders(entry_id) WHERE entry_id IS NOT NULL`,
    sql`CREATE INDEX repair_orders_opened ON repair_orders(opened_at)`,
    sql`CREATE INDEX repair_orders_due ON repair_orders(state, next_due_at)`,
    sql`CREATE INDEX repair_orders_next_due ON repair_orders(next_due_at) WHERE next_due_at IS NOT NULL`,
    sql`CREATE INDEX repair_orders_state ON repair_orders(state, opened_at)`,
    sql`CREATE INDEX repair_orders_unit ON repair_orders(unit_id, opened_at)`,
    sql`CREATE INDEX repair_orders_technician ON repair_orders(technician_id, state, opened_at)`,
    sql`CREATE INDEX repair_orders_dispatched ON repair_orders(technician_id, dispatched_at)`,
    sql`CREATE INDEX repair_orders_category ON repair_orders(category, opened_at)`,
    sql`CREATE INDEX repair_orders_creator ON repair_orders(created_by, opened_at)`,
    sql`CREATE INDEX repair_orders_callback ON repair_orders(callback_due_at) WHERE state = 'completed'`,
    // The timeline: every step, when, who recorded it, which technician, and the lateness of the
    // deadline it met. Append-only, like the slip's own boxes.
    sql`CREATE TABLE repair_events (
      id INTEGER PRIMARY KEY,
      order_id INTEGER NOT NULL REFERENCES repair_orders(id),
      kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 20),
      at TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      operator_id INTEGER NOT NULL REFERENCES operators(id),
      technician_id INTEGER REFERENCES staff(id),
      text TEXT NOT NULL DEFAULT '' CHECK (length(text) <= 600),
      deadline_key TEXT CHECK (deadline_key IS NULL OR deadline_key IN ('arrive','back','inspection','callback')),
      late_minutes INTEGER CHECK (late_minutes IS NULL OR late_minutes >= 0),
      CHECK ((deadline_key IS NULL) = (late_minutes IS NULL))
    ) STRICT`,
    sql`CREATE INDEX repair_events_order ON repair_events(order_id, id)`,
    sql`CREATE TRIGGER repair_events_never_updated BEFORE UPDATE ON repair_events
      BEGIN SELECT RAISE(ABORT, '维修记录不可修改'); END`,
    sql`CREATE TRIGGER repair_events_never_deleted BEFORE DELETE ON repair_events
      BEGIN SELECT RAISE(ABORT, '维修记录不可删除'); END`,
    // Material lines as written on the returned slip, per round of work. Quantity in 1/100 units.
    sql`CREATE TABLE repair_materials (
      id INTEGER PRIMARY KEY,
      order_id INTEGER NOT NULL REFERENCES repair_orders(id),
      round INTEGER NOT NULL CHECK (round >= 1),
      line_no INTEGER NOT NULL CHECK (line_no >= 1),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
      spec TEXT NOT NULL DEFAULT '' CHECK (length(spec) <= 40),
      model TEXT NOT NULL DEFAULT '' CHECK (length(model) <= 40),
      unit TEXT NOT NULL DEFAULT '' CHECK (length(unit) <= 8),
      quantity INTEGER NOT NULL CHECK (quantity > 0),
      unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),
      amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
      UNIQUE (order_id, round, line_no)
    ) STRICT`,
    sql`CREATE TRIGGER repair_materials_never_updated BEFORE UPDATE ON repair_materials
      BEGIN SELECT RAISE(ABORT, '材料记录不可修改'); END`,
    sql`CREATE TRIGGER repair_materials_never_deleted BEFORE DELETE ON repair_materials
      BEGIN SELECT RAISE(ABORT, '材料记录不可删除'); END`,
    // 账单: what a unit owes, whatever created it — a chargeable repair now, the fees desk's
    // monthly run and ad-hoc charges later (#13). The fees desk settles them (paid_at, and its
    // receipt references the bill) and may void one with a reason; a bill is never deleted and its
    // amount, unit and origin never change (a changed charge is a new bill; the old one voided).
    sql`CREATE TABLE bills (
      id INTEGER PRIMARY KEY,
      unit_id INTEGER NOT NULL REFERENCES units(id),
      source TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 20),
      source_id INTEGER,
      item TEXT NOT NULL CHECK (length(item) BETWEEN 1 AND 60),
      period TEXT CHECK (period IS NULL OR period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
      amount_fen INTEGER NOT NULL CHECK (amount_fen > 0 AND amount_fen <= 99999999999),
      state TEXT NOT NULL CHECK (state IN ('unpaid','paid','voided')),
      created_at TEXT NOT NULL,
      created_by INTEGER NOT NULL REFERENCES operators(id),
      paid_at TEXT,
      voided_at TEXT,
      void_reason TEXT NOT NULL DEFAULT '' CHECK (length(void_reason) <= 200),
      updated_at TEXT NOT NULL,
      CHECK (state <> 'paid' OR paid_at IS NOT NULL),
      CHECK (state <> 'voided' OR (voided_at IS NOT NULL AND length(void_reason) > 0))
    ) STRICT`,
    sql`CREATE TRIGGER bills_never_deleted BEFORE DELETE ON bills
      BEGIN SELECT RAISE(ABORT, '账单不可删除，请作废'); END`,
    sql`CREATE TRIGGER bills_amount_fixed BEFORE UPDATE OF unit_id, source, source_id, item, period, amount_fen, created_at, created_by ON bills
      WHEN NEW.unit_id IS NOT OLD.unit_id OR NEW.source IS NOT OLD.source OR NEW.source_id IS NOT OLD.source_id OR NEW.item IS NOT OLD.item
        OR NEW.period IS NOT OLD.period OR NEW.amount_fen IS NOT OLD.amount_fen OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
      BEGIN SELECT RAISE(ABORT, '账单金额和来源不可修改，请作废后重开'); END`,
    sql`CREATE TRIGGER bills_voided_final BEFORE UPDATE OF state ON bills
      WHEN OLD.state = 'voided' AND NEW.state <> 'voided'
      BEGIN SELECT RAISE(ABORT, '已作废的账单不能恢复'); END`,
    sql`CREATE INDEX bills_unit ON bills(unit_id, state, created_at)`,
    sql`CREATE INDEX bills_source ON bills(source, source_id)`,
    // One live bill per repair order.
    sql`CREATE UNIQUE INDEX bills_repair_live ON bills(source_id) WHERE source = 'repair' AND state <> 'voided'`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversed: restore the backup taken before migrating.');
}
