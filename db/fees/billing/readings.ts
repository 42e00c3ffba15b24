import ExcelJS from 'exceljs';
import type { ReadingRow } from '../../../shared/contract/fees-billing';
import type { ParsedInput } from '../../../shared/contract';
import { METERS, METER_LABELS, checkReading, hundredthsText, type Meter } from '../../../shared/fees';
import { fail } from '../../../shared/result';
import type { CommandContext, Db, PrepareContext } from '../../context';

/**
 * 抄表: one cumulative reading per unit, meter and month. A reading below the meter's last one is
 * refused; a usage far above the previous month's needs `confirmJump`. A month already read is
 * corrected in place with a reason — the old reading stays in the operation log — and the next
 * month's usage follows it.
 */

interface ReadingInput {
  unitId: number;
  meter: Meter;
  month: string;
  reading: number;
}

type Neighbours = {
  same: { id: number; reading: number; usage: number | null } | undefined;
  last: { reading: number; usage: number | null } | undefined;
  next: { id: number; reading: number } | undefined;
};

async function neighbours(db: Db, r: ReadingInput): Promise<Neighbours> {
  const base = () => db.selectFrom('meter_readings').where('unit_id', '=', r.unitId).where('meter', '=', r.meter);
  const [same, last, next] = await Promise.all([
    base().select(['id', 'reading', 'usage']).where('month', '=', r.month).executeTakeFirst(),
    base().select(['reading', 'usage']).where('month', '<', r.month).orderBy('month', 'desc').limit(1).executeTakeFirst(),
    base().select(['id', 'reading']).where('month', '>', r.month).orderBy('month').limit(1).executeTakeFirst(),
  ]);
  return { same, last, next };
}

/** The checks of one reading against its neighbours: a Chinese problem, or its usage. */
function check(r: ReadingInput, n: Neighbours, jumpFactor: number, confirmJump: boolean): { problem: string; jump: boolean } | { usage: number | null } {
  const result = checkReading(r.reading, n.last?.reading ?? null, n.last?.usage ?? null, jumpFactor, r.meter);
  if (!result.ok && (result.problem === 'below_last' || !confirmJump)) return { problem: result.message, jump: result.problem === 'jump' };
  if (n.next && r.reading > n.next.reading)
    return { problem: `读数 ${hundredthsText(r.reading)} 高于以后月份的读数 ${hundredthsText(n.next.reading)}，请核对`, jump: false };
  return { usage: n.last ? r.reading - n.last.reading : null };
}

async function write(ctx: CommandContext, r: ReadingInput, n: Neighbours, usage: number | null, correctionReason: string): Promise<number> {
  const operatorId = ctx.requireOperator().id;
  let id: number;
  if (n.same) {
    const after = { reading: r.reading, usage, correction_reason: correctionReason, read_at: ctx.nowIso, operator_id: operatorId, updated_at: ctx.nowIso };
    await ctx.db.updateTable('meter_readings').set(after).where('id', '=', n.same.id).execute();
    await ctx.audit({ entity: 'meter_reading', entityId: n.same.id, before: n.same, after });
    id = n.same.id;
  } else {
    const values = { unit_id: r.unitId, meter: r.meter, month: r.month, reading: r.reading, usage, read_at: ctx.nowIso, operator_id: operatorId, updated_at: ctx.nowIso };
    ({ id } = await ctx.db.insertInto('meter_readings').values(values).returning('id').executeTakeFirstOrThrow());
    await ctx.audit({ entity: 'meter_reading', entityId: id, after: values });
  }
  if (n.next) {
    const after = { usage: n.next.reading - r.reading, updated_at: ctx.nowIso };
    await ctx.db.updateTable('meter_readings').set(after).where('id', '=', n.next.id).execute();
    await ctx.audit({ entity: 'meter_reading', entityId: n.next.id, before: { reading: n.next.reading }, after });
  }
  return id;
}

