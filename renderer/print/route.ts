import { isPaperKey, type PaperKey } from '../../shared/print';

/** `#/print/<formKey>?paper=a5-landscape&serial=T-1&reprint=2&voided=1&dx=1.5&dy=-2` */
export interface PrintRoute {
  formKey: string;
  paper: PaperKey | null;
  serial: string | null;
  reprint: number;
  voided: boolean;
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
  const reprint = num('reprint');
  return {
    formKey: m[1]!,
    paper: isPaperKey(paper) ? paper : null,
    serial: q.get('serial')?.slice(0, 60) || null,
    reprint: reprint !== null && reprint > 0 ? Math.min(999, Math.floor(reprint)) : 0,
    voided: q.get('voided') === '1',
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
