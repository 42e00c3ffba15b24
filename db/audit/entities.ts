import { sql } from 'kysely';
import type { AuditEntityKind, Db, RecordNames } from '../context';

/** One column of one table read as the record's name, for a page of ids at once (desks use it for theirs). */
export function column(table: string, name: string): RecordNames {
  return async (db, ids) => {
    const rows = await sql<{ id: number; label: string }>`SELECT id, ${sql.ref(name)} AS label FROM ${sql.table(table)} WHERE id IN (${sql.join(ids)})`.execute(db);
    return new Map(rows.rows.map((r) => [r.id, r.label]));
  };
}

const operatorNames: RecordNames = async (db, ids) => {
  const rows = await db.selectFrom('operators').select(['id', 'display_name', 'login']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, `${r.display_name}（${r.login}）`]));
};

/**
 * The kinds of record the core's commands audit (the `entity` of ctx.audit), by their stored name;
 * each desk declares its own in its module (`auditEntities`). tests/db/audit.test.ts finds every
 * `entity: '…'` in db/ and fails on one that nobody declares.
 */
export const CORE_AUDIT_ENTITIES: Record<string, AuditEntityKind> = {
  // A session row is audited under the operator who signed in, locked or signed out.
  session: { label: '登录会话', names: operatorNames },
  operator: { label: '操作员', names: operatorNames },
  settings: { label: '系统设置' },
  department: { label: '部门', names: column('departments', 'name') },
  staff: { label: '员工', names: column('staff', 'name') },
  // One printed job; named by the number of the record it printed (JD…, JJ…, a report's day).
  print_log: { label: '打印记录', names: column('print_log', 'record_no') },
};

/** The names of the records a page of audit rows points at, one query per kind (`kinds`: the core's and the desks', services.desks). */
export async function recordNames(
  db: Db,
  kinds: Readonly<Record<string, AuditEntityKind>>,
  rows: { entity: string; entity_id: string | null }[],
): Promise<(entity: string, id: string | null) => string | null> {
  const idsByKind = new Map<string, Set<number>>();
  for (const r of rows) {
    const n = Number(r.entity_id);
    if (r.entity_id === null || !Number.isInteger(n) || !kinds[r.entity]?.names) continue;
    let ids = idsByKind.get(r.entity);
    if (!ids) idsByKind.set(r.entity, (ids = new Set()));
    ids.add(n);
  }
  const found = new Map<string, Map<number, string>>();
  for (const [kind, ids] of idsByKind) found.set(kind, await kinds[kind]!.names!(db, [...ids]));
  return (entity, id) => (id === null ? null : (found.get(entity)?.get(Number(id)) ?? null));
}
