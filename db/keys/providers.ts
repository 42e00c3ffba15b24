import { KEY_STATE_LABELS, KEY_CLASS_LABELS, TAG_PATTERN, keyPosition, type KeyClass, type KeyState } from '../../shared/keys';
import { officeDateTime } from '../../shared/office-time';
import type { AttentionProvider, DemoGenerator, OpenItemsProvider, SearchProvider } from '../desk-module';
import { DEMO_KEYS, generateKeys } from './demo';
import { keyAttention } from './loans';
import { keyQuery, targetOf, type KeyJoined } from './records';

/** Tag codes typed or scanned at the counter (YS000123): the key and where it is. */
export const keysSearchProvider: SearchProvider = {
  kind: 'keys',
  label: '钥匙',
  shows: 'keys.get',
  async search(ctx, q, limit) {
    if (!TAG_PATTERN.test(q.compact)) return [];
    const rows = (await keyQuery(ctx.db).where('k.tag', '=', q.compact).limit(limit).execute()) as KeyJoined[];
    return rows.map((k) => ({ kind: 'keys', id: k.id, title: k.tag, subtitle: [targetOf(k), KEY_CLASS_LABELS[k.key_class as KeyClass], whereNow(k)].join(' · '), unitId: k.unit_id }));
  },
};

/** "在柜 A-03" / "借出给 张三 至 11-30 17:30" / "已发放". */
function whereNow(k: KeyJoined): string {
  if (k.loan_id !== null) return `借出给 ${k.loan_borrower_name} 至 ${officeDateTime(k.loan_due_at).slice(5)}`;
  if (k.state === 'in_cabinet') return `在柜 ${keyPosition(k)}`;
  return KEY_STATE_LABELS[k.state as KeyState];
}

/** The unit card: the unit's keys (not retired) and where each is now. */
export const keysOpenItems: OpenItemsProvider = {
  shows: 'keys.get',
  list: async (ctx, unitId) => {
    const keys = (await keyQuery(ctx.db).where('k.unit_id', '=', unitId).where('k.state', '<>', 'retired').orderBy('k.id').limit(50).execute()) as KeyJoined[];
    if (!keys.length) return null;
    return {
      desk: 'keys',
      label: '钥匙',
      items: keys.map((k) => ({
        id: String(k.id),
        title: `${k.tag} ${KEY_CLASS_LABELS[k.key_class as KeyClass]} · ${k.key_count} 把`,
        detail: whereNow(k),
        at: k.loan_lent_at ?? k.updated_at,
      })),
    };
  },
};

/** The custodian's badge: loans overdue and due soon. */
export const keysAttention: AttentionProvider = {
  shows: 'keys.loans',
  count: async (ctx) => {
    const counts = await keyAttention(ctx);
    return { badge: counts.overdue + counts.dueSoon, counts: { ...counts } };
  },
};

export const keysDemo: DemoGenerator = {
  // Counted as the demo's summary reads: "钥匙登记和近一年借用记录 1,036 条" (keys and loans together).
  label: '钥匙登记和近一年借用记录',
  generate: async (ctx) => {
    const made = await generateKeys(ctx.db, ctx.bulkInsert, DEMO_KEYS, ctx.now, ctx.requireOperator().id);
    return made.keys + made.loans;
  },
};
