import type { KeyLabel } from '../../../shared/contract/keys';
import { QrCode, ReprintMark, VoidStamp } from '../../print/parts';
import type { PrintFormProps } from '../../print/registry';
import { S } from '../strings';
import './keys-print.css';

/**
 * 钥匙标签: one label per page, several keys → several pages. The tag code large and as a QR (what
 * the desk's scanner reads), the class' short name and the hook — never the unit's address or a
 * name, so a lost key cannot lead anyone to its door. The office's name and the form's title in
 * small type say whose key it is.
 */
export function KeyLabels(props: PrintFormProps & { data: KeyLabel[] }) {
  const { paper } = props;
  const heightMm = (paper.heightMm ?? 30) - paper.marginMm.top - paper.marginMm.bottom;
  const widthMm = paper.widthMm - paper.marginMm.left - paper.marginMm.right;
  // The QR takes what the text column leaves: about two fifths of the width, a little under the height.
  const qrMm = Math.floor(Math.min(heightMm - 6, widthMm * 0.4));
  const large = paper.widthMm >= 60;
  return (
    <>
      {props.data.map((label) => (
        <div key={label.tag} className="ys-label" data-testid="key-label" style={{ height: `${heightMm}mm` }}>
          <QrCode text={label.tag} sizeMm={qrMm} />
          <div className="ys-label-text">
            <div className="ys-label-tag" style={large ? { fontSize: '15pt' } : undefined}>
              {label.tag}
            </div>
            <div className="ys-label-where">{[label.classShort, label.position].filter(Boolean).join(' · ')}</div>
            {label.keyCount > 1 && <div className="ys-label-small">{S.slipKeys(label.keyCount)}</div>}
            <div className="ys-label-small">{`${props.title} · ${props.officeName}`}</div>
            {props.reprint > 0 && <ReprintMark count={props.reprint} />}
            {props.voided && <VoidStamp />}
          </div>
        </div>
      ))}
    </>
  );
}
