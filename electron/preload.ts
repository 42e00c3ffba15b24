/**
 * Sandboxed preload: bundled to one CJS file whose only require is 'electron'. The page gets
 * `window.qiantai` with invoke(command, input) and the three print functions — never
 * ipcRenderer itself, and no function that takes a channel name.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { QiantaiBridge } from '../shared/bridge';
import { createBridge } from './bridge';

const bridge = createBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args));

const exposed: QiantaiBridge = { invoke: bridge.invoke, print: bridge.print, savePdf: bridge.savePdf, printers: bridge.printers };
contextBridge.exposeInMainWorld('qiantai', exposed);
