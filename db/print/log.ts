import type { PrintOutput, PrintRecord } from '../../shared/print';
import type { CommandContext, Db } from '../context';

/**
 * The print register every desk shares: print_log holds one row per job that reported printed
 * (or a PDF saved). A form's 补打 count is how many copies of that record went out before — read
 * here, never from the print URL. Desks call these from their own print reads and "printed" command.
 */

/** How many jobs of this record's form have gone out. */
export async function printCount(db: Db, formKey: string, recordNo: string): Promise<number> {
  const row = await db
    .selectFrom('print_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('form_key', '=', formKey)
    .where('record_no', '=', recordNo)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A record's form as the print preview gets it: the desk's data with the register's count. */
export async function printRecord<Data>(ctx: CommandContext, formKey: string, record: { serial: string; voided: boolean; data: Data }): Promise<PrintRecord<Data>> {
  return { serial: record.serial, reprint: await printCount(ctx.db, formKey, record.serial), voided: record.voided, data: record.data };
}

/**
 * One job went out: appended to the register and audited, in the command's transaction. The
 * caller has loaded the record first (it exists, and this operator may read it). Returns how many
 * jobs of it there are now.
 */
export async function logPrint(ctx: CommandContext, job: { formKey: string; recordNo: string; copies: number; output: PrintOutput }): Promise<{ prints: number }> {
  const operator = ctx.requireOperator();
  const values = { form_key: job.formKey, record_no: job.recordNo, printed_at: ctx.nowIso, operator_id: operator.id, copies: job.copies, output: job.output };
  const { id } = await ctx.db.insertInto('print_log').values(values).returning('id').executeTakeFirstOrThrow();
  await ctx.audit({ entity: 'print_log', entityId: id, after: values });
  return { prints: await printCount(ctx.db, job.formKey, job.recordNo) };
}
