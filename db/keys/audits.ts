import type { ParsedInput } from '../../shared/contract';
import type { AuditKeyLine, AuditScanResult, AuditScanView, AuditSummary, AuditView } from '../../shared/contract/keys';
import type { Page } from '../../shared/contract/paging';
import { BORROWER_TYPE_LABELS, KEY_STATE_LABELS, TAG_PATTERN, auditOutcome, keyPosition, keyRecordNo, type BorrowerType, type KeyState } from '../../shared/keys';
import { officeDateTime } from '../../shared/office-time';
import { fail } from '../../shared/result';
import type { CommandContext } from '../context';
import { keyQuery, targetOf, toKeyRow, type KeyJoined } from './records';
import type { KeyAuditsTable } from '../schema';
import type { Selectable } from 'kysely';

/** What a finished audit keeps (key_audits.result): its lists as they were when it finished. */
interface AuditResult {
  scanned: number;
  missing: AuditKeyLine[];
  unexpected: AuditKeyLine[];
  lent: AuditKeyLine[];
  unknown: string[];
}

type AuditRecord = Selectable<KeyAuditsTable> & { operator_name: string };

function auditRows(ctx: CommandContext) {
  return ctx.db.selectFrom('key_audits as a').innerJoin('operators as op', 'op.id', 'a.operator_id').selectAll('a').select('op.display_name as operator_name');
}

async function requireAudit(ctx: CommandContext, auditId: number): Promise<AuditRecord> {
  const a = await auditRows(ctx).where('a.id', '=', auditId).executeTakeFirst();
  if (!a) throw fail.notFound('找不到这次盘点');
  return a;
}

function lineOf(k: KeyJoined): AuditKeyLine {
  const detail =
    k.loan_id !== null
      ? `借给 ${k.loan_borrower_name}（${BORROWER_TYPE_LABELS[k.loan_borrower_type as BorrowerType]}）至 ${officeDateTime(k.loan_due_at)}`
      : k.state === 'in_cabinet'
        ? ''
        : KEY_STATE_LABELS[k.state as KeyState];
  return { keyId: k.id, tag: k.tag, target: targetOf(k), position: keyPosition(k), state: k.state as KeyState, detail };
}

/** The lists the audit gives now: what the register expects in the cabinet or lent, against the scans. */
async function computeResult(ctx: CommandContext, auditId: number): Promise<AuditResult> {
  const scans = await ctx.db.selectFrom('key_audit_scans').select(['tag', 'key_id', 'result']).where('audit_id', '=', auditId).orderBy('id').execute();
  const scannedIds = new Set(scans.flatMap((s) => (s.key_id === null ? [] : [s.key_id])));
  const keys = (await keyQuery(ctx.db)
    .where((eb) => eb.or([eb('k.state', 'in', ['in_cabinet', 'lent']), ...(scannedIds.size ? [eb('k.id', 'in', [...scannedIds])] : [])]))
    .orderBy('k.cabinet')
    .orderBy('k.hook')
    .orderBy('k.tag')
    .execute()) as KeyJoined[];
  const outcome = auditOutcome(
    keys.map((k) => ({ ...k, state: k.state as KeyState })),
    scannedIds,
  );
  return {
    scanned: scans.length,
    missing: outcome.missing.map(lineOf),
    unexpected: outcome.unexpected.map(lineOf),
    lent: outcome.lent.map(lineOf),
    unknown: scans.filter((s) => s.result === 'unknown').map((s) => s.tag),
  };
}

function summaryOf(a: AuditRecord, r: AuditResult): AuditSummary {
  return {
    id: a.id,
    no: keyRecordNo('audit', a.id),
    startedAt: a.started_at,
    finishedAt: a.finished_at,
    note: a.note,
    operatorName: a.operator_name,
    scanned: r.scanned,
    missing: r.missing.length,
    unexpected: r.unexpected.length,
    lent: r.lent.length,
    unknown: r.unknown.length,
  };
}

const storedResult = (a: AuditRecord): AuditResult => JSON.parse(a.result!) as AuditResult;

export async function loadAudit(ctx: CommandContext, auditId: number): Promise<AuditView> {
  const a = await requireAudit(ctx, auditId);
  const r = a.finished_at ? storedResult(a) : await computeResult(ctx, a.id);
  let comparison: AuditView['comparison'] = null;
  if (a.finished_at) {
    const prev = await auditRows(ctx).where('a.finished_at', 'is not', null).where('a.id', '<', a.id).orderBy('a.id', 'desc').limit(1).executeTakeFirst();
    if (prev) {
      const before = new Set(storedResult(prev).missing.map((l) => l.tag));
      const now = new Set(r.missing.map((l) => l.tag));
      comparison = {
        previousNo: keyRecordNo('audit', prev.id),
        previousAt: prev.finished_at!,
        newlyMissing: [...now].filter((t) => !before.has(t)),
        stillMissing: [...now].filter((t) => before.has(t)),
        found: [...before].filter((t) => !now.has(t)),
      };
    }
  }
  return { ...summaryOf(a, r), missingKeys: r.missing, unexpectedKeys: r.unexpected, lentKeys: r.lent, unknownTags: r.unknown, comparison };
}

