import { z } from 'zod';
import { defineCommand, returns } from './define';
import { rolesUsing } from '../permissions';

/** The counter search: one box, every kind of thing the counter looks up. */
export interface SearchHit {
  kind: string;
  id: number | string;
  title: string;
  subtitle: string;
  /** The unit card to open for this hit, when there is one. */
  unitId: number | null;
}

export interface SearchGroup {
  kind: string;
  label: string;
  hits: SearchHit[];
}

export const searchCommands = {
  'search.counter': defineCommand({
    name: 'search.counter',
    summary: '前台搜索：房号、姓名、拼音、手机、证件尾号、车牌',
    input: z.strictObject({
      q: z.string().trim().max(60),
      limit: z.number().int().min(1).max(50).default(8),
    }),
    output: returns<{ groups: SearchGroup[] }>(),
    // Units and people: not the gate guard's (shared/permissions.ts), whose gate screen finds passes itself.
    access: rolesUsing('estate'),
    writes: false,
  }),
} as const;
