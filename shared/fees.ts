import { monthlyAreaFee, formatYuan } from './money';
import { rolesUsing, rolesWith } from './permissions';

/**
 * 收费, the billing rules: what a fee item is, how a month's amount is computed, the vacancy
 * rule, the late fee and months overdue. Pure: the server's run, the preview and the screens
 * compute with these and nothing else. Every amount is integer fen.
 */

/** Everyone at the fees desk: the cashier, supervisors, admins. */
export const FEES_ROLES = rolesUsing('fees');
/**
 * Fee items, their rates and assignments change what every unit owes: supervisors and admins
 * (the roles that approve), not the cashier who collects against them.
 */
export const FEE_EDIT_ROLES = rolesWith('approves');

export const FEE_KINDS = ['management', 'parking', 'special_service', 'shared_utilities', 'rent', 'deposit', 'compensation', 'collected_for_others', 'other'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];
export const FEE_KIND_LABELS: Record<FeeKind, string> = {
  management: '物业管理服务费',
  parking: '机动车占位费',
  special_service: '特约有偿服务费',
  shared_utilities: '公共水电分摊',
  rent: '场地及房屋租赁费',
  deposit: '保证金',
  compensation: '修复款',
  collected_for_others: '代收费',
  other: '其他',
};

/**
 * How an item's amount is computed:
 * - area: `rateFen` per m² per month × the unit's area (0.01 m²), rounded by monthlyAreaFee;
 * - fixed: `rateFen` a month;
 * - metered: the month's usage (0.01 t of water / 0.01 kWh, from the meter readings) × `rateFen` per t / kWh;
 * - one_off: `rateFen` once, charged by hand (ad-hoc charge), never by the monthly run;
 * - deposit: `rateFen` once, refundable (the counter refunds it), never by the monthly run.
 */
export const FEE_METHODS = ['area', 'fixed', 'metered', 'one_off', 'deposit'] as const;
export type FeeMethod = (typeof FEE_METHODS)[number];
export const FEE_METHOD_LABELS: Record<FeeMethod, string> = {
  area: '按面积每月',
  fixed: '固定每月',
  metered: '按表计量',
  one_off: '一次性',
  deposit: '押金（可退）',
};
/** The methods the monthly run bills. */
export const PERIODIC_METHODS: readonly FeeMethod[] = ['area', 'fixed', 'metered'];
export function isPeriodic(method: FeeMethod): boolean {
  return PERIODIC_METHODS.includes(method);
}

export { BILL_STATES, type BillState } from './bills';

export const METERS = ['water', 'electricity'] as const;
export type Meter = (typeof METERS)[number];
export const METER_LABELS: Record<Meter, string> = { water: '水表', electricity: '电表' };
/** Readings and usage are integers in hundredths of the meter's unit: 0.01 t of water, 0.01 kWh. */
export const METER_SCALE = 100;
export const METER_UNITS: Record<Meter, string> = { water: '吨', electricity: '度' };

/** Where an assignment applies. A unit's own assignment wins over its building's, which wins over its type's. */
export const ASSIGNMENT_SCOPES = ['unit', 'building', 'unit_type'] as const;
export type AssignmentScope = (typeof ASSIGNMENT_SCOPES)[number];
export const ASSIGNMENT_SCOPE_LABELS: Record<AssignmentScope, string> = { unit: '单户', building: '楼栋', unit_type: '房屋类型' };

export interface FeeItemRule {
  kind: FeeKind;
  method: FeeMethod;
  /** Fen per m² per month (area), per month (fixed), per t / kWh (metered), or the amount (one_off, deposit). */
  rateFen: number;
  meter: Meter | null;
}

export interface AssignmentRule {
  id: number;
  feeItemId: number;
  scope: AssignmentScope;
  /** unit id, building id, or the unit type ('residential'). */
  target: string;
  startMonth: string;
  /** Last month billed (inclusive); null = open. */
  endMonth: string | null;
  /** This assignment's own rate (a unit's special parking rate); null = the item's. */
  rateFen: number | null;
}

const SCOPE_RANK: Record<AssignmentScope, number> = { unit: 0, building: 1, unit_type: 2 };

export function assignmentCovers(a: Pick<AssignmentRule, 'startMonth' | 'endMonth'>, month: string): boolean {
  return a.startMonth <= month && (a.endMonth === null || month <= a.endMonth);
}

/**
 * The assignment that decides a unit's item in a month: among those of the item covering the
 * month and matching the unit, the most specific (unit, then building, then unit type); on a tie
 * the later-starting one, then the newer one. Null: the unit does not pay this item that month.
 */
