import ExcelJS from 'exceljs';
import type { EntryRow } from '../../shared/contract/reception';
import { officeDateTime, officeDayOf } from '../../shared/office-time';
import { CATEGORY_LABELS, CHANNEL_LABELS, dailyFigures, ENTRY_STATE_LABELS, REPAIR_SCOPE_LABELS, URGENCY_LABELS } from '../../shared/reception';
import type { CommandContext } from '../context';
import { dailyReport, handover } from './report';

const ENTRY_COLUMNS = ['登记号', '接待时间', '渠道', '类别', '紧急程度', '房屋', '联系人', '电话', '内容', '处理人', '状态', '时限'];

function entryCells(r: EntryRow): string[] {
  const category = r.repairScope ? `${CATEGORY_LABELS[r.category]}（${REPAIR_SCOPE_LABELS[r.repairScope]}）` : CATEGORY_LABELS[r.category];
  return [
    r.no,
    officeDateTime(r.receivedAt),
    CHANNEL_LABELS[r.channel],
    category,
    URGENCY_LABELS[r.urgency],
    r.unitCode ?? '',
    r.contactName,
    r.contactPhone,
    r.content,
    r.handlerLabel,
    ENTRY_STATE_LABELS[r.state],
    r.time.text,
  ];
}

function addEntrySheet(workbook: ExcelJS.Workbook, name: string, rows: EntryRow[]): void {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow(ENTRY_COLUMNS).font = { bold: true };
  for (const r of rows) sheet.addRow(entryCells(r));
  sheet.columns.forEach((c, i) => {
    c.width = [16, 18, 8, 14, 8, 12, 10, 14, 40, 16, 8, 14][i];
    c.numFmt = '@';
  });
}

/**
 * The daily report or the handover as .xlsx, with the same figures as the printed page (the
 * same command output feeds both). Phones arrive already masked for roles that see them so.
 * The file leaves the office's records with residents' names and phones in it, so it is audited
 * like a write: who exported which report, and how many rows — never the rows themselves.
 */
export async function exportReport(ctx: CommandContext, kind: 'daily' | 'handover', day: string | undefined): Promise<{ fileName: string; contentBase64: string }> {
  const workbook = new ExcelJS.Workbook();
  let fileName: string;
  let exported: { report: string; day?: string; entries: number; visitors?: number };
  if (kind === 'daily') {
    const report = await dailyReport(ctx, day ?? officeDayOf(ctx.now));
    const summary = workbook.addWorksheet('汇总');
    summary.addRow([`${ctx.settings.officeName} 客服中心日报表`]).font = { bold: true, size: 14 };
    summary.addRow([`日期：${report.day}`, `生成时间：${officeDateTime(report.generatedAt)}`]);
    summary.addRow([report.countRule]);
    summary.addRow([]);
    summary.addRow(['渠道 \\ 类别', ...Object.values(CATEGORY_LABELS), '合计']).font = { bold: true };
    for (const g of report.grid) summary.addRow([CHANNEL_LABELS[g.channel], ...Object.keys(CATEGORY_LABELS).map((c) => g.counts[c as keyof typeof g.counts]), g.total]);
    summary.addRow(['合计', ...report.byCategory.map((c) => c.count), report.total]).font = { bold: true };
    summary.addRow([]);
    for (const f of dailyFigures(report)) summary.addRow([f.label, f.value]);
    summary.getColumn(1).width = 14;
    addEntrySheet(workbook, '当日登记', report.entries);
    fileName = `客服中心日报表-${report.day}.xlsx`;
    exported = { report: '客服中心日报表', day: report.day, entries: report.entries.length };
  } else {
    const h = await handover(ctx);
    addEntrySheet(workbook, '未办结事项', h.open);
    const visitors = workbook.addWorksheet('未离开访客');
    visitors.addRow(['访客单号', '姓名', '电话', '到访房屋', '事由', '车牌', '来访时间']).font = { bold: true };
    for (const v of h.openVisitors) visitors.addRow([v.no, v.name, v.phone, v.unitCode ?? '', v.reason, v.plate, officeDateTime(v.inAt)]);
    fileName = `交班表-${officeDateTime(h.generatedAt).replace(/[-: ]/g, '').slice(0, 12)}.xlsx`;
    exported = { report: '交班表', entries: h.open.length, visitors: h.openVisitors.length };
  }
  await ctx.audit({ entity: 'reception_report', entityId: fileName, after: { event: 'report_exported', ...exported } });
  return { fileName, contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') };
}
