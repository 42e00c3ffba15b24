import type { Insertable } from 'kysely';
import { officeDayOf, officeDayRange } from '../../shared/office-time';
import { CATEGORY_LABELS, CHANNEL_LABELS, DEFAULT_RECEPTION_LIMITS, deadlinesFor, nextDueAt, type Category, type Channel, type EntryState, type Urgency } from '../../shared/reception';
import type { BulkInsert, Db } from '../context';
import type { ReceptionEntriesTable, ReceptionEventsTable } from '../schema';
import { pick, seededRandom } from '../demo/names';
import { formatSerial, serialPolicy } from '../../shared/serials';

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

/**
 * What the demo office's counter hears, as an office worker would expect it handled: each item
 * goes to the department that does that work; a repair says whether it is inside a home
 * (入户维修, for the unit) or in a public area (公共报修); a closed item says what was done.
 */
interface DemoItem {
  content: string;
  department: string;
  repairScope?: 'in_home' | 'public';
  result: string;
}

const ITEMS: Record<Category, DemoItem[]> = {
  repair: [
    { content: '厨房水管漏水', department: '工程部', repairScope: 'in_home', result: '已更换水管接头，业主确认不再漏水' },
    { content: '卫生间地漏堵塞', department: '工程部', repairScope: 'in_home', result: '已疏通地漏，排水正常' },
    { content: '入户门锁损坏', department: '工程部', repairScope: 'in_home', result: '已更换锁芯，业主试用正常' },
    { content: '阳台推拉门卡住', department: '工程部', repairScope: 'in_home', result: '已调整滑轮，开关顺畅' },
    { content: '楼道灯不亮', department: '工程部', repairScope: 'public', result: '已更换楼道感应灯' },
    { content: '电梯按键失灵', department: '工程部', repairScope: 'public', result: '已通知电梯维保单位修复按键' },
    { content: '外墙渗水', department: '工程部', repairScope: 'public', result: '已安排外墙防水修补' },
    { content: '单元门禁损坏', department: '工程部', repairScope: 'public', result: '已修复单元门禁' },
  ],
  complaint: [
    { content: '夜间装修噪音', department: '秩序部', result: '秩序部已上门劝止，装修户承诺按规定时间施工' },
    { content: '车位被占用', department: '秩序部', result: '已联系车主挪车' },
    { content: '垃圾清运不及时', department: '环境部', result: '已增加清运频次，当日清运完毕' },
    { content: '楼上漏水未处理', department: '工程部', result: '工程部已上门查明漏点并维修，已回复业主' },
  ],
  suggestion: [
    { content: '建议增设快递柜', department: '客服部', result: '已记录，报管理处研究后答复业主' },
    { content: '建议增加儿童游乐设施', department: '客服部', result: '已记录，纳入年度改造计划征求意见' },
    { content: '建议延长前台服务时间', department: '客服部', result: '已答复：周末前台值班至18:00' },
  ],
  enquiry: [
    { content: '物业费缴费时间', department: '财务部', result: '已告知每月1—10日可到前台或线上缴费' },
    { content: '装修申请手续', department: '客服部', result: '已告知装修申请所需材料和办理流程' },
    { content: '停车月卡办理', department: '客服部', result: '已告知办理地点和所需证件' },
    { content: '门禁卡补办', department: '客服部', result: '已告知补办手续和工本费' },
  ],
  staff_feedback: [
    { content: '地下车库照明不足', department: '工程部', result: '已更换车库灯管' },
    { content: '消防通道堆放杂物', department: '秩序部', result: '已清理并通知相关住户' },
    { content: '绿化带需修剪', department: '环境部', result: '已安排绿化工修剪' },
    { content: '发现陌生人尾随进入单元', department: '秩序部', result: '已加强巡查并调看监控' },
    { content: '楼道卫生死角需清扫', department: '环境部', result: '已安排保洁清扫' },
  ],
  other: [
    { content: '捡到钥匙一串', department: '客服部', result: '已登记招领，失主已领回' },
    { content: '寻找走失宠物', department: '秩序部', result: '已通知各岗位协助寻找' },
  ],
};

