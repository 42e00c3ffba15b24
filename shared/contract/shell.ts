import { z } from 'zod';
import { defineCommand, returns } from './define';
import type { DeskKey } from '../desks';

/**
 * What a desk asks the signed-in operator to look at: `badge` is the number on the desk's
 * sidebar entry (0: none shown); `counts` the desk's own figures behind it, which its renderer
 * module reads by name (reception: overdue, dueSoon, majorPending, escalated).
 */
export interface DeskAttention {
  badge: number;
  counts: Record<string, number>;
}

export const shellCommands = {
  'shell.attention': defineCommand({
    name: 'shell.attention',
    summary: '各工作台待办提醒（侧栏角标）',
    input: z.strictObject({}),
    output: returns<Partial<Record<DeskKey, DeskAttention>>>(),
    access: 'signed_in',
    writes: false,
    // Polled by the shell on a timer: not the operator's activity.
    background: true,
  }),
} as const;
