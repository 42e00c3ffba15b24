/**
 * A bill on a unit (the `bills` table): made by the desks that charge — a chargeable repair, the
 * fees desk's monthly run and its ad-hoc charges — and settled at the fees desk's counter. Every desk
 * that shows a bill reads its states from here (desks do not import each other).
 */
export const BILL_STATES = ['unpaid', 'paid', 'voided'] as const;
export type BillState = (typeof BILL_STATES)[number];
export const BILL_STATE_LABELS: Record<BillState, string> = { unpaid: '未缴', paid: '已缴', voided: '已作废' };
