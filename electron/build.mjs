// npm run build:electron — bundles the main process and the sandboxed preload with esbuild.
// main: everything but electron and better-sqlite3 (a native module, loaded from node_modules
// with an explicit Electron-ABI nativeBinding) is inlined, so the package needs no TS at runtime.
// preload: a sandboxed preload may only require 'electron', so the contract (and zod) is inlined.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const defaultOutdir = join(root, 'dist', 'electron');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // No source maps: a packaged build ships none (they would hand out the source); errors are logged
  // with the command name, which is what support needs.
  sourcemap: false,
  logLevel: 'warning',
  absWorkingDir: root,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
};

/** `--outdir` lets a test build into its own folder instead of racing others on dist/. */
export async function buildElectron(outdir = defaultOutdir) {
  rmSync(outdir, { recursive: true, force: true });
  await Promise.all([
    build({
      ...common,
      entryPoints: [join(root, 'electron', 'main.ts')],
      outfile: join(outdir, 'main.cjs'),
      target: 'node20',
      external: ['electron', 'better-sqlite3'],
    }),
    build({
      ...common,
      entryPoints: [join(root, 'electron', 'preload.ts')],
      outfile: join(outdir, 'preload.cjs'),
      target: ['chrome120', 'node20'],
      external: ['electron'],
    }),
  ]);
  return { main: join(outdir, 'main.cjs'), preload: join(outdir, 'preload.cjs') };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { outdir: { type: 'string' } }, strict: true });
  buildElectron(values.outdir ? resolve(values.outdir) : undefined).then(
    (out) => console.log(`Electron 主进程与预加载脚本已构建 / built: ${out.main}, ${out.preload}`),
    (e) => {
      console.error('Electron 构建失败 / build failed:', e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
