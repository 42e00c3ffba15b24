import { officeDayOf } from '../../shared/office-time';
import type { DeskBench } from '../context';
import { generateReceptionLog } from './demo';

/** A year of a busy office's reception log. */
const RECEPTION_ENTRIES = { large: 200_000, small: 20_000 };

/** 接待登记 at a busy office's volume, and its lists, lookups and report for `npm run bench`. */
export const receptionBench: DeskBench = {
  data: async (db, bulkInsert, { small, now, operatorId }) => {
    const log = await generateReceptionLog(db, bulkInsert, { entries: small ? RECEPTION_ENTRIES.small : RECEPTION_ENTRIES.large, days: 365, seed: 11 }, now, operatorId);
    return { label: '接待登记', rows: log.entries };
  },
  scenarios: [
    {
      name: '接待登记列表（全部，第 1 页 50 条）',
      target: { p99Ms: 20 },
      command: 'reception.list',
      inputs: () => [{ pageSize: 50, filters: {} }],
      raw: (db) => {
        const count = db.prepare('SELECT count(*) FROM reception_entries');
        const page = db.prepare('SELECT * FROM reception_entries ORDER BY received_at DESC, id DESC LIMIT 50');
        return () => [count.get(), page.all()];
      },
    },
    {
      name: '接待登记：超时列表',
      target: { p99Ms: 20 },
      command: 'reception.list',
      inputs: () => [{ pageSize: 50, filters: { due: 'overdue' } }],
      raw: null,
    },
    {
      name: '接待登记：按房屋',
      target: { p99Ms: 20 },
      command: 'reception.list',
      inputs: (db) => (db.prepare('SELECT DISTINCT unit_id AS id FROM reception_entries WHERE unit_id IS NOT NULL ORDER BY random() LIMIT 200').all() as { id: number }[]).map((u) => ({ pageSize: 50, filters: { unitId: u.id } })),
      raw: null,
    },
    {
      name: '接待登记：报修 + 近 30 天 + 处理中',
      target: { p99Ms: 20 },
      command: 'reception.list',
      inputs: () => [{ pageSize: 50, filters: { category: 'repair', state: 'open', from: officeDayOf(new Date(Date.now() - 30 * 86_400_000)) } }],
      raw: null,
    },
    {
      name: '接待登记：最后一页（第 20 万条附近）',
      target: { p99Ms: 50 },
      command: 'reception.list',
      inputs: (db) => {
        const n = (db.prepare('SELECT count(*) AS n FROM reception_entries').get() as { n: number }).n;
        return [{ pageSize: 50, page: Math.max(1, Math.ceil(n / 50)), filters: {} }];
      },
      raw: null,
    },
    {
      name: '前台搜索：登记号 JD…',
      target: { p99Ms: 5 },
      command: 'search.counter',
      inputs: (db) => (db.prepare('SELECT no AS q FROM reception_entries ORDER BY random() LIMIT 200').all() as { q: string }[]),
      raw: null,
    },
    {
      name: '客服中心日报表（一天）',
      target: { p99Ms: 50 },
      command: 'reception.daily',
      inputs: () => Array.from({ length: 30 }, (_, i) => ({ day: officeDayOf(new Date(Date.now() - i * 86_400_000)) })),
      raw: null,
    },
  ],
};
