import type { ComponentType } from 'react';
import type { Paper, PaperKey, PrintOutput, PrintRecord } from '../../shared/print';
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
  /** 0 on the first print; n on the n-th reprint (shows 补打). From the server, for a record's form. */
  reprint: number;
  /** From the server, for a record's form. */
  voided: boolean;
  paper: Paper;
}

/** What a job reported once it went out: the copies printed and how. */
export interface PrintedJob {
  copies: number;
  output: PrintOutput;
}

export interface PrintFormDef<Data = undefined> {
  key: string;
  title: string;
  defaultPaper: PaperKey;
  /** Papers the layout is made for (settings offers only these); defaults to every paper. */
  papers?: readonly PaperKey[];
  copies: number;
  /**
   * Forms that print a record: `load` reads it by its number through the desk's print read (the
   * server checks roles, masks, and gives the printed number, 补打 count and 作废 mark — the URL
   * gives only which record); `printed` tells the desk a job of it went out, after the job says so.
   */
  record?: {
    load(no: string): Promise<Result<PrintRecord<Data>>>;
    printed(no: string, job: PrintedJob): Promise<Result<unknown>>;
  };
  component: ComponentType<PrintFormProps & { data: Data }>;
}

/** A desk's form as an entry of the one list (forms/index.ts): its data type is its own business. */
export function printForm<Data>(def: PrintFormDef<Data>): PrintFormDef<unknown> {
  return def as PrintFormDef<unknown>;
}
