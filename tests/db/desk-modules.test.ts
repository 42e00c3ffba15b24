import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkDeskContracts, DESK_CONTRACTS } from '../../shared/contract/desks';
import { defineCommand, returns } from '../../shared/contract/define';
import { deskSettings } from '../../shared/contract/desk-settings';
import { COMMAND_NAMES } from '../../shared/contract';
import { combineServerDesks, type ServerDesk } from '../../db/desk-module';
import { DESK_REGISTRY, SERVER_DESKS } from '../../db/desks';
import { coreHandlers } from '../../db/handlers';
import { connect } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { readSettings } from '../../db/settings/service';
import { DEFAULT_RECEPTION_LIMITS } from '../../shared/reception';
import { combineDesks, type RendererDesk } from '../../renderer/desk-module';
import { createTestApp, expectError, valueOf, type TestApp } from '../support/app';

/**
 * #11 §1: a desk is plugged in by one module per side, and combining them refuses two desks that
 * claim the same command, search kind, print form, settings key or tab.
 */
describe('combining desk modules', () => {
  const cmd = (name: string) => defineCommand({ name, summary: '试', input: z.strictObject({}), output: returns<null>(), access: ['admin'], writes: false });

  it('the shared list: each desk once, each command named after its desk, each settings key once', () => {
    const core = { commands: ['auth.login'], settingsKeys: ['officeName'] };
    expect(() => checkDeskContracts([{ desk: 'keys', commands: { 'keys.lend': cmd('keys.lend') } }], core)).not.toThrow();
    expect(() => checkDeskContracts([{ desk: 'keys', commands: {} }, { desk: 'keys', commands: {} }], core)).toThrow('desk listed twice: keys');
    expect(() => checkDeskContracts([{ desk: 'keys', commands: { 'passes.issue': cmd('passes.issue') } }], core)).toThrow(/keys declares passes.issue/);
    const section = (key: string) => deskSettings({ key, schema: z.number(), defaults: 1, editRoles: ['admin'], summary: '试' });
    expect(() => checkDeskContracts([{ desk: 'keys', commands: {}, settings: section('officeName') }], core)).toThrow('settings key claimed twice: officeName');
    expect(() =>
      checkDeskContracts(
        [
          { desk: 'keys', commands: {}, settings: section('limits') },
          { desk: 'passes', commands: {}, settings: section('limits') },
        ],
        core,
      ),
    ).toThrow('settings key claimed twice: limits');
  });

  it('the server list: each desk once, its handlers named after it, each search kind once', () => {
    const noop = async () => null as never;
    const desk = (key: 'keys' | 'passes', handlers: Record<string, unknown>, kinds: string[] = []): ServerDesk<never> =>
      ({
        desk: key,
        handlers,
        searchProviders: kinds.map((kind) => ({ kind, label: kind, shows: 'estate.unitCard', search: async () => [] })),
      }) as unknown as ServerDesk<never>;
    const core = { commands: ['auth.login'], searchKinds: ['unit'] };
    expect(combineServerDesks([desk('keys', { 'keys.lend': noop }, ['key'])], core).handlers).toHaveProperty('keys.lend');
    expect(() => combineServerDesks([desk('keys', {}), desk('keys', {})], core)).toThrow('desk listed twice: keys');
    expect(() => combineServerDesks([desk('keys', { 'auth.login': noop })], core)).toThrow(/keys handles auth.login/);
    expect(() => combineServerDesks([desk('keys', {}, ['unit'])], core)).toThrow('search kind claimed twice: unit');
    expect(() => combineServerDesks([desk('keys', {}, ['tag']), desk('passes', {}, ['tag'])], core)).toThrow('search kind claimed twice: tag');
    const audits = (key: 'keys' | 'passes', entity: string) => ({ ...desk(key, {}), auditEntities: { [entity]: { label: entity } } }) as unknown as ServerDesk<never>;
    expect(() => combineServerDesks([audits('keys', 'session')], { ...core, auditEntities: { session: { label: '登录会话' } } })).toThrow('audit entity claimed twice: session');
    expect(() => combineServerDesks([audits('keys', 'loan'), audits('passes', 'loan')], core)).toThrow('audit entity claimed twice: loan');
  });

  it('the renderer list: each desk (its #/<desk> routes) once, each search kind, print form and settings tab once', () => {
    const view = () => null;
    const mod = (key: 'keys' | 'passes', extra: Partial<RendererDesk> = {}): RendererDesk => ({ key, icon: null, view, ...extra });
    const form = (key: string) => ({ key, title: key, defaultPaper: 'a4-portrait' as const, copies: 1, component: view });
    const tab = (key: string) => ({ key, label: key, roles: 'all' as const, render: view });
    expect(combineDesks([mod('keys'), mod('passes')]).all.filter((d) => d.module).map((d) => d.key)).toEqual(['keys', 'passes']);
    expect(() => combineDesks([mod('keys'), mod('keys')])).toThrow('desk claimed twice: keys');
    expect(() => combineDesks([mod('keys', { openers: { tag: view } }), mod('passes', { openers: { tag: view } })])).toThrow('search kind claimed twice: tag');
    expect(() => combineDesks([mod('keys', { printForms: [form('slip')] }), mod('passes', { printForms: [form('slip')] })])).toThrow('print form claimed twice: slip');
    expect(() => combineDesks([mod('keys', { settingsTabs: [tab('print')] })], { settingsTabs: ['print'] })).toThrow('settings tab claimed twice: print');
  });

  it('the real lists: every command has exactly one handler, every listed desk has its server module', () => {
    const handled = [...Object.keys(coreHandlers), ...Object.keys(DESK_REGISTRY.handlers)].sort();
    expect(handled).toEqual([...COMMAND_NAMES].sort());
    expect(SERVER_DESKS.map((d) => d.desk)).toEqual(DESK_CONTRACTS.map((c) => c.desk));
  });
});

