import { officeDayOf, officeMonthOf } from '../../shared/office-time';
import type { DeskBench } from '../context';
import { generateRepairOrders } from './demo';

/** The volume (#12 Numbers): 500,000 orders, over about two years of a large estate. */
const REPAIR_ORDERS = { large: 500_000, small: 50_000 };

/** 报修派工 at 500,000 orders: its lists, the lookup by number or scan, and the monthly summary. */
export const repairsBench: DeskBench = {
  data: async (db, bulkInsert, { small, now, operatorId }) => {
    // The bench estate has no staff directory: a team of technicians in the departments repairs go to.
    if (!(await db.selectFrom('staff').select('id').limit(1).executeTakeFirst())) {
      const departments = await db.selectFrom('departments').select(['id', 'name']).where('name', 'in', ['工程部', '秩序部', '环境部']).execute();
      const iso = now.toISOString();
      await db
        .insertInto('staff')
        .values(departments.flatMap((d) => [1, 2, 3, 4].map((n) => ({ name: `${d.name.slice(0, 2)}师傅${n}`, department_id: d.id, position: '维修工', created_at: iso, updated_at: iso }))))
        .execute();
    }
    const made = await generateRepairOrders(db, bulkInsert, { orders: small ? REPAIR_ORDERS.small : REPAIR_ORDERS.large, days: 730, seed: 12, events: false }, now, operatorId);
    return { label: '维修单', rows: made.orders };
  },
  scenarios: [
    {
      name: '维修单列表（全部，第 1 页 50 条）',
      target: { p99Ms: 20 },
      command: 'repairs.list',
      inputs: () => [{ pageSize: 50, filters: {} }],
      raw: (db) => {
        const count = db.prepare('SELECT count(*) FROM repair_orders');
        const page = db.prepare('SELECT * FROM repair_orders ORDER BY opened_at DESC, id DESC LIMIT 50');
        return () => [count.get(), page.all()];
      },
    },
    { name: '维修单：各环节超时', target: { p99Ms: 20 }, command: 'repairs.list', inputs: () => [{ pageSize: 50, filters: { due: 'overdue' } }], raw: null },
    { name: '维修单：待回访（今日）', target: { p99Ms: 20 }, command: 'repairs.list', inputs: () => [{ pageSize: 50, filters: { callback: 'due_today' } }], raw: null },
    {
      name: '维修单：按师傅（未完工）',
      target: { p99Ms: 20 },
      command: 'repairs.list',
      inputs: (db) => (db.prepare('SELECT id FROM staff').all() as { id: number }[]).map((s) => ({ pageSize: 50, filters: { technicianId: s.id, state: 'inspection' } })),
      raw: null,
    },
    {
      name: '维修单：按房屋',
      target: { p99Ms: 20 },
      command: 'repairs.list',
      inputs: (db) => (db.prepare('SELECT DISTINCT unit_id AS id FROM repair_orders WHERE unit_id IS NOT NULL ORDER BY random() LIMIT 200').all() as { id: number }[]).map((u) => ({ pageSize: 50, filters: { unitId: u.id } })),
      raw: null,
    },
    {
      name: '维修单：水电 + 近 30 天',
      target: { p99Ms: 20 },
      command: 'repairs.list',
      inputs: () => [{ pageSize: 50, filters: { category: 'plumbing_electric', from: officeDayOf(new Date(Date.now() - 30 * 86_400_000)) } }],
      raw: null,
    },
    {
      name: '维修单：按单号（扫码）',
      target: { p99Ms: 2 },
      command: 'repairs.get',
      inputs: (db) => db.prepare('SELECT no FROM repair_orders ORDER BY random() LIMIT 200').all() as { no: string }[],
      raw: (db) => {
        const one = db.prepare('SELECT * FROM repair_orders WHERE no = ?');
        return (input: { no: string }) => one.get(input.no);
      },
    },
    { name: '前台搜索：维修单号 WX…', target: { p99Ms: 5 }, command: 'search.counter', inputs: (db) => db.prepare('SELECT no AS q FROM repair_orders ORDER BY random() LIMIT 200').all() as { q: string }[], raw: null },
    {
      name: '维修月度汇总（一个月）',
      target: { p99Ms: 200 },
      command: 'repairs.summary',
      inputs: () => Array.from({ length: 12 }, (_, i) => ({ month: officeMonthOf(new Date(Date.now() - (i + 1) * 30 * 86_400_000).toISOString()) })),
      raw: null,
    },
  ],
};
