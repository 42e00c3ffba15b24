import { z } from 'zod';

/** Server-side paging and sorting, shared by every list command and the DataTable. */
export const PAGE_SIZE_MAX = 200;

export function listQuery<const Sort extends readonly [string, ...string[]], F extends z.ZodRawShape>(
  sortable: Sort,
  filters: F,
) {
  return z.strictObject({
    page: z.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.number().int().min(1).max(PAGE_SIZE_MAX).default(50),
    sort: z.strictObject({ field: z.enum(sortable), desc: z.boolean() }).optional(),
    filters: z.strictObject(filters).default({} as never),
  });
}

export interface Page<Row> {
  rows: Row[];
  total: number;
}
