import type { CommandContext } from '../context';
import { fail } from '../../shared/result';
import { checkIdCard, ID_CARD_PROBLEMS } from '../../shared/idcard';
import { MOBILE_PATTERN } from '../../shared/phone';
import {
  GENDER_LABELS,
  keyForLabel,
  UNIT_STATE_LABELS,
  UNIT_TYPE_LABELS,
  parseAreaDm2,
  unitCode,
  type Gender,
  type UnitState,
  type UnitType,
} from '../../shared/estate';
import { guessMapping, ROSTER_COLUMNS, type ImportPreview, type ImportProblem, type RosterField } from '../../shared/estate-import';
import { readRosterFile } from './roster-file';
import { nameSearchKeys } from './people';
import { recordStateChange } from './state-history';

interface RosterRow {
  row: number;
  building: string;
  entrance: string;
  room: string;
  code: string;
  floor: number | null;
  areaDm2: number | null;
  type: UnitType;
  state: UnitState | null;
  owner: { name: string; gender: Gender | null; mobile: string | null; idNumber: string | null; moveInDate: string | null } | null;
  notes: string;
}

const LABEL: Record<RosterField, string> = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.label])) as Record<RosterField, string>;

function parseDate(text: string): string | 'invalid' | null {
  if (!text) return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!m) return 'invalid';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1950 || y > 2100) return 'invalid';
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const CODE = /^[0-9A-Z]{1,8}$/;

