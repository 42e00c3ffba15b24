import type { Insertable } from 'kysely';
import { BORROWER_TYPES, borrowerKeyOf, closingTimeOn, type BorrowerType, type KeyPlace } from '../../shared/keys';
import { officeDayOf, officeDayRange } from '../../shared/office-time';
import { formatSerial, serialPolicy } from '../../shared/serials';
import type { BulkInsert, Db } from '../context';
import type { KeyAuditsTable, KeyDepositsTable, KeyEventsTable, KeyLoansTable, KeysTable } from '../schema';
import { chineseName, pick, seededRandom } from '../demo/names';

export interface KeyShape {
  /** Unit keys, for unsold and vacant units first (cycling through the units when there are more keys). */
  keys: number;
  /** Closed loans over `days` past office days, plus `openLoans` still out (`overdue` of them past due). */
  loans: number;
  openLoans: number;
  overdue: number;
  days: number;
  seed: number;
  /** The history lines, the deposit, the loss with its re-cut and the past audits (the demo); the bench leaves them out. */
  story: boolean;
}

/** The demo office: its unsold and vacant units' keys, the plant rooms', and a year of loans. */
export const DEMO_KEYS: KeyShape = { keys: 120, loans: 900, openLoans: 6, overdue: 2, days: 365, seed: 20261214, story: true };

const PLACES: [KeyPlace, string][] = [
  ['plant_room', '1号楼地下水泵房'],
  ['power_room', '2号楼地下配电房'],
  ['power_room', '东区配电房'],
  ['roof', '5栋天台'],
  ['roof', '8栋天台'],
  ['public_area', '会所活动室'],
  ['public_area', '地下车库 B 区消防通道'],
  ['other', '东门岗亭'],
];
const PURPOSES: Record<BorrowerType, string[]> = {
  owner: ['业主取物品', '业主看房'],
  household: ['家人取物品', '开窗通风'],
  staff: ['入户维修', '抄水电表', '检查渗水'],
  contractor: ['水电改造', '安装橱柜', '防水施工'],
  sales: ['带客户看房', '拍摄样板间'],
  other: ['中介带看', '量房'],
};
const ORGS: Partial<Record<BorrowerType, string[]>> = {
  staff: ['工程部', '秩序部'],
  contractor: ['美家装饰', '安居防水', '顺达水电'],
  sales: ['营销部'],
  other: ['链家地产'],
};
const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * Fictitious keys and loans through the shared rules: contractors' and staff's loans fall due at
 * closing time the same day; sales loans carry the approving operator; a few returns are partial.
 * Tags continue the YS series, and its counter is moved past them so the desk's next key follows.
 */
