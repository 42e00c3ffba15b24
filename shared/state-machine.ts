import { ROLE_LABELS, type Role } from './roles';

/**
 * A record's life declared once: its states and the actions that may be taken from each, by
 * whom, and whether a reason must be given. The server refuses what the machine does not allow
 * (its handlers call checkTransition), the interface offers only what allowedActions returns, and
 * each machine's walk test tries every action from every state for every role.
 */
export interface Transition<State extends string, Action extends string> {
  action: Action;
  from: readonly State[];
  /** The state after it; 'same' for actions that record something and leave the state as it was (跟进, 上报). */
  to: State | 'same';
  /** Who may take it; 'any-desk-role' is everyone who works the desk (the machine's deskRoles). */
  roles: readonly Role[] | 'any-desk-role';
  /** Refused without a stated reason (作废, 重新打开). */
  reasonRequired: boolean;
  /** The action's name in Chinese: the button, and the verb in refusals. */
  label: string;
  /**
   * What to say when it is refused from a state, where the plain "已办结的事项不能作废" would not tell
   * the operator what to do instead.
   */
  refusals?: Partial<Record<State, string>>;
}

export interface StateMachine<State extends string, Action extends string> {
  /** What one record is called in a refusal: 事项, 工单, 放行条. */
  noun: string;
  states: readonly State[];
  stateLabels: Record<State, string>;
  /** Who works the desk: what 'any-desk-role' means. */
  deskRoles: readonly Role[];
  transitions: readonly Transition<State, Action>[];
}

/** Declare a machine; an action declared twice or a state not among `states` is a programming error. */
export function defineMachine<const State extends string, const Action extends string>(machine: StateMachine<State, Action>): StateMachine<State, Action> {
  const seen = new Set<string>();
  for (const t of machine.transitions) {
    if (seen.has(t.action)) throw new Error(`state machine: action ${t.action} declared twice`);
    seen.add(t.action);
    for (const s of [...t.from, ...(t.to === 'same' ? [] : [t.to])]) {
      if (!machine.states.includes(s)) throw new Error(`state machine: ${t.action} names unknown state ${s}`);
    }
  }
  return machine;
}

export function transitionOf<S extends string, A extends string>(machine: StateMachine<S, A>, action: A): Transition<S, A> {
  const t = machine.transitions.find((x) => x.action === action);
  if (!t) throw new Error(`state machine: no action ${action}`);
  return t;
}

/** The roles that may take an action: what its command's `access` says too. */
export function transitionRoles<S extends string, A extends string>(machine: StateMachine<S, A>, action: A): readonly Role[] {
  const { roles } = transitionOf(machine, action);
  return roles === 'any-desk-role' ? machine.deskRoles : roles;
}

function rolesMayTake<S extends string, A extends string>(machine: StateMachine<S, A>, t: Transition<S, A>, roles: readonly Role[]): boolean {
  const allowed = t.roles === 'any-desk-role' ? machine.deskRoles : t.roles;
  return roles.some((r) => allowed.includes(r));
}

/** The actions an operator holding `roles` may take on a record in `state`, in the machine's order. */
export function allowedActions<S extends string, A extends string>(machine: StateMachine<S, A>, state: S, roles: readonly Role[]): A[] {
  return machine.transitions.filter((t) => t.from.includes(state) && rolesMayTake(machine, t, roles)).map((t) => t.action);
}

export type TransitionCheck<S extends string> =
  | { ok: true; to: S }
  /** role: the operator may not take it at all; state: not from this state; reason: none was given. */
  | { ok: false; refused: 'role' | 'state' | 'reason'; message: string };

/** Whether an operator holding `roles` may take `action` on a record in `state`: the state after it, or a refusal in Chinese. */
export function checkTransition<S extends string, A extends string>(
  machine: StateMachine<S, A>,
  state: S,
  action: A,
  roles: readonly Role[],
  reason?: string,
): TransitionCheck<S> {
  const t = transitionOf(machine, action);
  if (!rolesMayTake(machine, t, roles)) {
    const who = transitionRoles(machine, action).map((r) => ROLE_LABELS[r]).join('、');
    return { ok: false, refused: 'role', message: `只有${who}可以${t.label}` };
  }
  if (!t.from.includes(state)) {
    return { ok: false, refused: 'state', message: t.refusals?.[state] ?? `${machine.stateLabels[state]}的${machine.noun}不能${t.label}` };
  }
  if (t.reasonRequired && !reason?.trim()) return { ok: false, refused: 'reason', message: `${t.label}须说明原因` };
  return { ok: true, to: t.to === 'same' ? state : t.to };
}
