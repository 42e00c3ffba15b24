import type { BulkInsert, Db } from '../context';
import type { Insertable } from 'kysely';
import type { PeopleTable, UnitsTable, VehiclesTable } from '../schema';
import { unitCode, type UnitState } from '../../shared/estate';
import { nameSearchKeys } from '../estate/people';
import { chineseNameParts, fictitiousIdNumber, mobileNumber, pick, plateNumber, seededRandom } from './names';

export interface EstateShape {
  name: string;
  buildings: number;
  entrances: number;
  floors: number;
  roomsPerFloor: number;
  /** Average people per occupied or let unit (owners, family, tenants). */
  peoplePerUnit: number;
  vehicles: number;
  seed: number;
}

/** The demo estate: about a dozen buildings, ~2,000 units, ~5,000 people. */
export const DEMO_SHAPE: EstateShape = { name: '阳光花园', buildings: 12, entrances: 2, floors: 21, roomsPerFloor: 4, peoplePerUnit: 3.3, vehicles: 900, seed: 20261124 };

/**
 * Who the demo office dispatches work to; fictitious. The officer and the supervisor are also the
 * demo's operators of those roles (db/demo/operators.ts) and are linked to their accounts.
 */
export const DEMO_STAFF: { name: string; department: string; position: string; mobile: string }[] = [
  { name: '刘建国', department: '工程部', position: '水电维修', mobile: '13900000101' },
  { name: '陈志文', department: '工程部', position: '土建维修', mobile: '13900000102' },
  { name: '黄海', department: '工程部', position: '工程主管', mobile: '13900000103' },
  { name: '赵强', department: '秩序部', position: '保安队长', mobile: '13900000201' },
  { name: '曹立新', department: '秩序部', position: '巡逻岗', mobile: '13900000202' },
  { name: '林芳', department: '环境部', position: '保洁主管', mobile: '13900000301' },
  { name: '马晓东', department: '环境部', position: '绿化工', mobile: '13900000302' },
  { name: '周敏', department: '客服部', position: '客服专员', mobile: '13900000401' },
  { name: '吴涛', department: '客服部', position: '客服主管', mobile: '13900000402' },
];

/** The demo staff directory, in the departments seeded by the estate migration; linked to same-named operators. */
export async function generateDemoStaff(db: Db, now: string): Promise<number> {
  const departments = new Map((await db.selectFrom('departments').select(['id', 'name']).execute()).map((d) => [d.name, d.id]));
  const operators = new Map((await db.selectFrom('operators').select(['id', 'display_name']).execute()).map((o) => [o.display_name, o.id]));
  const rows = DEMO_STAFF.filter((s) => departments.has(s.department)).map((s) => ({
    name: s.name,
    department_id: departments.get(s.department)!,
    position: s.position,
    mobile: s.mobile,
    operator_id: operators.get(s.name) ?? null,
    created_at: now,
    updated_at: now,
  }));
  if (rows.length) await db.insertInto('staff').values(rows).execute();
  return rows.length;
}

export interface GenerateResult {
  estateId: number;
  buildings: number;
  units: number;
  people: number;
  links: number;
  vehicles: number;
}


function stateFor(r: number): UnitState {
  if (r < 0.7) return 'occupied';
  if (r < 0.85) return 'vacant';
  if (r < 0.93) return 'let';
  if (r < 0.97) return 'renovating';
  return 'unsold';
}

/**
 * Build a believable estate in bulk (one transaction is the caller's). Unit 3-2-1101 always
 * exists and its owner is 张三, so a new user can follow the README's first steps.
 */
