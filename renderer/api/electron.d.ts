/**
 * What the Electron preload exposes (shared/bridge.ts, built in electron/bridge.ts): `invoke` for
 * commands, whose names are checked on the other side, and the three print functions. Absent in
 * browser mode.
 */
interface Window {
  qiantai?: import('../../shared/bridge').QiantaiBridge;
}
