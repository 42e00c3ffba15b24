import { sql } from 'kysely';
import type { CommandContext, PrepareContext } from '../context';
import type { RateRule } from '../rate-limit';
import { fail } from '../../shared/result';
import { checkIdCard } from '../../shared/idcard';
import { maskIdNumber } from '../../shared/mask';
import { unitCode, type Gender, type UnitState, type UnitType } from '../../shared/estate';
import {
  guessMapping,
  HEADER_SCAN_ROWS,
  IMPORT_MAX_ROWS,
  REQUIRED_FIELDS,
  ROSTER_COLUMNS,
  type ImportCounts,
  type ImportPreview,
  type ImportProblem,
  type RosterField,
} from '../../shared/estate-import';
import { problemRowsFile, tooManyRows, type SheetRow, type SheetText } from './roster-file';
import { rememberMapping, rememberedMapping, type HandMapping } from './roster-mappings';
import { mayRevealIds, nameColumns } from './people';
import { idHolder } from './id-checks';
import { readRosterCells, ROOM_CODE } from './roster-row';
import { recordStateChange } from './state-history';

/** One roster import: the file, the hand-set mapping (if any) and the chosen header row (if any). */
export interface RosterInput {
  estateId: number;
  fileName: string;
  contentBase64: string;
  mapping: HandMapping;
  headerRow?: number | undefined;
}

/** A unit as the roster describes it: its first row, with blanks filled in by its later rows. */
interface UnitPlan {
  row: number;
  building: string;
  buildingName: string;
  entrance: string;
  room: string;
  code: string;
  floor: number | null;
  areaDm2: number | null;
  /** null: not written in the file — a new unit is residential, an existing one keeps its type. */
  type: UnitType | null;
  state: UnitState | null;
  notes: string;
  hasOwner: boolean;
}

/** One owner of one unit. */
interface OwnerPlan {
  row: number;
  code: string;
  name: string;
  gender: Gender | null;
  mobile: string | null;
  otherPhone: string | null;
  idNumber: string | null;
  moveInDate: string | null;
}

/** What the valid rows say, ready to be written (or dry-run for the preview). */
export interface RosterPlan {
  units: UnitPlan[];
  owners: OwnerPlan[];
}

interface Analysis {
  preview: Omit<ImportPreview, 'counts'>;
  plan: RosterPlan;
  /** Header and rows as written, for giving the problem rows back. */
  headers: string[];
  dataRows: SheetRow[];
}

const LABEL = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.label])) as Record<RosterField, string>;
const OWNER_DETAILS = ['gender', 'mobile', 'otherPhone', 'idNumber', 'moveInDate'] as const;
/** Where each owner detail is read from (a landline in 手机 becomes the other phone). */
const DETAIL_COLUMN: Record<(typeof OWNER_DETAILS)[number], RosterField> = {
  gender: 'gender',
  mobile: 'mobile',
  otherPhone: 'mobile',
  idNumber: 'idNumber',
  moveInDate: 'moveInDate',
};

const missingMessage = (missing: RosterField[]) =>
  `找不到必填列：${missing.map((f) => LABEL[f]).join('、')}。请在预览页的“对应列”中选择表格里的列，或在“表头行”中选择表头所在的行`;

/** Template column → header: guessed, then the mapping remembered for these headers, then the one sent by hand. */
function composeMapping(headers: string[], layers: HandMapping[]): Partial<Record<RosterField, string>> {
  const mapping: Partial<Record<RosterField, string>> = guessMapping(headers);
  for (const layer of layers) {
    for (const [field, header] of Object.entries(layer) as [RosterField, string | null][]) {
      if (header === null) delete mapping[field];
      else if (headers.includes(header)) mapping[field] = header;
      else throw fail.validation(`表格中没有“${header}”这一列`, { [`mapping.${field}`]: '没有这一列' });
    }
  }
  return mapping;
}

const mapsRequired = (mapping: Partial<Record<RosterField, string>>) => REQUIRED_FIELDS.every((f) => mapping[f]);
const looksLikeHeader = (cells: string[]) => cells.filter((c) => /[\u4e00-\u9fffA-Za-z]/.test(c) && !/^[\d.\s-]*$/.test(c)).length >= 2;

