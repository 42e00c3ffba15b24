import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// 收费, the billing side: fee items, their assignments, meter readings, vacancies, and what a
// bill made by the monthly run or an ad-hoc charge records beside its amount.
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // rate_fen: fen per m² per month (area), per month (fixed), per t / kWh (metered), or the
    // amount (one_off, deposit). Items are never deleted: disabled instead (enabled = 0).
    sql`CREATE TABLE fee_items (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 30),
      kind TEXT NOT NULL CHECK (kind IN ('management','parking','special_service','shared_utilities','rent','deposit','compensation','collected_for_others','other')),
      method TEXT NOT NULL CHECK (method IN ('area','fixed','metered','one_off','deposit')),
      rate_fen INTEGER NOT NULL CHECK (rate_fen > 0 AND rate_fen <= 99999999999),
      meter TEXT CHECK (meter IS NULL OR meter IN ('water','electricity')),
      enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0,1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((method = 'metered') = (meter IS NOT NULL))
    ) STRICT`,
    sql`CREATE TRIGGER fee_items_never_deleted BEFORE DELETE ON fee_items
      BEGIN SELECT RAISE(ABORT, '收费项目不可删除，请停用'); END`,
    // scope/target: a unit (its id), a building (its id) or a unit type ('residential'); the most
    // specific covering the month wins. end_month inclusive; NULL = open.
    sql`CREATE TABLE fee_assignments (
      id INTEGER PRIMARY KEY,
      fee_item_id INTEGER NOT NULL REFERENCES fee_items(id),
      scope TEXT NOT NULL CHECK (scope IN ('unit','building','unit_type')),
      target TEXT NOT NULL CHECK (length(target) BETWEEN 1 AND 20),
      start_month TEXT NOT NULL CHECK (start_month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
      end_month TEXT CHECK (end_month IS NULL OR (end_month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' AND end_month >= start_month)),
      rate_fen INTEGER CHECK (rate_fen IS NULL OR (rate_fen > 0 AND rate_fen <= 99999999999)),
      created_at TEXT NOT NULL,
      created_by INTEGER NOT NULL REFERENCES operators(id),
      updated_at TEXT NOT NULL
    ) STRICT`,
    sql`CREATE TRIGGER fee_assignments_never_deleted BEFORE DELETE ON fee_assignments
      BEGIN SELECT RAISE(ABORT, '收费范围不可删除，请设置结束月份'); END`,
    sql`CREATE INDEX fee_assignments_item ON fee_assignments(fee_item_id, scope, target)`,
    // One reading per unit, meter and month, cumulative, in 0.01 t / 0.01 kWh; usage is this
    // reading minus the previous one (NULL for a meter's first). A wrong reading is corrected in
    // place with a reason, the old value kept in the operation log (audited update).
    sql`CREATE TABLE meter_readings (
      id INTEGER PRIMARY KEY,
      unit_id INTEGER NOT NULL REFERENCES units(id),
      meter TEXT NOT NULL CHECK (meter IN ('water','electricity')),
      month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
      reading INTEGER NOT NULL CHECK (reading BETWEEN 0 AND 10000000000),
      usage INTEGER CHECK (usage IS NULL OR usage >= 0),
      read_at TEXT NOT NULL,
      operator_id INTEGER NOT NULL REFERENCES operators(id),
      correction_reason TEXT NOT NULL DEFAULT '' CHECK (length(correction_reason) <= 200),
      updated_at TEXT NOT NULL,
      UNIQUE (unit_id, meter, month)
    ) STRICT`,
    sql`CREATE TRIGGER meter_readings_never_deleted BEFORE DELETE ON meter_readings
      BEGIN SELECT RAISE(ABORT, '抄表记录不可删除，请更正'); END`,
    sql`CREATE INDEX meter_readings_month ON meter_readings(month, meter)`,
    // 空置: start..end months inclusive, at least three; ended early keeps the row (state 'ended',
    // end_month moved to the last vacant month).
    sql`CREATE TABLE vacancies (
      id INTEGER PRIMARY KEY,
      unit_id INTEGER NOT NULL REFERENCES units(id),
      start_month TEXT NOT NULL CHECK (start_month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
      end_month TEXT NOT NULL CHECK (end_month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' AND end_month >= start_month),
      state TEXT NOT NULL CHECK (state IN ('active','ended')),
      note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
      end_reason TEXT NOT NULL DEFAULT '' CHECK (length(end_reason) <= 200),
      created_at TEXT NOT NULL,
      created_by INTEGER NOT NULL REFERENCES operators(id),
      updated_at TEXT NOT NULL
    ) STRICT`,
    sql`CREATE TRIGGER vacancies_never_deleted BEFORE DELETE ON vacancies
      BEGIN SELECT RAISE(ABORT, '空置登记不可删除，请提前结束'); END`,
    sql`CREATE INDEX vacancies_unit ON vacancies(unit_id, start_month)`,
    sql`CREATE INDEX vacancies_months ON vacancies(start_month, end_month)`,
    // Bills: the item that made them, the basis printed beside the amount, whether the vacancy
    // rate applied, and the due date (late fee, months overdue, arrears).
    sql`ALTER TABLE bills ADD COLUMN fee_item_id INTEGER REFERENCES fee_items(id)`,
    sql`ALTER TABLE bills ADD COLUMN basis TEXT NOT NULL DEFAULT '' CHECK (length(basis) <= 120)`,
    sql`ALTER TABLE bills ADD COLUMN vacancy INTEGER NOT NULL DEFAULT 0 CHECK (vacancy IN (0,1))`,
    sql`ALTER TABLE bills ADD COLUMN due_date TEXT CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')`,
    // A bill without a due date (a repair's) falls due on its office day (UTC+8, no DST in China).
    sql`UPDATE bills SET due_date = date(created_at, '+8 hours') WHERE due_date IS NULL`,
    sql`CREATE TRIGGER bills_due_date_default AFTER INSERT ON bills WHEN NEW.due_date IS NULL
      BEGIN UPDATE bills SET due_date = date(NEW.created_at, '+8 hours') WHERE id = NEW.id; END`,
    sql`DROP TRIGGER bills_amount_fixed`,
    // As before, and the new columns too; only a missing due date may be filled in (once).
    sql`CREATE TRIGGER bills_amount_fixed BEFORE UPDATE OF unit_id, source, source_id, item, period, amount_fen, created_at, created_by, fee_item_id, basis, vacancy, due_date ON bills
      WHEN NEW.unit_id IS NOT OLD.unit_id OR NEW.source IS NOT OLD.source OR NEW.source_id IS NOT OLD.source_id OR NEW.item IS NOT OLD.item
        OR NEW.period IS NOT OLD.period OR NEW.amount_fen IS NOT OLD.amount_fen OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        OR NEW.fee_item_id IS NOT OLD.fee_item_id OR NEW.basis IS NOT OLD.basis OR NEW.vacancy IS NOT OLD.vacancy
        OR (OLD.due_date IS NOT NULL AND NEW.due_date IS NOT OLD.due_date)
      BEGIN SELECT RAISE(ABORT, '账单金额和来源不可修改，请作废后重开'); END`,
    // The monthly run's idempotency, in the database too: one live bill per unit, item and month.
    sql`CREATE UNIQUE INDEX bills_fee_period_live ON bills(unit_id, fee_item_id, period) WHERE state <> 'voided' AND fee_item_id IS NOT NULL AND source = 'fee'`,
    // Arrears: unpaid bills by due date (the report, the reminders); the run's existing bills by month.
    sql`CREATE INDEX bills_unpaid_due ON bills(due_date, unit_id) WHERE state = 'unpaid'`,
    sql`CREATE INDEX bills_period_item ON bills(period, fee_item_id)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversed: restore the backup taken before migrating.');
}
