import type { CommandName } from '../../shared/contract';
import { changedDesks, type Desk } from '../../shared/contract/changes';

/** What changed since the last delivery: the desks, and the writes that changed them. */
export interface DeskChange {
  desks: ReadonlySet<Desk>;
  commands: readonly CommandName[];
}

type DeskChangeListener = (change: DeskChange) => void;
const listeners = new Set<DeskChangeListener>();
let pending: { desks: Set<Desk>; commands: CommandName[] } | null = null;

/**
 * Listen for successful writes. Changes that arrive together (in the same task: one write naming
 * several desks, writes answered at once) are delivered once, so a list refreshes once. Returns
 * the unsubscribe; a listener removed before a delivery is not called by it.
 */
export function onDeskChange(listener: DeskChangeListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Called by the client after a command succeeded: a write announces its desk and the desks it affects; a read nothing. */
export function announceSuccess(name: CommandName): void {
  const desks = changedDesks(name);
  if (!desks.length) return;
  if (!pending) {
    pending = { desks: new Set(), commands: [] };
    setTimeout(deliver, 0);
  }
  for (const desk of desks) pending.desks.add(desk);
  pending.commands.push(name);
}

function deliver(): void {
  const change = pending!;
  pending = null;
  for (const listener of [...listeners]) {
    if (listeners.has(listener)) listener(change);
  }
}