/**
 * The header row: the one chosen, else the first of the top rows whose cells map 楼栋 and 房号
 * (titles and notes above it are skipped), else the first that looks like a header at all —
 * the preview then asks for the missing columns.
 */
async function findHeader(ctx: CommandContext, rows: SheetRow[], chosen: number | undefined): Promise<SheetRow> {
  if (chosen !== undefined) {
    const row = rows.find((r) => r.row === chosen);
    if (!row) throw fail.validation(`第 ${chosen} 行是空行或不在表格中`, { headerRow: `第 ${chosen} 行是空行或不在表格中` });
    return row;
  }
  const top = rows.slice(0, HEADER_SCAN_ROWS);
  for (const row of top) {
    const remembered = await rememberedMapping(ctx.db, row.cells);
    if (mapsRequired(composeMapping(row.cells, remembered ? [remembered] : []))) return row;
  }
  const header = top.find((r) => looksLikeHeader(r.cells));
  if (!header) throw fail.validation(`找不到表头：前 ${HEADER_SCAN_ROWS} 行中没有列名（楼栋、房号……），请用模板整理后再导入`, { contentBase64: '没有表头' });
  return header;
}

/** Find the file's header (read by readRosterFile in the command's prepare step) and map its columns, check every row; nothing is written. */
async function analyzeRoster(ctx: CommandContext, input: RosterInput, sheet: SheetText): Promise<Analysis> {
  const estate = await ctx.db.selectFrom('estates').select('id').where('id', '=', input.estateId).executeTakeFirst();
  if (!estate) throw fail.notFound('找不到这个项目');
  const header = await findHeader(ctx, sheet.rows, input.headerRow);
  const headers = header.cells;
  const remembered = await rememberedMapping(ctx.db, headers);
  const mapping = composeMapping(headers, remembered ? [remembered, input.mapping] : [input.mapping]);
  const missing = REQUIRED_FIELDS.filter((f) => !mapping[f]);
  const dataRows = sheet.rows.filter((r) => r.row > header.row);
  if (dataRows.length > IMPORT_MAX_ROWS) throw tooManyRows();
  const preview: Analysis['preview'] = {
    idNumbersImported: mayRevealIds(ctx.operator),
    headerRow: header.row,
    headerCandidates: sheet.rows.slice(0, HEADER_SCAN_ROWS).map((r) => ({ row: r.row, text: r.cells.filter(Boolean).join(' | ').slice(0, 80) })),
    headers,
    mapping,
    mappingRemembered: remembered !== null,
    missing,
    rows: dataRows.length,
    validRows: 0,
    problems: [],
    merged: [],
  };
  const plan: RosterPlan = { units: [], owners: [] };
  if (missing.length) return { preview, plan, headers, dataRows };

  const index = Object.fromEntries(Object.entries(mapping).map(([f, h]) => [f, headers.indexOf(h)])) as Partial<Record<RosterField, number>>;
  const units = new Map<string, UnitPlan>();
  const owners = new Map<string, OwnerPlan>();
  const rowsSeen = new Map<string, number>();
  const idHolders = new Map<string, { row: number; name: string }>();
  const { problems, merged } = preview;

  for (const { row, cells } of dataRows) {
    const get = (f: RosterField) => (index[f] === undefined ? '' : (cells[index[f]!] ?? '').trim());
    const errors: Omit<ImportProblem, 'unitCode'>[] = [];
    const bad = (f: RosterField, message: string) => {
      const value = get(f);
      // A valid ID number shown as a value is masked: the list is on screen at the counter.
      errors.push({ row, column: mapping[f] ?? LABEL[f], message, value: f === 'idNumber' && !checkIdCard(value, ctx.now) ? maskIdNumber(value) : value });
    };

    const { cell, errors: cellErrors } = readRosterCells(get, ctx.now);
    for (const e of cellErrors) bad(e.field, e.message);
    const { building, entrance, room, floor, areaDm2, type, state, name, gender, phone, idNumber, idProblem, moveInDate, notes } = cell;

    // The same ID number under two names is a typing mistake somewhere: name the other row, or
    // the person on file — the latter only for imports that use stored numbers at all (otherwise
    // an upload would tell anyone whose number a guessed one is).
    if (idNumber && !idProblem && name) {
      const holder =
        idHolders.get(idNumber) ?? (preview.idNumbersImported ? await idHolder(ctx.db, 'resident_id', idNumber) : undefined);
      if (holder && holder.name !== name) {
        bad(
          'idNumber',
          'row' in holder ? `身份证号与第 ${holder.row} 行的${holder.name}相同，姓名却是${name}：请核对` : `身份证号已登记在住户${holder.name}名下，姓名却是${name}：请核对`,
        );
      } else if (!idHolders.has(idNumber)) idHolders.set(idNumber, { row, name });
    }

    const code = building && entrance !== null && ROOM_CODE.test(room) ? unitCode(building.building, entrance, room) : '';
    const report = (f: RosterField, message: string) => {
      bad(f, message);
      problems.push(...errors.map((e) => ({ ...e, unitCode: code })));
    };
    if (errors.length) {
      problems.push(...errors.map((e) => ({ ...e, unitCode: code })));
      continue;
    }

    let unit = units.get(code);
    if (unit) {
      // Further rows of the same unit add owners; their unit columns must agree with the first row.
      const next = { floor, areaDm2, type, state };
      const differs = (['floor', 'areaDm2', 'type', 'state'] as const).find((k) => next[k] !== null && unit![k] !== null && next[k] !== unit![k]);
      if (differs) {
        report('room', `与第 ${unit.row} 行的房屋 ${code} 信息不一致`);
        continue;
      }
      unit.floor ??= floor;
      unit.areaDm2 ??= areaDm2;
      unit.type ??= type;
      unit.state ??= state;
      unit.notes ||= notes;
    } else {
      unit = {
        row,
        building: building!.building,
        buildingName: building!.name,
        entrance: entrance!,
        room,
        code,
        floor,
        areaDm2,
        type,
        state,
        notes,
        hasOwner: false,
      };
      units.set(code, unit);
    }

    const sameRow = rowsSeen.get(JSON.stringify(cells));
    if (sameRow !== undefined) {
      merged.push({ row, into: sameRow, unitCode: code, owner: name, why: 'same_row' });
      continue;
    }
    rowsSeen.set(JSON.stringify(cells), row);
    if (!name) continue;
    unit.hasOwner = true;
    const owner: OwnerPlan = {
      row,
      code,
      name,
      gender,
      mobile: phone?.ok && phone.kind === 'mobile' ? phone.number : null,
      otherPhone: phone?.ok && phone.kind === 'landline' ? phone.number : null,
      idNumber,
      moveInDate,
    };
    const key = `${code}|${name}`;
    const first = owners.get(key);
    if (!first) {
      owners.set(key, owner);
      continue;
    }
    // The same owner of the same unit again: fold in what it adds, unless it contradicts the first row.
    const clash = OWNER_DETAILS.find((k) => owner[k] !== null && first[k] !== null && owner[k] !== first[k]);
    if (clash) {
      const column = mapping[DETAIL_COLUMN[clash]]!;
      report(DETAIL_COLUMN[clash], `与第 ${first.row} 行是同一房屋的同一业主（${name}），但${column}不同：请核对后只留一行`);
      continue;
    }
    first.gender ??= owner.gender;
    first.mobile ??= owner.mobile;
    first.otherPhone ??= owner.otherPhone;
    first.idNumber ??= owner.idNumber;
    first.moveInDate ??= owner.moveInDate;
    merged.push({ row, into: first.row, unitCode: code, owner: name, why: 'same_owner' });
  }

  plan.units = [...units.values()];
  plan.owners = [...owners.values()];
  const problemRows = new Set(problems.map((p) => p.row));
  preview.validRows = dataRows.length - problemRows.size;
  return { preview, plan, headers, dataRows };
}

