/**
 * `npm run serve -- [--port N] [--db PATH]`: browser mode. Opens the database, serves the
 * built renderer and the command API on 127.0.0.1, prints the URL (and the first-run setup
 * code). Loopback only.
 */
import { parseArgs } from 'node:util';
import { dirname, join, resolve } from 'node:path';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApp } from './app';
import { startHttpHost } from './http/host';
import { DatabaseTooNewError } from './migrate';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5317' },
      db: { type: 'string', default: join(root, 'data', 'qiantai.db') },
      // For end-to-end tests and training: shift the server's clock by the milliseconds written
      // in this file (re-read on every command), so time limits can be seen to expire.
      'clock-file': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`端口不正确：${values.port}`);
  const dbPath = resolve(values.db!);
  mkdirSync(dirname(dbPath), { recursive: true });
  const rendererDir = join(root, 'dist', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error('界面尚未构建：请先运行 npm run build:renderer（npm run serve 会自动构建）');
    process.exit(1);
  }

  const clockFile = values['clock-file'] ? resolve(values['clock-file']) : null;
  const app = await openApp({ dbPath, logDir: join(dirname(dbPath), 'logs'), setup: 'printed', clock: clockFile ? shiftedClock(clockFile) : undefined });
  const host = await startHttpHost({
    dispatcher: app.dispatcher,
    rendererDir,
    port,
    onError: (e) => app.log.error('http_failed', { error: String(e) }),
  });
  if (app.migration.applied.length) console.log(`数据库已升级：${app.migration.applied.join(', ')}`);
  if (app.migration.backupPath) console.log(`升级前的备份：${app.migration.backupPath}`);
  console.log(`数据库：${dbPath}`);
  if (app.setupCode) console.log(`首次使用：请在页面上创建管理员账号，初始化码 SETUP CODE: ${app.setupCode}`);
  // The URL comes last: scripts and tests wait for this line.
  console.log(`物业前台（浏览器模式）已启动：${host.url}`);

  const stop = async () => {
    await host.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function shiftedClock(file: string): () => Date {
  console.log(`模拟时间：时钟偏移量读取自 ${file}`);
  return () => {
    let offset: number;
    try {
      offset = Number.parseInt(readFileSync(file, 'utf8').trim() || '0', 10) || 0;
    } catch {
      offset = 0; // no file yet: real time
    }
    return new Date(Date.now() + offset);
  };
}

main().catch((e) => {
  if (e instanceof DatabaseTooNewError) console.error(e.message);
  else if (e?.code === 'EADDRINUSE') console.error(`端口已被占用，请用 --port 换一个端口（${e.message}）`);
  else console.error('启动失败：', e instanceof Error ? e.message : e);
  process.exit(1);
});