export async function generateEstate(
  db: Db,
  bulkInsert: BulkInsert,
  shape: EstateShape,
  nowIso: string,
  operatorId: number | null,
): Promise<GenerateResult> {
  const rnd = seededRandom(shape.seed);
  const estateId = (await db.insertInto('estates').values({ name: shape.name, created_at: nowIso, updated_at: nowIso }).returning('id').executeTakeFirstOrThrow()).id;

  const buildingIds: { id: number; code: string }[] = [];
  for (let b = 1; b <= shape.buildings; b++) {
    const code = String(b);
    const { id } = await db
      .insertInto('buildings')
      .values({ estate_id: estateId, code, name: `${b}栋`, floors: shape.floors, created_at: nowIso, updated_at: nowIso })
      .returning('id')
      .executeTakeFirstOrThrow();
    buildingIds.push({ id, code });
  }

  const units: Insertable<UnitsTable>[] = [];
  for (const b of buildingIds) {
    for (let e = 1; e <= shape.entrances; e++) {
      for (let f = 1; f <= shape.floors; f++) {
        for (let r = 1; r <= shape.roomsPerFloor; r++) {
          const room = `${f}${String(r).padStart(2, '0')}`;
          const entrance = shape.entrances > 1 ? String(e) : '';
          const state = b.code === '3' && entrance === '2' && room === '1101' ? 'occupied' : stateFor(rnd());
          units.push({
            estate_id: estateId,
            building_id: b.id,
            entrance,
            room,
            code: unitCode(b.code, entrance, room),
            floor: f,
            area_dm2: 6000 + Math.floor(rnd() * 10) * 1000 + Math.floor(rnd() * 100) * 10 + (r % 2 ? 50 : 0),
            type: f === 1 && r === 1 && rnd() < 0.3 ? 'shop' : 'residential',
            state,
            notes: '',
            created_at: nowIso,
            updated_at: nowIso,
          });
        }
      }
    }
  }
  await bulkInsert('units', units);
  const unitRows = await db.selectFrom('units').select(['id', 'code', 'state']).where('estate_id', '=', estateId).orderBy('id').execute();
  await bulkInsert('unit_state_history',
    unitRows.map((u) => ({ unit_id: u.id, from_state: null, to_state: u.state, at: nowIso, operator_id: operatorId, reason: '演示数据' })),
  );

  // People: owners for every sold unit, families in occupied ones, tenants in let ones.
  const people: Insertable<PeopleTable>[] = [];
  const links: { unit: number; person: number; role: string }[] = [];
  const usedIds = new Set<string>();
  // Generated names are built from parts, so their search keys are too: pinyin per part, cached
  // (a surname is read as a surname). Typed names go through nameSearchKeys whole.
  const partKeys = new Map<string, { pinyin: string; initials: string }>();
  const keysOf = (parts: string[]) => {
    let pinyin = '';
    let initials = '';
    for (const part of parts) {
      let k = partKeys.get(part);
      if (!k) partKeys.set(part, (k = nameSearchKeys(part)));
      pinyin += k.pinyin;
      initials += k.initials;
    }
    return { pinyin, initials };
  };
  const addPerson = (name: string | null, unit: number, role: string) => {
    const male = rnd() < 0.5;
    let idNumber = fictitiousIdNumber(rnd, male);
    while (usedIds.has(idNumber)) idNumber = fictitiousIdNumber(rnd, male);
    usedIds.add(idNumber);
    const parts = name ? [name] : chineseNameParts(rnd, male);
    const fullName = parts.join('');
    const keys = name ? nameSearchKeys(name) : keysOf(parts);
    people.push({
      name: fullName,
      name_pinyin: keys.pinyin,
      name_initials: keys.initials,
      gender: male ? 'male' : 'female',
      mobile: mobileNumber(rnd),
      other_phone: null,
      id_type: 'resident_id',
      id_number: role === 'family' && rnd() < 0.3 ? null : idNumber,
      notes: '',
      created_at: nowIso,
      updated_at: nowIso,
    });
    links.push({ unit, person: people.length, role });
  };
  const extra = Math.max(0, shape.peoplePerUnit - 1.2);
  for (const u of unitRows) {
    if (u.state === 'unsold') continue;
    const fixed = u.code === '3-2-1101';
    addPerson(fixed ? '张三' : null, u.id, 'owner');
    if (!fixed && rnd() < 0.2) addPerson(null, u.id, 'owner');
    if (u.state === 'occupied' || u.state === 'renovating') {
      const family = Math.round(rnd() * extra * 2);
      for (let i = 0; i < family; i++) addPerson(null, u.id, 'family');
    } else if (u.state === 'let') {
      const tenants = 1 + Math.round(rnd() * extra * 2);
      for (let i = 0; i < tenants; i++) addPerson(null, u.id, 'tenant');
    }
  }
  const firstPerson = ((await db.selectFrom('people').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0) as number;
  await bulkInsert('people', people);
  await bulkInsert('unit_people',
    links.map((l) => ({ unit_id: l.unit, person_id: firstPerson + l.person, role: l.role, start_date: '2020-06-01', end_date: null, end_reason: null, created_at: nowIso })),
  );

  const plates = new Set<string>();
  const vehicles: Insertable<VehiclesTable>[] = [];
  const owners = links.filter((l) => l.role === 'owner' || l.role === 'tenant');
  while (vehicles.length < Math.min(shape.vehicles, owners.length)) {
    const plate = plateNumber(rnd);
    if (plates.has(plate)) continue;
    plates.add(plate);
    const o = pick(rnd, owners);
    vehicles.push({ plate, unit_id: o.unit, person_id: firstPerson + o.person, notes: '', created_at: nowIso, updated_at: nowIso });
  }
  await bulkInsert('vehicles', vehicles);

  return { estateId, buildings: buildingIds.length, units: unitRows.length, people: people.length, links: links.length, vehicles: vehicles.length };
}
