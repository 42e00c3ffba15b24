import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../db/context';
import type { Database } from '../../db/schema';
import { DESK_REGISTRY } from '../../db/desks';
import { readCounterQuery } from '../../db/search/query';
import { createTestApp, valueOf, type TestApp } from '../support/app';

/**
 * Every lookup the counter search makes is an index search, never a scan: the statements the real
 * providers issue are captured as compiled and asked for their query plan. (A scan is fine on 20
 * rows and slow on 60,000; the plan says which it is, whatever the data.)
 */
describe('counter lookups use indexes', () => {
  let t: TestApp;
  const issued: CompiledQuery[] = [];
  let ctx: CommandContext;
  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.setupAdmin();
    valueOf(await t.run(admin, 'estate.generateDemo', {}));
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: t.app.connection.sqlite }),
      log: (event) => {
        if (event.level === 'query') issued.push(event.query);
      },
    });
    ctx = { db, operator: { id: 1, login: 'admin', displayName: '王管理', roles: ['admin'] } } as unknown as CommandContext;
  });
  afterAll(() => t.close());

  const typed = ['3-2-1101', '1101', 'zs', '张', '1234', '002X', '粤B12345', '2345', '12345', 'JD202603020001'];
  for (const text of typed) {
    it(`“${text}”`, async () => {
      issued.length = 0;
      for (const provider of DESK_REGISTRY.searchProviders) await provider.search(ctx, readCounterQuery(text), 8);
      const lookups = issued.filter((q) => /\bwhere\b/i.test(q.sql));
      expect(lookups.length, 'some provider looked this up').toBeGreaterThan(0);
      for (const q of lookups) {
        const plan = (t.app.connection.sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[]).map((r) => r.detail);
        const scans = plan.filter((d) => /^SCAN (?!CONSTANT)/.test(d) && !/USING (COVERING )?INDEX .*\(/.test(d));
        expect(scans, `${q.sql}\n${plan.join('\n')}`).toEqual([]);
      }
    });
  }
});
