import { fail } from '../../../shared/result';
import type { CommandContext } from '../../context';

/**
 * Where the counter meets the billing side (db/fees/billing): the late fee a bill carries today,
 * and the future months a prepayment bills. The billing side owns both rules; this is the one
 * place the counter asks it.
 */

interface BillForLateFee {
  id: number;
  unit_id: number;
  source: string;
  period: string | null;
  amount_fen: number;
}

/** Late fee (滞纳金) per bill as of now, only bills that carry one. */
export async function lateFeesOf(_ctx: CommandContext, _bills: readonly BillForLateFee[]): Promise<Map<number, number>> {
  return new Map();
}

/** Bills for prepaid months of periodic fee items, created unpaid in this transaction; their ids. */
export async function prepayBills(_ctx: CommandContext, _unitId: number, prepay: readonly { feeItemId: number; months: number }[]): Promise<number[]> {
  if (prepay.length) throw fail.conflict('预交功能尚未完成');
  return [];
}
