import { LINK_ROLE_LABELS, type LinkRole } from '../../shared/estate';
import type { AuditEntityKind, RecordNames } from '../context';
import { column } from '../audit/entities';

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

/** The estate's records as the operation log names them. */
export const ESTATE_AUDIT_ENTITIES: Record<string, AuditEntityKind> = {
  estate: { label: '项目', names: column('estates', 'name') },
  building: { label: '楼栋', names: buildingNames },
  unit: { label: '房屋', names: column('units', 'code') },
  person: { label: '住户', names: column('people', 'name') },
  unit_person: { label: '住户关系', names: residencyNames },
  vehicle: { label: '车辆', names: column('vehicles', 'plate') },
  // Keyed by a digest of the roster's header row, not a number: the detail shows the headers.
  roster_mapping: { label: '名册列对应' },
};
