import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KEY_RULES,
  KEY_MACHINE,
  KEY_STATES,
  auditOutcome,
  borrowerKeyOf,
  borrowerLimitProblem,
  closingTimeOn,
  dueProblem,
  keyRecordId,
  keyRecordNo,
  latestDue,
  loanApprovalReason,
  loanStatus,
  nonOwnerProblems,
  proposedDue,
  scanNext,
  type KeyAction,
  type KeyState,
} from '../../shared/keys';
import { checkTransition } from '../../shared/state-machine';
import { ROLES } from '../../shared/roles';
import { SERIALS, formatSerial, serialPolicy } from '../../shared/serials';

const rules = DEFAULT_KEY_RULES;
/** 09:30 office time. */
const morning = new Date('2026-03-02T01:30:00.000Z');

describe('key rules', () => {
  it('closing time is the office day’s HH:mm in Asia/Shanghai, whatever the UTC date', () => {
    expect(closingTimeOn(morning, '17:30')).toBe('2026-03-02T09:30:00.000Z');
    // 07:00 office time on 3 March is still 2 March in UTC.
    expect(closingTimeOn(new Date('2026-03-02T23:00:00.000Z'), '17:30')).toBe('2026-03-03T09:30:00.000Z');
  });

  it('contractors and repair staff return the same day; after closing they are refused', () => {
    expect(latestDue(rules, 'contractor', morning)).toEqual({ ok: true, latest: '2026-03-02T09:30:00.000Z' });
    expect(latestDue(rules, 'staff', morning)).toEqual({ ok: true, latest: '2026-03-02T09:30:00.000Z' });
    expect(latestDue(rules, 'owner', morning)).toEqual({ ok: true, latest: null });
    expect(dueProblem(rules, 'contractor', morning, '2026-03-03T01:00:00.000Z')).toBe('施工单位须当天归还：归还时间不能晚于今天 17:30');
    expect(dueProblem(rules, 'contractor', morning, '2026-03-02T09:30:00.000Z')).toBeNull();
    expect(dueProblem(rules, 'other', morning, '2026-03-02T01:00:00.000Z')).toBe('归还时间须晚于现在');
    const evening = new Date('2026-03-02T09:30:00.000Z');
    expect(latestDue(rules, 'contractor', evening)).toEqual({ ok: false, message: '已过下班时间（17:30），施工单位借用钥匙须当天归还，今天不能再借出' });
    expect(proposedDue(rules, 'contractor', evening)).toBeNull();
    expect(proposedDue(rules, 'contractor', new Date('2026-03-02T08:00:00.000Z'))).toBe('2026-03-02T09:30:00.000Z');
    expect(proposedDue(rules, 'owner', morning)).toBe('2026-03-02T05:30:00.000Z');
    expect(latestDue({ ...rules, sameDayReturn: false }, 'contractor', evening)).toEqual({ ok: true, latest: null });
  });

  it('sales loans and deposited keys need a supervisor, each switchable', () => {
    expect(loanApprovalReason(rules, 'vacant', 'sales')).toBe('销售部借用钥匙须主管审批');
    expect(loanApprovalReason(rules, 'deposited', 'owner')).toBe('业主寄存的钥匙借出须主管审批');
    expect(loanApprovalReason(rules, 'vacant', 'contractor')).toBeNull();
    expect(loanApprovalReason({ ...rules, salesNeedApproval: false }, 'vacant', 'sales')).toBeNull();
    expect(loanApprovalReason({ ...rules, depositedNeedApproval: false }, 'deposited', 'household')).toBeNull();
  });

  it('a non-owner collecting an owner’s key brings ID, authorisation and a recorded call', () => {
    const bare = { borrowerType: 'household' as const, borrowerName: '李四', idTail: '', authorisation: '', phoneConfirmation: null };
    expect(Object.keys(nonOwnerProblems(rules, 'deposited', bare, []))).toEqual(['idTail', 'authorisation', 'phoneConfirmation']);
    // Named by the owner at deposit: no separate authorisation.
    expect(Object.keys(nonOwnerProblems(rules, 'deposited', bare, ['李四']))).toEqual(['idTail', 'phoneConfirmation']);
    expect(nonOwnerProblems(rules, 'deposited', { ...bare, borrowerType: 'owner' }, [])).toEqual({});
    expect(nonOwnerProblems(rules, 'vacant', bare, [])).toEqual({});
    expect(nonOwnerProblems({ ...rules, nonOwnerChecks: false }, 'deposited', bare, [])).toEqual({});
  });

  it('limits keys per borrower (0 = no limit) and knows a borrower across loans', () => {
    expect(borrowerLimitProblem(rules, 2)).toBeNull();
    expect(borrowerLimitProblem(rules, 3)).toBe('该借用人已借 3 把钥匙未还，每人最多同时借 3 把，请先归还');
    expect(borrowerLimitProblem({ ...rules, maxKeysPerBorrower: 0 }, 99)).toBeNull();
    expect(borrowerKeyOf({ personId: 7, name: '张三', phone: '138', organisation: '' })).toBe('p:7');
    expect(borrowerKeyOf({ personId: null, name: '李工', phone: '139 0000 1111', organisation: 'x' })).toBe('t:13900001111');
    expect(borrowerKeyOf({ personId: null, name: ' 李工 ', phone: '', organisation: '美家' })).toBe('n:李工|美家');
  });

  it('a loan is due soon within the window, overdue strictly after its current due time', () => {
    const due = '2026-03-02T02:30:00.000Z';
    expect(loanStatus({ dueAt: due, returnedAt: null }, new Date('2026-03-02T01:00:00.000Z'), rules).kind).toBe('open');
    expect(loanStatus({ dueAt: due, returnedAt: null }, new Date('2026-03-02T01:30:00.000Z'), rules).kind).toBe('due_soon');
    expect(loanStatus({ dueAt: due, returnedAt: null }, new Date(due), rules).kind).toBe('due_soon');
    expect(loanStatus({ dueAt: due, returnedAt: null }, new Date('2026-03-02T02:31:00.000Z'), rules).kind).toBe('overdue');
    expect(loanStatus({ dueAt: due, returnedAt: '2026-03-02T03:00:00.000Z' }, new Date('2026-03-05T00:00:00.000Z'), rules).kind).toBe('returned');
  });

  it('a scan lends from the cabinet, returns a lent key, and refuses the rest with a reason', () => {
    expect(scanNext('in_cabinet')).toEqual({ action: 'lend' });
    expect(scanNext('lent')).toEqual({ action: 'return' });
    for (const s of ['issued', 'lost', 'retired'] as const) expect(scanNext(s)).toMatchObject({ action: 'refuse', message: expect.stringContaining('不能借出') });
  });

  it('walks every action from every state for every role', () => {
    const expected: Record<KeyAction, { from: KeyState[]; to: KeyState | 'same' }> = {
      lend: { from: ['in_cabinet'], to: 'lent' },
      return: { from: ['lent'], to: 'in_cabinet' },
      issue: { from: ['in_cabinet'], to: 'issued' },
      deposit: { from: ['issued'], to: 'in_cabinet' },
      reportLost: { from: ['in_cabinet', 'lent'], to: 'lost' },
      retire: { from: ['in_cabinet', 'issued', 'lost'], to: 'retired' },
      flagRelabel: { from: ['in_cabinet', 'lent'], to: 'same' },
    };
    const deskRoles = ['key_custodian', 'supervisor', 'admin'];
    for (const role of ROLES) {
      for (const state of KEY_STATES) {
        for (const [action, e] of Object.entries(expected) as [KeyAction, (typeof expected)[KeyAction]][]) {
          const check = checkTransition(KEY_MACHINE, state, action, [role], '原因');
          const roleOk = action === 'retire' ? ['supervisor', 'admin'].includes(role) : deskRoles.includes(role);
          if (!roleOk) expect(check, `${role} ${action}`).toMatchObject({ ok: false, refused: 'role' });
          else if (!e.from.includes(state)) expect(check, `${state} ${action}`).toMatchObject({ ok: false, refused: 'state' });
          else expect(check).toEqual({ ok: true, to: e.to === 'same' ? state : e.to });
        }
      }
    }
    expect(checkTransition(KEY_MACHINE, 'lent', 'lend', ['key_custodian'])).toMatchObject({ message: '该钥匙已借出，请先办理归还' });
    expect(checkTransition(KEY_MACHINE, 'in_cabinet', 'return', ['key_custodian'])).toMatchObject({ message: '该钥匙在柜中，没有借出，不需要归还' });
    expect(checkTransition(KEY_MACHINE, 'in_cabinet', 'reportLost', ['key_custodian'], '')).toMatchObject({ refused: 'reason' });
  });

  it('an audit: missing = expected in the cabinet and not scanned; unexpected = scanned but not expected there; lent = out and not scanned', () => {
    const keys = [
      { id: 1, state: 'in_cabinet' as const },
      { id: 2, state: 'in_cabinet' as const },
      { id: 3, state: 'lent' as const },
      { id: 4, state: 'lent' as const },
      { id: 5, state: 'issued' as const },
    ];
    const out = auditOutcome(keys, new Set([1, 4, 5]));
    expect(out.present.map((k) => k.id)).toEqual([1]);
    expect(out.missing.map((k) => k.id)).toEqual([2]);
    expect(out.unexpected.map((k) => k.id)).toEqual([4, 5]);
    expect(out.lent.map((k) => k.id)).toEqual([3]);
  });

  it('tags run in one continuous series that never restarts; register lines are numbered by record', () => {
    expect(SERIALS.YS).toMatchObject({ period: 'continuous', width: 6 });
    expect(formatSerial(serialPolicy('YS'), '-', 123)).toBe('YS000123');
    expect(keyRecordNo('loan', 42)).toBe('JY00000042');
    expect(keyRecordId('loan', 'JY00000042')).toBe(42);
    expect(keyRecordId('issue', 'JY00000042')).toBeNull();
  });
});
