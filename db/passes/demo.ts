import { sql, type Insertable } from 'kysely';
import { officeDayOf, officeDayRange } from '../../shared/office-time';
import { DEFAULT_PASS_RULES, itemsText, passWindow, type ApplicantType, type PassState, type PassType } from '../../shared/passes';
import { formatSerial, serialPeriodOf, serialPolicy } from '../../shared/serials';
import type { Role } from '../../shared/roles';
import type { BulkInsert, Db } from '../context';
import type { PassEventsTable, PassItemsTable, PassesTable } from '../schema';
import { chineseName, mobileNumber, pick, plateNumber, seededRandom } from '../demo/names';

export interface PassShape {
  passes: number;
  /** Spread over this many office days before today; a few more are today's (pending, waiting at the gate). */
  days: number;
  seed: number;
  /** The timeline lines (the demo); the bench leaves them out. */
  events: boolean;
}

/** The demo office's year of goods-release passes. */
export const DEMO_PASSES: PassShape = { passes: 1500, days: 365, seed: 20261515, events: true };

const GOODS: Record<PassType, [string, string][]> = {
  moving: [['沙发', '套'], ['冰箱', '台'], ['洗衣机', '台'], ['床', '张'], ['衣柜', '个'], ['纸箱', '个']],
  goods_out: [['旧沙发', '套'], ['自行车', '辆'], ['旧电视', '台'], ['书柜', '个']],
  tools: [['电锤', '把'], ['切割机', '台'], ['梯子', '架'], ['工具箱', '个']],
  company: [['办公桌', '张'], ['电脑', '台'], ['文件柜', '个']],
  other: [['花盆', '个'], ['健身器材', '件']],
};
const TYPES: PassType[] = ['moving', 'moving', 'goods_out', 'goods_out', 'goods_out', 'tools', 'tools', 'company', 'other'];
const MINUTE = 60_000;
const DAY = 86_400_000;

async function operatorWith(db: Db, role: Role, fallback: number): Promise<number> {
  const row = await db.selectFrom('operator_roles').select('operator_id').where('role', '=', role).orderBy('operator_id').limit(1).executeTakeFirst();
  return row?.operator_id ?? fallback;
}

/**
 * `shape.passes` fictitious passes over the past year, through the same rules as real ones (the
 * window by the default 当日有效, tenants with the owner's confirmation, agents with an authorisation,
 * company goods with a 外运证明): most released at the gate; some refused and reissued (the new one
 * released), some expired unused, some voided, a few approved over arrears by the supervisor;
 * today's are pending or waiting at the gate. Numbers follow the FX yearly series, and the counters
 * are set past them so the office's next pass continues it.
 */
