import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../shared/contract';
import type { OrderDetail } from '../../shared/contract/repairs';
import { ORDER_MACHINE, ORDER_STATES, type OrderAction, type OrderState } from '../../shared/repairs';
import { ROLES, type Role } from '../../shared/roles';
import { allowedActions, checkTransition, transitionRoles } from '../../shared/state-machine';
import { createTestApp, expectError, valueOf, type TestApp } from '../support/app';

/**
 * The work order's state machine walked through the real dispatcher on a real SQLite file: every
 * action from every state (as the receptionist), and every action by every role from a state it
 * is allowed in. What the machine allows succeeds (the state moves as declared, its timeline line
 * is appended, one audit row); what it refuses answers in Chinese and changes nothing. Each case
 * opens its own (public) order, so each runs alone.
 */
describe('repair order state machine', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  let techA: number;
  let techB: number;
  const sqlite = () => t.app.connection.sqlite;
  const orderRow = (id: number) => sqlite().prepare('SELECT * FROM repair_orders WHERE id = ?').get(id);
  const eventKinds = (id: number) => (sqlite().prepare('SELECT kind FROM repair_events WHERE order_id = ? ORDER BY id').all(id) as { kind: string }[]).map((e) => e.kind);
  const count = (table: string) => (sqlite().prepare(`SELECT count(*) n FROM ${table}`).get() as { n: number }).n;
  const stored = (id: number) => ({ row: orderRow(id), events: eventKinds(id), audits: count('audit_log'), materials: count('repair_materials') });

  /** The command that takes each action, with a complete input. */
  const command = (action: OrderAction, id: number): { name: `repairs.${OrderAction}`; input: CommandInput<`repairs.${OrderAction}`> } => {
    const inputs: { [A in OrderAction]: CommandInput<`repairs.${A}`> } = {
      dispatch: { id, technicianId: techA },
      transfer: { id, technicianId: techB, reason: '原师傅请假' },
      return: { id, reason: '不属于本专业' },
      arrive: { id },
      start: { id },
      review: { id, reason: '需班长判断' },
      back: { id },
      pause: { id, reason: '等配件' },
      resume: { id },
      submit: { id },
      complete: { id, materials: [{ name: '灯管', quantity: 100, unitPriceFen: 2500 }], labourFen: 0, materialsConfirmed: true, signer: 'officer', signerName: '片区管理员甲', satisfaction: 'satisfied' },
      callback: { id, result: 'satisfied', process: 'satisfied', person: 'satisfied' },
      reopen: { id, reason: '业主反映仍有问题' },
      close: { id },
      void: { id, reason: '重复报修' },
    };
    return { name: `repairs.${action}`, input: inputs[action] } as never;
  };

  /** How the desk brings an order to each state. */
  const PATH: Record<OrderState, OrderAction[]> = {
    pending: [],
    dispatched: ['dispatch'],
    arrived: ['dispatch', 'arrive'],
    in_progress: ['dispatch', 'arrive', 'start'],
    review: ['dispatch', 'arrive', 'start', 'review'],
    paused: ['dispatch', 'arrive', 'start', 'pause'],
    inspection: ['dispatch', 'arrive', 'start', 'submit'],
    completed: ['dispatch', 'arrive', 'start', 'submit', 'complete'],
    called_back: ['dispatch', 'arrive', 'start', 'submit', 'complete', 'callback'],
    closed: ['dispatch', 'arrive', 'start', 'submit', 'complete', 'close'],
    voided: ['void'],
  };

  const orderIn = async (state: OrderState): Promise<OrderDetail> => {
    let order = valueOf<OrderDetail>(await t.run(tokens.receptionist, 'repairs.open', { scope: 'public', location: '3栋2单元 楼道', category: 'plumbing_electric', description: '楼道灯不亮' }));
    for (const action of PATH[state]) {
      const { name, input } = command(action, order.id);
      order = valueOf<OrderDetail>(await t.run(tokens.receptionist, name, input));
    }
    expect(order.state).toBe(state);
    return order;
  };

  beforeAll(async () => {
    t = await createTestApp();
    tokens.admin = await t.setupAdmin();
    for (const role of ROLES) if (role !== 'admin') tokens[role] = await t.operatorWith([role], `op-${role}`);
    const departmentId = valueOf<{ id: number; name: string }[]>(await t.run(tokens.admin, 'staff.departments', {})).find((d) => d.name === '工程部')!.id;
    techA = valueOf<{ id: number }>(await t.run(tokens.admin, 'staff.save', { name: '张师傅', departmentId, position: '水电工' })).id;
    techB = valueOf<{ id: number }>(await t.run(tokens.admin, 'staff.save', { name: '李师傅', departmentId, position: '木工' })).id;
  });
  afterAll(() => t.close());

  const actions = ORDER_MACHINE.transitions.map((x) => x.action);

  const tryAction = async (state: OrderState, action: OrderAction, role: Role) => {
    const check = checkTransition(ORDER_MACHINE, state, action, [role], 'reason given');
    const order = await orderIn(state);
    const { name, input } = command(action, order.id);
    const before = stored(order.id);
    const result = await t.run(tokens[role], name, input);
    if (check.ok) {
      const after = valueOf<OrderDetail>(result);
      expect(after.state).toBe(check.to);
      expect((orderRow(order.id) as { state: string }).state).toBe(check.to);
      expect(eventKinds(order.id)).toEqual([...before.events, action]);
      expect(count('audit_log')).toBe(before.audits + 1);
    } else {
      const error = expectError(result);
      expect(error.message).toMatch(/\p{Script=Han}/u);
      if (check.refused === 'role') expect(error.kind).toBe('forbidden');
      else expect(error).toMatchObject({ kind: 'conflict', message: check.message });
      expect(stored(order.id)).toEqual(before);
    }
  };

  for (const state of ORDER_STATES) {
    for (const action of actions) {
      const check = checkTransition(ORDER_MACHINE, state, action, ['receptionist'], 'reason given');
      it(`${state} · ${action}: ${check.ok ? `allowed → ${check.to}` : 'refused'}`, () => tryAction(state, action, 'receptionist'));
    }
  }

  for (const action of actions) {
    const from = ORDER_MACHINE.transitions.find((x) => x.action === action)!.from[0]!;
    for (const role of ROLES.filter((r) => r !== 'receptionist')) {
      const check = checkTransition(ORDER_MACHINE, from, action, [role], 'reason given');
      it(`${from} · ${action} · ${role}: ${check.ok ? 'allowed' : 'refused (role)'}`, () => tryAction(from, action, role));
    }
  }

  it('refuses a transition that needs a reason when none is given, and changes nothing', async () => {
    for (const x of ORDER_MACHINE.transitions.filter((x) => x.reasonRequired)) {
      const order = await orderIn(x.from[0]!);
      const { name, input } = command(x.action, order.id);
      const before = stored(order.id);
      const error = expectError(await t.run(tokens.receptionist, name, { ...input, reason: ' ' }));
      expect(error.fields).toEqual({ reason: '必填' });
      expect(stored(order.id)).toEqual(before);
    }
  });

  it('offers each role the actions its commands allow: the buttons and the server read one machine', () => {
    expect(allowedActions(ORDER_MACHINE, 'pending', ['receptionist'])).toEqual(['dispatch', 'void']);
    expect(allowedActions(ORDER_MACHINE, 'in_progress', ['officer'])).toEqual(['transfer', 'review', 'pause', 'submit', 'void']);
    expect(allowedActions(ORDER_MACHINE, 'completed', ['supervisor'])).toEqual(['callback', 'reopen', 'close']);
    expect(allowedActions(ORDER_MACHINE, 'closed', ['admin'])).toEqual([]);
    expect(allowedActions(ORDER_MACHINE, 'pending', ['cashier', 'key_custodian'])).toEqual([]);
    expect(transitionRoles(ORDER_MACHINE, 'dispatch')).toEqual(['receptionist', 'officer', 'supervisor', 'admin']);
  });
});