/**
 * The person a roster row means: by ID number, else by name and phone, else the unit's current
 * owner of that name (so owners written with a name only are found again on the next import).
 * With `useIds`, someone on file with a different ID number is never taken for them; without it
 * (an operator who may not see full numbers) numbers play no part, so the match tells nothing
 * about them.
 */
async function findPerson(ctx: CommandContext, o: OwnerPlan, unitId: number | null, useIds: boolean) {
  const idNumber = useIds ? o.idNumber : null;
  const people = () => {
    let q = ctx.db.selectFrom('people').selectAll('people');
    if (idNumber) q = q.where((eb) => eb.or([eb('people.id_number', 'is', null), eb('people.id_number', '=', idNumber)]));
    return q;
  };
  if (idNumber) {
    const byId = await ctx.db.selectFrom('people').selectAll().where('id_type', '=', 'resident_id').where('id_number', '=', idNumber).executeTakeFirst();
    if (byId) return byId;
  }
  if (o.mobile) {
    const byMobile = await people().where('name', '=', o.name).where('mobile', '=', o.mobile).executeTakeFirst();
    if (byMobile) return byMobile;
  }
  if (o.otherPhone) {
    const byPhone = await people().where('name', '=', o.name).where('other_phone', '=', o.otherPhone).executeTakeFirst();
    if (byPhone) return byPhone;
  }
  if (unitId === null) return undefined;
  return people()
    .innerJoin('unit_people', 'unit_people.person_id', 'people.id')
    .where('unit_people.unit_id', '=', unitId)
    .where('unit_people.role', '=', 'owner')
    .where('unit_people.end_date', 'is', null)
    .where('people.name', '=', o.name)
    .executeTakeFirst();
}

