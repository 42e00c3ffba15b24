import { sql } from 'kysely';
import { LINK_ROLE_LABELS, type LinkRole } from '../../shared/estate';
import type { Db } from '../context';

/** Record ids (the audit row's entity_id, as numbers) → how a person names that record. */
type RecordNames = (db: Db, ids: number[]) => Promise<Map<number, string>>;

interface AuditEntityKind {
  /** The kind of record in Chinese. */
  label: string;
  /** The record's own number or name; absent for kinds that have none (the settings). */
  names?: RecordNames;
}

/** One column of one table read as the record's name, for a page of ids at once. */
function column(table: string, name: string): RecordNames {
  return async (db, ids) => {
    const rows = await sql<{ id: number; label: string }>`SELECT id, ${sql.ref(name)} AS label FROM ${sql.table(table)} WHERE id IN (${sql.join(ids)})`.execute(db);
    return new Map(rows.rows.map((r) => [r.id, r.label]));
  };
}

const operatorNames: RecordNames = async (db, ids) => {
  const rows = await db.selectFrom('operators').select(['id', 'display_name', 'login']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, `${r.display_name}（${r.login}）`]));
};

const buildingNames: RecordNames = async (db, ids) => {
  const rows = await db
    .selectFrom('buildings')
    .innerJoin('estates', 'estates.id', 'buildings.estate_id')
    .select(['buildings.id', 'buildings.name', 'buildings.code', 'estates.name as estate'])
    .where('buildings.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, `${r.estate} ${r.name || `${r.code}栋`}`]));
};

const residencyNames: RecordNames = async (db, ids) => {
  const rows = await db
    .selectFrom('unit_people')
    .innerJoin('units', 'units.id', 'unit_people.unit_id')
    .innerJoin('people', 'people.id', 'unit_people.person_id')
    .select(['unit_people.id', 'units.code', 'people.name', 'unit_people.role'])
    .where('unit_people.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, `${r.code} ${r.name}（${LINK_ROLE_LABELS[r.role as LinkRole] ?? r.role}）`]));
};

/**
 * Every kind of record the commands audit (the `entity` of ctx.audit), by its stored name. A desk
 * that audits a new kind adds it here; tests/db/audit.test.ts finds every `entity: '…'` in db/
 * and fails on one that is missing.
 */
export const AUDIT_ENTITIES: Record<string, AuditEntityKind> = {
  // A session row is audited under the operator who signed in, locked or signed out.
  session: { label: '登录会话', names: operatorNames },
  operator: { label: '操作员', names: operatorNames },
  settings: { label: '系统设置' },
  estate: { label: '项目', names: column('estates', 'name') },
  building: { label: '楼栋', names: buildingNames },
  unit: { label: '房屋', names: column('units', 'code') },
  person: { label: '住户', names: column('people', 'name') },
  unit_person: { label: '住户关系', names: residencyNames },
  vehicle: { label: '车辆', names: column('vehicles', 'plate') },
  department: { label: '部门', names: column('departments', 'name') },
  staff: { label: '员工', names: column('staff', 'name') },
  reception_entry: { label: '接待登记', names: column('reception_entries', 'no') },
  reception_visitor: { label: '访客登记', names: column('reception_visitors', 'no') },
  reception_handover: { label: '交班表', names: column('reception_handovers', 'no') },
  // One printed job; named by the number of the record it printed (JD…, JJ…, a report's day).
  print_log: { label: '打印记录', names: column('print_log', 'record_no') },
  // Keyed by the exported file's name (日报表 of a day, 交班表 of a minute): there is no stored record.
  reception_report: { label: '接待报表导出' },
  // Keyed by a digest of the roster's header row, not a number: the detail shows the headers.
  roster_mapping: { label: '名册列对应' },
};

export function auditEntityLabel(entity: string): string {
  return AUDIT_ENTITIES[entity]?.label ?? entity;
}

/** The names of the records a page of audit rows points at, one query per kind. */
export async function recordNames(db: Db, rows: { entity: string; entity_id: string | null }[]): Promise<(entity: string, id: string | null) => string | null> {
  const idsByKind = new Map<string, Set<number>>();
  for (const r of rows) {
    const n = Number(r.entity_id);
    if (r.entity_id === null || !Number.isInteger(n) || !AUDIT_ENTITIES[r.entity]?.names) continue;
    let ids = idsByKind.get(r.entity);
    if (!ids) idsByKind.set(r.entity, (ids = new Set()));
    ids.add(n);
  }
  const found = new Map<string, Map<number, string>>();
  for (const [kind, ids] of idsByKind) found.set(kind, await AUDIT_ENTITIES[kind]!.names!(db, [...ids]));
  return (entity, id) => (id === null ? null : (found.get(entity)?.get(Number(id)) ?? null));
}