export function effectiveAssignment<A extends AssignmentRule>(
  assignments: readonly A[],
  unit: { id: number; buildingId: number; type: string },
  feeItemId: number,
  month: string,
): A | null {
  let best: A | null = null;
  for (const a of assignments) {
    if (a.feeItemId !== feeItemId || !assignmentCovers(a, month)) continue;
    const matches = a.scope === 'unit' ? a.target === String(unit.id) : a.scope === 'building' ? a.target === String(unit.buildingId) : a.target === unit.type;
    if (!matches) continue;
    if (
      !best ||
      SCOPE_RANK[a.scope] < SCOPE_RANK[best.scope] ||
      (SCOPE_RANK[a.scope] === SCOPE_RANK[best.scope] && (a.startMonth > best.startMonth || (a.startMonth === best.startMonth && a.id > best.id)))
    )
      best = a;
  }
  return best;
}

/** Vacancy (空置): which kinds are reduced, the thresholds that count a month as occupied, the minimum term. */
export const VACANCY_KINDS: readonly FeeKind[] = ['management', 'shared_utilities'];
export const VACANCY_MIN_MONTHS = 3;

export interface FeeRules {
  lateFee: {
    enabled: boolean;
    /** Per day, in 1/10000 of the amount (万分之五 = 5). */
    ratePer10k: number;
    /** Days after the due date before the late fee starts. */
    graceDays: number;
    /** At most this percentage of the bill's amount (100 = no more than the bill). */
    capPercent: number;
  };
  vacancy: {
    /** The percentage billed while vacant (50). */
    percent: number;
    /** Usage above these in a month counts as occupied (full rate): 0.01 t and 0.01 kWh. */
    waterAbove: number;
    electricityAbove: number;
  };
  /** A reading whose usage is more than this many times the unit's previous month's needs confirming. */
  meterJumpFactor: number;
  /** Monthly bills fall due on this day of their month (1–28). */
  dueDay: number;
  /**
   * The first receipt number (收据 SJ…): an office printing on pre-numbered receipt books sets it to
   * its book's; raised above the numbers already given, the series jumps to it (db/serials.ts).
   */
  receiptStart: number;
}

export const DEFAULT_FEE_RULES: FeeRules = {
  lateFee: { enabled: false, ratePer10k: 5, graceDays: 30, capPercent: 100 },
  vacancy: { percent: 50, waterAbove: 1 * METER_SCALE, electricityAbove: 5 * METER_SCALE },
  meterJumpFactor: 5,
  dueDay: 15,
  receiptStart: 1,
};

export interface MonthUsage {
  water: number | null;
  electricity: number | null;
}

/** A month counts as occupied when its recorded usage is above either threshold. */
export function usageShowsOccupied(usage: MonthUsage, rules: FeeRules['vacancy']): boolean {
  return (usage.water ?? 0) > rules.waterAbove || (usage.electricity ?? 0) > rules.electricityAbove;
}

/** `percent` % of an amount, 四舍五入 to whole fen. */
export function percentOf(amountFen: number, percent: number): number {
  const hundredths = amountFen * percent;
  return (hundredths - (hundredths % 100)) / 100 + (hundredths % 100 >= 50 ? 1 : 0);
}

export interface UnitFacts {
  /** 0.01 m²; null when the unit has no area recorded. */
  areaDm2: number | null;
  /** Registered vacant for the month. */
  vacant: boolean;
  usage: MonthUsage;
}

export type MonthCharge =
  | { ok: true; amountFen: number; basis: string; vacancyApplied: boolean }
  | { ok: false; reason: 'no_area' | 'no_reading' | 'zero' | 'not_periodic' };

export const SKIP_LABELS: Record<Exclude<MonthCharge, { ok: true }>['reason'], string> = {
  no_area: '房屋未登记面积',
  no_reading: '本月未抄表',
  zero: '金额为零',
  not_periodic: '非按月收费项目',
};

/** 12050 (0.01 m², 0.01 t …) → '120.50'. */
export const hundredthsText = (value: number) => `${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}`;
const rateText = (fen: number) => formatYuan(fen).slice(1);

/**
 * One unit's amount for one periodic item and month, with its basis as the bill and receipt
 * print it ('120.50 m² × 2.50 元/m²'). The vacancy rule halves management and shared
 * utilities while the unit is registered vacant, unless the month's usage shows it occupied.
 */
