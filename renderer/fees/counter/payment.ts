import { PAYMENT_METHODS, type PaymentMethod } from '../../../shared/fees-counter';

/** One unpaid bill as the counter shows it (fees.unpaid's UnpaidBill has these and more). */
export interface CounterBill {
  id: number;
  item: string;
  /** 'YYYY-MM', or null for a one-off charge. */
  period: string | null;
  amountFen: number;
  /** As of today; 0 while the late fee is off or the bill is not yet due. */
  lateFeeFen: number;
  monthsOverdue: number;
}

/** What a bill costs today: its amount and its late fee. */
export const billDueFen = (b: CounterBill) => b.amountFen + b.lateFeeFen;

/**
 * The bills to collect: every unpaid bill but the ones the cashier unticked (all are ticked when
 * the unit opens), in the order shown, with their total. Kept as "unticked" so a bill that appears
 * on reload (a repair just completed) is ticked like the rest.
 */
export function selectionOf(bills: readonly CounterBill[], unticked: ReadonlySet<number>): { ids: number[]; dueFen: number } {
  const chosen = bills.filter((b) => !unticked.has(b.id));
  return { ids: chosen.map((b) => b.id), dueFen: chosen.reduce((sum, b) => sum + billDueFen(b), 0) };
}

/** The pay dialog's hotkeys: 1 现金, 2 微信, 3 支付宝, 4 银行卡, 5 转账, 6 其他 (the contract's order). */
export function methodOfKey(key: string): PaymentMethod | null {
  if (!/^[1-9]$/.test(key)) return null;
  return PAYMENT_METHODS[Number(key) - 1] ?? null;
}

export const methodKey = (method: PaymentMethod) => PAYMENT_METHODS.indexOf(method) + 1;
