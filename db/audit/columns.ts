/**
 * The stored values of the columns a change is about to write: an audit row's `before`, so the
 * operation log shows what each changed column was (reception entries, repair orders, passes).
 */
export function columnsBefore<Row extends object>(row: Row, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k in row) out[k] = row[k as keyof Row];
  return out;
}
