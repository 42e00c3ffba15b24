import { describe, expect, it } from 'vitest';
import {
  gateVerdict,
  idTailOf,
  itemsText,
  needsReleaseCertificate,
  PASS_APPROVERS,
  PASS_GATE_ROLES,
  PASS_MACHINE,
  PASS_OFFICE_ROLES,
  PASS_STATES,
  passNoIn,
  passStateAt,
  passWindow,
  type PassAction,
  type PassState,
} from '../../shared/passes';
import { isPlate, normalizePlate } from '../../shared/plate';
import { ROLES, type Role } from '../../shared/roles';
import { allowedActions, checkTransition } from '../../shared/state-machine';
import { rolesUsing } from '../../shared/permissions';

/** 物品放行's pure rules: who does what, the machine walked in full, the window, the gate's verdict. */
describe('pass rules', () => {
  it('splits the desk\'s roles: the office applies and lists, the area officer approves, the gate (and the front desk) checks out', () => {
    expect(rolesUsing('passes')).toContain('gate_guard');
    expect(PASS_OFFICE_ROLES).toEqual(['receptionist', 'officer', 'supervisor', 'admin']);
    expect(PASS_APPROVERS).toEqual(['officer', 'supervisor', 'admin']);
    expect(PASS_GATE_ROLES).toEqual(['gate_guard', 'receptionist', 'officer', 'supervisor', 'admin']);
  });

  it('walks every action from every state for every role', () => {
    // Written out by hand: what each action may do, from where, and who may take it.
    const expected: Record<PassAction, { from: PassState[]; to: PassState | 'same'; roles: readonly Role[] }> = {
      update: { from: ['pending'], to: 'same', roles: PASS_OFFICE_ROLES },
      approve: { from: ['pending'], to: 'approved', roles: ['officer', 'supervisor', 'admin'] },
      release: { from: ['approved'], to: 'released', roles: PASS_GATE_ROLES },
      refuse: { from: ['approved'], to: 'refused', roles: PASS_GATE_ROLES },
      // 过期 is never a person's action: the clock decides it.
      expire: { from: ['pending', 'approved'], to: 'expired', roles: [] },
      void: { from: ['pending', 'approved'], to: 'voided', roles: PASS_OFFICE_ROLES },
      reissue: { from: ['refused', 'expired'], to: 'same', roles: PASS_OFFICE_ROLES },
    };
    expect(PASS_MACHINE.transitions.map((t) => t.action).sort()).toEqual(Object.keys(expected).sort());
    for (const [action, rule] of Object.entries(expected) as [PassAction, (typeof expected)[PassAction]][]) {
      for (const state of PASS_STATES) {
        for (const role of ROLES) {
          const check = checkTransition(PASS_MACHINE, state, action, [role], '原因');
          const may = rule.roles.includes(role) && rule.from.includes(state);
          expect(check.ok, `${role} ${action} from ${state}`).toBe(may);
          if (check.ok) expect(check.to).toBe(rule.to === 'same' ? state : rule.to);
          else if (!rule.roles.includes(role)) expect(check.refused).toBe('role');
          else expect(check.refused).toBe('state');
        }
      }
    }
    // Refusals say what happened in the gate's words, and reasons are required where they must be.
    expect(checkTransition(PASS_MACHINE, 'released', 'release', ['gate_guard'])).toEqual({ ok: false, refused: 'state', message: '这张放行条已使用（已放行），不能再次放行' });
    expect(checkTransition(PASS_MACHINE, 'approved', 'refuse', ['gate_guard'], ' ')).toMatchObject({ ok: false, refused: 'reason' });
    expect(checkTransition(PASS_MACHINE, 'pending', 'void', ['receptionist'])).toMatchObject({ ok: false, refused: 'reason', message: '作废须说明原因' });
    expect(allowedActions(PASS_MACHINE, 'approved', ['gate_guard'])).toEqual(['release', 'refuse']);
  });

  it('makes a pass good for the planned office day (Asia/Shanghai), or days more when set', () => {
    // 07:30 office time on 2 March.
    expect(passWindow('2026-03-01T23:30:00.000Z', { validityDays: 0 })).toEqual({ validFrom: '2026-03-01T16:00:00.000Z', validUntil: '2026-03-02T16:00:00.000Z' });
    // 23:59 office time still counts for that day; midnight is the next.
    expect(passWindow('2026-03-02T15:59:00.000Z', { validityDays: 0 }).validUntil).toBe('2026-03-02T16:00:00.000Z');
    expect(passWindow('2026-03-02T16:00:00.000Z', { validityDays: 0 }).validFrom).toBe('2026-03-02T16:00:00.000Z');
    expect(passWindow('2026-03-01T23:30:00.000Z', { validityDays: 2 }).validUntil).toBe('2026-03-04T16:00:00.000Z');
  });

  it('reads a live pass past its window as 已过期, and tells the gate why it may not release', () => {
    const until = '2026-03-02T16:00:00.000Z';
    expect(passStateAt('approved', until, '2026-03-02T15:59:59.999Z')).toBe('approved');
    expect(passStateAt('approved', until, until)).toBe('expired');
    expect(passStateAt('pending', until, new Date('2026-03-03T00:00:00.000Z'))).toBe('expired');
    expect(passStateAt('released', until, '2026-03-09T00:00:00.000Z')).toBe('released');
    const pass = (state: PassState) => ({ state, validFrom: '2026-03-01T16:00:00.000Z', validUntil: until });
    const noon = new Date('2026-03-02T04:00:00.000Z');
    expect(gateVerdict(pass('approved'), noon)).toEqual({ mayRelease: true, reason: null });
    expect(gateVerdict(pass('approved'), new Date(until))).toEqual({ mayRelease: false, reason: '放行条已过期，不能放行，须重新开具' });
    expect(gateVerdict(pass('approved'), new Date('2026-03-01T15:00:00.000Z'))).toEqual({ mayRelease: false, reason: '放行条尚未生效：2026-03-02 当天起有效' });
    expect(gateVerdict(pass('pending'), noon).reason).toBe('放行条尚未批准，不能放行');
    expect(gateVerdict(pass('voided'), noon).reason).toBe('放行条已作废，不能放行');
    expect(gateVerdict(pass('released'), noon).reason).toBe('这张放行条已使用（已放行），不能再次放行');
    expect(gateVerdict(pass('refused'), noon).reason).toBe('这张放行条已被拒绝放行，须重新开具');
  });

  it('finds the number in what the gate typed or scanned, keeps only an ID number\'s tail, and reads plates one way', () => {
    expect(passNoIn(' fx2026000123 ')).toBe('FX2026000123');
    expect(passNoIn('物品放行条 FX2026000123 阳光花园')).toBe('FX2026000123');
    expect(passNoIn('FX123')).toBeNull();
    expect(idTailOf('44030119900101123x')).toBe('123X');
    expect(idTailOf(' 1234 ')).toBe('1234');
    expect(idTailOf('12')).toBe('12');
    expect(normalizePlate('粤b·12345')).toBe('粤B12345');
    expect(isPlate('粤B D12345')).toBe(true);
    expect(isPlate('B12345')).toBe(false);
    expect(itemsText([{ name: '沙发', quantity: 1, unit: '套' }, { name: '纸箱', quantity: 6, unit: '' }])).toBe('沙发 1 套、纸箱 6');
    expect(needsReleaseCertificate('owner', 'company')).toBe(true);
    expect(needsReleaseCertificate('company', 'tools')).toBe(true);
    expect(needsReleaseCertificate('tenant', 'moving')).toBe(false);
  });
});
