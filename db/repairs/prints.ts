import type { OrderDetail, RepairPrintForm } from '../../shared/contract/repairs';
import { maskMobile } from '../../shared/mask';
import type { PrintOutput, PrintRecord } from '../../shared/print';
import type { CommandContext } from '../context';
import { logPrint, printRecord } from '../print/log';
import { addEvent, loadOrder, ORDER_FORM } from './orders';

/**
 * 维修单 by its number: the order as repairs.get shows it (phone masked for roles that do not see
 * mobiles), and masked for everyone when 设置 → 维修时限 says the slip prints it masked — the slip
 * goes out of the office in the technician's pocket. A voided order prints 作废.
 */
export async function slipRecord(ctx: CommandContext, no: string): Promise<PrintRecord<OrderDetail>> {
  const order = await loadOrder(ctx, { no });
  const data = ctx.settings.repairLimits.maskPhoneOnSlip ? { ...order, contactPhone: maskMobile(order.contactPhone) } : order;
  return printRecord(ctx, ORDER_FORM, { serial: order.no, voided: order.state === 'voided', data });
}

/** A 维修单 job went out: the record is read first (it exists, this operator may read it), then logged. */
export async function recordPrinted(ctx: CommandContext, input: { form: RepairPrintForm; record: string; copies: number; output: PrintOutput }): Promise<{ prints: number }> {
  const printed = await slipRecord(ctx, input.record);
  const result = await logPrint(ctx, { formKey: input.form, recordNo: printed.serial, copies: input.copies, output: input.output });
  const text = printed.reprint === 0 ? '打印维修单' : `补打维修单（第 ${printed.reprint} 次补打）`;
  await addEvent(ctx, printed.data.id, { kind: 'print', text }, printed.data.technicianId);
  return result;
}
