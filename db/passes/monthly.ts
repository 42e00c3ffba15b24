import { sql } from 'kysely';
import type { MonthlyCounts, MonthlyReport, MonthlyRow } from '../../shared/contract/passes';
import { officeMonthRange } from '../../shared/office-time';
import { PASS_TYPES, PASS_TYPE_LABELS } from '../../shared/passes';
import { emptyCounts, MONTHLY_COUNT_RULE } from '../../shared/passes-monthly';
import type { CommandContext } from '../context';
import { buildingLabel } from './records';

/**
 * 放行月报: each measure counted in the month by its own instant (MONTHLY_COUNT_RULE), by pass
 * type and by building. 过期 uses the same rule as the gate: a live pass whose window ended (in
 * the month, and by now) or a stored expiry.
 */
export async function monthlyReport(ctx: CommandContext, month: string): Promise<MonthlyReport> {
  const { start, end } = officeMonthRange(month);
  const now = ctx.nowIso;
  const measures: { key: keyof MonthlyCounts; column: string; extra: ReturnType<typeof sql> }[] = [
    { key: 'issued', column: 'approved_at', extra: sql`1 = 1` },
    { key: 'released', column: 'gate_at', extra: sql`p.state = 'released'` },
    { key: 'refused', column: 'gate_at', extra: sql`p.state = 'refused'` },
    { key: 'expired', column: 'valid_until', extra: sql`(p.state = 'expired' OR (p.state IN ('pending','approved') AND p.valid_until <= ${now}))` },
    { key: 'voided', column: 'voided_at', extra: sql`1 = 1` },
  ];
  // Each measure counted by type and building from its own covering index (migration 0017).
  const parts = measures.map(
    (m) => sql`SELECT ${m.key} AS measure, p.type AS type, p.building_id AS building_id, count(*) AS n
      FROM passes p
      WHERE ${sql.ref(`p.${m.column}`)} >= ${start} AND ${sql.ref(`p.${m.column}`)} < ${end} AND ${m.extra}
      GROUP BY p.type, p.building_id`,
  );
  const counted = await sql<{ measure: keyof MonthlyCounts; type: string; building_id: number; n: number }>`${sql.join(parts, sql` UNION ALL `)}`.execute(ctx.db);
  const overrides = await ctx.db
    .selectFrom('passes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('approved_at', '>=', start)
    .where('approved_at', '<', end)
    .where('override_approver_id', 'is not', null)
    .executeTakeFirstOrThrow();
  const buildings = await ctx.db.selectFrom('buildings').select(['id', 'code', 'name']).orderBy('code').execute();

  const byType = new Map(PASS_TYPES.map((t) => [t as string, emptyCounts()]));
  const byBuilding = new Map<number, MonthlyCounts>();
  const total = emptyCounts();
  for (const r of counted.rows) {
    const n = Number(r.n);
    byType.get(r.type)![r.measure] += n;
    const b = byBuilding.get(r.building_id) ?? emptyCounts();
    b[r.measure] += n;
    byBuilding.set(r.building_id, b);
    total[r.measure] += n;
  }
  const buildingRows: MonthlyRow[] = buildings
    .filter((b) => byBuilding.has(b.id))
    .map((b) => ({ key: String(b.id), label: buildingLabel(b.code, b.name), ...byBuilding.get(b.id)! }));
  return {
    month,
    generatedAt: ctx.nowIso,
    byType: PASS_TYPES.map((t) => ({ key: t, label: PASS_TYPE_LABELS[t], ...byType.get(t)! })),
    byBuilding: buildingRows,
    total,
    overrides: Number(overrides.n),
    countRule: MONTHLY_COUNT_RULE,
  };
}