/** How often each channel and, at the counter or on the phone, each category comes up. */
const CHANNEL_WEIGHTS: [Channel, number][] = [
  ['visit', 40],
  ['call', 40],
  ['staff', 15],
  ['other', 5],
];
const CATEGORY_WEIGHTS: [Exclude<Category, 'staff_feedback'>, number][] = [
  ['repair', 35],
  ['enquiry', 25],
  ['complaint', 15],
  ['suggestion', 10],
  ['other', 5],
];

function weighted<T>(rnd: () => number, table: [T, number][]): T {
  let r = rnd() * table.reduce((n, [, w]) => n + w, 0);
  for (const [value, w] of table) if ((r -= w) < 0) return value;
  return table[table.length - 1]![0];
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Office hours, in minutes after midnight office time. Calls may come a little outside them. */
const OFFICE_HOURS = { from: 8 * 60 + 30, to: 17 * 60 + 30 };
const CALL_HOURS = { from: 7 * 60, to: 21 * 60 };
/** The office's working day ends by then: what was settled that day was settled before it. */
const DAY_ENDS = 21 * 60 + 30;

/** Minutes after midnight when something reaches the counter through `channel`. */
function minuteOfDay(rnd: () => number, channel: Channel): number {
  const hours = channel === 'call' && rnd() < 0.3 ? CALL_HOURS : OFFICE_HOURS;
  return hours.from + Math.floor(rnd() * (hours.to - hours.from));
}

/**
 * A reception log of `shape.entries` fictitious entries over the past days, for the demo, the
 * benchmark (200,000 entries) and large-data tests. Walk-ins and staff reports arrive in office
 * hours, calls a little outside; deadlines come from the same shared rules as real entries; the
 * settled past closes each entry later the same working day, otherwise most older entries are
 * closed and a few are open past their limits.
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
  const departments = new Map((await db.selectFrom('departments').select(['id', 'name']).execute()).map((d) => [d.name, d.id]));
  const staff = (await db.selectFrom('staff').select('name').execute()).map((s) => s.name);
  const today = officeDayOf(now);
  // The settled past ends where today (office time) begins; otherwise entries run up to now.
  const until = shape.settledPast ? Date.parse(officeDayRange(today).start) : now.getTime();
  const todayStart = Date.parse(officeDayRange(today).start);

  const drafts = Array.from({ length: shape.entries }, () => {
    const channel = weighted(rnd, CHANNEL_WEIGHTS);
    const category: Category = channel === 'staff' ? 'staff_feedback' : weighted(rnd, CATEGORY_WEIGHTS);
    const daysBack = (shape.settledPast ? 1 : 0) + Math.floor(rnd() * shape.days);
    let t = todayStart - daysBack * DAY + minuteOfDay(rnd, channel) * MINUTE + Math.floor(rnd() * MINUTE);
    // Later today than now: the same hour a day earlier.
    if (t >= until) t -= DAY;
    return { t, channel, category, item: pick(rnd, ITEMS[category]) };
  });
  // Oldest first, so numbers rise with time within a day.
  drafts.sort((a, b) => a.t - b.t);

  const perDay = new Map<string, number>();
  const rows: Insertable<ReceptionEntriesTable>[] = [];
  for (const { t, channel, category, item } of drafts) {
    const receivedAt = new Date(t).toISOString();
    const day = officeDayOf(receivedAt);
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);
    const urgency: Urgency = rnd() < 0.05 ? 'major' : 'ordinary';
    const unit = channel === 'staff' || units.length === 0 ? null : pick(rnd, units);
    const unitId = unit?.id ?? null;
    const deadlines = deadlinesFor({ receivedAt, channel, category, urgency }, DEFAULT_RECEPTION_LIMITS);
    const ageDays = (now.getTime() - t) / DAY;
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
    // Settled within its working day: a quarter of an hour to a few hours later, before the day ends.
    const closeAt = shape.settledPast
      ? Math.min(t + 15 * MINUTE + Math.floor(rnd() * 5 * 60 * MINUTE), Date.parse(officeDayRange(day).start) + DAY_ENDS * MINUTE)
      : Math.min(now.getTime(), t + Math.floor(rnd() * 30 * 60 * MINUTE));
    const closedAt = state === 'closed' ? new Date(closeAt).toISOString() : null;
    // The handling department answers the desk a little before the desk closes the entry (a
    // handler reply on the timeline, not a bare time), except for what the desk settles itself.
    const handlerAnsweredAt =
      state === 'closed' && item.department !== '客服部' ? new Date(Math.max(t + 5 * MINUTE, closeAt - 10 * MINUTE)).toISOString() : null;
    const voidedAt = state === 'voided' ? new Date(t + 10 * MINUTE).toISOString() : null;
    const clock = {
      state,
      handlerDueAt: deadlines.handlerDueAt,
      handlerAnsweredAt,
      escalateDueAt: deadlines.escalateDueAt,
      escalatedAt: null,
      ownerDueAt: deadlines.ownerDueAt,
      ownerAnsweredAt: deadlines.ownerDueAt ? closedAt : null,
    };
    rows.push({
      no: formatSerial(serialPolicy('JD'), day, seq),
      channel,
      category,
      urgency,
      unit_id: unitId,
      person_id: null,
      // Staff report under their own name; residents are the unit's owner, as at a real counter.
      contact_name: channel === 'staff' ? (staff.length ? pick(rnd, staff) : '员工') : (unit?.owner ?? ''),
      contact_phone: '',
      content: item.content,
      repair_scope: category === 'repair' ? (item.repairScope ?? null) : null,
      handler_staff_id: null,
      handler_department_id: departments.get(item.department) ?? null,
      received_at: receivedAt,
      own_due_at: null,
      handler_due_at: deadlines.handlerDueAt,
      escalate_due_at: deadlines.escalateDueAt,
      owner_due_at: deadlines.ownerDueAt,
      handler_answered_at: handlerAnsweredAt,
      owner_answered_at: clock.ownerAnsweredAt,
      escalated_at: null,
      escalated_to: '',
      supervisor_ack_at: urgency === 'major' && state !== 'open' ? (closedAt ?? voidedAt) : null,
      state,
      next_due_at: nextDueAt(clock),
      result: state === 'closed' ? item.result : '',
      closed_at: closedAt,
      void_reason: state === 'voided' ? '重复登记' : '',
      print_count: 0,
      created_by: operatorId,
      created_at: receivedAt,
      updated_at: closedAt ?? voidedAt ?? receivedAt,
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

/** The demo's entries get the timeline lines real ones have: logged, the handler's reply, then closed or voided. */
async function addTimelines(db: Db, bulkInsert: BulkInsert, operatorId: number): Promise<void> {
  const entries = await db
    .selectFrom('reception_entries')
    .leftJoin('departments', 'departments.id', 'reception_entries.handler_department_id')
    .select(['reception_entries.id', 'channel', 'category', 'state', 'received_at', 'handler_answered_at', 'closed_at', 'reception_entries.updated_at', 'result', 'departments.name as department'])
    .execute();
  const events: Insertable<ReceptionEventsTable>[] = [];
  for (const e of entries) {
    events.push({ entry_id: e.id, kind: 'logged', at: e.received_at, operator_id: operatorId, text: `${CHANNEL_LABELS[e.channel as Channel]} · ${CATEGORY_LABELS[e.category as Category]}` });
    if (e.handler_answered_at) {
      events.push({ entry_id: e.id, kind: 'handler_reply', at: e.handler_answered_at, operator_id: operatorId, text: `${e.department ?? '处理人'}已处理，请前台回复业主` });
    }
    if (e.state === 'closed') events.push({ entry_id: e.id, kind: 'close', at: e.closed_at!, operator_id: operatorId, text: e.result });
    if (e.state === 'voided') events.push({ entry_id: e.id, kind: 'void', at: e.updated_at, operator_id: operatorId, text: '作废：重复登记' });
  }
  await bulkInsert('reception_events', events);
}
