import type { Insertable } from 'kysely';
import { officeDayOf, officeDayRange } from '../../shared/office-time';
import { CATEGORIES, CATEGORY_LABELS, CHANNEL_LABELS, CHANNELS, DEFAULT_RECEPTION_LIMITS, deadlinesFor, nextDueAt, type Category, type Channel, type EntryState, type Urgency } from '../../shared/reception';
import type { BulkInsert, Db } from '../context';
import type { ReceptionEntriesTable, ReceptionEventsTable } from '../schema';
import { pick, seededRandom } from './names';

export interface ReceptionShape {
  entries: number;
  /** Spread over this many days back from `now`. */
  days: number;
  seed: number;
  /**
   * The demo's past: every entry closed (or voided) within its own office day, with its timeline
   * lines, so today's lists, badges and counts start empty and the reports of past days are full.
   */
  settledPast?: boolean;
}

/** The demo office's last month at the front desk. */
export const DEMO_RECEPTION: ReceptionShape = { entries: 600, days: 30, seed: 20261125, settledPast: true };

const CONTENT: Record<Category, string[]> = {
  repair: ['厨房水管漏水', '卫生间地漏堵塞', '入户门锁损坏', '楼道灯不亮', '电梯按键失灵', '外墙渗水'],
  complaint: ['夜间装修噪音', '楼上漏水未处理', '车位被占用', '垃圾清运不及时'],
  suggestion: ['建议增设快递柜', '建议增加儿童游乐设施', '建议延长前台服务时间'],
  enquiry: ['物业费缴费时间', '装修申请手续', '停车月卡办理', '门禁卡补办'],
  staff_feedback: ['地下车库照明不足', '消防通道堆放杂物', '绿化带需修剪'],
  other: ['捡到钥匙一串', '寻找走失宠物'],
};

/**
 * A reception log of `shape.entries` fictitious entries over the past days, for the benchmark
 * (200,000 entries) and large-data tests. Deadlines come from the same shared rules as real
 * entries; most older entries are closed, a few are open past their limits. Timelines are not
 * generated: lists and reports do not read them.
 */
