import type { ReceiptRow } from '../../../shared/contract/fees-counter';
import type { Page } from '../../../shared/contract/paging';
import type { ParsedInput } from '../../../shared/contract';
import type { PaymentMethod, ReceiptKind, ReceiptState } from '../../../shared/fees-counter';
import { officeDayRange } from '../../../shared/office-time';
import type { CommandContext } from '../../context';

/** 收据查询: each filter is a column of the receipt; names are joined for the page only. */
export async function listReceipts(ctx: CommandContext, input: ParsedInput<'fees.receipts'>): Promise<Page<ReceiptRow>> {
  const f = input.filters;
  let q = ctx.db.selectFrom('receipts as r');
  if (f.from) q = q.where('r.created_at', '>=', officeDayRange(f.from).start);
  if (f.to) q = q.where('r.created_at', '<', officeDayRange(f.to).end);
  if (f.cashierId) q = q.where('r.cashier_id', '=', f.cashierId);
  if (f.method) q = q.where('r.method', '=', f.method);
  if (f.state) q = q.where('r.state', '=', f.state);
  if (f.kind) q = q.where('r.kind', '=', f.kind);
  if (f.unitId) q = q.where('r.unit_id', '=', f.unitId);
  // The number's beginning, as typed: a range on the unique index.
  if (f.no) {
    const prefix = f.no.toUpperCase().replace(/\s/g, '');
    q = q.where('r.no', '>=', prefix).where('r.no', '<', `${prefix}\uffff`);
  }
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const sort = input.sort ?? { field: 'createdAt' as const, desc: true };
  const column = { createdAt: 'r.created_at', no: 'r.no', totalFen: 'r.total_fen' }[sort.field] as 'r.created_at' | 'r.no' | 'r.total_fen';
  const dir = sort.desc ? 'desc' : 'asc';
  const rows = await q
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .innerJoin('operators as c', 'c.id', 'r.cashier_id')
    .leftJoin('receipts as o', 'o.id', 'r.original_id')
    .select(['r.id', 'r.no', 'r.kind', 'r.state', 'r.unit_id', 'u.code', 'r.payer_name', 'r.method', 'r.total_fen', 'c.display_name', 'r.created_at', 'o.no as original_no'])
    .orderBy(column, dir)
    .orderBy('r.id', dir)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      no: r.no,
      kind: r.kind as ReceiptKind,
      state: r.state as ReceiptState,
      unitId: r.unit_id,
      unitCode: r.code,
      payerName: r.payer_name,
      method: r.method as PaymentMethod,
      totalFen: r.total_fen,
      cashierName: r.display_name,
      createdAt: r.created_at,
      originalNo: r.original_no ?? null,
    })),
  };
}
