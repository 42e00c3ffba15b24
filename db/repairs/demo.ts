import type { Insertable } from 'kysely';
import { officeDayOf, officeDayRange } from '../../shared/office-time';
import {
  DEFAULT_REPAIR_LIMITS,
  deadlineFrom,
  materialLineFen,
  minutesLate,
  orderNextDueAt,
  REPAIR_CATEGORY_DEPARTMENTS,
  type OrderScope,
  type OrderState,
  type DefaultRepairCategory,
  type Satisfaction,
} from '../../shared/repairs';
import { formatSerial, serialPolicy } from '../../shared/serials';
import type { BulkInsert, Db } from '../context';
import type { BillsTable, RepairEventsTable, RepairMaterialsTable, RepairOrdersTable } from '../schema';
import { pick, seededRandom } from '../demo/names';
import { clockOf } from './orders';

export interface RepairShape {
  orders: number;
  /** Spread over this many office days before today (today starts empty, its numbers unused). */
  days: number;
  seed: number;
  /** The timeline lines of every step (the demo); the bench leaves them out. */
  events: boolean;
}

/** The demo office's last month of repairs. */
export const DEMO_REPAIRS: RepairShape = { orders: 240, days: 30, seed: 20261212, events: true };

/** What owners report, by category, and where: in a home (a unit) or in a public area. */
const WORK: { category: DefaultRepairCategory; scope: OrderScope; text: string; material?: [string, string, number] }[] = [
  { category: 'plumbing_electric', scope: 'in_home', text: '厨房水管漏水', material: ['PPR 水管', 'DN20', 1200] },
  { category: 'plumbing_electric', scope: 'in_home', text: '卫生间插座跳闸', material: ['五孔插座', '10A', 1800] },
  { category: 'plumbing_electric', scope: 'public', text: '楼道感应灯不亮', material: ['LED 感应灯', '7W', 2500] },
  { category: 'doors_windows', scope: 'in_home', text: '入户门锁芯损坏', material: ['锁芯', 'C 级', 8500] },
  { category: 'doors_windows', scope: 'in_home', text: '阳台推拉门卡住' },
  { category: 'walls_floors', scope: 'in_home', text: '客厅地砖空鼓开裂', material: ['瓷砖胶', '20kg', 4500] },
  { category: 'waterproofing', scope: 'in_home', text: '卫生间向楼下渗水', material: ['防水涂料', 'JS 型', 9000] },
  { category: 'waterproofing', scope: 'public', text: '顶楼屋面渗水' },
  { category: 'elevator', scope: 'public', text: '电梯按键失灵' },
  { category: 'fire', scope: 'public', text: '消防栓箱门损坏' },
  { category: 'public_facilities', scope: 'public', text: '单元门禁损坏' },
  { category: 'public_facilities', scope: 'public', text: '小区路灯不亮' },
  { category: 'other', scope: 'in_home', text: '晾衣架升降故障' },
];
const PUBLIC_PLACES = ['1栋1单元 电梯厅', '3栋2单元 楼道', '5栋 屋面', '中心花园', '地下车库 B 区', '东门岗亭'];

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Owners call in office hours (08:30–17:30 office time). */
const OFFICE_HOURS = { from: 8 * 60 + 30, to: 17 * 60 + 30 };

/**
 * `shape.orders` fictitious orders over past office days, through the same shared rules as real
 * ones: each category goes to its department's technicians; appointments in office hours; about
 * one arrival in seven and some call-backs late; a few sign-offs 不满意; chargeable in-home repairs
 * leave a bill (most of them paid). Older orders are closed; the last week's wait for their call-back.
 */
