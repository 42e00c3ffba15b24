import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // 收据, 红冲收据 and 退款单: one row each, numbered in the command's transaction. What it records
    // is never rewritten; the only change it ever takes is valid → voided, once, with a reason and
    // the approver. A reversal or refund names its original.
    sql`CREATE TABLE receipts (
      id INTEGER PRIMARY KEY,
      no TEXT NOT NULL UNIQUE CHECK (length(no) BETWEEN 4 AND 20),
      kind TEXT NOT NULL CHECK (kind IN ('payment','reversal','refund')),
      unit_id INTEGER NOT NULL REFERENCES units(id),
      payer_name TEXT NOT NULL CHECK (length(payer_name) BETWEEN 1 AND 40),
      method TEXT NOT NULL CHECK (method IN ('cash','wechat','alipay','card','transfer','other')),
      reference TEXT NOT NULL DEFAULT '' CHECK (length(reference) <= 60),
      cash_received_fen INTEGER CHECK (cash_received_fen IS NULL OR cash_received_fen BETWEEN 0 AND 99999999999),
      change_fen INTEGER NOT NULL DEFAULT 0 CHECK (change_fen >= 0),
      total_fen INTEGER NOT NULL CHECK (total_fen BETWEEN -99999999999 AND 99999999999),
      cashier_id INTEGER NOT NULL REFERENCES operators(id),
      created_at TEXT NOT NULL,
      discount_approver_id INTEGER REFERENCES operators(id),
      original_id INTEGER REFERENCES receipts(id),
      reason TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 200),
      state TEXT NOT NULL DEFAULT 'valid' CHECK (state IN ('valid','voided')),
      voided_at TEXT,
      void_reason TEXT NOT NULL DEFAULT '' CHECK (length(void_reason) <= 200),
      voided_by INTEGER REFERENCES operators(id),
      void_approver_id INTEGER REFERENCES operators(id),
      CHECK (kind <> 'payment' OR (total_fen > 0 AND original_id IS NULL)),
      CHECK (kind <> 'reversal' OR (total_fen < 0 AND original_id IS NOT NULL AND length(reason) > 0)),
      CHECK (kind <> 'refund' OR (total_fen <= 0 AND original_id IS NOT NULL)),
      CHECK (method = 'cash' OR (cash_received_fen IS NULL AND change_fen = 0)),
      CHECK (state = 'valid' OR (voided_at IS NOT NULL AND length(void_reason) > 0 AND voided_by IS NOT NULL AND void_approver_id IS NOT NULL))
    ) STRICT`,
    sql`CREATE TRIGGER receipts_never_deleted BEFORE DELETE ON receipts
      BEGIN SELECT RAISE(ABORT, '收据不可删除，请作废或红冲'); END`,
    sql`CREATE TRIGGER receipts_never_rewritten BEFORE UPDATE ON receipts
      WHEN OLD.state <> 'valid' OR NEW.state <> 'voided'
        OR NEW.id IS NOT OLD.id OR NEW.no IS NOT OLD.no OR NEW.kind IS NOT OLD.kind OR NEW.unit_id IS NOT OLD.unit_id
        OR NEW.payer_name IS NOT OLD.payer_name OR NEW.method IS NOT OLD.method OR NEW.reference IS NOT OLD.reference
        OR NEW.cash_received_fen IS NOT OLD.cash_received_fen OR NEW.change_fen IS NOT OLD.change_fen OR NEW.total_fen IS NOT OLD.total_fen
        OR NEW.cashier_id IS NOT OLD.cashier_id OR NEW.created_at IS NOT OLD.created_at OR NEW.discount_approver_id IS NOT OLD.discount_approver_id
        OR NEW.original_id IS NOT OLD.original_id OR NEW.reason IS NOT OLD.reason
      BEGIN SELECT RAISE(ABORT, '收据开出后不可修改，只能作废一次或红冲'); END`,
    sql`CREATE INDEX receipts_cashier ON receipts(cashier_id, id)`,
    sql`CREATE INDEX receipts_created ON receipts(created_at)`,
    sql`CREATE INDEX receipts_unit ON receipts(unit_id, created_at)`,
    // One reversal per receipt.
    sql`CREATE UNIQUE INDEX receipts_one_reversal ON receipts(original_id) WHERE kind = 'reversal'`,

    // A receipt's lines as printed: bills, late fees, discounts (negative), deposits, deductions.
    // category is what the collections report groups by (the fee item, 滞纳金, 优惠减免 …).
    sql`CREATE TABLE receipt_lines (
      id INTEGER PRIMARY KEY,
      receipt_id INTEGER NOT NULL REFERENCES receipts(id),
      kind TEXT NOT NULL CHECK (kind IN ('bill','late_fee','discount','deposit','deduction')),
      bill_id INTEGER REFERENCES bills(id),
      item TEXT NOT NULL CHECK (length(item) BETWEEN 1 AND 60),
      period TEXT CHECK (period IS NULL OR period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
      category TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 60),
      amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0 AND amount_fen BETWEEN -99999999999 AND 99999999999),
      note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 100)
    ) STRICT`,
    sql`CREATE TRIGGER receipt_lines_never_deleted BEFORE DELETE ON receipt_lines
      BEGIN SELECT RAISE(ABORT, '收据明细不可删除'); END`,
    sql`CREATE TRIGGER receipt_lines_never_updated BEFORE UPDATE ON receipt_lines
      BEGIN SELECT RAISE(ABORT, '收据明细不可修改'); END`,
    sql`CREATE INDEX receipt_lines_receipt ON receipt_lines(receipt_id)`,
    sql`CREATE INDEX receipt_lines_bill ON receipt_lines(bill_id)`,

    // 保证金: held from the receipt that collected it until a refund slip returns it (less deductions).
    sql`CREATE TABLE deposits (
      id INTEGER PRIMARY KEY,
      unit_id INTEGER NOT NULL REFERENCES units(id),
      bill_id INTEGER NOT NULL UNIQUE REFERENCES bills(id),
      receipt_id INTEGER NOT NULL REFERENCES receipts(id),
      item TEXT NOT NULL CHECK (length(item) BETWEEN 1 AND 60),
      amount_fen INTEGER NOT NULL CHECK (amount_fen > 0 AND amount_fen <= 99999999999),
      collected_at TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'held' CHECK (state IN ('held','refunded','voided')),
      refund_receipt_id INTEGER REFERENCES receipts(id),
      refunded_at TEXT,
      refunded_fen INTEGER CHECK (refunded_fen IS NULL OR refunded_fen BETWEEN 0 AND amount_fen),
      CHECK (state <> 'refunded' OR (refund_receipt_id IS NOT NULL AND refunded_at IS NOT NULL AND refunded_fen IS NOT NULL))
    ) STRICT`,
    sql`CREATE TRIGGER deposits_never_deleted BEFORE DELETE ON deposits
      BEGIN SELECT RAISE(ABORT, '保证金记录不可删除'); END`,
    sql`CREATE TRIGGER deposits_settled_once BEFORE UPDATE ON deposits
      WHEN OLD.state <> 'held' OR NEW.unit_id IS NOT OLD.unit_id OR NEW.bill_id IS NOT OLD.bill_id OR NEW.receipt_id IS NOT OLD.receipt_id
        OR NEW.item IS NOT OLD.item OR NEW.amount_fen IS NOT OLD.amount_fen OR NEW.collected_at IS NOT OLD.collected_at
      BEGIN SELECT RAISE(ABORT, '保证金已退或已作废，不可再改'); END`,
    sql`CREATE INDEX deposits_state ON deposits(state, collected_at)`,
    sql`CREATE INDEX deposits_unit ON deposits(unit_id)`,

    // 日结: a cashier's shift closed. It covers the cashier's receipts with ids up to
    // through_receipt_id not covered by an earlier close; the figures are kept as they were.
    sql`CREATE TABLE cashier_closes (
      id INTEGER PRIMARY KEY,
      no TEXT NOT NULL UNIQUE CHECK (length(no) BETWEEN 4 AND 20),
      cashier_id INTEGER NOT NULL REFERENCES operators(id),
      closed_at TEXT NOT NULL,
      through_receipt_id INTEGER NOT NULL CHECK (through_receipt_id >= 0),
      first_at TEXT,
      last_at TEXT,
      receipt_count INTEGER NOT NULL CHECK (receipt_count >= 0),
      expected_fen INTEGER NOT NULL,
      expected_cash_fen INTEGER NOT NULL,
      counted_cash_fen INTEGER NOT NULL CHECK (counted_cash_fen BETWEEN 0 AND 99999999999),
      difference_fen INTEGER NOT NULL CHECK (difference_fen = counted_cash_fen - expected_cash_fen),
      methods TEXT NOT NULL CHECK (json_valid(methods)),
      note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200)
    ) STRICT`,
    sql`CREATE TRIGGER cashier_closes_never_deleted BEFORE DELETE ON cashier_closes
      BEGIN SELECT RAISE(ABORT, '日结记录不可删除'); END`,
    sql`CREATE TRIGGER cashier_closes_never_updated BEFORE UPDATE ON cashier_closes
      BEGIN SELECT RAISE(ABORT, '日结记录不可修改'); END`,
    sql`CREATE INDEX cashier_closes_cashier ON cashier_closes(cashier_id, through_receipt_id)`,
    sql`CREATE INDEX cashier_closes_closed ON cashier_closes(closed_at)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversed: restore the backup taken before migrating.');
}