export function monthCharge(item: FeeItemRule, rateFen: number, unit: UnitFacts, rules: FeeRules): MonthCharge {
  let full: number;
  let basis: string;
  switch (item.method) {
    case 'area':
      if (unit.areaDm2 === null) return { ok: false, reason: 'no_area' };
      full = monthlyAreaFee(unit.areaDm2, rateFen);
      basis = `${hundredthsText(unit.areaDm2)} m² × ${rateText(rateFen)} 元/m²`;
      break;
    case 'fixed':
      full = rateFen;
      basis = `${rateText(rateFen)} 元/月`;
      break;
    case 'metered': {
      const meter = item.meter ?? 'water';
      const usage = unit.usage[meter];
      if (usage === null) return { ok: false, reason: 'no_reading' };
      full = meteredFee(usage, rateFen);
      basis = `${hundredthsText(usage)} ${METER_UNITS[meter]} × ${rateText(rateFen)} 元/${METER_UNITS[meter]}`;
      break;
    }
    default:
      return { ok: false, reason: 'not_periodic' };
  }
  const vacancyApplied = unit.vacant && VACANCY_KINDS.includes(item.kind) && !usageShowsOccupied(unit.usage, rules.vacancy);
  const amountFen = vacancyApplied ? percentOf(full, rules.vacancy.percent) : full;
  if (amountFen === 0) return { ok: false, reason: 'zero' };
  return { ok: true, amountFen, basis: vacancyApplied ? `${basis} × ${rules.vacancy.percent}%（空置）` : basis, vacancyApplied };
}

/**
 * Usage (0.01 t / 0.01 kWh) × price per t / kWh: hundredths × fen, rounded 四舍五入 exactly as
 * the area fee is (the platform's one rounding rule).
 */
export function meteredFee(usageHundredths: number, priceFen: number): number {
  return monthlyAreaFee(usageHundredths, priceFen);
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** The day a bill of this period falls due ('2026-11' → '2026-11-15'). */
export function dueDateOf(period: string, dueDay: number): string {
  return `${period}-${String(dueDay).padStart(2, '0')}`;
}

/**
 * 滞纳金 as of `today` (office days 'YYYY-MM-DD'): nothing while the rule is off or within the
 * grace days after the due date; then amount × rate per day × days past the grace, 四舍五入,
 * at most capPercent % of the amount. BigInt: amount × rate × days can pass 2^53.
 */
export function lateFee(amountFen: number, dueDate: string, today: string, rules: FeeRules['lateFee']): number {
  if (!rules.enabled || rules.ratePer10k === 0) return 0;
  const days = dayNumber(today) - dayNumber(dueDate) - rules.graceDays;
  if (days <= 0) return 0;
  const raw = BigInt(amountFen) * BigInt(rules.ratePer10k) * BigInt(days);
  const fee = Number((raw + 5000n) / 10000n);
  return Math.min(fee, percentOf(amountFen, rules.capPercent));
}

/**
 * Months overdue (the counter's 欠费月数 for one bill): 0 up to the due date; then 1 for the
 * first month past it, 2 once a second month has started, and so on.
 */
export function monthsOverdue(dueDate: string, today: string): number {
  if (today <= dueDate) return 0;
  const [dy, dm, dd] = dueDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const months = (ty - dy) * 12 + (tm - dm) + (td > dd ? 1 : 0);
  return Math.max(1, months);
}

/** Whole months from `start` to `end` inclusive ('2026-01'..'2026-03' → 3). */
export function monthsBetween(start: string, end: string): number {
  const [sy, sm] = start.split('-').map(Number) as [number, number];
  const [ey, em] = end.split('-').map(Number) as [number, number];
  return (ey - sy) * 12 + (em - sm) + 1;
}

/** A reading's checks: never below the last one; a usage far above the previous month's needs confirming. */
export type ReadingCheck = { ok: true; usage: number | null } | { ok: false; problem: 'below_last' | 'jump'; message: string };

export function checkReading(reading: number, last: number | null, previousUsage: number | null, jumpFactor: number, meter: Meter): ReadingCheck {
  const unit = METER_UNITS[meter];
  if (last !== null && reading < last)
    return { ok: false, problem: 'below_last', message: `读数 ${hundredthsText(reading)} 低于上次读数 ${hundredthsText(last)}（${unit}），请核对` };
  // The first reading of a meter is its baseline: no usage that month.
  const usage = last === null ? null : reading - last;
  if (usage !== null && previousUsage !== null && previousUsage > 0 && usage > previousUsage * jumpFactor)
    return {
      ok: false,
      problem: 'jump',
      message: `本月用量 ${hundredthsText(usage)} ${unit} 超过上月 ${hundredthsText(previousUsage)} ${unit} 的 ${jumpFactor} 倍，请核对后确认`,
    };
  return { ok: true, usage };
}