export async function generateRepairOrders(db: Db, bulkInsert: BulkInsert, shape: RepairShape, now: Date, operatorId: number): Promise<{ orders: number }> {
  const rnd = seededRandom(shape.seed);
  const units = (await db.selectFrom('units').select('id').execute()).map((u) => u.id);
  const technicians = await db
    .selectFrom('staff')
    .innerJoin('departments', 'departments.id', 'staff.department_id')
    .select(['staff.id', 'departments.name'])
    .where('staff.active', '=', 1)
    .execute();
  if (!technicians.length) return { orders: 0 };
  const byDepartment = (category: DefaultRepairCategory) => {
    const own = technicians.filter((t) => t.name === REPAIR_CATEGORY_DEPARTMENTS[category]);
    return own.length ? own : technicians;
  };
  const todayStart = Date.parse(officeDayRange(officeDayOf(now)).start);
  const drafts = Array.from({ length: shape.orders }, () => {
    const daysBack = 1 + Math.floor(rnd() * shape.days);
    const t = todayStart - daysBack * DAY + (OFFICE_HOURS.from + Math.floor(rnd() * (OFFICE_HOURS.to - OFFICE_HOURS.from))) * MINUTE;
    return { t, work: pick(rnd, units.length ? WORK : WORK.filter((w) => w.scope === 'public')) };
  });
  drafts.sort((a, b) => a.t - b.t);

  const perDay = new Map<string, number>();
  const limits = DEFAULT_REPAIR_LIMITS;
  const orders: (Insertable<RepairOrdersTable> & { id: number })[] = [];
  const events: Insertable<RepairEventsTable>[] = [];
  const materials: Insertable<RepairMaterialsTable>[] = [];
  const bills: Insertable<BillsTable>[] = [];
  const firstId = Number((await db.selectFrom('repair_orders').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0) + 1;
  const iso = (ms: number) => new Date(ms).toISOString();

  for (const [i, { t, work }] of drafts.entries()) {
    const id = firstId + i;
    const openedAt = iso(t);
    const day = officeDayOf(openedAt);
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);
    const tech = pick(rnd, byDepartment(work.category));
    const appointment = t + (30 + Math.floor(rnd() * 8) * 30) * MINUTE;
    const arrived = appointment + (rnd() < 0.15 ? 16 + Math.floor(rnd() * 40) : -10 + Math.floor(rnd() * 25)) * MINUTE;
    const reviewed = rnd() < 0.1 ? arrived + 20 * MINUTE : null;
    const back = reviewed === null ? null : reviewed + (rnd() < 0.2 ? 31 + Math.floor(rnd() * 30) : 10 + Math.floor(rnd() * 20)) * MINUTE;
    const workDone = (back ?? arrived) + (30 + Math.floor(rnd() * 150)) * MINUTE;
    const completed = workDone + Math.floor(rnd() * (rnd() < 0.1 ? 3 * 24 * 60 : 24 * 60)) * MINUTE;
    const callbackAt = work.scope === 'in_home' ? completed + (1 + Math.floor(rnd() * (rnd() < 0.1 ? 9 : 6))) * DAY : null;
    const voided = rnd() < 0.02;
    const done = !voided && completed < now.getTime();
    const calledBack = done && callbackAt !== null && callbackAt < now.getTime();
    const state: OrderState = voided ? 'voided' : !done ? 'inspection' : calledBack || work.scope === 'public' ? 'closed' : 'completed';
    const satisfaction: Satisfaction = rnd() < 0.06 ? 'unsatisfied' : rnd() < 0.25 ? 'fair' : 'satisfied';
    const chargeable = work.scope === 'in_home' && work.material !== undefined && rnd() < 0.4;
    const quantity = 100 * (1 + Math.floor(rnd() * 3));
    const materialsFen = work.material && done ? materialLineFen(quantity, work.material[2]) : 0;
    const labourFen = chargeable && done ? 3000 : 0;
    const arriveDue = deadlineFrom.arrive(iso(appointment), limits);
    const o = {
      id,
      no: formatSerial(serialPolicy('WX'), day, seq),
      scope: work.scope,
      category: work.category,
      unit_id: work.scope === 'in_home' ? pick(rnd, units) : null,
      location: work.scope === 'public' ? pick(rnd, PUBLIC_PLACES) : '',
      person_id: null,
      contact_name: work.scope === 'in_home' ? '业主' : '片区管理员',
      contact_phone: '',
      description: work.text,
      appointment_at: iso(appointment),
      emergency: 0,
      chargeable: chargeable ? 1 : 0,
      charge_items: chargeable ? `${work.material![0]}按实际用量，人工费 30 元` : '',
      state,
      technician_id: voided ? null : tech.id,
      entry_id: null,
      round: 1,
      opened_at: openedAt,
      dispatched_at: voided ? null : iso(t + 5 * MINUTE),
      arrive_due_at: arriveDue,
      arrived_at: voided ? null : iso(arrived),
      first_arrived_at: voided ? null : iso(arrived),
      back_due_at: reviewed === null || voided ? null : deadlineFrom.back(iso(reviewed), limits),
      back_at: back === null || voided ? null : iso(back),
      work_done_at: voided ? null : iso(workDone),
      inspection_due_at: voided ? null : deadlineFrom.inspection(iso(workDone), limits),
      completed_at: done ? iso(completed) : null,
      callback_due_at: done && work.scope === 'in_home' ? deadlineFrom.callback(iso(completed), limits) : null,
      called_back_at: calledBack ? iso(callbackAt!) : null,
      closed_at: state === 'closed' ? iso(calledBack ? callbackAt! : completed) : null,
      next_due_at: null as string | null,
      arrive_late_minutes: voided ? null : minutesLate(arriveDue, iso(arrived)),
      back_late_minutes: reviewed === null || back === null || voided ? null : minutesLate(deadlineFrom.back(iso(reviewed), limits), iso(back)),
      inspection_late_minutes: done ? minutesLate(deadlineFrom.inspection(iso(workDone), limits), iso(completed)) : null,
      callback_late_minutes: calledBack ? minutesLate(deadlineFrom.callback(iso(completed), limits), iso(callbackAt!)) : null,
      materials_fen: materialsFen,
      labour_fen: labourFen,
      total_fen: materialsFen + labourFen,
      signer: done ? (work.scope === 'in_home' ? 'owner' : 'officer') : null,
      signer_name: done ? (work.scope === 'in_home' ? '业主' : '片区管理员') : '',
      satisfaction: done ? satisfaction : null,
      callback_result: calledBack ? 'satisfied' : null,
      callback_process: calledBack ? (rnd() < 0.2 ? 'fair' : 'satisfied') : null,
      callback_person: calledBack ? 'satisfied' : null,
      callback_notes: '',
      pause_reason: '',
      void_reason: voided ? '重复报修' : '',
      created_by: operatorId,
      created_at: openedAt,
      updated_at: openedAt,
    };
    o.next_due_at = orderNextDueAt(clockOf(o));
    orders.push(o);
    if (work.material && done) {
      const [name, spec, price] = work.material;
      materials.push({ order_id: id, round: 1, line_no: 1, name, spec, model: '', unit: '', quantity, unit_price_fen: price, amount_fen: materialsFen });
    }
    if (chargeable && done && o.unit_id !== null) {
      const paid = rnd() < 0.7;
      bills.push({
        unit_id: o.unit_id,
        source: 'repair',
        source_id: id,
        item: `维修费 ${o.no}`,
        period: null,
        amount_fen: o.total_fen,
        state: paid ? 'paid' : 'unpaid',
        created_at: o.completed_at!,
        created_by: operatorId,
        paid_at: paid ? o.completed_at : null,
        updated_at: o.completed_at!,
      });
    }
    if (shape.events) {
      const line = (kind: string, at: string | null, text: string, met?: [string, number | null]) => {
        if (at) events.push({ order_id: id, kind, at, recorded_at: at, operator_id: operatorId, technician_id: o.technician_id, text, deadline_key: met?.[0] ?? null, late_minutes: met?.[1] ?? null });
      };
      line('opened', openedAt, work.text);
      line('dispatch', o.dispatched_at, '派单');
      line('arrive', o.arrived_at, '到场', ['arrive', o.arrive_late_minutes]);
      line('start', o.arrived_at, '开始维修');
      if (o.back_due_at) line('review', iso(reviewed!), '报班长技术评审');
      if (o.back_at) line('back', o.back_at, '评审后返场', ['back', o.back_late_minutes]);
      line('submit', o.work_done_at, '维修完毕，待业主验收');
      line('complete', o.completed_at, '回单录入', ['inspection', o.inspection_late_minutes]);
      if (o.called_back_at) line('callback', o.called_back_at, '回访', ['callback', o.callback_late_minutes]);
      if (state === 'closed') line('close', o.closed_at, '关闭');
      if (voided) line('void', iso(t + 10 * MINUTE), '作废：重复报修');
    }
  }
  await bulkInsert('repair_orders', orders);
  if (events.length) await bulkInsert('repair_events', events);
  if (materials.length) await bulkInsert('repair_materials', materials);
  if (bills.length) await bulkInsert('bills', bills);
  return { orders: orders.length };
}
