import { sql } from 'kysely';
import { prepared, type CommandContext, type Db, type Handlers } from '../context';
import { checkIdNumber } from './id-checks';
import type { estateCommands, UnitRow, VehicleView, EstateView } from '../../shared/contract/estate';
import { fail } from '../../shared/result';
import { mayRun } from '../../shared/contract';
import { rolesMay } from '../../shared/permissions';
import { unitCode, unitCodePrefix, type LinkRole, type UnitState, type UnitType } from '../../shared/estate';
import { nameColumns, seesMobiles, toPersonView } from './people';
import { recordStateChange } from './state-history';
import { personalRead } from './personal-reads';
import { DEMO_SHAPE, generateDemoStaff, generateEstate } from '../demo/generate';
import { readRosterUpload, rosterTemplate } from './roster-file';
import { commitRoster, previewRoster, problemRows, spendPreview } from './import';
import { exportRoster } from './export';
import { ROSTER_COLUMNS } from '../../shared/estate-import';

type EstateHandlers = Handlers<keyof typeof estateCommands>;

const OWNERS = sql<string>`(SELECT group_concat(p.name, '、') FROM unit_people l JOIN people p ON p.id = l.person_id
  WHERE l.unit_id = units.id AND l.role = 'owner' AND l.end_date IS NULL)`;

function unitQuery(ctx: CommandContext) {
  return ctx.db
    .selectFrom('units')
    .innerJoin('buildings', 'buildings.id', 'units.building_id')
    .select([
      'units.id',
      'units.code',
      'units.building_id',
      'buildings.name as building_name',
      'buildings.code as building_code',
      'units.entrance',
      'units.room',
      'units.floor',
      'units.area_dm2',
      'units.type',
      'units.state',
      'units.notes',
      'units.estate_id',
      OWNERS.as('owners'),
    ]);
}

type UnitSelect = Awaited<ReturnType<ReturnType<typeof unitQuery>['executeTakeFirstOrThrow']>>;

function toUnitRow(r: UnitSelect): UnitRow {
  return {
    id: r.id,
    code: r.code,
    buildingId: r.building_id,
    buildingName: r.building_name || `${r.building_code}栋`,
    entrance: r.entrance,
    room: r.room,
    floor: r.floor,
    areaDm2: r.area_dm2,
    type: r.type as UnitType,
    state: r.state as UnitState,
    owners: r.owners ?? '',
  };
}