export async function generateReceptionLog(
  db: Db,
  bulkInsert: BulkInsert,
  shape: ReceptionShape,
  now: Date,
  operatorId: number,
): Promise<{ entries: number }> {
  const rnd = seededRandom(shape.seed);
  // Each unit with its first current owner: who usually comes to the counter for it.
  const units = await db
    .selectFrom('units')
    .select('units.id')
    .select((eb) =>
      eb
        .selectFrom('unit_people')
        .innerJoin('people', 'people.id', 'unit_people.person_id')
        .whereRef('unit_people.unit_id', '=', 'units.id')
        .where('unit_people.role', '=', 'owner')
        .where('unit_people.end_date', 'is', null)
        .select('people.name')
        .limit(1)
        .as('owner'),
    )
    .execute();
  const departments = (await db.selectFrom('departments').select('id').execute()).map((d) => d.id);
  const perDay = new Map<string, number>();
  const rows: Insertable<ReceptionEntriesTable>[] = [];
  const span = shape.days * 86_400_000;
  // The settled past ends where today (office time) begins.
  const until = shape.settledPast ? Date.parse(officeDayRange(officeDayOf(now)).start) : now.getTime();
  // Oldest first, so numbers rise with time within a day.
  const times = Array.from({ length: shape.entries }, () => until - 1 - Math.floor(rnd() * span)).sort((a, b) => a - b);
  for (const t of times) {
    const receivedAt = new Date(t).toISOString();
    const day = officeDayOf(receivedAt);
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);
    const channel: Channel = pick(rnd, CHANNELS);
    const category: Category = channel === 'staff' ? 'staff_feedback' : pick(rnd, CATEGORIES.filter((c) => c !== 'staff_feedback'));
    const urgency: Urgency = rnd() < 0.05 ? 'major' : 'ordinary';
    const unit = channel === 'staff' || units.length === 0 ? null : pick(rnd, units);
    const unitId = unit?.id ?? null;
    const deadlines = deadlinesFor({ receivedAt, channel, category, urgency }, DEFAULT_RECEPTION_LIMITS);
    const ageDays = (now.getTime() - t) / 86_400_000;
    const r = rnd();
    const state: EntryState = shape.settledPast
      ? r < 0.98
        ? 'closed'
        : 'voided'
      : ageDays > 3
        ? r < 0.97
          ? 'closed'
          : r < 0.98
            ? 'voided'
            : 'open'
        : r < 0.5
          ? 'open'
          : 'closed';
    const latestClose = shape.settledPast ? Date.parse(officeDayRange(day).end) - 1 : now.getTime();
    const closedAt = state === 'closed' ? new Date(Math.min(latestClose, t + Math.floor(rnd() * 30 * 3_600_000))).toISOString() : null;
    const clock = {
      state,
      handlerDueAt: deadlines.handlerDueAt,
      handlerAnsweredAt: closedAt,
      escalateDueAt: deadlines.escalateDueAt,
      escalatedAt: null,
      ownerDueAt: deadlines.ownerDueAt,
      ownerAnsweredAt: deadlines.ownerDueAt ? closedAt : null,
    };
    rows.push({
      no: `JD${day.replaceAll('-', '')}${String(seq).padStart(4, '0')}`,
      channel,
      category,
      urgency,
      unit_id: unitId,
      person_id: null,
      contact_name: unit === null ? '员工' : (unit.owner ?? ''),
      contact_phone: '',
      content: pick(rnd, CONTENT[category]),
      repair_scope: category === 'repair' ? (unitId !== null && rnd() < 0.7 ? 'in_home' : 'public') : null,
      handler_staff_id: null,
      handler_department_id: departments.length ? pick(rnd, departments) : null,
      received_at: receivedAt,
      own_due_at: null,
      handler_due_at: deadlines.handlerDueAt,
      escalate_due_at: deadlines.escalateDueAt,
      owner_due_at: deadlines.ownerDueAt,
      handler_answered_at: closedAt,
      owner_answered_at: clock.ownerAnsweredAt,
      escalated_at: null,
      escalated_to: '',
      supervisor_ack_at: urgency === 'major' && state !== 'open' ? closedAt : null,
      state,
      next_due_at: nextDueAt(clock),
      result: state === 'closed' ? '已处理' : '',
      closed_at: closedAt,
      void_reason: state === 'voided' ? '重复登记' : '',
      print_count: 0,
      created_by: operatorId,
      created_at: receivedAt,
      updated_at: closedAt ?? receivedAt,
    });
  }
  await bulkInsert('reception_entries', rows);
  if (shape.settledPast) await addTimelines(db, bulkInsert, operatorId);
  // Later entries continue each day's numbering instead of colliding with the generated ones.
  await bulkInsert(
    'serial_counters',
    [...perDay].map(([day, last]) => ({ prefix: 'JD', day, last })),
  );
  return { entries: rows.length };
}

/** The demo's entries get the timeline lines real ones have: logged, then closed or voided. */
async function addTimelines(db: Db, bulkInsert: BulkInsert, operatorId: number): Promise<void> {
  const entries = await db.selectFrom('reception_entries').select(['id', 'channel', 'category', 'state', 'received_at', 'closed_at', 'updated_at']).execute();
  const events: Insertable<ReceptionEventsTable>[] = [];
  for (const e of entries) {
    events.push({ entry_id: e.id, kind: 'logged', at: e.received_at, operator_id: operatorId, text: `${CHANNEL_LABELS[e.channel as Channel]} · ${CATEGORY_LABELS[e.category as Category]}` });
    if (e.state === 'closed') events.push({ entry_id: e.id, kind: 'close', at: e.closed_at!, operator_id: operatorId, text: '已处理' });
    if (e.state === 'voided') events.push({ entry_id: e.id, kind: 'void', at: e.updated_at, operator_id: operatorId, text: '作废：重复登记' });
  }
  await bulkInsert('reception_events', events);
}
