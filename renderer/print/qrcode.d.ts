/**
 * The part of the `qrcode` package the print forms use (QrCode in parts.tsx). tsconfig.renderer.json
 * maps 'qrcode' here for type checking only (Vite bundles the real package): @types/qrcode pulls in
 * the Node types, which the renderer's check must not see.
 */
export interface BitMatrix {
  /** Modules per side. */
  size: number;
  get(row: number, col: number): number | boolean;
}

export interface QRCode {
  modules: BitMatrix;
}

export interface QRCodeOptions {
  errorCorrectionLevel?: 'low' | 'medium' | 'quartile' | 'high' | 'L' | 'M' | 'Q' | 'H';
}

export function create(text: string, options?: QRCodeOptions): QRCode;
