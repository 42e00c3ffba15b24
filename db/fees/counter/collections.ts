import ExcelJS from 'exceljs';
import type { CollectionsPeriod, CollectionsReport } from '../../../shared/contract/fees-counter';
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS, type PaymentMethod } from '../../../shared/fees-counter';
import { officeDateTime, officeDayOf, officeDayRange } from '../../../shared/office-time';
import type { CommandContext } from '../../context';

export const COLLECTIONS_COUNT_RULE = '按收据开具时间统计实收：有效收据计入，红冲和退款以负数计入，已作废的收据不计入。';

interface Range {
  from: string;
  to: string;
  by: 'day' | 'month';
}

function emptyPeriod(period: string): CollectionsPeriod {
  return { period, totalFen: 0, byItem: {}, byMethod: Object.fromEntries(PAYMENT_METHODS.map((m) => [m, 0])) as Record<PaymentMethod, number> };
}

function add(p: CollectionsPeriod, category: string, method: PaymentMethod, fen: number): void {
  p.totalFen += fen;
  p.byItem[category] = (p.byItem[category] ?? 0) + fen;
  p.byMethod[method] += fen;
}

/**
 * 收款统计: what the counter took in, by office day or month, by item (the line's category) and by
 * method. Summed from the receipt lines, so a discount lowers its item's column and the by-item and
 * by-method totals are the same money.
 */
export async function collections(ctx: CommandContext, range: Range): Promise<CollectionsReport> {
  const lines = await ctx.db
    .selectFrom('receipt_lines as l')
    .innerJoin('receipts as r', 'r.id', 'l.receipt_id')
    .select(['r.created_at', 'r.method', 'l.category', 'l.amount_fen'])
    .where('r.created_at', '>=', officeDayRange(range.from).start)
    .where('r.created_at', '<', officeDayRange(range.to).end)
    .where('r.state', '=', 'valid')
    .execute();
  const periods = new Map<string, CollectionsPeriod>();
  const total = emptyPeriod('合计');
  for (const l of lines) {
    const day = officeDayOf(l.created_at);
    const key = range.by === 'month' ? day.slice(0, 7) : day;
    let p = periods.get(key);
    if (!p) periods.set(key, (p = emptyPeriod(key)));
    add(p, l.category, l.method as PaymentMethod, l.amount_fen);
    add(total, l.category, l.method as PaymentMethod, l.amount_fen);
  }
  const items = Object.entries(total.byItem)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([item]) => item);
  return {
    from: range.from,
    to: range.to,
    by: range.by,
    generatedAt: ctx.nowIso,
    items,
    periods: [...periods.values()].sort((a, b) => a.period.localeCompare(b.period)),
    total,
    countRule: COLLECTIONS_COUNT_RULE,
  };
}

/** Yuan as a number for a spreadsheet cell: fen / 100 is exact to print with two decimals. */
const yuanCell = (fen: number) => fen / 100;

/** The report as .xlsx: the same figures as the screen; amounts in yuan with two decimals. */
export async function exportCollections(ctx: CommandContext, range: Range): Promise<{ fileName: string; contentBase64: string }> {
  const report = await collections(ctx, range);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('收款统计');
  sheet.addRow([`${ctx.settings.officeName} 收款统计（${range.by === 'month' ? '按月' : '按日'}）`]).font = { bold: true, size: 14 };
  sheet.addRow([`期间：${report.from} 至 ${report.to}`, `生成时间：${officeDateTime(report.generatedAt)}`]);
  sheet.addRow([report.countRule]);
  sheet.addRow([]);
  sheet.addRow([range.by === 'month' ? '月份' : '日期', '实收合计', ...report.items, ...PAYMENT_METHODS.map((m) => PAYMENT_METHOD_LABELS[m])]).font = { bold: true };
  for (const p of [...report.periods, report.total]) {
    const row = sheet.addRow([p.period, yuanCell(p.totalFen), ...report.items.map((i) => yuanCell(p.byItem[i] ?? 0)), ...PAYMENT_METHODS.map((m) => yuanCell(p.byMethod[m]))]);
    row.eachCell((cell, col) => {
      if (col > 1) cell.numFmt = '#,##0.00';
    });
  }
  sheet.lastRow!.font = { bold: true };
  sheet.columns.forEach((c) => {
    c.width = 14;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: `收款统计-${report.from}-${report.to}.xlsx`, contentBase64: Buffer.from(buffer).toString('base64') };
}
