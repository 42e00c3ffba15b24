import ExcelJS from 'exceljs';
import { officeDateTime } from '../../shared/office-time';
import { MONTHLY_COUNT_COLUMNS } from '../../shared/passes-monthly';
import type { MonthlyRow } from '../../shared/contract/passes';
import type { CommandContext } from '../context';
import { monthlyReport } from './monthly';

/**
 * 放行月报 as .xlsx: the same command output and columns as the screen and the A4 form
 * (shared/passes-monthly.ts). Figures only — no resident's name, phone or plate leaves in it.
 */
export async function exportMonthly(ctx: CommandContext, month: string): Promise<{ fileName: string; contentBase64: string }> {
  const report = await monthlyReport(ctx, month);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('放行月报');
  sheet.addRow([`${ctx.settings.officeName} 物品放行月报`]).font = { bold: true, size: 14 };
  sheet.addRow([`月份：${report.month}`, `生成时间：${officeDateTime(report.generatedAt)}`]);
  sheet.addRow([report.countRule]);
  sheet.addRow([`有欠费经主管核准放行 ${report.overrides} 张`]);
  const table = (title: string, heading: string, rows: MonthlyRow[]) => {
    sheet.addRow([]);
    sheet.addRow([title]).font = { bold: true };
    sheet.addRow([heading, ...MONTHLY_COUNT_COLUMNS.map((c) => c.title)]).font = { bold: true };
    for (const r of rows) sheet.addRow([r.label, ...MONTHLY_COUNT_COLUMNS.map((c) => r[c.key])]);
    sheet.addRow(['合计', ...MONTHLY_COUNT_COLUMNS.map((c) => report.total[c.key])]).font = { bold: true };
  };
  table('按类型', '类型', report.byType);
  table('按楼栋', '楼栋', report.byBuilding);
  sheet.columns.forEach((c, i) => {
    c.width = i === 0 ? 14 : 12;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: `物品放行月报-${report.month}.xlsx`, contentBase64: Buffer.from(buffer).toString('base64') };
}
