import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FEE_RULES,
  FEE_KINDS,
  FEE_KIND_LABELS,
  checkReading,
  dueDateOf,
  effectiveAssignment,
  lateFee,
  meteredFee,
  monthCharge,
  monthsBetween,
  monthsOverdue,
  type AssignmentRule,
  type FeeItemRule,
  type FeeRules,
} from '../../shared/fees';

const management: FeeItemRule = { kind: 'management', method: 'area', rateFen: 250, meter: null };
const parking: FeeItemRule = { kind: 'parking', method: 'fixed', rateFen: 15000, meter: null };
const water: FeeItemRule = { kind: 'shared_utilities', method: 'metered', rateFen: 350, meter: 'water' };
const occupied = { areaDm2: 12050, vacant: false, usage: { water: null, electricity: null } };
const rules: FeeRules = DEFAULT_FEE_RULES;

describe('fee kinds', () => {
  it('names every kind of the domain in Chinese', () => {
    expect(FEE_KINDS.map((k) => FEE_KIND_LABELS[k])).toEqual(['物业管理服务费', '机动车占位费', '特约有偿服务费', '公共水电分摊', '场地及房屋租赁费', '保证金', '修复款', '代收费', '其他']);
  });
});

describe('monthCharge: each computing method', () => {
  it('area × rate per month, rounded once 四舍五入 (120.50 m² × 2.50 = 301.25; 88.33 m² × 2.35 = 207.5755 → 207.58)', () => {
    expect(monthCharge(management, 250, occupied, rules)).toEqual({ ok: true, amountFen: 30125, basis: '120.50 m² × 2.50 元/m²', vacancyApplied: false });
    const r = monthCharge(management, 235, { ...occupied, areaDm2: 8833 }, rules);
    expect(r.ok && r.amountFen).toBe(20758);
    // 0.5 fen rounds up, 0.49 down
    expect(monthCharge(management, 1, { ...occupied, areaDm2: 50 }, rules)).toMatchObject({ amountFen: 1 });
    expect(monthCharge(management, 1, { ...occupied, areaDm2: 149 }, rules)).toMatchObject({ amountFen: 1 });
  });
  it('refuses an area item for a unit with no area, a metered item without a reading', () => {
    expect(monthCharge(management, 250, { ...occupied, areaDm2: null }, rules)).toEqual({ ok: false, reason: 'no_area' });
    expect(monthCharge(water, 350, occupied, rules)).toEqual({ ok: false, reason: 'no_reading' });
  });
  it('fixed per month', () => {
    expect(monthCharge(parking, 12000, occupied, rules)).toEqual({ ok: true, amountFen: 12000, basis: '120.00 元/月', vacancyApplied: false });
  });
  it('metered: usage in 0.01 t × price per t', () => {
    expect(meteredFee(1234, 350)).toBe(4319); // 12.34 t × 3.50 = 43.19
    expect(monthCharge(water, 350, { ...occupied, usage: { water: 1234, electricity: null } }, rules)).toMatchObject({ amountFen: 4319, basis: '12.34 吨 × 3.50 元/吨' });
  });
  it('one-off and deposit items are never billed by the month', () => {
    expect(monthCharge({ kind: 'deposit', method: 'deposit', rateFen: 200000, meter: null }, 200000, occupied, rules)).toEqual({ ok: false, reason: 'not_periodic' });
    expect(monthCharge({ kind: 'other', method: 'one_off', rateFen: 100, meter: null }, 100, occupied, rules)).toEqual({ ok: false, reason: 'not_periodic' });
  });
});

describe('vacancy', () => {
  const vacant = { ...occupied, vacant: true };
  it('bills management and shared utilities at 50 % while registered', () => {
    expect(monthCharge(management, 250, vacant, rules)).toEqual({ ok: true, amountFen: 15063, basis: '120.50 m² × 2.50 元/m² × 50%（空置）', vacancyApplied: true });
  });
  it('does not reduce other kinds', () => {
    expect(monthCharge(parking, 12000, vacant, rules)).toMatchObject({ amountFen: 12000, vacancyApplied: false });
  });
  it('a month with water above 1 t or electricity above 5 kWh bills at the full rate', () => {
    expect(monthCharge(management, 250, { ...vacant, usage: { water: 100, electricity: 500 } }, rules)).toMatchObject({ amountFen: 15063, vacancyApplied: true });
    expect(monthCharge(management, 250, { ...vacant, usage: { water: 101, electricity: 0 } }, rules)).toMatchObject({ amountFen: 30125, vacancyApplied: false });
    expect(monthCharge(management, 250, { ...vacant, usage: { water: 0, electricity: 501 } }, rules)).toMatchObject({ amountFen: 30125, vacancyApplied: false });
  });
});