function unitColumns(u: UnitPlan, current: { type: string; state: string } | undefined) {
  return {
    floor: u.floor,
    area_dm2: u.areaDm2,
    type: u.type ?? current?.type ?? 'residential',
    // No state written: keep what the office already set; a new unit with an owner is at least sold.
    state: u.state ?? current?.state ?? (u.hasOwner ? 'occupied' : 'unsold'),
    notes: u.notes,
  };
}

function unitChanges(unit: { floor: number | null; area_dm2: number | null; type: string; state: string; notes: string }, next: ReturnType<typeof unitColumns>) {
  const changes: Record<string, unknown> = {};
  if (next.floor !== null && next.floor !== unit.floor) changes.floor = next.floor;
  if (next.area_dm2 !== null && next.area_dm2 !== unit.area_dm2) changes.area_dm2 = next.area_dm2;
  if (next.type !== unit.type) changes.type = next.type;
  if (next.state !== unit.state) changes.state = next.state;
  if (next.notes && next.notes !== unit.notes) changes.notes = next.notes;
  return Object.keys(changes).length ? changes : null;
}

function personChanges(p: { gender: string | null; mobile: string | null; other_phone: string | null; id_number: string | null }, o: OwnerPlan, useIds: boolean) {
  const changes: Record<string, unknown> = {};
  if (o.gender && o.gender !== p.gender) changes.gender = o.gender;
  if (o.mobile && o.mobile !== p.mobile) changes.mobile = o.mobile;
  if (o.otherPhone && o.otherPhone !== p.other_phone) changes.other_phone = o.otherPhone;
  if (useIds && o.idNumber && o.idNumber !== p.id_number) {
    changes.id_number = o.idNumber;
    changes.id_type = 'resident_id';
  }
  return Object.keys(changes).length ? changes : null;
}

/**
 * Write the plan inside the command's transaction, auditing every created or changed record,
 * and count what was written as it is written: these counts are the import's result.
 */
