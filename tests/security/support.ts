import { idCheckCharacter } from '../../shared/idcard';
import { ROLES, type Role } from '../../shared/roles';
import { createTestApp, valueOf, type TestApp } from '../support/app';

/** The resident whose masked numbers the attacks try to recover. */
export const TARGET = {
  name: '张三',
  idNumber: '11010519491231002X',
  idMasked: '110105********002X',
  mobile: '15012340582',
  mobileMasked: '150****0582',
} as const;

/** The roles that reach units and people (the counter search, the unit card): all but the gate guard. */
export const ESTATE_READING_ROLES = ROLES.filter((r) => r !== 'gate_guard');

export interface Office {
  t: TestApp;
  admin: string;
  estateId: number;
  buildingId: number;
  unitId: number;
  targetId: number;
  as: Record<Role, string>;
  /** Rows in a table now (to show an attempt changed nothing). */
  count(table: string): number;
  auditRows(where: string): { command: string; entity: string; entity_id: string | null; after_json: string; operator_id: number | null }[];
}

/** A fresh office: one estate, unit 3-2-1101 owned by the target, one operator per role. */
export async function office(): Promise<Office> {
  const t = await createTestApp();
  const admin = await t.setupAdmin();
  const as = {} as Record<Role, string>;
  for (const role of ['receptionist', 'key_custodian', 'cashier', 'officer', 'supervisor', 'gate_guard'] as const) as[role] = await t.operatorWith([role], `only_${role}`);
  as.admin = admin;
  const estateId = valueOf<{ id: number }>(await t.run(admin, 'estate.saveEstate', { name: '阳光花园' })).id;
  const buildingId = valueOf<{ id: number }>(await t.run(admin, 'estate.saveBuilding', { estateId, code: '3', name: '' })).id;
  const unitId = valueOf<{ id: number }>(await t.run(admin, 'estate.createUnit', { buildingId, entrance: '2', room: '1101', state: 'occupied' })).id;
  const targetId = valueOf<{ id: number }>(
    await t.run(admin, 'estate.savePerson', { person: { name: TARGET.name, mobile: TARGET.mobile, idNumber: TARGET.idNumber } }),
  ).id;
  valueOf(await t.run(admin, 'estate.link', { unitId, personId: targetId, role: 'owner' }));
  const sqlite = t.app.connection.sqlite;
  return {
    t,
    admin,
    estateId,
    buildingId,
    unitId,
    targetId,
    as,
    count: (table) => (sqlite.prepare(`SELECT count(*) n FROM ${table}`).get() as { n: number }).n,
    auditRows: (where) => sqlite.prepare(`SELECT command, entity, entity_id, after_json, operator_id FROM audit_log WHERE ${where} ORDER BY id`).all() as never,
  };
}

/**
 * Valid ID numbers the attacker cannot tell from the target's by what the mask shows: the same
 * region, sequence and check character, born on another day of `years` (the birth date is what
 * the mask hides). The target's own number is among them.
 */
export function candidateIds(years: number[]): string[] {
  const out: string[] = [];
  for (const year of years) {
    for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year; day = new Date(day.getTime() + 86_400_000)) {
      const first17 = `110105${day.toISOString().slice(0, 10).replace(/-/g, '')}002`;
      if (idCheckCharacter(first17) === 'X') out.push(`${first17}X`);
    }
  }
  return out;
}

/** A roster with one owner row, as an office keeps it. */
export function rosterCsv(rows: string[][]): string {
  const text = [['楼栋', '单元', '房号', '业主姓名', '身份证号'], ...rows].map((r) => r.join(',')).join('\r\n');
  return Buffer.from('\uFEFF' + text).toString('base64');
}
