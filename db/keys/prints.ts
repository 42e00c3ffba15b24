import type { AuditView, IssueView, KeyLabel, KeyPrintForm, LoanRow } from '../../shared/contract/keys';
import { KEY_CLASS_SHORT, keyPosition, keyRecordId, type KeyClass, type KeyRecordKind } from '../../shared/keys';
import type { PrintOutput, PrintRecord } from '../../shared/print';
import { fail } from '../../shared/result';
import type { CommandContext } from '../context';
import { logPrint, printRecord } from '../print/log';
import { loadAudit } from './audits';
import { addKeyEvent, changeKey, KEY_FORMS, loadLoan } from './records';
import { loadIssue } from './register';

/** A label print job covers at most this many tags (the register's batch). */
const LABELS_MAX = 200;

/** The tags of a label record: one tag, or the run first-last. */
function labelTags(record: string): { first: string; last: string } {
  const [first, last = first] = record.split('-') as [string, string?];
  if (last < first) throw fail.validation('标签号范围不正确：后一个应不小于前一个', { record: '范围不正确' });
  if (Number(last.slice(2)) - Number(first.slice(2)) >= LABELS_MAX) throw fail.validation(`一次最多打印 ${LABELS_MAX} 个标签`, { record: `最多 ${LABELS_MAX} 个` });
  return { first, last };
}

/**
 * Labels: the tag (printed as barcode/QR by the form), the class' short name and the hook — never
 * the unit's code, address or owner, so a lost key cannot lead anyone to its door.
 */
export async function labelsRecord(ctx: CommandContext, record: string): Promise<PrintRecord<KeyLabel[]> & { keyIds: number[] }> {
  const { first, last } = labelTags(record);
  const keys = await ctx.db
    .selectFrom('keys')
    .select(['id', 'tag', 'key_class', 'cabinet', 'hook', 'key_count', 'state'])
    .where('tag', '>=', first)
    .where('tag', '<=', last)
    .where('state', '<>', 'retired')
    .orderBy('tag')
    .execute();
  if (!keys.length) throw fail.notFound(`没有标签号为 ${record} 的钥匙`);
  const data = keys.map((k) => ({ tag: k.tag, classShort: KEY_CLASS_SHORT[k.key_class as KeyClass], position: keyPosition(k), keyCount: k.key_count }));
  return { ...(await printRecord(ctx, KEY_FORMS.label, { serial: record, voided: false, data })), keyIds: keys.map((k) => k.id) };
}

function recordId(kind: KeyRecordKind, no: string): number {
  const id = keyRecordId(kind, no);
  if (id === null) throw fail.validation('单号格式不正确', { no: '单号格式不正确' });
  return id;
}

export async function loanSlipRecord(ctx: CommandContext, no: string): Promise<PrintRecord<LoanRow>> {
  return printRecord(ctx, KEY_FORMS.loan, { serial: no, voided: false, data: await loadLoan(ctx, recordId('loan', no)) });
}

export async function issueSlipRecord(ctx: CommandContext, no: string): Promise<PrintRecord<IssueView>> {
  return printRecord(ctx, KEY_FORMS.issue, { serial: no, voided: false, data: await loadIssue(ctx, recordId('issue', no)) });
}

export async function auditRecord(ctx: CommandContext, no: string): Promise<PrintRecord<AuditView>> {
  const audit = await loadAudit(ctx, recordId('audit', no));
  if (!audit.finishedAt) throw fail.conflict('盘点尚未结束，结束后才能打印报告');
  return printRecord(ctx, KEY_FORMS.audit, { serial: no, voided: false, data: audit });
}

/**
 * A job went out: the record is read first (it exists, this operator may read it), then logged.
 * Printed labels clear the keys' 待换标签 mark; slips go on the key's history.
 */
export async function recordPrinted(ctx: CommandContext, input: { form: KeyPrintForm; record: string; copies: number; output: PrintOutput }): Promise<{ prints: number }> {
  const printed = await readForPrint(ctx, input.form, input.record);
  const result = await logPrint(ctx, { formKey: input.form, recordNo: printed.serial, copies: input.copies, output: input.output });
  const again = printed.reprint === 0 ? '' : `（第 ${printed.reprint} 次补打）`;
  if (input.form === 'key-label') {
    const keys = await ctx.db.selectFrom('keys').selectAll().where('id', 'in', (printed as Awaited<ReturnType<typeof labelsRecord>>).keyIds).execute();
    for (const key of keys) {
      if (key.needs_relabel === 1) await changeKey(ctx, key, { needs_relabel: 0 });
      await addKeyEvent(ctx, key.id, { kind: 'printed', text: `打印标签${again}` });
    }
  } else if (input.form === 'key-loan-slip' || input.form === 'key-issue-slip') {
    const data = printed.data as LoanRow | IssueView;
    await addKeyEvent(ctx, data.keyId, { kind: 'printed', text: `打印${input.form === 'key-loan-slip' ? '钥匙借用登记表' : '钥匙发放登记表'} ${printed.serial}${again}` });
  }
  return result;
}

function readForPrint(ctx: CommandContext, form: KeyPrintForm, record: string): Promise<PrintRecord<unknown>> {
  const no = record.trim().toUpperCase();
  switch (form) {
    case 'key-label':
      if (!/^YS\d{6}(-YS\d{6})?$/.test(no)) throw fail.validation('标签号格式不正确', { record: '标签号格式不正确' });
      return labelsRecord(ctx, no);
    case 'key-loan-slip':
      return loanSlipRecord(ctx, no);
    case 'key-issue-slip':
      return issueSlipRecord(ctx, no);
    case 'key-audit':
      return auditRecord(ctx, no);
  }
}
