import type { IssueView, KeyDetail, KeyRow } from '../../shared/contract/keys';
import type { ParsedInput } from '../../shared/contract';
import { ID_DOC_TYPE_LABELS, KEY_CLASS_LABELS, LOST_ACTION_LABELS, keyPosition, keyRecordNo, type IdDocType, type KeyClass, type KeyPlace } from '../../shared/keys';
import { fail } from '../../shared/result';
import type { CommandContext } from '../context';
import { nextSerial } from '../serials';
import { addKeyEvent, changeKey, keyForAction, keyQuery, loadKey, openLoanOf, requireKey, targetOf, toKeyRow, type KeyJoined } from './records';

interface NewKey {
  unitId: number | null;
  place: KeyPlace | null;
  placeNote: string;
  keyClass: KeyClass;
  keyCount: number;
  cabinet: string;
  hook: string;
  note: string;
  replacesKeyId?: number | null;
}

/** The units named exist (a typed id from an old screen must not hang a key on nothing). */
async function checkUnits(ctx: CommandContext, unitIds: number[]): Promise<void> {
  const wanted = [...new Set(unitIds)];
  if (!wanted.length) return;
  const found = await ctx.db.selectFrom('units').select('id').where('id', 'in', wanted).execute();
  if (found.length !== wanted.length) throw fail.validation('所选房屋不存在，请重新选择', { unitId: '房屋不存在' });
}

/** A new key (or set) on the register, with the next tag of the YS series. */
async function insertKey(ctx: CommandContext, k: NewKey, eventText: string): Promise<number> {
  const operator = ctx.requireOperator();
  const values = {
    tag: await nextSerial(ctx, 'YS'),
    unit_id: k.unitId,
    place: k.place,
    place_note: k.placeNote,
    key_class: k.keyClass,
    key_count: k.keyCount,
    cabinet: k.cabinet,
    hook: k.hook,
    state: 'in_cabinet',
    note: k.note,
    replaces_key_id: k.replacesKeyId ?? null,
    created_by: operator.id,
    registered_at: ctx.nowIso,
    updated_at: ctx.nowIso,
  };
  const { id } = await ctx.db.insertInto('keys').values(values).returning('id').executeTakeFirstOrThrow();
  await addKeyEvent(ctx, id, { kind: 'registered', text: eventText });
  await ctx.audit({ entity: 'key', entityId: id, after: values });
  return id;
}

function registeredText(k: NewKey): string {
  return `${KEY_CLASS_LABELS[k.keyClass]} · ${k.keyCount} 把 · ${keyPosition(k)}${k.note ? ` · ${k.note}` : ''}`;
}

export async function registerKeys(ctx: CommandContext, input: ParsedInput<'keys.register'>): Promise<{ keys: KeyRow[]; labelRecord: string }> {
  await checkUnits(ctx, input.keys.flatMap((k) => (k.unitId === null ? [] : [k.unitId])));
  const ids: number[] = [];
  for (const k of input.keys) ids.push(await insertKey(ctx, k, registeredText(k)));
  const rows = (await keyQuery(ctx.db).where('k.id', 'in', ids).orderBy('k.id').execute()) as KeyJoined[];
  const keys = rows.map((r) => toKeyRow(ctx, r));
  // Tags of one command are consecutive (the series is taken inside this transaction): one label job.
  const first = keys[0]!.tag;
  const last = keys[keys.length - 1]!.tag;
  return { keys, labelRecord: first === last ? first : `${first}-${last}` };
}

export async function updateKey(ctx: CommandContext, input: ParsedInput<'keys.update'>): Promise<KeyDetail> {
  const key = await requireKey(ctx, { keyId: input.keyId });
  if (key.state === 'retired') throw fail.conflict('已注销的钥匙不能修改');
  if (input.keyClass === 'deposited' && key.key_class !== 'deposited') throw fail.validation('业主寄存请用“业主寄存”办理（需登记寄存人和委托）', { keyClass: '请用业主寄存办理' });
  if (input.keyClass !== undefined && input.keyClass !== 'deposited' && key.key_class === 'deposited' && key.unit_id === null) {
    throw fail.validation('位置钥匙不能是业主寄存', { keyClass: '位置钥匙不能是业主寄存' });
  }
  const changes = {
    ...(input.keyClass !== undefined && { key_class: input.keyClass }),
    ...(input.keyCount !== undefined && { key_count: input.keyCount, short_count: Math.min(key.short_count, input.keyCount) }),
    ...(input.cabinet !== undefined && { cabinet: input.cabinet }),
    ...(input.hook !== undefined && { hook: input.hook }),
    ...(input.note !== undefined && { note: input.note }),
  };
  if (!Object.keys(changes).length) throw fail.validation('没有要修改的内容', {});
  await changeKey(ctx, key, changes);
  const after = { ...key, ...changes };
  await addKeyEvent(ctx, key.id, { kind: 'updated', text: `${KEY_CLASS_LABELS[after.key_class as KeyClass]} · ${after.key_count} 把 · ${keyPosition(after)}` });
  return loadKey(ctx, { keyId: key.id });
}