async function building(ctx: CommandContext, id: number) {
  const b = await ctx.db.selectFrom('buildings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!b) throw fail.notFound('找不到这个楼栋');
  return b;
}

async function unitSnapshot(ctx: CommandContext, id: number) {
  return ctx.db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

async function personRow(db: Db, id: number) {
  const p = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw fail.notFound('找不到这位住户');
  return p;
}

/** The unit's columns from a create/update input; its code must be free in the estate. */
async function unitValues(
  ctx: CommandContext,
  input: { buildingId: number; entrance: string; room: string; floor: number | null; areaDm2: number | null; type: UnitType; state: UnitState; notes: string },
  selfId: number | null,
) {
  const b = await building(ctx, input.buildingId);
  const code = unitCode(b.code, input.entrance, input.room);
  const clash = await ctx.db.selectFrom('units').select('id').where('estate_id', '=', b.estate_id).where('code', '=', code).executeTakeFirst();
  if (clash && clash.id !== selfId) throw fail.conflict(`房屋 ${code} 已存在`, { room: `房屋 ${code} 已存在` });
  return {
    estate_id: b.estate_id,
    building_id: b.id,
    entrance: input.entrance,
    room: input.room,
    code,
    floor: input.floor,
    area_dm2: input.areaDm2,
    type: input.type,
    state: input.state,
    notes: input.notes,
  };
}

/** Person rows in the audit trail carry the masked ID: the log is read by more people than the card. */
function auditablePerson(row: Awaited<ReturnType<typeof personRow>>) {
  return toPersonView(row, true);
}

export const estateHandlers: EstateHandlers = {
  'estate.overview': async (ctx) => {
    const estates = await ctx.db.selectFrom('estates').select(['id', 'name']).orderBy('id').execute();
    const buildings = await ctx.db
      .selectFrom('buildings')
      .select(['buildings.id', 'buildings.estate_id', 'buildings.code', 'buildings.name', 'buildings.floors'])
      .select((eb) => [
        eb.selectFrom('units').whereRef('units.building_id', '=', 'buildings.id').select(eb.fn.countAll<number>().as('n')).as('unit_count'),
        sql<string | null>`(SELECT group_concat(entrance, ',') FROM (SELECT DISTINCT entrance FROM units WHERE units.building_id = buildings.id AND entrance != '' ORDER BY length(entrance), entrance))`.as(
          'entrances',
        ),
      ])
      .orderBy(sql`length(buildings.code)`)
      .orderBy('buildings.code')
      .execute();
    return estates.map(
      (e): EstateView => ({
        id: e.id,
        name: e.name,
        buildings: buildings
          .filter((b) => b.estate_id === e.id)
          .map((b) => ({
            id: b.id,
            estateId: b.estate_id,
            code: b.code,
            name: b.name || `${b.code}栋`,
            floors: b.floors,
            entrances: b.entrances ? b.entrances.split(',') : [],
            unitCount: Number(b.unit_count ?? 0),
          })),
      }),
    );
  },

  'estate.saveEstate': async (ctx, input) => {
    const clash = await ctx.db.selectFrom('estates').select('id').where('name', '=', input.name).executeTakeFirst();
    if (clash && clash.id !== input.id) throw fail.conflict('已有同名项目', { name: '已有同名项目' });
    if (input.id) {
      const before = await ctx.db.selectFrom('estates').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!before) throw fail.notFound('找不到这个项目');
      await ctx.db.updateTable('estates').set({ name: input.name, updated_at: ctx.nowIso }).where('id', '=', input.id).execute();
      await ctx.audit({ entity: 'estate', entityId: input.id, before, after: { ...before, name: input.name } });
      return { id: input.id };
    }
    const { id } = await ctx.db
      .insertInto('estates')
      .values({ name: input.name, created_at: ctx.nowIso, updated_at: ctx.nowIso })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.audit({ entity: 'estate', entityId: id, after: { name: input.name } });
    return { id };
  },

  'estate.saveBuilding': async (ctx, input) => {
    const estate = await ctx.db.selectFrom('estates').select('id').where('id', '=', input.estateId).executeTakeFirst();
    if (!estate) throw fail.notFound('找不到这个项目');
    const clash = await ctx.db
      .selectFrom('buildings')
      .select('id')
      .where('estate_id', '=', input.estateId)
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (clash && clash.id !== input.id) throw fail.conflict(`已有 ${input.code} 号楼`, { code: '楼栋号重复' });
    const values = { estate_id: input.estateId, code: input.code, name: input.name, floors: input.floors, updated_at: ctx.nowIso };
    if (input.id) {
      const before = await building(ctx, input.id);
      if (before.code !== input.code) {
        const units = await ctx.db.selectFrom('units').select('id').where('building_id', '=', input.id).executeTakeFirst();
        // Unit codes carry the building number and are printed on forms; renumbering would orphan them.
        if (units) throw fail.conflict('楼栋下已有房屋，不能修改楼栋号', { code: '已有房屋的楼栋不能改号' });
      }
      await ctx.db.updateTable('buildings').set(values).where('id', '=', input.id).execute();
      await ctx.audit({ entity: 'building', entityId: input.id, before, after: values });
      return { id: input.id };
    }
    const { id } = await ctx.db
      .insertInto('buildings')
      .values({ ...values, created_at: ctx.nowIso })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.audit({ entity: 'building', entityId: id, after: values });
    return { id };
  },

  'estate.units': async (ctx, input) => {
    const f = input.filters;
    let q = unitQuery(ctx);
    if (f.estateId) q = q.where('units.estate_id', '=', f.estateId);
    if (f.buildingId) q = q.where('units.building_id', '=', f.buildingId);
    if (f.entrance) q = q.where('units.entrance', '=', f.entrance.toUpperCase());
    if (f.state) q = q.where('units.state', '=', f.state);
    if (f.type) q = q.where('units.type', '=', f.type);
    if (f.search) {
      // A code prefix (3-2-11…, 3号楼2单元 → 3-2-) or, typed alone, a room number in any building (1101).
      const text = unitCodePrefix(f.search).replace(/[\\%_]/g, '');
      q = q.where((eb) => eb.or([eb('units.code', 'like', `${text}%`), eb('units.room', '=', text)]));
    }
    const total = Number(
      (
        await q
          .clearSelect()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const sort = input.sort ?? { field: 'code', desc: false };
    const dir = sort.desc ? 'desc' : 'asc';
    const ordered =
      sort.field === 'code'
        ? q
            .orderBy(sql`length(buildings.code)`, dir)
            .orderBy('buildings.code', dir)
            .orderBy(sql`length(units.entrance)`, dir)
            .orderBy('units.entrance', dir)
            .orderBy(sql`length(units.room)`, dir)
            .orderBy('units.room', dir)
        : q.orderBy(({ floor: 'units.floor', areaDm2: 'units.area_dm2', state: 'units.state' } as const)[sort.field], dir);
    const rows = await ordered
      .orderBy('units.id')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute();
    return { rows: rows.map(toUnitRow), total };
  },

  'estate.unitCard': personalRead(async (ctx, input) => {
    const r = await unitQuery(ctx)
      .innerJoin('estates', 'estates.id', 'units.estate_id')
      .select('estates.name as estate_name')
      .where('units.id', '=', input.id)
      .executeTakeFirst();
    if (!r) throw fail.notFound('找不到这套房屋');
    const full = seesMobiles(ctx.operator);
    const links = await ctx.db
      .selectFrom('unit_people')
      .innerJoin('people', 'people.id', 'unit_people.person_id')
      .selectAll('people')
      .select(['unit_people.id as link_id', 'unit_people.role', 'unit_people.start_date', 'unit_people.end_date'])
      .where('unit_people.unit_id', '=', input.id)
      .orderBy(sql`unit_people.end_date IS NOT NULL`)
      .orderBy(sql`CASE unit_people.role WHEN 'owner' THEN 0 WHEN 'family' THEN 1 WHEN 'tenant' THEN 2 ELSE 3 END`)
      .orderBy('unit_people.id')
      .execute();
    const vehicles = await ctx.db
      .selectFrom('vehicles')
      .leftJoin('people', 'people.id', 'vehicles.person_id')
      .select(['vehicles.id', 'vehicles.plate', 'vehicles.unit_id', 'vehicles.person_id', 'people.name as person_name', 'vehicles.notes'])
      .where('vehicles.unit_id', '=', input.id)
      .orderBy('vehicles.plate')
      .execute();
    const history = await ctx.db
      .selectFrom('unit_state_history')
      .leftJoin('operators', 'operators.id', 'unit_state_history.operator_id')
      .select(['unit_state_history.at', 'from_state', 'to_state', 'operators.display_name', 'reason'])
      .where('unit_id', '=', input.id)
      .orderBy('unit_state_history.at', 'desc')
      .orderBy('unit_state_history.id', 'desc')
      .execute();
    const openItems = [];
    for (const provider of ctx.services.desks.openItems) {
      if (!mayRun(ctx.operator?.roles ?? null, provider.shows)) continue;
      const group = await provider.list(ctx, input.id);
      if (group) openItems.push(group);
    }
    return {
      unit: { ...toUnitRow(r), notes: r.notes, estateName: r.estate_name },
      people: links.map((l) => ({
        linkId: l.link_id,
        role: l.role as LinkRole,
        startDate: l.start_date,
        endDate: l.end_date,
        person: toPersonView(l, full),
      })),
      vehicles: vehicles.map(
        (v): VehicleView => ({ id: v.id, plate: v.plate, unitId: v.unit_id, personId: v.person_id, personName: v.person_name, notes: v.notes }),
      ),
      history: history.map((h) => ({
        at: h.at,
        from: h.from_state as UnitState | null,
        to: h.to_state as UnitState,
        operatorName: h.display_name,
        reason: h.reason,
      })),
      openItems,
    };
  }),

  'estate.createUnit': async (ctx, input) => {
    const values = await unitValues(ctx, input, null);
    const { id } = await ctx.db
      .insertInto('units')
      .values({ ...values, created_at: ctx.nowIso, updated_at: ctx.nowIso })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordStateChange(ctx, id, null, input.state, '新增房屋');
    await ctx.audit({ entity: 'unit', entityId: id, after: values });
    return { id, code: values.code };
  },

  'estate.updateUnit': async (ctx, input) => {
    const before = await unitSnapshot(ctx, input.id);
    if (!before) throw fail.notFound('找不到这套房屋');
    const values = await unitValues(ctx, input, input.id);
    await ctx.db.updateTable('units').set({ ...values, updated_at: ctx.nowIso }).where('id', '=', input.id).execute();
    if (before.state !== input.state) await recordStateChange(ctx, input.id, before.state, input.state, input.stateReason);
    await ctx.audit({ entity: 'unit', entityId: input.id, before, after: values });
    return { id: input.id, code: values.code };
  },

  'estate.savePerson': prepared({
    // The record edited is looked up first: a made-up id answers not_found whatever number it carries.
    async prepare(pre, input) {
      if (input.id) await personRow(pre.db, input.id);
      await checkIdNumber(pre, input.id ?? null, input.person.idType, input.person.idNumber);
      return null;
    },
    run: async (ctx, input) => {
      const p = input.person;
      const current = input.id ? await personRow(ctx.db, input.id) : null;
      const idNumber = p.idNumber === undefined ? (current?.id_number ?? null) : p.idNumber || null;
      const values = {
        ...nameColumns(p.name),
        gender: p.gender,
        mobile: p.mobile,
        other_phone: p.otherPhone,
        id_type: p.idType,
        id_number: idNumber,
        notes: p.notes,
        updated_at: ctx.nowIso,
      };
      let id = input.id;
      let before = null;
      if (id && current) {
        before = auditablePerson(current);
        await ctx.db.updateTable('people').set(values).where('id', '=', id).execute();
      } else {
        id = (await ctx.db.insertInto('people').values({ ...values, created_at: ctx.nowIso }).returning('id').executeTakeFirstOrThrow()).id;
      }
      const row = await personRow(ctx.db, id);
      await ctx.audit({ entity: 'person', entityId: id, before: before ?? undefined, after: auditablePerson(row) });
      return toPersonView(row, seesMobiles(ctx.operator));
    },
  }),

  'estate.link': async (ctx, input) => {
    const unit = await unitSnapshot(ctx, input.unitId);
    if (!unit) throw fail.notFound('找不到这套房屋');
    const person = await personRow(ctx.db, input.personId);
    const existing = await ctx.db
      .selectFrom('unit_people')
      .select('id')
      .where('unit_id', '=', input.unitId)
      .where('person_id', '=', input.personId)
      .where('role', '=', input.role)
      .where('end_date', 'is', null)
      .executeTakeFirst();
    if (existing) throw fail.conflict(`${person.name} 已经是 ${unit.code} 的这个身份`, { role: '重复登记' });
    const { id } = await ctx.db
      .insertInto('unit_people')
      .values({ unit_id: input.unitId, person_id: input.personId, role: input.role, start_date: input.startDate, end_date: null, end_reason: null, created_at: ctx.nowIso })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.audit({ entity: 'unit_person', entityId: id, after: { unitId: input.unitId, unitCode: unit.code, personId: input.personId, role: input.role, startDate: input.startDate } });
    return { linkId: id };
  },

  'estate.endLink': async (ctx, input) => {
    const link = await ctx.db.selectFrom('unit_people').selectAll().where('id', '=', input.linkId).executeTakeFirst();
    if (!link) throw fail.notFound('找不到这条登记');
    if (link.end_date) throw fail.conflict('这条登记已经结束');
    if (link.start_date && input.endDate < link.start_date) throw fail.validation('结束日期早于开始日期', { endDate: '不能早于开始日期' });
    await ctx.db.updateTable('unit_people').set({ end_date: input.endDate, end_reason: input.reason }).where('id', '=', input.linkId).execute();
    await ctx.audit({ entity: 'unit_person', entityId: link.id, before: link, after: { ...link, end_date: input.endDate, end_reason: input.reason } });
    return null;
  },

  'estate.saveVehicle': async (ctx, input) => {
    if (input.unitId === null && input.personId === null) throw fail.validation('请选择车辆所属的房屋或住户', { unitId: '必填' });
    if (input.unitId !== null && !(await unitSnapshot(ctx, input.unitId))) throw fail.notFound('找不到这套房屋');
    const owner = input.personId !== null ? await personRow(ctx.db, input.personId) : null;
    const clash = await ctx.db.selectFrom('vehicles').select('id').where('plate', '=', input.plate).executeTakeFirst();
    if (clash && clash.id !== input.id) throw fail.conflict(`车牌 ${input.plate} 已登记`, { plate: '车牌已登记' });
    const values = { plate: input.plate, unit_id: input.unitId, person_id: input.personId, notes: input.notes, updated_at: ctx.nowIso };
    let id = input.id;
    if (id) {
      const before = await ctx.db.selectFrom('vehicles').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw fail.notFound('找不到这辆车');
      await ctx.db.updateTable('vehicles').set(values).where('id', '=', id).execute();
      await ctx.audit({ entity: 'vehicle', entityId: id, before, after: values });
    } else {
      id = (await ctx.db.insertInto('vehicles').values({ ...values, created_at: ctx.nowIso }).returning('id').executeTakeFirstOrThrow()).id;
      await ctx.audit({ entity: 'vehicle', entityId: id, after: values });
    }
    return { id, plate: input.plate, unitId: input.unitId, personId: input.personId, personName: owner?.name ?? null, notes: input.notes };
  },

  'estate.importTemplate': async () => ({
    fileName: '业主名册导入模板.xlsx',
    contentBase64: (await rosterTemplate(ROSTER_COLUMNS)).toString('base64'),
  }),

  // The uploaded file is read before the transaction (readRosterFile streams and yields), so a
  // large or hostile spreadsheet never holds the database while other commands wait.
  'estate.importPreview': prepared({
    prepare: async (pre, input) => {
      spendPreview(pre);
      return readRosterUpload(input);
    },
    run: async (ctx, input, sheet) => previewRoster(ctx, input, sheet),
  }),

  'estate.importCommit': prepared({
    prepare: async (_pre, input) => readRosterUpload(input),
    run: async (ctx, input, sheet) => ({ ...(await commitRoster(ctx, input, sheet)), imported: true }),
  }),

  'estate.importProblems': prepared({
    prepare: async (_pre, input) => readRosterUpload(input),
    run: async (ctx, input, sheet) => problemRows(ctx, input, sheet),
  }),

  'estate.exportRoster': async (ctx, input) => {
    if (input.fullIdNumbers && !rolesMay(ctx.requireOperator().roles, 'mayExportFullIds')) {
      throw fail.forbidden('只有主管或管理员可以导出完整证件号');
    }
    const file = await exportRoster(ctx, input);
    await ctx.audit({ entity: 'estate', entityId: input.estateId ?? null, after: { event: 'roster_exported', rows: file.rows, fullIdNumbers: input.fullIdNumbers, buildingId: input.buildingId ?? null } });
    return file;
  },

  'estate.generateDemo': async (ctx) => {
    const any = await ctx.db.selectFrom('units').select('id').limit(1).executeTakeFirst();
    if (any) throw fail.conflict('已经有房屋资料，演示数据只能生成在空数据库中');
    const result = await generateEstate(ctx.db, ctx.bulkInsert, DEMO_SHAPE, ctx.nowIso, ctx.operator?.id ?? null);
    const staff = await ctx.db.selectFrom('staff').select('id').limit(1).executeTakeFirst();
    const staffCount = staff ? 0 : await generateDemoStaff(ctx.db, ctx.nowIso);
    // Then each desk's part of the demo office (a month of reception log…), in desk order.
    const desks = [];
    for (const demo of ctx.services.desks.demo) desks.push({ desk: demo.desk, label: demo.label, count: await demo.generate(ctx) });
    await ctx.audit({ entity: 'estate', entityId: result.estateId, after: { event: 'demo_generated', ...result, staff: staffCount, desks } });
    return { ...result, desks };
  },

  'estate.revealId': async (ctx, input) => {
    const p = await personRow(ctx.db, input.personId);
    if (!p.id_number) throw fail.notFound('这位住户没有登记证件号');
    // Reading the full number is itself recorded: who looked, when, why.
    await ctx.audit({ entity: 'person', entityId: p.id, after: { event: 'id_revealed', reason: input.reason } });
    return { idNumber: p.id_number };
  },
};