describe('per-desk settings (#11 §3)', () => {
  let t: TestApp | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('a desk changes its own section through its own command, with its own roles, in minutes, audited', async () => {
    t = await createTestApp();
    const admin = await t.setupAdmin();
    const receptionist = await t.operatorWith(['receptionist']);
    const limits = { ...DEFAULT_RECEPTION_LIMITS, escalateMinutes: 30, dueSoonMinutes: 45 };
    expect(expectError(await t.run(receptionist, 'reception.updateSettings', limits)).kind).toBe('forbidden');
    expect(valueOf(await t.run(admin, 'reception.updateSettings', limits))).toEqual(limits);
    expect(valueOf<{ receptionLimits: unknown }>(await t.run(receptionist, 'settings.get', {})).receptionLimits).toEqual(limits);
    // Office-wide settings.update does not take a desk's section.
    expect(expectError(await t.run(admin, 'settings.update', { receptionLimits: limits } as never)).kind).toBe('validation');
    const bad = expectError(await t.run(admin, 'reception.updateSettings', { ...limits, escalateMinutes: 0 }));
    expect(bad.fields).toMatchObject({ escalateMinutes: '至少 1 分钟' });
    const audit = t.app.connection.sqlite.prepare("SELECT command FROM audit_log WHERE command = 'reception.updateSettings'").all();
    expect(audit).toHaveLength(1);
  });

  it('carries an office’s limits stored in hours over as minutes when it upgrades (migration 0010)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qiantai-limits-'));
    try {
      const conn = connect(join(dir, 'old.db'));
      const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0010'));
      await migrate(conn, { migrations: before });
      const hours = { handlerHours: 12, escalateHours: 1, escalatedAnswerHours: 24, ownerOrdinaryHours: 24, ownerMajorHours: 36, dueSoonHours: 3 };
      conn.sqlite.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('receptionLimits', ?, 'x')").run(JSON.stringify(hours));
      await migrate(conn, { backupDir: join(dir, 'backups') });
      expect((await readSettings(conn.db)).receptionLimits).toEqual({
        handlerMinutes: 720,
        escalateMinutes: 60,
        escalatedAnswerMinutes: 1440,
        ownerOrdinaryMinutes: 1440,
        ownerMajorMinutes: 2160,
        dueSoonMinutes: 180,
      });
      await conn.db.destroy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
