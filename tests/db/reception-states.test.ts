import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../shared/contract';
import type { EntryDetail } from '../../shared/contract/reception';
import { ENTRY_MACHINE, ENTRY_STATES, type EntryAction, type EntryState, type EventKind } from '../../shared/reception';
import { ROLES, type Role } from '../../shared/roles';
import { allowedActions, checkTransition, transitionRoles } from '../../shared/state-machine';
import { createTestApp, expectError, valueOf, type TestApp } from '../support/app';

/**
 * The reception entry's state machine walked through the real dispatcher on a real SQLite file:
 * every action, from every state, by every role. What the machine allows succeeds (the state
 * moves as declared, one timeline line is appended); what it refuses answers in Chinese and
 * changes nothing — not the entry, not its timeline, not the audit log. Each case logs its own
 * entry, so each runs alone.
 */
describe('reception entry state machine', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  /** 上报 goes to someone other than the one escalating. */
  const superiorFor = (role: Role) => operatorId(role === 'supervisor' ? 'admin' : 'op-supervisor');
  let departmentId: number;
  const operatorId = (login: string) => (sqlite().prepare('SELECT id FROM operators WHERE login = ?').get(login) as { id: number }).id;

  const sqlite = () => t.app.connection.sqlite;
  const entryRow = (id: number) => sqlite().prepare('SELECT * FROM reception_entries WHERE id = ?').get(id);
  const eventKinds = (id: number) => (sqlite().prepare('SELECT kind FROM reception_events WHERE entry_id = ? ORDER BY id').all(id) as { kind: EventKind }[]).map((e) => e.kind);
  const auditCount = () => (sqlite().prepare('SELECT count(*) n FROM audit_log').get() as { n: number }).n;
  /** Everything a refused action must leave as it was. */
  const stored = (id: number) => ({ row: entryRow(id), events: eventKinds(id), audits: auditCount() });

  /** A major matter (so 主管已阅 is owed) brought to `state` the way the desk does it. */
  const entryIn = async (state: EntryState): Promise<EntryDetail> => {
    const logged = valueOf<EntryDetail>(
      await t.run(tokens.receptionist, 'reception.log', { channel: 'call', category: 'repair', urgency: 'major', contactName: '李四', content: '地下车库进水' }),
    );
    if (state === 'closed') return valueOf<EntryDetail>(await t.run(tokens.receptionist, 'reception.close', { id: logged.id, result: '已抽水清理' }));
    if (state === 'voided') return valueOf<EntryDetail>(await t.run(tokens.receptionist, 'reception.void', { id: logged.id, reason: '重复登记' }));
    return logged;
  };

  /** The action's command with a complete input, and the timeline line it appends. */
  const command = (action: EntryAction, id: number, role: Role = 'receptionist') => {
    const inputs: { [A in EntryAction]: { name: `reception.${A}`; input: CommandInput<`reception.${A}`>; event: EventKind } } = {
      note: { name: 'reception.note', input: { id, kind: 'note', text: '已电话联系业主' }, event: 'note' },
      escalate: { name: 'reception.escalate', input: { id, toOperatorId: superiorFor(role) }, event: 'escalate' },
      assign: { name: 'reception.assign', input: { id, handlerDepartmentId: departmentId }, event: 'assign' },
      close: { name: 'reception.close', input: { id, result: '已处理完毕' }, event: 'close' },
      reopen: { name: 'reception.reopen', input: { id, reason: '业主反映仍未解决' }, event: 'reopen' },
      void: { name: 'reception.void', input: { id, reason: '登记错误' }, event: 'void' },
      acknowledge: { name: 'reception.acknowledge', input: { id }, event: 'supervisor_ack' },
    };
    return inputs[action];
  };

  beforeAll(async () => {
    t = await createTestApp();
    tokens.admin = await t.setupAdmin();
    for (const role of ROLES) if (role !== 'admin') tokens[role] = await t.operatorWith([role], `op-${role}`);
    departmentId = valueOf<{ id: number }[]>(await t.run(tokens.admin, 'staff.departments', {}))[0]!.id;
  });
  afterAll(() => t.close());

  const actions = ENTRY_MACHINE.transitions.map((x) => x.action);
  for (const state of ENTRY_STATES) {
    for (const action of actions) {
      for (const role of ROLES) {
        const check = checkTransition(ENTRY_MACHINE, state, action, [role], 'reason given');
        it(`${state} · ${action} · ${role}: ${check.ok ? `allowed → ${check.to}` : `refused (${check.refused})`}`, async () => {
          const entry = await entryIn(state);
          const { name, input, event } = command(action, entry.id, role);
          const before = stored(entry.id);
          const result = await t.run(tokens[role], name, input);
          if (check.ok) {
            const after = valueOf<EntryDetail>(result);
            expect(after.state).toBe(check.to);
            expect((entryRow(entry.id) as { state: string }).state).toBe(check.to);
            expect(eventKinds(entry.id)).toEqual([...before.events, event]);
            expect(auditCount()).toBe(before.audits + 1);
          } else {
            const error = expectError(result);
            expect(error.message).toMatch(/\p{Script=Han}/u);
            // Roles are refused by the dispatcher from the command's access (read from the machine);
            // states by the handler, with the machine's own words.
            if (check.refused === 'role') expect(error.kind).toBe('forbidden');
            else expect(error).toMatchObject({ kind: 'conflict', message: check.message });
            expect(stored(entry.id)).toEqual(before);
          }
        });
      }
    }
  }

  it('refuses 作废 on a closed entry, saying how: reopen with a reason first, then void', async () => {
    const entry = await entryIn('closed');
    const refused = expectError(await t.run(tokens.receptionist, 'reception.void', { id: entry.id, reason: '登记错误' }));
    expect(refused).toMatchObject({ kind: 'conflict', message: '已办结的事项不能直接作废；如确属登记错误，请先重新打开（说明原因）再作废' });
    valueOf(await t.run(tokens.receptionist, 'reception.reopen', { id: entry.id, reason: '发现是重复登记' }));
    const voided = valueOf<EntryDetail>(await t.run(tokens.receptionist, 'reception.void', { id: entry.id, reason: '重复登记' }));
    expect(voided.state).toBe('voided');
    expect(voided.events.map((e) => e.kind)).toEqual(['logged', 'close', 'reopen', 'void']);
  });

  it('refuses a transition that needs a reason when none is given, and changes nothing', async () => {
    for (const x of ENTRY_MACHINE.transitions.filter((x) => x.reasonRequired)) {
      const state = x.from[0]!;
      expect(checkTransition(ENTRY_MACHINE, state, x.action, ['receptionist'], ' ')).toEqual({ ok: false, refused: 'reason', message: `${x.label}须说明原因` });
      const entry = await entryIn(state);
      const { name, input } = command(x.action, entry.id);
      const before = stored(entry.id);
      const error = expectError(await t.run(tokens.receptionist, name, { ...input, reason: ' ' }));
      expect(error.fields).toEqual({ reason: '必填' });
      expect(stored(entry.id)).toEqual(before);
    }
  });

  it('offers each role the actions its commands allow: the buttons and the server read one machine', () => {
    expect(allowedActions(ENTRY_MACHINE, 'open', ['receptionist'])).toEqual(['note', 'escalate', 'assign', 'close', 'void']);
    expect(allowedActions(ENTRY_MACHINE, 'closed', ['receptionist'])).toEqual(['note', 'reopen']);
    expect(allowedActions(ENTRY_MACHINE, 'closed', ['supervisor'])).toEqual(['note', 'reopen', 'acknowledge']);
    expect(allowedActions(ENTRY_MACHINE, 'voided', ['admin'])).toEqual([]);
    expect(allowedActions(ENTRY_MACHINE, 'open', ['cashier', 'key_custodian'])).toEqual([]);
    expect(transitionRoles(ENTRY_MACHINE, 'acknowledge')).toEqual(['supervisor', 'admin']);
  });
});