export async function generateKeys(db: Db, bulkInsert: BulkInsert, shape: KeyShape, now: Date, operatorId: number): Promise<{ keys: number; loans: number }> {
  const rnd = seededRandom(shape.seed);
  const units = await db.selectFrom('units').select(['id', 'state']).orderBy('id').execute();
  const preferred = [...units.filter((u) => u.state === 'unsold' || u.state === 'vacant'), ...units.filter((u) => u.state !== 'unsold' && u.state !== 'vacant')];
  const firstId = Number((await db.selectFrom('keys').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0) + 1;
  const counter = await db.selectFrom('serial_counters').select('last').where('prefix', '=', 'YS').where('day', '=', '-').executeTakeFirst();
  let lastTag = counter?.last ?? 0;
  const iso = (ms: number) => new Date(ms).toISOString();
  const registeredAt = iso(now.getTime() - (shape.days + 30) * DAY);
  const keys: (Insertable<KeysTable> & { id: number })[] = [];
  const addKey = (k: Omit<Insertable<KeysTable>, 'tag' | 'created_by' | 'registered_at' | 'updated_at'>) => {
    const key = { place_note: '', note: '', replaces_key_id: null, ...k, id: firstId + keys.length, tag: formatSerial(serialPolicy('YS'), '-', ++lastTag), created_by: operatorId, registered_at: registeredAt, updated_at: registeredAt };
    keys.push(key);
    return key;
  };
  for (let i = 0; i < shape.keys && preferred.length; i++) {
    const unit = preferred[i % preferred.length]!;
    const keyClass = unit.state === 'unsold' || unit.state === 'vacant' ? 'vacant' : rnd() < 0.5 ? 'rectification' : 'vacant';
    addKey({ unit_id: unit.id, place: null, key_class: keyClass, key_count: 1 + Math.floor(rnd() * 3), cabinet: String.fromCharCode(65 + Math.floor(i / 100) % 26), hook: String((i % 100) + 1).padStart(2, '0'), state: 'in_cabinet' });
  }
  for (const [i, [place, note]] of PLACES.entries()) addKey({ unit_id: null, place, place_note: note, key_class: 'public', key_count: 1, cabinet: 'P', hook: String(i + 1).padStart(2, '0'), state: 'in_cabinet' });

  const supervisor = await db
    .selectFrom('operators')
    .innerJoin('operator_roles', 'operator_roles.operator_id', 'operators.id')
    .select('operators.id')
    .where('operator_roles.role', '=', 'supervisor')
    .where('operators.id', '<>', operatorId)
    .executeTakeFirst();
  const borrowers = Array.from({ length: Math.max(20, Math.floor(shape.loans / 200)) }, (_, i) => {
    const type = BORROWER_TYPES[i % BORROWER_TYPES.length]!;
    const phone = `139${String(10_000_000 + i * 7919).slice(-8)}`;
    const organisation = ORGS[type] ? pick(rnd, ORGS[type]) : '';
    const name = type === 'sales' ? `${chineseName(rnd, rnd() < 0.5)}（营销）` : chineseName(rnd, rnd() < 0.6);
    return { type, name, phone, organisation, key: borrowerKeyOf({ personId: null, name, phone, organisation }) };
  });
  // Sales loans need an approver: without a supervisor in the office, nobody lends to sales.
  const lendable = supervisor ? borrowers : borrowers.filter((b) => b.type !== 'sales');
  const todayStart = Date.parse(officeDayRange(officeDayOf(now)).start);
  const loans: Insertable<KeyLoansTable>[] = [];
  const events: Insertable<KeyEventsTable>[] = [];
  const unitKeys = keys.filter((k) => k.key_class !== 'public');
  const firstLoan = Number((await db.selectFrom('key_loans').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0) + 1;
  const loanOf = (key: (typeof keys)[number], b: (typeof borrowers)[number], lentMs: number, open: boolean) => {
    const sameDay = b.type === 'contractor' || b.type === 'staff';
    const dueAt = sameDay ? closingTimeOn(iso(lentMs), '17:30') : iso(lentMs + (2 + Math.floor(rnd() * 22)) * 60 * MINUTE);
    const returnedMs = Math.min(Date.parse(dueAt) - Math.floor(rnd() * 90) * MINUTE + (rnd() < 0.05 ? 3 * 60 * MINUTE : 0), now.getTime() - MINUTE);
    const partial = !open && key.key_count > 1 && rnd() < 0.02;
    const loan = {
      id: firstLoan + loans.length,
      key_id: key.id,
      borrower_type: b.type,
      borrower_key: b.key,
      borrower_name: b.name,
      borrower_phone: b.phone,
      organisation: b.organisation,
      id_tail: b.type === 'owner' || b.type === 'household' ? String(1000 + Math.floor(rnd() * 9000)) : '',
      purpose: pick(rnd, PURPOSES[b.type]),
      key_count: key.key_count,
      lent_at: iso(lentMs),
      first_due_at: dueAt,
      due_at: dueAt,
      operator_id: operatorId,
      approver_id: b.type === 'sales' ? supervisor!.id : null,
      person_id: null,
      entry_id: null,
      returned_at: open ? null : iso(Math.max(returnedMs, lentMs + 10 * MINUTE)),
      outcome: open ? null : 'returned',
      returned_count: open ? null : partial ? key.key_count - 1 : key.key_count,
      condition: partial ? '少还一把，借用人称次日送回' : '',
      closed_by: open ? null : operatorId,
    };
    loans.push(loan);
    if (shape.story) {
      events.push({ key_id: key.id, loan_id: loan.id, kind: 'lent', at: loan.lent_at, operator_id: operatorId, approver_id: loan.approver_id, text: `借给 ${b.name}，用途：${loan.purpose}` });
      if (!open) events.push({ key_id: key.id, loan_id: loan.id, kind: 'returned', at: loan.returned_at!, operator_id: operatorId, approver_id: null, text: `归还 ${loan.returned_count} 把` });
    }
    return loan;
  };
  if (unitKeys.length && lendable.length) {
    const closedTimes = Array.from({ length: shape.loans }, () => todayStart - (1 + Math.floor(rnd() * shape.days)) * DAY + (9 * 60 + Math.floor(rnd() * 7 * 60)) * MINUTE).sort((a, b) => a - b);
    for (const t of closedTimes) loanOf(pick(rnd, unitKeys), pick(rnd, lendable), t, false);
    // Still out: the last `overdue` lent yesterday by contractors (due at yesterday's closing), the rest today.
    const out = unitKeys.slice(-Math.min(shape.openLoans, unitKeys.length));
    for (const [i, key] of out.entries()) {
      const overdue = i < shape.overdue;
      const b = overdue ? lendable.find((x) => x.type === 'contractor')! : pick(rnd, lendable.filter((x) => x.type !== 'contractor' && x.type !== 'staff'));
      const lentMs = overdue ? todayStart - DAY + 10 * 60 * MINUTE : Math.min(now.getTime() - 30 * MINUTE, todayStart + 9 * 60 * MINUTE);
      loanOf(key, b, lentMs, true);
      key.state = 'lent';
    }
  }

  const deposits: Insertable<KeyDepositsTable>[] = [];
  const audits: Insertable<KeyAuditsTable>[] = [];
  if (shape.story && preferred.length) {
    const occupied = units.find((u) => u.state === 'occupied') ?? preferred[0]!;
    const deposited = addKey({ unit_id: occupied.id, place: null, key_class: 'deposited', key_count: 2, cabinet: 'B', hook: '01', state: 'in_cabinet' });
    deposits.push({ key_id: deposited.id, person_id: null, note: '', depositor_name: '业主本人', depositor_phone: '13800001234', authorisation: '签署钥匙寄存委托书', allowed_collectors: JSON.stringify(['业主配偶']), deposited_at: iso(now.getTime() - 40 * DAY), operator_id: operatorId });
    events.push({ key_id: deposited.id, loan_id: null, approver_id: null, kind: 'deposited', at: iso(now.getTime() - 40 * DAY), operator_id: operatorId, text: '业主寄存 2 把' });
    const lost = keys.find((k) => k.state === 'in_cabinet' && k.key_class === 'vacant')!;
    lost.state = 'lost';
    const recut = addKey({ unit_id: lost.unit_id, place: null, key_class: lost.key_class, key_count: lost.key_count, cabinet: lost.cabinet, hook: lost.hook, state: 'in_cabinet', note: `复配，替换 ${lost.tag}`, replaces_key_id: lost.id });
    events.push({ key_id: lost.id, loan_id: null, approver_id: null, kind: 'lost', at: iso(now.getTime() - 20 * DAY), operator_id: operatorId, text: '施工人员遗失；处理：已复配（新标签）' });
    events.push({ key_id: lost.id, loan_id: null, approver_id: null, kind: 'recut', at: iso(now.getTime() - 20 * DAY), operator_id: operatorId, text: `已复配，新标签 ${recut.tag}` });
    // Two past audits: the first missed one key (found again by the second).
    const missedKey = keys[1]!;
    for (const [n, daysBack] of [60, 30].entries()) {
      const missing = n === 0 ? [{ keyId: missedKey.id, tag: missedKey.tag, target: '', position: `${missedKey.cabinet}-${missedKey.hook}`, state: 'in_cabinet', detail: '' }] : [];
      const scanned = keys.filter((k) => k.state === 'in_cabinet').length - missing.length;
      audits.push({
        started_at: iso(now.getTime() - daysBack * DAY),
        finished_at: iso(now.getTime() - daysBack * DAY + 40 * MINUTE),
        note: `${n === 0 ? '季度' : '月度'}盘点`,
        operator_id: operatorId,
        result: JSON.stringify({ scanned, missing, unexpected: [], lent: [], unknown: [] }),
      });
    }
  }

  await bulkInsert('keys', keys);
  await bulkInsert('key_loans', loans);
  if (events.length) await bulkInsert('key_events', events);
  if (deposits.length) await bulkInsert('key_deposits', deposits);
  if (audits.length) await bulkInsert('key_audits', audits);
  await db
    .insertInto('serial_counters')
    .values({ prefix: 'YS', day: '-', last: lastTag })
    .onConflict((oc) => oc.columns(['prefix', 'day']).doUpdateSet({ last: lastTag }))
    .execute();
  return { keys: keys.length, loans: loans.length };
}
