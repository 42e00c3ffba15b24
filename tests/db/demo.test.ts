import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICE_UTC_OFFSET_MS, officeDayOf } from '../../shared/office-time';
import { DEMO_OPERATORS } from '../../db/demo/operators';
import { createTestApp, valueOf, type TestApp } from '../support/app';

/**
 * The demo estate must read as a real office's month to the people who try it: work routed to
 * the department that does it, public-area repairs counted as 公共报修, people at the counter in
 * office hours (calls a little outside), closed the same working day, staff with real names.
 * Generated through the real dispatcher (estate.generateDemo) on a real SQLite file; the rules
 * below are the office's, stated here, not read back from the generator's tables.
 */
describe('the demo reception log reads as a real office', () => {
  let t: TestApp;
  interface Row {
    no: string;
    channel: string;
    category: string;
    content: string;
    repair_scope: string | null;
    unit_id: number | null;
    contact_name: string;
    department: string | null;
    received_at: string;
    closed_at: string | null;
    state: string;
    result: string;
  }
  let rows: Row[];
  let staff: string[];

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.setupAdmin();
    valueOf(await t.run(admin, 'estate.generateDemo', {}));
    rows = t.app.connection.sqlite
      .prepare(
        `SELECT e.no, e.channel, e.category, e.content, e.repair_scope, e.unit_id, e.contact_name, d.name AS department, e.received_at, e.closed_at, e.state, e.result
         FROM reception_entries e LEFT JOIN departments d ON d.id = e.handler_department_id`,
      )
      .all() as Row[];
    staff = (t.app.connection.sqlite.prepare('SELECT name FROM staff').all() as { name: string }[]).map((s) => s.name);
  });
  afterAll(() => t.close());

  /** Minutes after midnight, office time. */
  const clock = (iso: string) => {
    const d = new Date(Date.parse(iso) + OFFICE_UTC_OFFSET_MS);
    return d.getUTCHours() * 60 + d.getUTCMinutes();
  };
  const hhmm = (h: number, m = 0) => h * 60 + m;
  const byContent = (pattern: RegExp) => rows.filter((r) => pattern.test(r.content));

  it('routes each kind of work to the department that does it', () => {
    expect(rows.length).toBe(600);
    const routes: [RegExp, string][] = [
      [/绿化|草坪|树木/, '环境部'],
      [/垃圾|保洁|卫生死角/, '环境部'],
      [/灯|水管|漏水|地漏|门锁|电梯|渗水|照明/, '工程部'],
      [/车位|噪音|消防通道|宠物|陌生人/, '秩序部'],
    ];
    for (const [pattern, department] of routes) {
      const matched = byContent(pattern).filter((r) => !(department === '工程部' && /噪音|垃圾/.test(r.content)));
      expect(matched.length, `${pattern} has entries`).toBeGreaterThan(3);
      for (const r of matched) expect(`${r.content} → ${r.department}`).toBe(`${r.content} → ${department}`);
    }
    // The sales and finance offices take no repairs, complaints or staff reports.
    for (const r of rows.filter((r) => ['repair', 'complaint', 'staff_feedback'].includes(r.category))) {
      expect(['销售部', '财务部'], `${r.no} ${r.content}`).not.toContain(r.department);
    }
    expect(rows.every((r) => r.department !== null)).toBe(true);
  });

  it('counts public-area repairs as 公共报修 and repairs inside a home as 入户维修, with the unit', () => {
    const repairs = rows.filter((r) => r.category === 'repair');
    const publicArea = repairs.filter((r) => /楼道|电梯|外墙|单元门|路灯|车库/.test(r.content));
    expect(publicArea.length).toBeGreaterThan(10);
    for (const r of publicArea) expect(`${r.content}: ${r.repair_scope}`).toBe(`${r.content}: public`);
    const inHome = repairs.filter((r) => /厨房|卫生间|入户门|室内|阳台/.test(r.content));
    expect(inHome.length).toBeGreaterThan(10);
    for (const r of inHome) {
      expect(`${r.content}: ${r.repair_scope}`).toBe(`${r.content}: in_home`);
      expect(r.unit_id, r.no).not.toBeNull();
    }
  });

  it('has walk-ins and staff reports in office hours, calls a little outside, each closed later the same working day', () => {
    for (const r of rows) {
      const at = clock(r.received_at);
      const when = `${r.no} ${r.channel} at ${Math.floor(at / 60)}:${String(at % 60).padStart(2, '0')}`;
      if (r.channel === 'call') expect(at >= hhmm(7) && at <= hhmm(21), when).toBe(true);
      else expect(at >= hhmm(8, 30) && at <= hhmm(17, 30), when).toBe(true);
      if (r.closed_at) {
        expect(Date.parse(r.closed_at), r.no).toBeGreaterThan(Date.parse(r.received_at));
        expect(officeDayOf(r.closed_at), r.no).toBe(officeDayOf(r.received_at));
        expect(clock(r.closed_at), `${r.no} closed`).toBeLessThanOrEqual(hhmm(21, 30));
      }
    }
    // Something happens both early and late in the day, not all at noon.
    expect(rows.some((r) => clock(r.received_at) < hhmm(10))).toBe(true);
    expect(rows.some((r) => clock(r.received_at) > hhmm(16))).toBe(true);
  });

  it('has staff reports from people in the staff directory, and each closing says what was done', () => {
    const fromStaff = rows.filter((r) => r.channel === 'staff');
    expect(fromStaff.length).toBeGreaterThan(20);
    for (const r of fromStaff) expect(staff, r.no).toContain(r.contact_name);
    for (const r of rows.filter((r) => r.state === 'closed')) expect(r.result, r.no).not.toBe('已处理');
  });

  it('records a handler’s answer only where the timeline has the reply, before the entry was closed', () => {
    const answered = t.app.connection.sqlite
      .prepare(
        `SELECT e.no, e.handler_answered_at AS at, e.closed_at,
                (SELECT count(*) FROM reception_events v WHERE v.entry_id = e.id AND v.kind = 'handler_reply' AND v.at = e.handler_answered_at) AS replies
         FROM reception_entries e WHERE e.handler_answered_at IS NOT NULL`,
      )
      .all() as { no: string; at: string; closed_at: string | null; replies: number }[];
    expect(answered.length).toBeGreaterThan(100);
    for (const a of answered) {
      expect(a.replies, a.no).toBe(1);
      expect(a.closed_at === null || a.at <= a.closed_at, a.no).toBe(true);
    }
  });

  it('gives the demo operators and staff real names, not their job as a name (赵钥匙, 孙收费)', () => {
    const jobWords = /前台|钥匙|收费|客服|主管|管理|清洁|保安|维修/;
    for (const name of [...DEMO_OPERATORS.map((o) => o.displayName), ...staff]) {
      expect(name).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(name).not.toMatch(jobWords);
    }
  });
});
