import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_DESKS, auditDeskOf, type AuditOperator, type AuditRow } from '../../shared/contract/audit';
import { COMMAND_NAMES, commands } from '../../shared/contract';
import type { Page } from '../../shared/contract/paging';
import type { EntryDetail } from '../../shared/contract/reception';
import type { PersonView } from '../../shared/contract/estate';
import { DESK_REGISTRY } from '../../db/desks';
import { PASSWORD, createTestApp, expectError, valueOf, type TestApp } from '../support/app';

/**
 * 设置 → 操作日志 as a supervisor reads it, through the real dispatcher on a real SQLite file:
 * Chinese summaries, record kinds and the records' own numbers resolved on the server, filters
 * by operator, desk and date, and no ID number or full phone number anywhere in what is shown.
 */
describe('audit log', () => {
  let t: TestApp;
  let admin: string;
  let supervisor: string;
  let receptionist: string;
  let entry: EntryDetail;
  let unitId: number;
  const ID_NUMBER = '11010519491231002X';
  const MOBILE = '13812345678';
  const list = async (filters: Record<string, unknown> = {}, token = supervisor) =>
    valueOf<Page<AuditRow>>(await t.run(token, 'audit.list', { filters, pageSize: 200 }));

  /** A day later every session has idled out: sign in again, as the next morning would. */
  const signIn = async (login: string) => {
    const out = await t.app.dispatcher.run('auth.login', { login, password: PASSWORD }, { sessionToken: null });
    if (!out.session?.token) throw new Error(`login failed: ${JSON.stringify(out.response)}`);
    return out.session.token;
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    supervisor = await t.operatorWith(['supervisor'], 'zhuguan');
    receptionist = await t.operatorWith(['receptionist'], 'qiantai');
    const officer = await t.operatorWith(['officer'], 'kefu');
    const estate = valueOf<{ id: number }>(await t.run(admin, 'estate.saveEstate', { name: '阳光花园' }));
    const buildingId = valueOf<{ id: number }>(await t.run(officer, 'estate.saveBuilding', { estateId: estate.id, code: '3', name: '' })).id;
    unitId = valueOf<{ id: number }>(await t.run(officer, 'estate.createUnit', { buildingId, entrance: '2', room: '1101', state: 'occupied' })).id;
    const person = valueOf<PersonView>(await t.run(officer, 'estate.savePerson', { person: { name: '张三', mobile: MOBILE, idNumber: ID_NUMBER } }));
    valueOf(await t.run(officer, 'estate.link', { unitId, personId: person.id, role: 'owner' }));
    // The next day in Shanghai (the test clock starts 2026-03-02 09:30 there).
    t.clock.advance(24 * 3_600_000);
    receptionist = await signIn('qiantai');
    supervisor = await signIn('zhuguan');
    entry = valueOf<EntryDetail>(
      await t.run(receptionist, 'reception.log', {
        channel: 'call',
        category: 'repair',
        unitId,
        contactName: '张三',
        contactPhone: MOBILE,
        content: `厨房漏水，回电 13900001234，证件 ${ID_NUMBER}`,
      }),
    );
  });
  afterAll(() => t.close());

  it('shows Chinese summaries, record kinds and each record’s own number — never the raw names alone', async () => {
    const rows = (await list()).rows;
    const logged = rows.find((r) => r.command === 'reception.log')!;
    expect(logged).toMatchObject({
      commandSummary: commands['reception.log'].summary,
      desk: '接待登记',
      entityLabel: '接待登记',
      record: entry.no,
      operatorName: '操作员2',
      operatorLogin: 'qiantai',
    });
    const byCommand = (name: string) => rows.filter((r) => r.command === name);
    expect(byCommand('auth.login').map((r) => [r.commandSummary, r.desk, r.entityLabel, r.record])).toContainEqual(['登录', '登录与密码', '登录会话', '操作员2（qiantai）']);
    expect(byCommand('estate.createUnit').map((r) => [r.entityLabel, r.record])).toEqual([['房屋', '3-2-1101']]);
    expect(byCommand('estate.saveBuilding').map((r) => [r.entityLabel, r.record])).toEqual([['楼栋', '阳光花园 3栋']]);
    expect(byCommand('estate.savePerson').map((r) => [r.entityLabel, r.record])).toEqual([['住户', '张三']]);
    expect(byCommand('estate.link').map((r) => [r.entityLabel, r.record])).toEqual([['住户关系', '3-2-1101 张三（业主）']]);
    expect(byCommand('operators.create').map((r) => r.record)).toContain('操作员2（qiantai）');
    // Every row has a Chinese summary and kind, and the kinds with numbers found theirs.
    for (const r of rows) {
      expect(r.commandSummary, r.command).toMatch(/\p{Script=Han}/u);
      expect(r.entityLabel, r.entity).toMatch(/\p{Script=Han}/u);
      expect(r.desk, r.command).toMatch(/\p{Script=Han}/u);
      if (r.entity !== 'settings') expect(r.record, `${r.command} ${r.entity} ${r.entityId}`).not.toBeNull();
    }
    // The raw names stay for the detail view.
    expect(logged).toMatchObject({ command: 'reception.log', entity: 'reception_entry', entityId: String(entry.id) });
  });

  it('shows no ID number and no full phone number, in fields or in typed text; the stored row keeps what it kept', async () => {
    const shown = JSON.stringify((await list()).rows);
    expect(shown).not.toContain(ID_NUMBER);
    expect(shown).not.toContain(MOBILE);
    expect(shown).not.toContain('13900001234');
    expect(shown).toContain('138****5678');
    expect(shown).toContain('139****1234');
    expect(shown).toContain('110105********002X');
    const stored = t.app.connection.sqlite.prepare("SELECT after_json FROM audit_log WHERE command = 'reception.log'").get() as { after_json: string };
    expect(stored.after_json).toContain('13900001234');
  });

  it('filters by operator, desk and office date', async () => {
    const operators = valueOf<AuditOperator[]>(await t.run(supervisor, 'audit.operators', {}));
    const qiantai = operators.find((o) => o.login === 'qiantai')!;
    expect(qiantai.displayName).toBe('操作员2');

    const mine = (await list({ operatorId: qiantai.id })).rows;
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((r) => r.operatorLogin))).toEqual(new Set(['qiantai']));

    const reception = await list({ desk: 'reception' });
    expect(reception.rows.map((r) => r.command)).toEqual(['reception.log']);
    const estate = (await list({ desk: 'estate' })).rows;
    expect(new Set(estate.map((r) => r.command.split('.')[0]))).toEqual(new Set(['estate']));
    expect(estate.length).toBe(5);

    // 2026-03-03 in Shanghai: the entry and the sign-ins of that morning, nothing from the day before.
    const day = await list({ from: '2026-03-02T16:00:00.000Z', to: '2026-03-03T16:00:00.000Z' });
    expect(day.rows.map((r) => r.command).sort()).toEqual(['auth.login', 'auth.login', 'reception.log']);
    const dayBefore = await list({ to: '2026-03-02T16:00:00.000Z' });
    expect(dayBefore.rows.map((r) => r.command)).not.toContain('reception.log');
    expect(dayBefore.total + day.total).toBe((await list()).total);

    expect(expectError(await t.run(supervisor, 'audit.list', { filters: { desk: 'nowhere' as 'auth' } })).fields).toEqual({ 'filters.desk': '请从给定选项中选择' });
    expect(expectError(await t.run(receptionist, 'audit.list', {})).kind).toBe('forbidden');
    expect(expectError(await t.run(receptionist, 'audit.operators', {})).kind).toBe('forbidden');
  });

  it('knows every desk that writes and every kind of record the commands audit', () => {
    for (const name of COMMAND_NAMES) {
      if (commands[name].writes) expect(Object.keys(AUDIT_DESKS), name).toContain(auditDeskOf(name));
    }
    const audited = new Set<string>();
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/entity:\s*'([a-z_]+)'/g)) audited.add(m[1]!);
      }
    };
    walk('db');
    expect(audited.size).toBeGreaterThan(10);
    expect([...audited].filter((e) => !DESK_REGISTRY.auditEntities[e])).toEqual([]);
  });
});
