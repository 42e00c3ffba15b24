import { useMemo } from 'react';
import QRCode from 'qrcode';
import { officeDateTimeSeconds } from '../dates';
import type { PrintFormProps } from './registry';
import { S } from './strings';

/** The serial as a QR code, drawn as SVG (vector: sharp on any printer, no image decoding). */
export function QrCode(props: { text: string; sizeMm: number }) {
  const path = useMemo(() => {
    const qr = QRCode.create(props.text, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    let d = '';
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) d += `M${c} ${r}h1v1h-1z`;
    return { d, n };
  }, [props.text]);
  return (
    <svg
      className="print-qr"
      data-testid="print-qr"
      viewBox={`-1 -1 ${path.n + 2} ${path.n + 2}`}
      style={{ width: `${props.sizeMm}mm`, height: `${props.sizeMm}mm` }}
      shapeRendering="crispEdges"
      role="img"
      aria-label={props.text}
    >
      <path d={path.d} fill="#000" />
    </svg>
  );
}

/** Logo (when set), office name, form title, serial, print time and QR; the reprint mark sits beside the title. */
export function PrintHeader(props: PrintFormProps & { qrMm?: number }) {
  return (
    <header className="print-header">
      {/* Decorative (empty alt): the office name beside it already says who issued the form. */}
      {props.officeLogo && <img className="print-logo" data-testid="print-logo" src={props.officeLogo} alt="" />}
      <div className="print-header-text">
        <div className="print-office">{props.officeName}</div>
        <h1 className="print-title">
          {props.title}
          {props.reprint > 0 && <ReprintMark count={props.reprint} />}
          {props.voided && <VoidStamp />}
        </h1>
        <div className="print-meta">
          <span>
            {S.serial}：<span className="print-serial">{props.serial}</span>
          </span>
          <span>
            {S.printedAt}：{officeDateTimeSeconds(props.printedAt)}
          </span>
        </div>
      </div>
      <QrCode text={props.serial} sizeMm={props.qrMm ?? 16} />
    </header>
  );
}

export function ReprintMark(props: { count: number }) {
  return (
    <span className="print-reprint" data-testid="print-reprint">
      {S.reprint(props.count)}
    </span>
  );
}

/** Upright beside the title: the watermark alone is rotated, and a scanner or text search may miss it. */
export function VoidStamp() {
  return (
    <span className="print-reprint print-void-stamp" data-testid="print-void-stamp">
      {S.voidedStamp}
    </span>
  );
}

/** Repeats on every printed page (position: fixed), over the content, faint enough to read through. */
export function VoidWatermark() {
  return (
    <div className="print-void" data-testid="print-void" aria-label={S.voided}>
      {S.voided}
    </div>
  );
}

export function SignatureLines(props: { labels: readonly string[] }) {
  return (
    <div className="print-signatures">
      {props.labels.map((label) => (
        <div key={label} className="print-signature">
          <span>{label}（{S.signature}）：</span>
          <span className="print-line" />
          <span>{S.date}：</span>
          <span className="print-line print-line-short" />
        </div>
      ))}
    </div>
  );
}
