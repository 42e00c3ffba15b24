import type { ComponentType } from 'react';
import type { Paper, PaperKey } from '../../shared/print';
import type { Result } from '../../shared/result';

/** What every form component receives: the record's print facts, never raw personal data. */
export interface PrintFormProps {
  officeName: string;
  /** A PNG/JPEG data: URL from settings, or '' (PrintHeader shows it left of the office name). */
  officeLogo: string;
  title: string;
  serial: string;
  /** ISO-8601 UTC; shown in Asia/Shanghai. */
  printedAt: string;
  /** 0 on the first print; n on the n-th reprint (shows 补打). */
  reprint: number;
  voided: boolean;
  paper: Paper;
}

export interface PrintFormDef<Data = undefined> {
  key: string;
  title: string;
  defaultPaper: PaperKey;
  /** Papers the layout is made for (settings offers only these); defaults to every paper. */
  papers?: readonly PaperKey[];
  copies: number;
  /**
   * Forms that print a record load it by serial through a command (so the server masks and
   * checks roles); the preview waits for it and shows the command's Chinese error instead.
   */
  load?: (serial: string) => Promise<Result<Data>>;
  component: ComponentType<PrintFormProps & { data: Data }>;
}

const forms = new Map<string, PrintFormDef<unknown>>();

/** Each desk registers its forms (维修单, 放行条…) from its own folder; see forms/index.ts. */
export function registerForm<Data = undefined>(def: PrintFormDef<Data>): void {
  if (!/^[a-z0-9-]{1,40}$/.test(def.key)) throw new Error(`bad form key: ${def.key}`);
  if (forms.has(def.key)) throw new Error(`form registered twice: ${def.key}`);
  forms.set(def.key, def as PrintFormDef<unknown>);
}

export function getForm(key: string): PrintFormDef<unknown> | undefined {
  return forms.get(key);
}

export function listForms(): PrintFormDef<unknown>[] {
  return [...forms.values()];
}
