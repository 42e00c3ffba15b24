import { isPaperKey, type PaperKey } from '../../shared/print';

/**
 * `#/print/<formKey>?serial=JD202611250007&paper=a5-landscape&dx=1.5&dy=-2`: which form, which
 * record (its number) and how to lay it out. Nothing about the record itself — its 补打 count and
 * 作废 mark come from the server; `reprint`/`voided` left in older links are ignored.
 */
export interface PrintRoute {
  formKey: string;
  paper: PaperKey | null;
  /** The record's number (a report's day); the test page prints it as given. */
  serial: string | null;
  /** Offsets given in the URL win over settings (used to try an offset before saving it). */
  offsetXmm: number | null;
  offsetYmm: number | null;
}

export function parsePrintHash(hash: string): PrintRoute | null {
  const m = hash.match(/^#\/print\/([a-z0-9-]+)(?:\?(.*))?$/);
  if (!m) return null;
  const q = new URLSearchParams(m[2] ?? '');
  const num = (name: string) => {
    const raw = q.get(name);
    if (raw === null || raw.trim() === '') return null;
    const n = Number(raw);
    return Number.isFinite(n) ? n : null;
  };
  const paper = q.get('paper');
  return {
    formKey: m[1]!,
    paper: isPaperKey(paper) ? paper : null,
    serial: q.get('serial')?.slice(0, 60) || null,
    offsetXmm: num('dx'),
    offsetYmm: num('dy'),
  };
}

export function printHash(formKey: string, params: Record<string, string | number | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return `#/print/${formKey}${s ? `?${s}` : ''}`;
}
