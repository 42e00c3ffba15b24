// npm start [-- args]: the desktop app. Electron's binary is fetched here the first time (npm
// install does not download it); when it cannot be had, one line says why and browser mode starts
// (npm run serve, which prints its URL). The rules live in paths.ts and electron-binary.ts
// (tested); tsx loads them here because Node 20 cannot import .ts by itself.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const { ensureElectronBinary } = await tsImport('./electron-binary.ts', import.meta.url);

/** `npm <args>` through the npm that runs us (npm.cmd needs a shell on Windows otherwise). */
function npmCommand(args) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.[cm]?js$/.test(npmCli)) return [process.execPath, [npmCli, ...args], {}];
  return ['npm', args, { shell: process.platform === 'win32' }];
}

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function forward(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

const electron = await ensureElectronBinary(join(root, 'node_modules', 'electron'), (text) => process.stdout.write(text));

if (!electron) {
  const [cmd, args, opts] = npmCommand(['run', 'serve', ...(argv.length ? ['--', ...argv] : [])]);
  forward(spawn(cmd, args, { cwd: root, stdio: 'inherit', ...opts }));
} else {
  const [cmd, args, opts] = npmCommand(['run', 'build']);
  run(cmd, args, opts);
  run(process.execPath, [join(root, 'electron', 'native', 'build-native.mjs')]);
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would start Node instead of the app
  forward(spawn(electron, [root, ...argv], { cwd: root, stdio: 'inherit', env }));
}