export async function recordReading(ctx: CommandContext, input: ParsedInput<'fees.recordReading'>): Promise<ReadingRow> {
  const unit = await ctx.db.selectFrom('units').select('id').where('id', '=', input.unitId).executeTakeFirst();
  if (!unit) throw fail.notFound('房屋不存在');
  const n = await neighbours(ctx.db, input);
  if (n.same && !input.correctionReason)
    throw fail.conflict(`${input.month} 的${METER_LABELS[input.meter]}已抄（${hundredthsText(n.same.reading)}）；如需更正请填写更正原因`, { correctionReason: '请填写更正原因' });
  const checked = check(input, n, ctx.settings.feeRules.meterJumpFactor, input.confirmJump);
  if ('problem' in checked) throw fail.validation(checked.problem, { [checked.jump ? 'confirmJump' : 'reading']: checked.problem });
  const id = await write(ctx, input, n, checked.usage, n.same ? input.correctionReason : '');
  return (await listReadings(ctx.db, { page: 1, pageSize: 1, filters: {} }, id)).rows[0]!;
}

export async function listReadings(db: Db, input: ParsedInput<'fees.readings'>, id?: number): Promise<{ rows: ReadingRow[]; total: number }> {
  let q = db.selectFrom('meter_readings as r').innerJoin('units as u', 'u.id', 'r.unit_id').innerJoin('operators as o', 'o.id', 'r.operator_id');
  if (id !== undefined) q = q.where('r.id', '=', id);
  if (input.filters.unitId !== undefined) q = q.where('r.unit_id', '=', input.filters.unitId);
  if (input.filters.month !== undefined) q = q.where('r.month', '=', input.filters.month);
  if (input.filters.meter !== undefined) q = q.where('r.meter', '=', input.filters.meter);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const sort = input.sort ?? { field: 'month', desc: true };
  const rows = await q
    .selectAll('r')
    .select(['u.code', 'o.display_name'])
    .orderBy(sort.field === 'month' ? 'r.month' : 'u.code', sort.desc ? 'desc' : 'asc')
    .orderBy('u.code')
    .orderBy('r.meter')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return {
    total: Number(total),
    rows: rows.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      unitCode: r.code,
      meter: r.meter as Meter,
      month: r.month,
      reading: r.reading,
      usage: r.usage,
      readAt: r.read_at,
      operatorName: r.display_name,
      correctionReason: r.correction_reason,
    })),
  };
}

// ---------- .xlsx import ----------

const TEMPLATE_HEADERS = ['房号', '水表读数（吨）', '电表读数（度）'];

export async function readingsTemplate(): Promise<{ fileName: string; contentBase64: string }> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('抄表');
  sheet.addRow(TEMPLATE_HEADERS).font = { bold: true };
  sheet.addRow(['3-2-1101', 1234.56, 8765.4]);
  sheet.columns.forEach((c) => (c.width = 16));
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: '抄表导入模板.xlsx', contentBase64: Buffer.from(buffer).toString('base64') };
}

export interface ParsedReadings {
  rows: { row: number; unitCode: string; meter: Meter; reading: number }[];
  problems: string[];
}

const MAX_ROWS = 50_000;

/** Reading text → hundredths: "1234.5" → 123450; more than two decimals or anything else is refused. */
function hundredths(text: string): number | null {
  const m = /^(\d{1,8})(?:\.(\d{0,2}))?$/.exec(text.trim());
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'result' in value) return cellText(value.result as ExcelJS.CellValue);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return String(value);
}

