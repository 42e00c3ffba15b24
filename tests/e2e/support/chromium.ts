import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Flags that keep Chromium quiet on a machine whose only network is loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's chromium (apt-get install chromium), or CHROMIUM_PATH when set. */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found && existsSync(found)) return found;
    } catch {
      // try the next name
    }
  }
  throw new Error('找不到 Chromium：请运行 apt-get install -y chromium，或设置 CHROMIUM_PATH');
}
