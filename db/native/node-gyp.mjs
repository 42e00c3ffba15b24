// Where node-gyp is: npm's own copy (no extra dependency), else one hoisted into node_modules.
// Shared by the Node build of better-sqlite3 (db/native/build-node.mjs, run by npm install) and the
// Electron one (electron/native/build-native.mjs, run by npm start / npm run dist).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** @param {string} root the repository root */
export function findNodeGyp(root) {
  const rel = join('node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const candidates = [
    process.env.npm_execpath && resolve(dirname(process.env.npm_execpath), '..', rel),
    resolve(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', rel),
    resolve(dirname(process.execPath), 'node_modules', 'npm', rel),
    join(root, rel),
  ].filter(Boolean);
  return candidates.find((p) => existsSync(p)) ?? null;
}
