import type { DeskBench } from '../context';
import { generateKeys } from './demo';

/** The volume (#14 Numbers): 50,000 keys and 1,000,000 loans (a tenth with --small). */
const VOLUME = { large: { keys: 50_000, loans: 1_000_000, openLoans: 2_000, overdue: 300 }, small: { keys: 5_000, loans: 100_000, openLoans: 200, overdue: 30 } };

/** 钥匙管理 at 50,000 keys and 1,000,000 loans: the scan, the overdue list, a key's and a person's history. */
export const keysBench: DeskBench = {
  data: async (db, bulkInsert, { small, now, operatorId }) => {
    const made = await generateKeys(db, bulkInsert, { ...(small ? VOLUME.small : VOLUME.large), days: 365, seed: 14, story: false }, now, operatorId);
    return { label: '钥匙借用', rows: made.keys + made.loans };
  },
  scenarios: [
    {
      name: '钥匙扫码（标签 → 钥匙、借用、下一步）',
      target: { p99Ms: 5 },
      command: 'keys.byTag',
      inputs: (db) => db.prepare("SELECT tag FROM keys WHERE state IN ('in_cabinet','lent') ORDER BY random() LIMIT 200").all() as { tag: string }[],
      raw: (db) => {
        const key = db.prepare('SELECT * FROM keys WHERE tag = ?');
        const loan = db.prepare('SELECT * FROM key_loans WHERE key_id = ? AND returned_at IS NULL');
        return (input: { tag: string }) => {
          const k = key.get(input.tag) as { id: number };
          return [k, loan.get(k.id)];
        };
      },
    },
    { name: '钥匙：逾期借用（第 1 页 50 条）', target: { p99Ms: 20 }, command: 'keys.loans', inputs: () => [{ pageSize: 50, filters: { status: 'overdue' } }], raw: null },
    { name: '钥匙：即将到期', target: { p99Ms: 20 }, command: 'keys.loans', inputs: () => [{ pageSize: 50, filters: { status: 'due_soon' } }], raw: null },
    {
      name: '一把钥匙的历史',
      target: { p99Ms: 20 },
      command: 'keys.get',
      inputs: (db) => (db.prepare('SELECT id AS keyId FROM keys ORDER BY random() LIMIT 200').all() as { keyId: number }[]),
      raw: null,
    },
    {
      name: '某人的借用历史',
      target: { p99Ms: 30 },
      command: 'keys.personHistory',
      inputs: (db) => db.prepare('SELECT DISTINCT borrower_key AS borrowerKey FROM key_loans WHERE id % 997 = 0 LIMIT 200').all() as { borrowerKey: string }[],
      raw: null,
    },
    { name: '前台搜索：钥匙标签 YS…', target: { p99Ms: 5 }, command: 'search.counter', inputs: (db) => db.prepare('SELECT tag AS q FROM keys ORDER BY random() LIMIT 200').all() as { q: string }[], raw: null },
  ],
};
