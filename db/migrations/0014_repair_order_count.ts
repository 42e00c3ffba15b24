import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// The repairs desk's unfiltered list shows how many orders there are; counting 500,000 rows took
// 9–13 ms of the list's 20. Orders are never deleted (repair_orders_never_deleted), so one row kept
// by an insert trigger is the exact count.
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE repair_order_count (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      n INTEGER NOT NULL CHECK (n >= 0)
    ) STRICT`,
    sql`INSERT INTO repair_order_count (id, n) SELECT 1, count(*) FROM repair_orders`,
    sql`CREATE TRIGGER repair_orders_counted AFTER INSERT ON repair_orders
      BEGIN UPDATE repair_order_count SET n = n + 1 WHERE id = 1; END`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversed: restore the backup taken before migrating.');
}
