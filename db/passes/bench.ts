import { officeDayOf } from '../../shared/office-time';
import type { DeskBench } from '../context';
import { generatePasses } from './demo';

/** The volume (#15 Numbers): 200,000 passes, a year of a large estate. */
const PASSES = { large: 200_000, small: 20_000 };

/** 物品放行 at 200,000 passes: the gate's lookup by number or scan, and the day's duty list. */
export const passesBench: DeskBench = {
  data: async (db, bulkInsert, { small, now, operatorId }) => {
    const made = await generatePasses(db, bulkInsert, { passes: small ? PASSES.small : PASSES.large, days: 365, seed: 15, events: false }, now, operatorId);
    return { label: '放行条', rows: made.passes };
  },
  scenarios: [
    {
      name: '门岗：按编号查放行条（扫码）',
      target: { p99Ms: 2 },
      command: 'passes.byNumber',
      inputs: (db) => (db.prepare('SELECT no FROM passes ORDER BY random() LIMIT 200').all() as { no: string }[]).map((r) => ({ q: r.no })),
      raw: (db) => {
        const one = db.prepare('SELECT * FROM passes WHERE no = ?');
        return (input: { q: string }) => one.get(input.q);
      },
    },
    {
      name: '值岗记录（一天）',
      target: { p99Ms: 20 },
      command: 'passes.dutyList',
      inputs: () => Array.from({ length: 30 }, (_, i) => ({ day: officeDayOf(new Date(Date.now() - i * 86_400_000)) })),
      raw: null,
    },
    { name: '放行条列表（全部，第 1 页 50 条）', target: { p99Ms: 20 }, command: 'passes.list', inputs: () => [{ pageSize: 50, filters: {} }], raw: null },
    { name: '放行条：待审批', target: { p99Ms: 20 }, command: 'passes.list', inputs: () => [{ pageSize: 50, filters: { state: 'pending' } }], raw: null },
    { name: '前台搜索：放行条号 FX…', target: { p99Ms: 5 }, command: 'search.counter', inputs: (db) => db.prepare('SELECT no AS q FROM passes ORDER BY random() LIMIT 200').all() as { q: string }[], raw: null },
    {
      name: '放行月报（一个月）',
      target: { p99Ms: 200 },
      command: 'passes.monthly',
      inputs: () => Array.from({ length: 12 }, (_, i) => ({ month: officeDayOf(new Date(Date.now() - (i + 1) * 30 * 86_400_000)).slice(0, 7) })),
      raw: null,
    },
  ],
};
