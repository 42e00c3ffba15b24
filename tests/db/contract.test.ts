import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commands, COMMAND_NAMES, type CommandDef, type CommandName } from '../../shared/contract';
import { withApproval } from '../../shared/contract/define';
import { handlers } from '../../db/desks';
import { ROLES, type Role } from '../../shared/roles';
import { createTestApp, expectError, type TestApp } from '../support/app';
import { SAMPLE_INPUTS } from '../support/samples';

/** Walk a JSON Schema and collect the paths of strings without maxLength. */
function uncappedStrings(schema: unknown, path = '$'): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Record<string, unknown>;
  const out: string[] = [];
  if (s.type === 'string' && s.maxLength === undefined && s.enum === undefined && s.format === undefined && s.const === undefined) {
    out.push(path);
  }
  for (const [k, v] of Object.entries(s)) {
    if (k === 'properties' && v && typeof v === 'object') {
      for (const [p, sub] of Object.entries(v)) out.push(...uncappedStrings(sub, `${path}.${p}`));
    } else if (typeof v === 'object') out.push(...uncappedStrings(v, `${path}.${k}`));
  }
  return out;
}

describe('the command contract', () => {
  it('declares every command with a summary, a zod input, access and writes, and implements it', () => {
    expect(COMMAND_NAMES.length).toBeGreaterThan(10);
    for (const name of COMMAND_NAMES) {
      const def = commands[name];
      expect(def.name, name).toBe(name);
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(def.summary, name).toMatch(/[\u4e00-\u9fff]/);
      expect(def.input, name).toBeInstanceOf(z.ZodType);
      expect(typeof def.writes, name).toBe('boolean');
      expect(def.access === 'public' || def.access === 'signed_in' || (Array.isArray(def.access) && def.access.length > 0), name).toBe(true);
      if (Array.isArray(def.access)) for (const r of def.access) expect(ROLES, name).toContain(r);
      // A plain handler, or a two-step one (prepare outside the transaction, then run).
      const handler = handlers[name];
      expect(typeof handler === 'function' || (typeof handler.prepare === 'function' && typeof handler.run === 'function'), name).toBe(true);
    }
    expect(Object.keys(handlers).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it('caps the length of every string in every input', () => {
    for (const name of COMMAND_NAMES) {
      const schema = z.toJSONSchema(commands[name].input, { io: 'input', unrepresentable: 'any' });
      expect(uncappedStrings(schema), name).toEqual([]);
    }
  });

  it('rejects extra fields in every input', () => {
    for (const name of COMMAND_NAMES) {
      const parsed = commands[name].input.safeParse({ ...(SAMPLE_INPUTS[name] as object), unexpected: 1 });
      expect(parsed.success, name).toBe(false);
    }
  });

  it('accepts each sample input (so the role tests below reach the role check)', () => {
    for (const name of COMMAND_NAMES) {
      const parsed = commands[name].input.safeParse(SAMPLE_INPUTS[name]);
      expect(parsed.success, `${name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });
});

/** What is wrong with a command's approval declaration (dual control), if anything. */
function approvalProblems(def: CommandDef): string[] {
  const shape = def.input instanceof z.ZodObject ? (def.input.shape as Record<string, unknown>) : {};
  const hasField = 'approval' in shape;
  if (!def.approval) return hasField ? ['an approval field in the input without declaring approval'] : [];
  const problems: string[] = [];
  if (!hasField) problems.push('declares approval but its input has no approval field (use withApproval)');
  if (def.access === 'public') problems.push('needs an approval but is public: dual control needs a signed-in operator');
  if (!def.approval.roles.length) problems.push('no role may approve it');
  return problems;
}

describe('commands that need a supervisor\'s approval', () => {
  it('declare approval exactly when their input carries the approval field (withApproval), and are never public', () => {
    for (const name of COMMAND_NAMES) expect(approvalProblems(commands[name]), name).toEqual([]);
  });

  it('catches a declaration without the field, and a field without the declaration', () => {
    const base = commands['settings.update'];
    const declared: CommandDef = { ...base, input: withApproval(base.input), approval: { roles: ['supervisor'] } };
    expect(approvalProblems(declared)).toEqual([]);
    expect(approvalProblems({ ...base, approval: { roles: ['supervisor'] } })).toHaveLength(1);
    expect(approvalProblems({ ...base, input: withApproval(base.input) })).toHaveLength(1);
    // withApproval keeps the input strict, and the approval itself strict too.
    expect(declared.input.safeParse({ officeName: '甲', unexpected: 1 }).success).toBe(false);
    expect(declared.input.safeParse({ officeName: '甲', approval: { login: 'zhuguan', password: 'x', extra: 1 } }).success).toBe(false);
    expect(declared.input.safeParse({ officeName: '甲', approval: { login: 'zhuguan', password: 'x' } }).success).toBe(true);
  });
});

describe('roles, enforced by the dispatcher', () => {
  let t: TestApp;
  const tokens = new Map<Role, string>();
  beforeAll(async () => {
    t = await createTestApp();
    await t.setupAdmin();
    for (const role of ROLES) tokens.set(role, await t.operatorWith([role], `only_${role}`));
  });
  afterAll(() => t.close());

  it('answers forbidden to every role a command does not list, and lets listed roles past the check', async () => {
    let checked = 0;
    for (const name of COMMAND_NAMES) {
      const access = commands[name].access;
      if (!Array.isArray(access)) continue;
      for (const role of ROLES) {
        const before = t.app.connection.sqlite.prepare('SELECT count(*) n FROM audit_log').get();
        const result = await t.run(tokens.get(role)!, name as CommandName, SAMPLE_INPUTS[name] as never);
        if (access.includes(role)) {
          if (!result.ok) expect(result.error.kind, `${name} as ${role}`).not.toBe('forbidden');
        } else {
          const error = expectError(result);
          expect(error.kind, `${name} as ${role}`).toBe('forbidden');
          expect(error.message).toMatch(/无权/);
          expect(t.app.connection.sqlite.prepare('SELECT count(*) n FROM audit_log').get()).toEqual(before);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('answers unauthenticated to every non-public command without a session', async () => {
    for (const name of COMMAND_NAMES) {
      if (commands[name].access === 'public') continue;
      const error = expectError(await t.run(null, name, SAMPLE_INPUTS[name] as never));
      expect(error.kind, name).toBe('unauthenticated');
      expect(error.message).toBe('请先登录');
    }
  });
});