async function applyRoster(ctx: CommandContext, estateId: number, plan: RosterPlan): Promise<ImportCounts> {
  const counts: ImportCounts = {
    buildings: 0,
    units: { create: 0, update: 0, unchanged: 0 },
    people: { create: 0, update: 0, unchanged: 0 },
    links: { create: 0, unchanged: 0 },
  };
  const buildings = new Map(
    (await ctx.db.selectFrom('buildings').select(['id', 'code']).where('estate_id', '=', estateId).execute()).map((b) => [b.code, b.id]),
  );
  const existing = new Map((await ctx.db.selectFrom('units').selectAll().where('estate_id', '=', estateId).execute()).map((u) => [u.code, u]));
  const unitIds = new Map<string, number>();
  /** Units created by this import: nobody is linked to them yet, so there is nothing to look up. */
  const newUnits = new Set<number>();
  for (const u of plan.units) {
    let buildingId = buildings.get(u.building);
    if (!buildingId) {
      const values = { estate_id: estateId, code: u.building, name: u.buildingName, floors: null, created_at: ctx.nowIso, updated_at: ctx.nowIso };
      buildingId = (await ctx.db.insertInto('buildings').values(values).returning('id').executeTakeFirstOrThrow()).id;
      buildings.set(u.building, buildingId);
      counts.buildings++;
      await ctx.audit({ entity: 'building', entityId: buildingId, after: values });
    }
    const unit = existing.get(u.code);
    const next = unitColumns(u, unit);
    if (!unit) {
      const values = { estate_id: estateId, building_id: buildingId, entrance: u.entrance, room: u.room, code: u.code, ...next };
      const id = (await ctx.db.insertInto('units').values({ ...values, created_at: ctx.nowIso, updated_at: ctx.nowIso }).returning('id').executeTakeFirstOrThrow()).id;
      unitIds.set(u.code, id);
      newUnits.add(id);
      counts.units.create++;
      await recordStateChange(ctx, id, null, next.state, '名册导入');
      await ctx.audit({ entity: 'unit', entityId: id, after: values });
      continue;
    }
    unitIds.set(u.code, unit.id);
    const changes = unitChanges(unit, next);
    if (!changes) {
      counts.units.unchanged++;
      continue;
    }
    await ctx.db.updateTable('units').set({ ...changes, updated_at: ctx.nowIso }).where('id', '=', unit.id).execute();
    counts.units.update++;
    if (changes.state) await recordStateChange(ctx, unit.id, unit.state, String(changes.state), '名册导入');
    await ctx.audit({ entity: 'unit', entityId: unit.id, before: unit, after: changes });
  }

  // Each person counts once, however many units they own: created, else updated, else unchanged.
  const people = new Map<number, 'create' | 'update' | 'unchanged'>();
  const useIds = mayRevealIds(ctx.operator);
  for (const o of plan.owners) {
    const unitId = unitIds.get(o.code)!;
    const newUnit = newUnits.has(unitId);
    let person = await findPerson(ctx, o, newUnit ? null : unitId, useIds);
    if (!person) {
      const values = {
        ...nameColumns(o.name),
        gender: o.gender,
        mobile: o.mobile,
        other_phone: o.otherPhone,
        id_type: 'resident_id',
        id_number: useIds ? o.idNumber : null,
        notes: '',
        created_at: ctx.nowIso,
        updated_at: ctx.nowIso,
      };
      person = await ctx.db.insertInto('people').values(values).returningAll().executeTakeFirstOrThrow();
      people.set(person.id, 'create');
      await ctx.audit({ entity: 'person', entityId: person.id, after: { name: o.name, imported: true } });
    } else {
      const changes = personChanges(person, o, useIds);
      if (changes) {
        await ctx.db.updateTable('people').set({ ...changes, updated_at: ctx.nowIso }).where('id', '=', person.id).execute();
        if (people.get(person.id) !== 'create') people.set(person.id, 'update');
        // ID numbers stay out of the audit trail; the change itself is recorded.
        await ctx.audit({ entity: 'person', entityId: person.id, after: { imported: true, changed: Object.keys(changes) } });
      } else if (!people.has(person.id)) people.set(person.id, 'unchanged');
    }
    const linked =
      !newUnit &&
      (await ctx.db
        .selectFrom('unit_people')
        .select('id')
        .where('unit_id', '=', unitId)
        .where('person_id', '=', person.id)
        .where('role', '=', 'owner')
        .where('end_date', 'is', null)
        .executeTakeFirst());
    if (linked) {
      counts.links.unchanged++;
      continue;
    }
    const { id } = await ctx.db
      .insertInto('unit_people')
      .values({ unit_id: unitId, person_id: person.id, role: 'owner', start_date: o.moveInDate, end_date: null, end_reason: null, created_at: ctx.nowIso })
      .returning('id')
      .executeTakeFirstOrThrow();
    counts.links.create++;
    await ctx.audit({ entity: 'unit_person', entityId: id, after: { unitCode: o.code, personId: person.id, role: 'owner', imported: true } });
  }
  for (const status of people.values()) counts.people[status]++;
  return counts;
}

/**
 * The preview's counts come from the import itself, run and rolled back: whatever the import
 * would write, the preview has counted the same way (no second set of rules to drift apart).
 */
