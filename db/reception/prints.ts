import { sql } from 'kysely';
import type { DailyReport, EntryDetail, Handover, HandoverSummary, ReceptionPrintForm } from '../../shared/contract/reception';
import type { PrintOutput, PrintRecord } from '../../shared/print';
import { fail } from '../../shared/result';
import type { CommandContext } from '../context';
import { logPrint, printRecord } from '../print/log';
import { nextSerial } from '../serials';
import { addEvent, loadEntry } from './entries';
import { dailyReport, handover } from './report';

/**
 * The reception desk's printed forms, read from the record for the print preview (number, 补打
 * count, 作废 mark, data masked as reception.get masks) and recorded once a job went out.
 */

/** How many past handovers the handover view offers for a reprint. */
const HANDOVERS_LISTED = 30;
const OFFICE_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** 工作联系单: the entry by its number; a voided entry prints 作废. */
export async function slipRecord(ctx: CommandContext, no: string): Promise<PrintRecord<EntryDetail>> {
  const entry = await loadEntry(ctx, { no });
  return printRecord(ctx, 'work-contact-slip', { serial: entry.no, voided: entry.state === 'voided', data: entry });
}

/** 客服中心日报表: the day is its number; another copy of a day's report is a 补打. */
export async function dailyRecord(ctx: CommandContext, day: string): Promise<PrintRecord<DailyReport>> {
  if (!OFFICE_DAY.test(day)) throw fail.validation('日期格式应为 YYYY-MM-DD', { record: '日期格式应为 YYYY-MM-DD' });
  return printRecord(ctx, 'reception-daily', { serial: day, voided: false, data: await dailyReport(ctx, day) });
}

/**
 * Print the handover as it is now: stored under a new JJ number, as printed (the print shows no
 * phone numbers, so none are kept), for the preview to load and any reprint to show unchanged.
 */
export async function saveHandover(ctx: CommandContext): Promise<{ no: string }> {
  const operator = ctx.requireOperator();
  const now = await handover(ctx);
  const content: Handover = {
    ...now,
    open: now.open.map((e) => ({ ...e, contactPhone: '' })),
    openVisitors: now.openVisitors.map((v) => ({ ...v, phone: '' })),
  };
  const no = await nextSerial(ctx, 'JJ');
  const { id } = await ctx.db
    .insertInto('reception_handovers')
    .values({ no, generated_at: content.generatedAt, operator_id: operator.id, content: JSON.stringify(content) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ entity: 'reception_handover', entityId: id, after: { no, counts: content.counts, visitors: content.openVisitors.length } });
  return { no };
}

/** 交班表 by its number: the stored snapshot, whatever changed since. */
export async function handoverRecord(ctx: CommandContext, no: string): Promise<PrintRecord<Handover>> {
  const wanted = no.trim().toUpperCase();
  const row = await ctx.db.selectFrom('reception_handovers').select(['no', 'content']).where('no', '=', wanted).executeTakeFirst();
  if (!row) throw fail.notFound(`找不到交班表 ${wanted}`);
  return printRecord(ctx, 'reception-handover', { serial: row.no, voided: false, data: JSON.parse(row.content) as Handover });
}

/** The latest stored handovers, newest first, with how often each was printed. */
export async function listHandovers(ctx: CommandContext): Promise<HandoverSummary[]> {
  const rows = await ctx.db
    .selectFrom('reception_handovers as h')
    .leftJoin('operators', 'operators.id', 'h.operator_id')
    .select([
      'h.no',
      'h.generated_at',
      'operators.display_name',
      sql<number>`json_extract(h.content, '$.counts.open')`.as('open'),
      sql<number>`(SELECT count(*) FROM print_log p WHERE p.form_key = 'reception-handover' AND p.record_no = h.no)`.as('prints'),
    ])
    .orderBy('h.id', 'desc')
    .limit(HANDOVERS_LISTED)
    .execute();
  return rows.map((r) => ({ no: r.no, generatedAt: r.generated_at, operatorName: r.display_name ?? '', open: Number(r.open), prints: Number(r.prints) }));
}

const PRINT_READS: Record<ReceptionPrintForm, (ctx: CommandContext, record: string) => Promise<PrintRecord<unknown>>> = {
  'work-contact-slip': slipRecord,
  'reception-daily': dailyRecord,
  'reception-handover': handoverRecord,
};

/**
 * A job of one of the desk's forms went out. The record is read first as the preview read it, so
 * a record that does not exist (or that this operator may not read) is refused and nothing written.
 */
export async function recordPrinted(ctx: CommandContext, input: { form: ReceptionPrintForm; record: string; copies: number; output: PrintOutput }): Promise<{ prints: number }> {
  const printed = await PRINT_READS[input.form](ctx, input.record);
  const result = await logPrint(ctx, { formKey: input.form, recordNo: printed.serial, copies: input.copies, output: input.output });
  if (input.form === 'work-contact-slip') {
    const reprint = printed.reprint;
    await addEvent(ctx, (printed.data as EntryDetail).id, 'print', reprint === 0 ? '打印工作联系单' : `补打工作联系单（第 ${reprint} 次补打）`);
  }
  return result;
}
