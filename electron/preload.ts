/**
 * Sandboxed preload: bundled to one CJS file whose only require is 'electron'. The page gets
 * `window.qiantai.invoke(command, input)` and nothing else — never ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

const bridge = createBridge((channel, command, input) => ipcRenderer.invoke(channel, command, input));

contextBridge.exposeInMainWorld('qiantai', { invoke: bridge.invoke });