export async function retireKey(ctx: CommandContext, input: ParsedInput<'keys.retire'>): Promise<KeyDetail> {
  const { key, to } = await keyForAction(ctx, input.keyId, 'retire', input.reason);
  await changeKey(ctx, key, { state: to, needs_relabel: 0 });
  await addKeyEvent(ctx, key.id, { kind: 'retired', text: input.reason });
  return loadKey(ctx, { keyId: key.id });
}

export async function issueKey(ctx: CommandContext, input: ParsedInput<'keys.issue'>): Promise<IssueView> {
  const { key, to } = await keyForAction(ctx, input.keyId, 'issue');
  if (key.unit_id === null) throw fail.conflict('位置钥匙（设备房等）不发放给业主');
  const inSet = key.key_count - key.short_count;
  if (input.keysCounted !== inSet) {
    throw fail.validation(`清点数量与登记不符：登记在柜 ${inSet} 把，清点 ${input.keysCounted} 把，请核对`, { keysCounted: `登记在柜 ${inSet} 把` });
  }
  const values = {
    key_id: key.id,
    person_id: input.personId,
    recipient_name: input.recipientName,
    doc_type: input.docType,
    doc_tail: input.docTail,
    keys_counted: input.keysCounted,
    acknowledged: 1,
    note: input.note,
    issued_at: ctx.nowIso,
    operator_id: ctx.requireOperator().id,
  };
  const { id } = await ctx.db.insertInto('key_issues').values(values).returning('id').executeTakeFirstOrThrow();
  await ctx.audit({ entity: 'key_issue', entityId: id, after: values });
  await changeKey(ctx, key, { state: to });
  await addKeyEvent(ctx, key.id, { kind: 'issued', text: `发放给 ${input.recipientName}（${ID_DOC_TYPE_LABELS[input.docType]}尾号 ${input.docTail}），${input.keysCounted} 把，业主已确认` });
  return loadIssue(ctx, id);
}

export async function loadIssue(ctx: CommandContext, issueId: number): Promise<IssueView> {
  const r = await ctx.db
    .selectFrom('key_issues as i')
    .innerJoin('keys as k', 'k.id', 'i.key_id')
    .leftJoin('units', 'units.id', 'k.unit_id')
    .innerJoin('operators as op', 'op.id', 'i.operator_id')
    .selectAll('i')
    .select(['k.tag', 'k.place', 'k.place_note', 'units.code as unit_code', 'op.display_name as operator_name'])
    .where('i.id', '=', issueId)
    .executeTakeFirst();
  if (!r) throw fail.notFound('找不到这条发放记录');
  return {
    id: r.id,
    no: keyRecordNo('issue', r.id),
    keyId: r.key_id,
    tag: r.tag,
    target: targetOf(r),
    recipientName: r.recipient_name,
    docType: r.doc_type as IdDocType,
    docTail: r.doc_tail,
    keysCounted: r.keys_counted,
    acknowledged: r.acknowledged === 1,
    note: r.note,
    issuedAt: r.issued_at,
    operatorName: r.operator_name,
  };
}

