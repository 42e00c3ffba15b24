import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { CommandContext } from '../context';
import { formatAreaDm2, GENDER_LABELS, LINK_ROLE_LABELS, UNIT_STATE_LABELS, UNIT_TYPE_LABELS, type Gender, type LinkRole, type UnitState, type UnitType } from '../../shared/estate';
import { maskIdNumber } from '../../shared/mask';
import { phoneFor } from './people';

/** Units and their current people as .xlsx, in the template's column order so it re-imports. */
export async function exportRoster(
  ctx: CommandContext,
  input: { estateId?: number; buildingId?: number; fullIdNumbers: boolean },
): Promise<{ fileName: string; contentBase64: string; rows: number }> {
  let q = ctx.db
    .selectFrom('units')
    .innerJoin('buildings', 'buildings.id', 'units.building_id')
    .leftJoin('unit_people', (j) => j.onRef('unit_people.unit_id', '=', 'units.id').on('unit_people.end_date', 'is', null))
    .leftJoin('people', 'people.id', 'unit_people.person_id')
    .select([
      'buildings.code as building',
      'units.entrance',
      'units.room',
      'units.floor',
      'units.area_dm2',
      'units.type',
      'units.state',
      'units.notes',
      'unit_people.role',
      'unit_people.start_date',
      'people.name',
      'people.gender',
      'people.mobile',
      'people.other_phone',
      'people.id_number',
    ]);
  if (input.estateId) q = q.where('units.estate_id', '=', input.estateId);
  if (input.buildingId) q = q.where('units.building_id', '=', input.buildingId);
  const rows = await q
    .orderBy(sql`length(buildings.code)`)
    .orderBy('buildings.code')
    .orderBy('units.entrance')
    .orderBy(sql`length(units.room)`)
    .orderBy('units.room')
    .orderBy(sql`CASE unit_people.role WHEN 'owner' THEN 0 WHEN 'family' THEN 1 WHEN 'tenant' THEN 2 ELSE 3 END`)
    .execute();

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('房屋住户');
  sheet.addRow(['楼栋', '单元', '房号', '楼层', '建筑面积', '房屋类型', '状态', '业主姓名', '性别', '手机', '身份证号', '入住日期', '备注', '身份']);
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([
      r.building,
      r.entrance,
      r.room,
      r.floor,
      formatAreaDm2(r.area_dm2),
      UNIT_TYPE_LABELS[r.type as UnitType],
      UNIT_STATE_LABELS[r.state as UnitState],
      r.name ?? '',
      r.gender ? GENDER_LABELS[r.gender as Gender] : '',
      // The one phone column: the mobile, else the landline (read back as the other phone on import).
      phoneFor(ctx.operator, r.mobile ?? r.other_phone) ?? '',
      r.id_number ? (input.fullIdNumbers ? r.id_number : maskIdNumber(r.id_number)) : '',
      r.start_date ?? '',
      r.notes,
      r.role ? LINK_ROLE_LABELS[r.role as LinkRole] : '',
    ]);
  }
  sheet.columns.forEach((c, i) => {
    c.width = i === 10 ? 22 : 11;
    c.numFmt = '@';
  });
  const stamp = ctx.now.toISOString().slice(0, 10);
  return {
    fileName: `房屋住户-${stamp}.xlsx`,
    contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64'),
    rows: rows.length,
  };
}