export async function generatePasses(db: Db, bulkInsert: BulkInsert, shape: PassShape, now: Date, operatorId: number): Promise<{ passes: number }> {
  const rnd = seededRandom(shape.seed);
  const buildingOf = new Map((await db.selectFrom('units').select(['id', 'building_id']).execute()).map((u) => [u.id, u.building_id]));
  const units = [...buildingOf.keys()];
  if (!units.length) return { passes: 0 };
  const officer = await operatorWith(db, 'officer', operatorId);
  const supervisor = await operatorWith(db, 'supervisor', operatorId);
  const guard = await operatorWith(db, 'gate_guard', operatorId);
  const todayStart = Date.parse(officeDayRange(officeDayOf(now)).start);
  const policy = serialPolicy('FX');
  const firstId = Number((await db.selectFrom('passes').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0) + 1;
  const counters = new Map<string, number>();
  for (const r of await db.selectFrom('serial_counters').select(['day', 'last']).where('prefix', '=', 'FX').execute()) counters.set(r.day, r.last);
  const iso = (ms: number) => new Date(ms).toISOString();

  // Applications in office hours (08:30–17:00); a refused one is reissued for the next day.
  // Today's: from 08:00 until now (none if the office has not opened yet).
  const todayOpen = todayStart + 8 * 60 * MINUTE;
  const today = now.getTime() - 10 * MINUTE > todayOpen ? Math.max(6, Math.round(shape.passes / shape.days / 2)) : 0;
  const times = Array.from({ length: shape.passes }, (_, i) =>
    i < today
      ? todayOpen + Math.floor(rnd() * (now.getTime() - 10 * MINUTE - todayOpen))
      : todayStart - (1 + Math.floor(rnd() * shape.days)) * DAY + (8.5 * 60 + Math.floor(rnd() * 8 * 60)) * MINUTE,
  );

  const passes: (Insertable<PassesTable> & { id: number })[] = [];
  const items: Insertable<PassItemsTable>[] = [];
  const events: Insertable<PassEventsTable>[] = [];
  type Draft = { t: number; reissueOf: (Insertable<PassesTable> & { id: number }) | null };
  const drafts: Draft[] = times.sort((a, b) => a - b).map((t) => ({ t, reissueOf: null }));
  // Reissues come a day after their refusal, so they queue in time order too: the two are merged.
  const reissues: Draft[] = [];
  const linesOf = new Map<number, (readonly [string, string, number])[]>();
  let next = 0;
  let nextReissue = 0;

  while (next < drafts.length || nextReissue < reissues.length) {
    const fromQueue = nextReissue < reissues.length && (next >= drafts.length || reissues[nextReissue]!.t <= drafts[next]!.t);
    const { t, reissueOf } = fromQueue ? reissues[nextReissue++]! : drafts[next++]!;
    const id = firstId + passes.length;
    const createdAt = iso(t);
    const period = serialPeriodOf(policy, new Date(t));
    const seq = (counters.get(period) ?? 0) + 1;
    counters.set(period, seq);
    const type: PassType = reissueOf ? (reissueOf.type as PassType) : pick(rnd, TYPES);
    const applicantType: ApplicantType = type === 'company' ? 'company' : pick(rnd, ['owner', 'owner', 'tenant', 'agent'] as const);
    const planned = t + (30 + Math.floor(rnd() * 120)) * MINUTE;
    const window = passWindow(iso(planned), DEFAULT_PASS_RULES);
    const isToday = t >= todayStart;
    const roll = rnd();
    // Reissued passes go out; of the rest most are released, some refused, expired or voided.
    let fate: PassState = isToday
      ? roll < 0.4 ? 'pending' : roll < 0.8 ? 'approved' : 'released'
      : reissueOf || roll < 0.82 ? 'released' : roll < 0.88 ? 'refused' : roll < 0.94 ? 'expired' : 'voided';
    const approved = fate !== 'pending' && !(fate === 'voided' && rnd() < 0.5) && !(fate === 'expired' && rnd() < 0.3);
    // Approved between the application and 20 minutes before the planned time, never after now.
    const approvedAt = approved ? Math.max(t + MINUTE, Math.min(planned - 20 * MINUTE, now.getTime() - MINUTE)) : null;
    const override = approved && rnd() < 0.04;
    const gateTime = planned + Math.floor(rnd() * 90) * MINUTE;
    // Today's passes reach the gate only if that time has come.
    if (fate === 'released' && gateTime >= now.getTime()) fate = 'approved';
    const gateAt = fate === 'released' || fate === 'refused' ? gateTime : null;
    const vehicle = rnd() < 0.85 ? { plate: plateNumber(rnd), driver: chineseName(rnd, true), tail: String(1000 + Math.floor(rnd() * 9000)) } : null;
    const lines = reissueOf
      ? linesOf.get(reissueOf.id)!
      : Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => {
          const [name, unit] = pick(rnd, GOODS[type]);
          return [name, unit, 1 + Math.floor(rnd() * 3)] as const;
        }).filter((g, n, all) => all.findIndex((x) => x[0] === g[0]) === n);
    const unitId = reissueOf ? reissueOf.unit_id : pick(rnd, units);
    const applicant = reissueOf ? reissueOf.applicant_name : chineseName(rnd, rnd() < 0.5);
    const p = {
      id,
      no: formatSerial(policy, period, seq),
      state: fate,
      type,
      applicant_type: applicantType,
      person_id: null,
      applicant_name: applicant,
      applicant_phone: mobileNumber(rnd),
      applicant_id_tail: '',
      unit_id: unitId,
      building_id: buildingOf.get(unitId)!,
      planned_at: iso(planned),
      valid_from: window.validFrom,
      valid_until: window.validUntil,
      plate: vehicle?.plate ?? null,
      driver_name: vehicle?.driver ?? '',
      driver_id_tail: vehicle?.tail ?? '',
      items_text: itemsText(lines.map(([name, unit, quantity]) => ({ name, unit, quantity }))),
      confirm_method: applicantType === 'tenant' ? pick(rnd, ['phone', 'in_person', 'written'] as const) : null,
      confirm_at: applicantType === 'tenant' ? iso(t - 10 * MINUTE) : null,
      confirm_owner: applicantType === 'tenant' ? chineseName(rnd, true) : '',
      confirm_taken_by: applicantType === 'tenant' ? '前台' : '',
      auth_owner: applicantType === 'agent' ? chineseName(rnd, false) : '',
      auth_signed_on: applicantType === 'agent' ? officeDayOf(iso(t - DAY)) : null,
      auth_note: '',
      notes: '',
      release_certificate_no: type === 'company' ? `WY${String(seq).padStart(5, '0')}` : '',
      approved_at: approvedAt === null ? null : iso(approvedAt),
      approved_by: approved ? officer : null,
      override_reason: override ? '业主已承诺本月内结清欠费' : '',
      override_approver_id: override ? supervisor : null,
      override_unpaid_fen: override ? 50_000 + Math.floor(rnd() * 100) * 1000 : null,
      override_unpaid_count: override ? 1 + Math.floor(rnd() * 3) : null,
      gate_at: gateAt === null ? null : iso(gateAt),
      gate_operator_id: gateAt === null ? null : guard,
      gate_plate: gateAt === null ? null : (vehicle?.plate ?? null),
      gate_driver_name: gateAt === null ? '' : (vehicle?.driver ?? ''),
      gate_driver_id_tail: gateAt === null ? '' : (vehicle?.tail ?? ''),
      gate_notes: fate === 'refused' ? '实物比放行条多一台冰箱' : '',
      voided_at: fate === 'voided' ? iso(t + 60 * MINUTE) : null,
      voided_by: fate === 'voided' ? operatorId : null,
      void_reason: fate === 'voided' ? '业主取消搬出' : '',
      expired_at: fate === 'expired' ? window.validUntil : null,
      reissued_from_id: reissueOf?.id ?? null,
      created_by: operatorId,
      created_at: createdAt,
      updated_at: createdAt,
    };
    passes.push(p);
    if (fate === 'refused') linesOf.set(id, lines);
    lines.forEach(([name, unit, quantity], n) => items.push({ pass_id: id, revision: 1, line_no: n + 1, name, unit, quantity }));
    if (fate === 'refused') {
      // Reissued the next office day (when that is still in the past, or today).
      const nextDay = t + DAY;
      if (nextDay < now.getTime()) {
        reissues.push({ t: nextDay, reissueOf: p });
      }
    }
    if (shape.events) {
      const line = (kind: string, at: string | null, text: string, who: number | null = operatorId) => {
        if (at) events.push({ pass_id: id, kind, at, operator_id: who, text });
      };
      line('applied', createdAt, reissueOf ? `由 ${reissueOf.no} 重新开具` : `申请：${p.items_text}`);
      if (override) line('override', p.approved_at, `有欠费，经主管核准放行：${p.override_reason}`, officer);
      line('approve', p.approved_at, override ? '批准（有欠费，主管核准）' : '批准（费用已结清）', officer);
      if (fate === 'released') line('release', p.gate_at, `放行：物品全部相符`, guard);
      if (fate === 'refused') line('refuse', p.gate_at, `拒绝放行：${p.gate_notes}`, guard);
      if (fate === 'expired') line('expire', p.valid_until, '超过有效期未使用，已过期', null);
      if (fate === 'voided') line('void', p.voided_at, `作废：${p.void_reason}`);
      if (reissueOf) events.push({ pass_id: reissueOf.id, kind: 'reissue', at: createdAt, operator_id: operatorId, text: `重新开具为 ${p.no}` });
    }
  }
  // Items go in while their pass is 待审批 (the database allows no other time); then each pass is
  // moved forward to its fate the only ways the database allows: through 已批准 or straight from 待审批.
  await bulkInsert('passes', passes.map((p) => ({ ...p, state: 'pending' })));
  await bulkInsert('pass_items', items);
  await moveTo(db, 'approved', passes.filter((p) => p.approved_at !== null && p.state !== 'pending').map((p) => p.id));
  for (const state of ['released', 'refused', 'expired', 'voided'] as const) await moveTo(db, state, passes.filter((p) => p.state === state).map((p) => p.id));
  if (events.length) await bulkInsert('pass_events', events);
  for (const [period, last] of counters) {
    await sql`INSERT INTO serial_counters (prefix, day, last) VALUES ('FX', ${period}, ${last})
      ON CONFLICT (prefix, day) DO UPDATE SET last = max(last, excluded.last)`.execute(db);
  }
  return { passes: passes.length };
}

async function moveTo(db: Db, state: PassState, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db.updateTable('passes').set({ state }).where('id', 'in', ids.slice(i, i + 500)).execute();
  }
}