/** Parsed in `prepare`, outside the transaction: the sheet's rows, or its problems row by row. */
export async function parseReadingsFile(pre: PrepareContext, input: ParsedInput<'fees.importReadings'>): Promise<ParsedReadings> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(input.contentBase64, 'base64') as unknown as ArrayBuffer);
  } catch {
    throw fail.validation('无法读取这个文件：它可能已损坏，或不是 .xlsx 表格', { contentBase64: '无法读取' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount < 2) throw fail.validation('表格是空的：请按模板把房号和读数放在第一个工作表中', { contentBase64: '表格是空的' });
  if (sheet.rowCount > MAX_ROWS + 1) throw fail.validation(`一次最多导入 ${MAX_ROWS} 行，请分成几个文件`, { contentBase64: '行数过多' });
  const header = [1, 2, 3].map((c) => cellText(sheet.getRow(1).getCell(c).value).trim());
  if (header.join('|') !== TEMPLATE_HEADERS.join('|')) throw fail.validation(`第一行应为模板的表头：${TEMPLATE_HEADERS.join('、')}`, { contentBase64: '表头不符' });
  const parsed: ParsedReadings = { rows: [], problems: [] };
  const seen = new Set<string>();
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const code = cellText(row.getCell(1).value).trim().toUpperCase();
    const cells = [cellText(row.getCell(2).value), cellText(row.getCell(3).value)];
    if (!code && cells.every((c) => !c.trim())) return;
    if (!code) return void parsed.problems.push(`第 ${n} 行：缺少房号`);
    if (seen.has(code)) return void parsed.problems.push(`第 ${n} 行：房号 ${code} 重复`);
    seen.add(code);
    METERS.forEach((meter, i) => {
      const text = cells[i]!.trim();
      if (!text) return;
      const value = hundredths(text);
      if (value === null) parsed.problems.push(`第 ${n} 行：${METER_LABELS[meter]}读数「${text.slice(0, 20)}」不是最多两位小数的数字`);
      else parsed.rows.push({ row: n, unitCode: code, meter, reading: value });
    });
  });
  void pre;
  return parsed;
}

/** All rows or none: any problem (a bad cell, an unknown unit, a reading below the last) refuses the whole file. */
export async function importReadings(ctx: CommandContext, input: ParsedInput<'fees.importReadings'>, parsed: ParsedReadings): Promise<{ month: string; imported: number }> {
  const problems = [...parsed.problems];
  const codes = [...new Set(parsed.rows.map((r) => r.unitCode))];
  const units = new Map<string, number>();
  for (let i = 0; i < codes.length; i += 500) {
    for (const u of await ctx.db.selectFrom('units').select(['id', 'code']).where('code', 'in', codes.slice(i, i + 500)).execute()) units.set(u.code, u.id);
  }
  const ready: { reading: ReadingInput; n: Neighbours; usage: number | null }[] = [];
  for (const r of parsed.rows) {
    const unitId = units.get(r.unitCode);
    if (unitId === undefined) {
      problems.push(`第 ${r.row} 行：没有房号 ${r.unitCode}`);
      continue;
    }
    const reading = { unitId, meter: r.meter, month: input.month, reading: r.reading };
    const n = await neighbours(ctx.db, reading);
    if (n.same) {
      problems.push(`第 ${r.row} 行：${r.unitCode} ${input.month} 的${METER_LABELS[r.meter]}已抄，更正请在抄表页逐户填写原因`);
      continue;
    }
    const checked = check(reading, n, ctx.settings.feeRules.meterJumpFactor, input.confirmJump);
    if ('problem' in checked) problems.push(`第 ${r.row} 行：${r.unitCode} ${checked.problem}${checked.jump ? '（核对无误可勾选“确认用量异常”后重新导入）' : ''}`);
    else ready.push({ reading, n, usage: checked.usage });
  }
  if (problems.length) {
    const shown = problems.slice(0, 20);
    throw fail.validation(`有 ${problems.length} 处问题，整个文件未导入：\n${shown.join('\n')}${problems.length > shown.length ? `\n……另有 ${problems.length - shown.length} 处` : ''}`, {
      contentBase64: `有 ${problems.length} 处问题`,
    });
  }
  if (!ready.length) throw fail.validation('表格中没有读数', { contentBase64: '没有读数' });
  for (const r of ready) await write(ctx, r.reading, r.n, r.usage, '');
  return { month: input.month, imported: ready.length };
}
