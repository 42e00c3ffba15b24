import ExcelJS from 'exceljs';
import { officeDateTime } from '../../shared/office-time';
import { SUMMARY_COLUMNS, summaryRows } from '../../shared/repairs-summary';
import type { CommandContext } from '../context';
import { monthlySummary } from './summary';

/**
 * The monthly summary as .xlsx: the same command output and the same columns as the screen and the
 * A4 form (shared/repairs-summary.ts). Figures only — no resident's name or phone leaves in it.
 */
export async function exportSummary(ctx: CommandContext, month: string): Promise<{ fileName: string; contentBase64: string }> {
  const summary = await monthlySummary(ctx, month);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('维修月度汇总');
  sheet.addRow([`${ctx.settings.officeName} 维修月度汇总表`]).font = { bold: true, size: 14 };
  sheet.addRow([`月份：${summary.month}`, `生成时间：${officeDateTime(summary.generatedAt)}`]);
  sheet.addRow([summary.countRule]);
  sheet.addRow([`作废 ${summary.voided} 张（不计入）`]);
  sheet.addRow([]);
  sheet.addRow(SUMMARY_COLUMNS.map((c) => c.title)).font = { bold: true };
  for (const row of summaryRows(summary)) {
    // Counts as numbers (they add up in Excel); averages and rates as the text the screen shows.
    sheet.addRow(SUMMARY_COLUMNS.map((c) => (c.key === 'count' || c.key === 'completed' ? Number(c.value(row)) : c.value(row))));
  }
  sheet.lastRow!.font = { bold: true };
  sheet.columns.forEach((c, i) => {
    c.width = i < 2 ? 12 : 16;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: `维修月度汇总-${summary.month}.xlsx`, contentBase64: Buffer.from(buffer).toString('base64') };
}