/** Read and check every row; nothing is written. */
export async function analyzeRoster(
  ctx: CommandContext,
  input: { estateId: number; fileName: string; contentBase64: string; mapping: Partial<Record<RosterField, string | null>> },
): Promise<{ preview: ImportPreview; valid: RosterRow[] }> {
  const estate = await ctx.db.selectFrom('estates').select('id').where('id', '=', input.estateId).executeTakeFirst();
  if (!estate) throw fail.notFound('找不到这个项目');
  const sheet = await readRosterFile(input.fileName, Buffer.from(input.contentBase64, 'base64'));
  const guessed = guessMapping(sheet.headers);
  const mapping: Partial<Record<RosterField, string>> = { ...guessed };
  for (const [field, header] of Object.entries(input.mapping) as [RosterField, string | null][]) {
    if (header === null) delete mapping[field];
    else if (sheet.headers.includes(header)) mapping[field] = header;
    else throw fail.validation(`表格中没有“${header}”这一列`, { [`mapping.${field}`]: '没有这一列' });
  }
  const missing = ROSTER_COLUMNS.filter((c) => c.required && !mapping[c.key]);
  if (missing.length) {
    throw fail.validation(`找不到必填列：${missing.map((c) => c.label).join('、')}。请在“对应列”中选择表格里的列`, {
      mapping: '缺少必填列',
    });
  }
  const index = Object.fromEntries(Object.entries(mapping).map(([f, h]) => [f, sheet.headers.indexOf(h)])) as Partial<Record<RosterField, number>>;

  const problems: ImportProblem[] = [];
  const valid: RosterRow[] = [];
  const firstRowOfUnit = new Map<string, RosterRow>();
  const today = ctx.now;

  for (const { row, cells } of sheet.rows) {
    const get = (f: RosterField) => (index[f] === undefined ? '' : (cells[index[f]!] ?? '').trim());
    const errors: ImportProblem[] = [];
    const bad = (f: RosterField, message: string) => errors.push({ row, column: mapping[f] ?? LABEL[f], message });

    const building = get('building').toUpperCase().replace(/[栋幢号楼#]$/u, '');
    const entrance = get('entrance').toUpperCase().replace(/单元$/u, '');
    const room = get('room').toUpperCase().replace(/[室号]$/u, '');
    if (!building) bad('building', '楼栋不能为空');
    else if (!CODE.test(building) || building.length > 6) bad('building', '楼栋只能是数字或字母');
    if (entrance && !CODE.test(entrance)) bad('entrance', '单元只能是数字或字母');
    if (!room) bad('room', '房号不能为空');
    else if (!CODE.test(room)) bad('room', '房号只能是数字或字母');

    const floorText = get('floor').replace(/[层楼]$/u, '');
    let floor: number | null = null;
    if (floorText) {
      if (!/^-?\d{1,3}$/.test(floorText) || Number(floorText) < -10 || Number(floorText) > 200) bad('floor', '楼层应为整数');
      else floor = Number(floorText);
    }
    const area = parseAreaDm2(get('area'));
    if (area === 'invalid') bad('area', '面积应为正数，最多两位小数，且不超过 10000');
    const typeText = get('type');
    const type = typeText ? keyForLabel(UNIT_TYPE_LABELS, typeText) : 'residential';
    if (!type) bad('type', `房屋类型应为：${Object.values(UNIT_TYPE_LABELS).join('、')}`);
    const stateText = get('state');
    const state = stateText ? keyForLabel(UNIT_STATE_LABELS, stateText) : null;
    if (stateText && !state) bad('state', `状态应为：${Object.values(UNIT_STATE_LABELS).join('、')}`);

    const name = get('ownerName');
    const genderText = get('gender');
    const gender = genderText ? keyForLabel(GENDER_LABELS, genderText.replace(/性$/u, '')) : null;
    if (genderText && !gender) bad('gender', '性别应为 男 或 女');
    const mobile = get('mobile').replace(/[\s-]/g, '') || null;
    if (mobile && !MOBILE_PATTERN.test(mobile)) bad('mobile', '手机号应为 11 位，以 1 开头');
    const idNumber = get('idNumber').toUpperCase() || null;
    if (idNumber) {
      const problem = checkIdCard(idNumber, today);
      if (problem) bad('idNumber', ID_CARD_PROBLEMS[problem]);
    }
    const moveIn = parseDate(get('moveInDate'));
    if (moveIn === 'invalid') bad('moveInDate', '日期格式应为 2020-06-01');
    if (!name && (mobile || idNumber)) bad('ownerName', '填了手机或身份证号，但没有业主姓名');
    if (name.length > 40) bad('ownerName', '姓名最多 40 个字');
    const notes = get('notes');
    if (notes.length > 500) bad('notes', '备注最多 500 个字');

    if (errors.length) {
      problems.push(...errors);
      continue;
    }
    const code = unitCode(building, entrance, room);
    const parsed: RosterRow = {
      row,
      building,
      entrance,
      room,
      code,
      floor,
      areaDm2: area as number | null,
      type: type!,
      state,
      owner: name ? { name, gender, mobile, idNumber, moveInDate: moveIn as string | null } : null,
      notes,
    };
    const first = firstRowOfUnit.get(code);
    if (first) {
      // Further rows of the same unit add owners; their unit columns must agree with the first row.
      const differs = (['floor', 'areaDm2', 'type', 'state'] as const).find((k) => parsed[k] !== null && first[k] !== null && parsed[k] !== first[k]);
      if (differs) {
        problems.push({ row, column: mapping.room ?? '房号', message: `与第 ${first.row} 行的房屋 ${code} 信息不一致` });
        continue;
      }
    } else firstRowOfUnit.set(code, parsed);
    valid.push(parsed);
  }

  const plan = await planChanges(ctx, input.estateId, valid);
  return {
    valid,
    preview: {
      headers: sheet.headers,
      mapping,
      rows: sheet.rows.length,
      validRows: valid.length,
      problems,
      ...plan.summary,
    },
  };
}

async function findPerson(ctx: CommandContext, o: NonNullable<RosterRow['owner']>) {
  if (o.idNumber) {
    const byId = await ctx.db.selectFrom('people').selectAll().where('id_type', '=', 'resident_id').where('id_number', '=', o.idNumber).executeTakeFirst();
    if (byId) return byId;
  }
  if (o.mobile) {
    return ctx.db.selectFrom('people').selectAll().where('name', '=', o.name).where('mobile', '=', o.mobile).executeTakeFirst();
  }
  return undefined;
}

/** Count what applying would do, by dry-running it against the database's current rows. */
async function planChanges(ctx: CommandContext, estateId: number, rows: RosterRow[]) {
  const summary = { units: { create: 0, update: 0, unchanged: 0 }, people: { create: 0, update: 0, unchanged: 0 }, links: 0 };
  const seenUnits = new Set<string>();
  const seenPeople = new Set<string>();
  for (const r of rows) {
    if (!seenUnits.has(r.code)) {
      seenUnits.add(r.code);
      const unit = await ctx.db.selectFrom('units').selectAll().where('estate_id', '=', estateId).where('code', '=', r.code).executeTakeFirst();
      if (!unit) summary.units.create++;
      else if (unitChanges(unit, rowUnit(r, unit.state as UnitState))) summary.units.update++;
      else summary.units.unchanged++;
    }
    if (!r.owner) continue;
    const key = r.owner.idNumber ?? `${r.owner.name}|${r.owner.mobile ?? r.code}`;
    const person = await findPerson(ctx, r.owner);
    if (!seenPeople.has(key)) {
      seenPeople.add(key);
      if (!person) summary.people.create++;
      else if (personChanges(person, r.owner)) summary.people.update++;
      else summary.people.unchanged++;
    }
    const linked =
      person &&
      (await ctx.db
        .selectFrom('unit_people')
        .innerJoin('units', 'units.id', 'unit_people.unit_id')
        .select('unit_people.id')
        .where('units.code', '=', r.code)
        .where('units.estate_id', '=', estateId)
        .where('unit_people.person_id', '=', person.id)
        .where('unit_people.role', '=', 'owner')
        .where('unit_people.end_date', 'is', null)
        .executeTakeFirst());
    if (!linked) summary.links++;
  }
  return { summary };
}

function rowUnit(r: RosterRow, currentState: UnitState | null) {
  return {
    floor: r.floor,
    area_dm2: r.areaDm2,
    type: r.type,
    // No state column: a unit with an owner is at least sold; keep what the office already set.
    state: r.state ?? currentState ?? (r.owner ? 'occupied' : 'unsold'),
    notes: r.notes,
  };
}

function unitChanges(unit: { floor: number | null; area_dm2: number | null; type: string; state: string; notes: string }, next: ReturnType<typeof rowUnit>) {
  const changes: Record<string, unknown> = {};
  if (next.floor !== null && next.floor !== unit.floor) changes.floor = next.floor;
  if (next.area_dm2 !== null && next.area_dm2 !== unit.area_dm2) changes.area_dm2 = next.area_dm2;
  if (next.type !== unit.type) changes.type = next.type;
  if (next.state !== unit.state) changes.state = next.state;
  if (next.notes && next.notes !== unit.notes) changes.notes = next.notes;
  return Object.keys(changes).length ? changes : null;
}

function personChanges(p: { gender: string | null; mobile: string | null; id_number: string | null }, o: NonNullable<RosterRow['owner']>) {
  const changes: Record<string, unknown> = {};
  if (o.gender && o.gender !== p.gender) changes.gender = o.gender;
  if (o.mobile && o.mobile !== p.mobile) changes.mobile = o.mobile;
  if (o.idNumber && o.idNumber !== p.id_number) {
    changes.id_number = o.idNumber;
    changes.id_type = 'resident_id';
  }
  return Object.keys(changes).length ? changes : null;
}

/** Apply the valid rows inside the command's transaction; every created or changed record is audited. */
export async function applyRoster(ctx: CommandContext, estateId: number, rows: RosterRow[]): Promise<void> {
  const buildings = new Map(
    (await ctx.db.selectFrom('buildings').select(['id', 'code']).where('estate_id', '=', estateId).execute()).map((b) => [b.code, b.id]),
  );
  const unitIds = new Map<string, number>();
  for (const r of rows) {
    let buildingId = buildings.get(r.building);
    if (!buildingId) {
      const values = { estate_id: estateId, code: r.building, name: `${r.building}栋`, floors: null, created_at: ctx.nowIso, updated_at: ctx.nowIso };
      buildingId = (await ctx.db.insertInto('buildings').values(values).returning('id').executeTakeFirstOrThrow()).id;
      buildings.set(r.building, buildingId);
      await ctx.audit({ entity: 'building', entityId: buildingId, after: values });
    }

    let unitId = unitIds.get(r.code);
    if (!unitId) {
      const unit = await ctx.db.selectFrom('units').selectAll().where('estate_id', '=', estateId).where('code', '=', r.code).executeTakeFirst();
      const next = rowUnit(r, (unit?.state as UnitState | undefined) ?? null);
      if (!unit) {
        const values = { estate_id: estateId, building_id: buildingId, entrance: r.entrance, room: r.room, code: r.code, ...next };
        unitId = (await ctx.db.insertInto('units').values({ ...values, created_at: ctx.nowIso, updated_at: ctx.nowIso }).returning('id').executeTakeFirstOrThrow()).id;
        await recordStateChange(ctx, unitId, null, next.state, '名册导入');
        await ctx.audit({ entity: 'unit', entityId: unitId, after: values });
      } else {
        unitId = unit.id;
        const changes = unitChanges(unit, next);
        if (changes) {
          await ctx.db.updateTable('units').set({ ...changes, updated_at: ctx.nowIso }).where('id', '=', unit.id).execute();
          if (changes.state) await recordStateChange(ctx, unit.id, unit.state, String(changes.state), '名册导入');
          await ctx.audit({ entity: 'unit', entityId: unit.id, before: unit, after: changes });
        }
      }
      unitIds.set(r.code, unitId);
    }

    if (!r.owner) continue;
    const o = r.owner;
    let person = await findPerson(ctx, o);
    if (!person) {
      const keys = nameSearchKeys(o.name);
      const values = {
        name: o.name,
        name_pinyin: keys.pinyin,
        name_initials: keys.initials,
        gender: o.gender,
        mobile: o.mobile,
        other_phone: null,
        id_type: 'resident_id',
        id_number: o.idNumber,
        notes: '',
        created_at: ctx.nowIso,
        updated_at: ctx.nowIso,
      };
      const id = (await ctx.db.insertInto('people').values(values).returning('id').executeTakeFirstOrThrow()).id;
      person = (await ctx.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow())!;
      await ctx.audit({ entity: 'person', entityId: id, after: { name: o.name, imported: true } });
    } else {
      const changes = personChanges(person, o);
      if (changes) {
        await ctx.db.updateTable('people').set({ ...changes, updated_at: ctx.nowIso }).where('id', '=', person.id).execute();
        // ID numbers stay out of the audit trail; the change itself is recorded.
        await ctx.audit({ entity: 'person', entityId: person.id, after: { imported: true, changed: Object.keys(changes) } });
      }
    }
    const linked = await ctx.db
      .selectFrom('unit_people')
      .select('id')
      .where('unit_id', '=', unitId)
      .where('person_id', '=', person.id)
      .where('role', '=', 'owner')
      .where('end_date', 'is', null)
      .executeTakeFirst();
    if (!linked) {
      const { id } = await ctx.db
        .insertInto('unit_people')
        .values({ unit_id: unitId, person_id: person.id, role: 'owner', start_date: o.moveInDate, end_date: null, end_reason: null, created_at: ctx.nowIso })
        .returning('id')
        .executeTakeFirstOrThrow();
      await ctx.audit({ entity: 'unit_person', entityId: id, after: { unitCode: r.code, personId: person.id, role: 'owner', imported: true } });
    }
  }
}
