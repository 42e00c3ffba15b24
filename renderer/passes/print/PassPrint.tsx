import type { ReactNode } from 'react';
import type { PassDetail } from '../../../shared/contract/passes';
import { formatYuan } from '../../../shared/money';
import { APPLICANT_TYPE_LABELS, PASS_TYPE_LABELS } from '../../../shared/passes';
import { officeDateTime, officeFormat } from '../../dates';
import { PrintHeader, SignatureLines } from '../../print/parts';
import type { PrintFormProps } from '../../print/registry';
import { vehicleText, windowText } from '../texts';
import { S } from '../strings';
import './passes-print.css';

/** Blank lines under the items, so the guard's notes have room on a short list. */
const MIN_ITEM_LINES = 3;

/**
 * 物品放行单: what the applicant carries to the gate and the guard keeps. Only what
 * passes.printPass returned is printed (the applicant's and driver's ID as their last digits
 * only). The QR in the header is the number: scanned at the gate, it opens the pass there. The
 * stub (存根) — number, unit, how many items, date — is torn off and kept by the office.
 */
export function PassPrint(props: PrintFormProps & { data: PassDetail }) {
  const p = props.data;
  const wide = props.paper.widthMm > 200;
  const blanks = Math.max(0, MIN_ITEM_LINES - p.items.length);
  const override = p.approval?.override;
  const applicant = [`${p.applicantName}（${APPLICANT_TYPE_LABELS[p.applicantType]}）`, p.applicantIdTail ? `证件尾号 ${p.applicantIdTail}` : ''].filter(Boolean).join(' ');
  return (
    <div className={wide ? 'fx-pass fx-pass-wide' : 'fx-pass'}>
      <div className="fx-pass-main">
        <PrintHeader {...props} qrMm={16} />
        <InfoTable>
          <tr>
            <th>{S.printNo}</th>
            <td data-testid="pass-print-no">{p.no}</td>
            <th>{S.printType}</th>
            <td>{PASS_TYPE_LABELS[p.type]}</td>
          </tr>
          <tr>
            <th>{S.printUnit}</th>
            <td>{p.unitCode}</td>
            <th>{S.printApplicant}</th>
            <td data-testid="pass-print-applicant">{applicant}</td>
          </tr>
          <tr>
            <th>{S.printPlanned}</th>
            <td>{officeDateTime(p.plannedAt)}</td>
            <th>{S.printValid}</th>
            <td>{windowText(p)}</td>
          </tr>
          <tr>
            <th>{S.printVehicle}</th>
            <td>{vehicleText(p)}</td>
            <th>{S.printApprover}</th>
            <td>{p.approval ? `${p.approval.byName} ${officeDateTime(p.approval.at)}` : S.printNotApproved}</td>
          </tr>
          {override && (
            <tr>
              <th>{S.printOverride}</th>
              <td colSpan={3}>{S.overrideText(override.approverName, override.reason, formatYuan(override.unpaidFen), override.unpaidCount)}</td>
            </tr>
          )}
        </InfoTable>
        <table className="fx-table" data-testid="pass-print-items">
          <colgroup>
            <col style={{ width: '10mm' }} />
            <col />
            <col style={{ width: '16mm' }} />
            <col style={{ width: '12mm' }} />
            <col style={{ width: '18mm' }} />
          </colgroup>
          <thead>
            <tr>
              <th>{S.printItemNo}</th>
              <th>{S.printItemName}</th>
              <th className="fx-num">{S.printItemQty}</th>
              <th>{S.printItemUnit}</th>
              <th>{S.printItemCheck}</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((l) => (
              <tr key={l.id}>
                <td>{l.lineNo}</td>
                <td>{l.name}</td>
                <td className="fx-num">{l.quantity}</td>
                <td>{l.unit}</td>
                <td />
              </tr>
            ))}
            {Array.from({ length: blanks }, (_, i) => (
              <tr key={`blank-${i}`}>
                <td />
                <td />
                <td />
                <td />
                <td />
              </tr>
            ))}
          </tbody>
        </table>
        <SignatureLines labels={[S.printSignOwner, S.printSignOfficer, S.printSignGuard]} />
      </div>
      <div className="fx-stub" data-testid="pass-print-stub">
        <div className="fx-stub-title">{S.printStub}</div>
        <div>{`${S.printNo}：${p.no}`}</div>
        <div>{`${S.printUnit}：${p.unitCode}`}</div>
        <div>{S.printStubItems(p.items.length, p.items.reduce((n, l) => n + l.quantity, 0))}</div>
        <div>{`${S.printStubDate}：${officeFormat(p.plannedAt, 'YYYY-MM-DD')}`}</div>
      </div>
    </div>
  );
}

/** Label, value, label, value: the pass's ruled rows. */
function InfoTable(props: { children: ReactNode }) {
  return (
    <table className="fx-table">
      <colgroup>
        <col style={{ width: '16mm' }} />
        <col />
        <col style={{ width: '16mm' }} />
        <col />
      </colgroup>
      <tbody>{props.children}</tbody>
    </table>
  );
}
