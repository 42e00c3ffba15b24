import { dutyListRecord, monthlyRecord, type DutyList, type MonthlyReport, type PassDetail, type PassPrintForm } from '../../shared/contract/passes';
import type { PrintOutput, PrintRecord } from '../../shared/print';
import { fail } from '../../shared/result';
import type { CommandContext } from '../context';
import { logPrint, printRecord } from '../print/log';
import { dutyList } from './duty';
import { monthlyReport } from './monthly';
import { addPassEvent, loadPass, PASS_FORM } from './records';

/** 放行条 (with its 存根) by its number, as passes.get shows it; a voided pass prints 作废. */
export async function passPrint(ctx: CommandContext, no: string): Promise<PrintRecord<PassDetail>> {
  const pass = await loadPass(ctx, { no });
  return printRecord(ctx, PASS_FORM, { serial: pass.no, voided: pass.state === 'voided', data: pass });
}

export async function dutyListPrint(ctx: CommandContext, day: string): Promise<PrintRecord<DutyList>> {
  return printRecord(ctx, 'pass-duty-list', { serial: dutyListRecord(day), voided: false, data: await dutyList(ctx, day) });
}

export async function monthlyPrint(ctx: CommandContext, month: string): Promise<PrintRecord<MonthlyReport>> {
  return printRecord(ctx, 'pass-monthly', { serial: monthlyRecord(month), voided: false, data: await monthlyReport(ctx, month) });
}

const DAY_RECORD = /^FXRB(\d{4})(\d{2})(\d{2})$/;
const MONTH_RECORD = /^FXYB(\d{4})(\d{2})$/;

/** The form's record read again from its printed key: it exists, and this operator may read it. */
async function readForPrint(ctx: CommandContext, form: PassPrintForm, record: string): Promise<PrintRecord<unknown>> {
  if (form === 'pass-duty-list') {
    const m = DAY_RECORD.exec(record);
    if (!m) throw fail.validation('值岗记录编号不正确', { record: '编号不正确' });
    return dutyListPrint(ctx, `${m[1]}-${m[2]}-${m[3]}`);
  }
  if (form === 'pass-monthly') {
    const m = MONTH_RECORD.exec(record);
    if (!m) throw fail.validation('月报编号不正确', { record: '编号不正确' });
    return monthlyPrint(ctx, `${m[1]}-${m[2]}`);
  }
  return passPrint(ctx, record);
}

/** A job went out: logged (补打 counts from the register), and on the pass's timeline. */
export async function recordPrinted(ctx: CommandContext, input: { form: PassPrintForm; record: string; copies: number; output: PrintOutput }): Promise<{ prints: number }> {
  const printed = await readForPrint(ctx, input.form, input.record);
  const result = await logPrint(ctx, { formKey: input.form, recordNo: printed.serial, copies: input.copies, output: input.output });
  if (input.form === 'goods-pass') {
    const text = printed.reprint === 0 ? '打印放行条' : `补打放行条（第 ${printed.reprint} 次补打）`;
    await addPassEvent(ctx, (printed.data as PassDetail).id, { kind: 'print', text });
  }
  return result;
}
