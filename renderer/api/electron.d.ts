/** What the Electron preload exposes: one narrow function, command names checked on the other side. */
interface Window {
  qiantai?: { invoke(command: string, input: unknown): Promise<unknown> };
}