export async function startAudit(ctx: CommandContext, input: ParsedInput<'keys.startAudit'>): Promise<AuditView> {
  const open = await ctx.db.selectFrom('key_audits').select('id').where('finished_at', 'is', null).executeTakeFirst();
  if (open) throw fail.conflict(`盘点 ${keyRecordNo('audit', open.id)} 尚未结束，请先结束它再开始新的盘点`);
  const values = { started_at: ctx.nowIso, note: input.note, operator_id: ctx.requireOperator().id };
  const { id } = await ctx.db.insertInto('key_audits').values(values).returning('id').executeTakeFirstOrThrow();
  await ctx.audit({ entity: 'key_audit', entityId: id, after: values });
  return loadAudit(ctx, id);
}

async function openAudit(ctx: CommandContext, auditId: number): Promise<AuditRecord> {
  const a = await requireAudit(ctx, auditId);
  if (a.finished_at) throw fail.conflict(`盘点 ${keyRecordNo('audit', a.id)} 已结束，不能再扫描`);
  return a;
}

const UNEXPECTED: Record<Exclude<KeyState, 'in_cabinet'>, string> = {
  lent: '登记为借出，却在柜中：请核实后办理归还',
  issued: '登记为已发放给业主，却在柜中：请核实',
  lost: '登记为遗失，却在柜中：请联系主管核实',
  retired: '已注销，却在柜中：请取出',
};

/** One scan: idempotent per tag (a second scan of the same tag records nothing and answers as the first). */
export async function auditScan(ctx: CommandContext, input: ParsedInput<'keys.auditScan'>): Promise<AuditScanView> {
  const audit = await openAudit(ctx, input.auditId);
  const tag = input.tag.replace(/\s+/g, '');
  const previous = await ctx.db.selectFrom('key_audit_scans').select(['key_id', 'result']).where('audit_id', '=', audit.id).where('tag', '=', tag).executeTakeFirst();
  const key = TAG_PATTERN.test(tag) ? ((await keyQuery(ctx.db).where('k.tag', '=', tag).executeTakeFirst()) as KeyJoined | undefined) : undefined;
  let result: AuditScanResult = !key ? 'unknown' : key.state === 'in_cabinet' ? 'present' : 'unexpected';
  if (previous) result = previous.result as AuditScanResult;
  else {
    const values = { audit_id: audit.id, tag, key_id: key?.id ?? null, result, at: ctx.nowIso, operator_id: ctx.requireOperator().id };
    await ctx.db.insertInto('key_audit_scans').values(values).execute();
  }
  // A repeated scan records no second scan, but the operation log still shows it was made.
  await ctx.audit({ entity: 'key_audit', entityId: audit.id, after: { scan: tag, result, repeated: !!previous } });
  const message = !key ? `${tag}：未登记的标签，请交主管核实` : result === 'present' ? `${tag}：在柜，已盘到` : `${tag}：${UNEXPECTED[key.state as Exclude<KeyState, 'in_cabinet'>]}`;
  const { n } = await ctx.db.selectFrom('key_audit_scans').select((eb) => eb.fn.countAll<number>().as('n')).where('audit_id', '=', audit.id).executeTakeFirstOrThrow();
  return { result, repeated: !!previous, key: key ? toKeyRow(ctx, key) : null, tag, message: previous ? `${message}（已扫描过）` : message, scanned: Number(n) };
}

export async function finishAudit(ctx: CommandContext, auditId: number): Promise<AuditView> {
  const audit = await openAudit(ctx, auditId);
  const result = await computeResult(ctx, audit.id);
  if (result.scanned === 0) throw fail.conflict('还没有扫描任何钥匙，不能结束盘点');
  const values = { finished_at: ctx.nowIso, result: JSON.stringify(result) };
  await ctx.db.updateTable('key_audits').set(values).where('id', '=', audit.id).execute();
  await ctx.audit({ entity: 'key_audit', entityId: audit.id, after: { finished_at: values.finished_at, missing: result.missing.length, unexpected: result.unexpected.length, lent: result.lent.length, unknown: result.unknown.length } });
  return loadAudit(ctx, audit.id);
}

export async function listAudits(ctx: CommandContext, input: ParsedInput<'keys.audits'>): Promise<Page<AuditSummary>> {
  const desc = input.sort?.desc ?? true;
  const rows = await auditRows(ctx)
    .orderBy('a.started_at', desc ? 'desc' : 'asc')
    .orderBy('a.id', desc ? 'desc' : 'asc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  const { n } = await ctx.db.selectFrom('key_audits').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const summaries: AuditSummary[] = [];
  for (const a of rows) summaries.push(summaryOf(a, a.finished_at ? storedResult(a) : await computeResult(ctx, a.id)));
  return { rows: summaries, total: Number(n) };
}

/** The handover's "last audit": the latest finished one. */
export async function lastAuditSummary(ctx: CommandContext): Promise<AuditSummary | null> {
  const a = await auditRows(ctx).where('a.finished_at', 'is not', null).orderBy('a.id', 'desc').limit(1).executeTakeFirst();
  return a ? summaryOf(a, storedResult(a)) : null;
}