async function dryRun(ctx: CommandContext, estateId: number, plan: RosterPlan): Promise<ImportCounts> {
  await sql`SAVEPOINT roster_preview`.execute(ctx.db);
  try {
    return await applyRoster({ ...ctx, audit: async () => undefined }, estateId, plan);
  } finally {
    await sql`ROLLBACK TO roster_preview`.execute(ctx.db);
    await sql`RELEASE roster_preview`.execute(ctx.db);
  }
}

const NO_COUNTS: ImportCounts = { buildings: 0, units: { create: 0, update: 0, unchanged: 0 }, people: { create: 0, update: 0, unchanged: 0 }, links: { create: 0, unchanged: 0 } };

/**
 * Previews per operator, for roles that may not see full ID numbers: their previews no longer
 * depend on stored numbers, and this keeps any other guessing slow. Fixing a file's mapping takes
 * a handful of previews.
 */
export const PREVIEWS: RateRule = { limit: 20, windowMs: 3_600_000 };

/** How many people on file the import found (each counted once): what a preview or import told about them. */
const matchedPeople = (counts: ImportCounts) => counts.people.update + counts.people.unchanged;

/** Count one preview against the operator's allowance — before the file is even read. */
export function spendPreview(pre: PrepareContext): void {
  if (!pre.operator || mayRevealIds(pre.operator)) return;
  const verdict = pre.services.limits.hit(`import-preview:${pre.operator.id}`, pre.now, PREVIEWS);
  if (!verdict.allowed) throw fail.rateLimited(`预览次数过多，请 ${Math.ceil(verdict.retryAfterSeconds / 60)} 分钟后再试`);
}

export async function previewRoster(ctx: CommandContext, input: RosterInput, sheet: SheetText): Promise<ImportPreview> {
  const { preview, plan } = await analyzeRoster(ctx, input, sheet);
  const counts = preview.missing.length ? NO_COUNTS : await dryRun(ctx, input.estateId, plan);
  if (matchedPeople(counts)) {
    // Written here, after the dry run's savepoint is rolled back: an audit row inside it would go too.
    await ctx.audit({
      entity: 'estate',
      entityId: input.estateId,
      after: { event: 'roster_previewed', fileName: input.fileName, rows: preview.rows, matchedPeople: matchedPeople(counts) },
    });
  }
  return { ...preview, counts };
}

export async function commitRoster(ctx: CommandContext, input: RosterInput, sheet: SheetText): Promise<ImportPreview> {
  const { preview, plan, headers } = await analyzeRoster(ctx, input, sheet);
  if (preview.missing.length) throw fail.validation(missingMessage(preview.missing), { mapping: '缺少必填列' });
  if (!preview.validRows) throw fail.validation('没有可导入的有效行，请先修正表格中的错误', { contentBase64: '没有有效行' });
  const counts = await applyRoster(ctx, input.estateId, plan);
  if (Object.keys(input.mapping).length) await rememberMapping(ctx, headers, input.mapping);
  await ctx.audit({
    entity: 'estate',
    entityId: input.estateId,
    after: {
      event: 'roster_imported',
      fileName: input.fileName,
      headerRow: preview.headerRow,
      rows: preview.rows,
      validRows: preview.validRows,
      merged: preview.merged.length,
      matchedPeople: matchedPeople(counts),
      idNumbersImported: preview.idNumbersImported,
      counts,
    },
  });
  return { ...preview, counts };
}

/** The rows with problems, as the office wrote them, with what to fix: an .xlsx to correct and import again. */
export async function problemRows(ctx: CommandContext, input: RosterInput, sheet: SheetText): Promise<{ fileName: string; contentBase64: string; rows: number }> {
  const { preview, headers, dataRows } = await analyzeRoster(ctx, input, sheet);
  if (preview.missing.length) throw fail.validation(missingMessage(preview.missing), { mapping: '缺少必填列' });
  const byRow = new Map<number, string[]>();
  for (const p of preview.problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), `${p.column}：${p.message}`]);
  if (!byRow.size) throw fail.validation('这个表格没有问题行', { contentBase64: '没有问题行' });
  const rows = dataRows.filter((r) => byRow.has(r.row)).map((r) => ({ ...r, problems: byRow.get(r.row)!.join('；') }));
  const base = input.fileName.replace(/\.[^.]*$/, '');
  return { fileName: `${base}-问题行.xlsx`, contentBase64: (await problemRowsFile(headers, rows)).toString('base64'), rows: rows.length };
}
