/** `tsx tests/e2e/support/new-office-cli.ts DB LOGIN PASSWORD`: an empty office database with its first admin. */
import { dirname, join } from 'node:path';
import { openApp } from '../../../db/app';

const [dbPath, login, password] = process.argv.slice(2);
if (!dbPath || !login || !password) throw new Error('usage: new-office-cli.ts DB LOGIN PASSWORD');
const app = await openApp({ dbPath, logDir: join(dirname(dbPath), 'logs'), setup: 'trusted' });
try {
  const out = await app.dispatcher.run('auth.setup', { displayName: '王管理', login, password }, { sessionToken: null });
  if (!out.response.ok) throw new Error(out.response.error.message);
} finally {
  await app.close();
}
