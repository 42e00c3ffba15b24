/**
 * `npm run demo -- --db PATH`: a new database with the demo estate and one operator per role,
 * created through the dispatcher like everything else. Prints the logins.
 */
import { parseArgs } from 'node:util';
import type { DemoResult } from '../../shared/contract/estate';
import { dirname, join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { openApp } from '../app';
import { ROLE_LABELS, ROLES } from '../../shared/roles';
import { DEMO_OFFICE_NAME, DEMO_OPERATORS } from './operators';


async function main() {
  const { values } = parseArgs({ options: { db: { type: 'string' } }, strict: true });
  if (!values.db) throw new Error('请用 --db 指定数据库文件，例如 npm run demo -- --db ./demo.db');
  const dbPath = resolve(values.db);
  mkdirSync(dirname(dbPath), { recursive: true });
  const app = await openApp({ dbPath, logDir: join(dirname(dbPath), 'logs'), setup: 'trusted' });
  try {
    const [admin, ...others] = DEMO_OPERATORS;
    const setup = await app.dispatcher.run(
      'auth.setup',
      { displayName: admin.displayName, login: admin.login, password: admin.password, officeName: DEMO_OFFICE_NAME },
      { sessionToken: null },
    );
    if (!setup.response.ok) throw new Error(`无法生成演示数据：${setup.response.error.message}`);
    const token = setup.session!.token;
    for (const op of others) {
      const r = await app.dispatcher.run('operators.create', { displayName: op.displayName, login: op.login, password: op.password, roles: [op.role] }, { sessionToken: token });
      if (!r.response.ok) throw new Error(r.response.error.message);
    }
    const started = performance.now();
    const r = await app.dispatcher.run('estate.generateDemo', {}, { sessionToken: token });
    if (!r.response.ok) throw new Error(r.response.error.message);
    const v = r.response.value as DemoResult;
    const parts = [`${v.buildings} 栋楼`, `${v.units} 套房屋`, `${v.people} 位住户`, `${v.vehicles} 辆车`, ...v.desks.map((d) => `${d.label} ${d.count} 条`)];
    console.log(`演示小区已生成：${parts.join('，')}（${Math.round(performance.now() - started)} ms）`);
    console.log(`数据库：${dbPath}`);
    console.log('演示账号（登录账号 / 密码 / 角色）：');
    for (const role of ROLES) {
      const op = DEMO_OPERATORS.find((o) => o.role === role)!;
      console.log(`  ${op.login.padEnd(8)} ${op.password.padEnd(16)} ${ROLE_LABELS[role]}`);
    }
    console.log(`启动：npm run serve -- --db ${values.db}`);
  } finally {
    await app.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