describe('assignment precedence: unit over building over unit type', () => {
  const unit = { id: 7, buildingId: 3, type: 'residential' };
  const a = (id: number, scope: AssignmentRule['scope'], target: string, rateFen: number | null, startMonth = '2026-01', endMonth: string | null = null): AssignmentRule => ({
    id,
    feeItemId: 1,
    scope,
    target,
    startMonth,
    endMonth,
    rateFen,
  });
  const all = [a(1, 'unit_type', 'residential', null), a(2, 'building', '3', 220), a(3, 'unit', '7', 200, '2026-06', '2026-08')];
  it('picks the most specific assignment covering the month', () => {
    expect(effectiveAssignment(all, unit, 1, '2026-07')?.id).toBe(3);
    expect(effectiveAssignment(all, unit, 1, '2026-09')?.id).toBe(2);
    expect(effectiveAssignment(all, { ...unit, buildingId: 4 }, 1, '2026-09')?.id).toBe(1);
    expect(effectiveAssignment(all, { ...unit, type: 'shop', buildingId: 4 }, 1, '2026-09')).toBeNull();
    expect(effectiveAssignment(all, unit, 2, '2026-09')).toBeNull();
    expect(effectiveAssignment(all, unit, 1, '2025-12')).toBeNull();
  });
});

describe('late fee (滞纳金)', () => {
  const on = { enabled: true, ratePer10k: 5, graceDays: 10, capPercent: 10 };
  it('is off by default', () => {
    expect(DEFAULT_FEE_RULES.lateFee.enabled).toBe(false);
    expect(lateFee(100000, '2026-01-15', '2026-11-30', DEFAULT_FEE_RULES.lateFee)).toBe(0);
  });
  it('nothing within the grace days, then rate × days past the grace', () => {
    expect(lateFee(100000, '2026-11-15', '2026-11-25', on)).toBe(0);
    expect(lateFee(100000, '2026-11-15', '2026-11-26', on)).toBe(50); // 1 day × 万分之五 of ¥1,000
    expect(lateFee(100000, '2026-11-15', '2026-12-05', on)).toBe(500); // 10 days
    expect(lateFee(30125, '2026-11-15', '2026-11-26', on)).toBe(15); // 15.0625 → 15
  });
  it('stops at the cap', () => {
    expect(lateFee(100000, '2024-01-15', '2026-11-30', on)).toBe(10000);
  });
});

describe('months overdue and due dates', () => {
  it('counts from the due date', () => {
    expect(dueDateOf('2026-11', 15)).toBe('2026-11-15');
    expect(monthsOverdue('2026-11-15', '2026-11-15')).toBe(0);
    expect(monthsOverdue('2026-11-15', '2026-11-16')).toBe(1);
    expect(monthsOverdue('2026-11-15', '2026-12-15')).toBe(1);
    expect(monthsOverdue('2026-11-15', '2026-12-16')).toBe(2);
    expect(monthsOverdue('2025-11-15', '2026-11-20')).toBe(13);
    expect(monthsBetween('2026-11', '2027-01')).toBe(3);
  });
});

describe('meter readings', () => {
  it('refuses a reading below the last, asks to confirm a jump, takes the first as the baseline', () => {
    expect(checkReading(900, 1000, 50, 5, 'water')).toMatchObject({ ok: false, problem: 'below_last', message: '读数 9.00 低于上次读数 10.00（吨），请核对' });
    expect(checkReading(1300, 1000, 50, 5, 'water')).toMatchObject({ ok: false, problem: 'jump' });
    expect(checkReading(1250, 1000, 50, 5, 'water')).toEqual({ ok: true, usage: 250 });
    expect(checkReading(1000, null, null, 5, 'electricity')).toEqual({ ok: true, usage: null });
  });
});