/** 业主寄存: a new key of the unit, or an issued key the owner brings back; the 委托 and collectors recorded. */
export async function depositKey(ctx: CommandContext, input: ParsedInput<'keys.deposit'>): Promise<KeyDetail> {
  let keyId: number;
  if (input.keyId !== null) {
    const { key, to } = await keyForAction(ctx, input.keyId, 'deposit');
    if (key.unit_id === null) throw fail.conflict('位置钥匙不能作为业主寄存');
    if (input.unitId !== null && input.unitId !== key.unit_id) throw fail.validation('这把钥匙不是所选房屋的', { unitId: '与钥匙的房屋不符' });
    await changeKey(ctx, key, { state: to, key_class: 'deposited', key_count: input.keyCount, short_count: 0, cabinet: input.cabinet, hook: input.hook });
    keyId = key.id;
  } else {
    await checkUnits(ctx, [input.unitId!]);
    const k = { unitId: input.unitId, place: null, placeNote: '', keyClass: 'deposited' as const, keyCount: input.keyCount, cabinet: input.cabinet, hook: input.hook, note: input.note };
    keyId = await insertKey(ctx, k, registeredText(k));
  }
  const values = {
    key_id: keyId,
    person_id: input.personId,
    depositor_name: input.depositorName,
    depositor_phone: input.depositorPhone,
    authorisation: input.authorisation,
    allowed_collectors: JSON.stringify(input.allowedCollectors),
    note: input.note,
    deposited_at: ctx.nowIso,
    operator_id: ctx.requireOperator().id,
  };
  const { id } = await ctx.db.insertInto('key_deposits').values(values).returning('id').executeTakeFirstOrThrow();
  await ctx.audit({ entity: 'key_deposit', entityId: id, after: values });
  const collectors = input.allowedCollectors.length ? `，可领取人：${input.allowedCollectors.join('、')}` : '';
  await addKeyEvent(ctx, keyId, { kind: 'deposited', text: `${input.depositorName} 寄存 ${input.keyCount} 把（委托：${input.authorisation}${collectors}）` });
  return loadKey(ctx, { keyId });
}

/** 遗失: the key leaves the register's cabinet for good; a lent key's loan closes as lost; a re-cut key gets a new tag. */
export async function reportLost(ctx: CommandContext, input: ParsedInput<'keys.reportLost'>): Promise<KeyDetail> {
  const { key, to } = await keyForAction(ctx, input.keyId, 'reportLost', input.reason);
  const loan = await openLoanOf(ctx, key.id);
  if (loan) {
    const closing = { returned_at: ctx.nowIso, outcome: 'lost', returned_count: 0, condition: `遗失：${input.reason}`.slice(0, 200), closed_by: ctx.requireOperator().id };
    await ctx.db.updateTable('key_loans').set(closing).where('id', '=', loan.id).execute();
    await ctx.audit({ entity: 'key_loan', entityId: loan.id, after: closing });
  }
  await changeKey(ctx, key, { state: to, needs_relabel: 0 });
  await addKeyEvent(ctx, key.id, { kind: 'lost', text: `${input.reason}；处理：${LOST_ACTION_LABELS[input.action]}`, loanId: loan?.id ?? null });
  if (input.recut) {
    const k = {
      unitId: key.unit_id,
      place: key.place as KeyPlace | null,
      placeNote: key.place_note,
      keyClass: key.key_class as KeyClass,
      keyCount: input.recut.keyCount,
      cabinet: input.recut.cabinet,
      hook: input.recut.hook,
      note: `复配，替换 ${key.tag}`,
      replacesKeyId: key.id,
    };
    const newId = await insertKey(ctx, k, `复配，替换遗失的 ${key.tag}`);
    const { tag } = await ctx.db.selectFrom('keys').select('tag').where('id', '=', newId).executeTakeFirstOrThrow();
    await addKeyEvent(ctx, key.id, { kind: 'recut', text: `已复配，新标签 ${tag}` });
  }
  return loadKey(ctx, { keyId: key.id });
}

export async function flagRelabel(ctx: CommandContext, input: ParsedInput<'keys.flagRelabel'>): Promise<KeyRow> {
  const key = input.flag ? (await keyForAction(ctx, input.keyId, 'flagRelabel')).key : await requireKey(ctx, { keyId: input.keyId });
  if ((key.needs_relabel === 1) === input.flag) throw fail.conflict(input.flag ? '该钥匙已标记待换标签' : '该钥匙没有待换标签的标记');
  await changeKey(ctx, key, { needs_relabel: input.flag ? 1 : 0 });
  await addKeyEvent(ctx, key.id, { kind: 'relabel', text: input.flag ? '标签破损，待重打' : '取消待换标签' });
  return toKeyRow(ctx, (await requireKey(ctx, { keyId: key.id })) as KeyJoined);
}
