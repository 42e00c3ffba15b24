/**
 * What the preload hands to the page, built without 'electron' so tests can exercise it in Node.
 * The allow-list comes from the contract (bundled into preload.cjs by esbuild): a command added
 * to shared/contract is callable at once, and nothing else ever is.
 */
import { COMMAND_NAMES } from '../shared/contract';

export const INVOKE_CHANNEL = 'qiantai:invoke';

export function buildAllowList(names: readonly string[] = COMMAND_NAMES): ReadonlySet<string> {
  return new Set(names);
}

export interface QiantaiBridge {
  invoke(command: string, input: unknown): Promise<unknown>;
}

/**
 * `send` is ipcRenderer.invoke bound by the preload; the page only ever gets `invoke`, which
 * refuses names outside the contract before anything crosses to the main process.
 */
export function createBridge(
  send: (channel: string, command: string, input: unknown) => Promise<unknown>,
  allowList: ReadonlySet<string> = buildAllowList(),
): QiantaiBridge {
  return Object.freeze({
    invoke(command: string, input: unknown): Promise<unknown> {
      if (typeof command !== 'string' || !allowList.has(command)) {
        return Promise.reject(new Error(`没有这个命令 / unknown command: ${String(command).slice(0, 64)}`));
      }
      return send(INVOKE_CHANNEL, command, input);
    },
  });
}
