import type { Handover } from '../../../shared/contract/reception';
import { officeDateTime } from '../../dates';
import { PrintHeader, SignatureLines } from '../../print/parts';
import type { PrintFormProps } from '../../print/registry';
import { EntriesPrintTable } from './EntriesPrintTable';
import { S } from '../strings';
import './reception-print.css';

/** 交班表: what is still open, soonest deadline first, the visitors still in, signed by both shifts. */
export function HandoverPrint(props: PrintFormProps & { data: Handover }) {
  const h = props.data;
  // The server sends them soonest deadline first (overdue first, those owing nothing last).
  const open = h.open;
  return (
    <>
      <PrintHeader {...props} />
      <div className="rp-muted" style={{ marginBottom: '1.5mm' }}>
        {S.printGeneratedAt}：{officeDateTime(h.generatedAt)}{'\u3000'}{S.handoverBy(h.operatorName)}
      </div>
      <div className="rp-figures">
        <span>
          {S.handoverCountOpen} <strong>{h.counts.open}</strong>
        </span>
        <span>
          {S.handoverCountOverdue} <strong>{h.counts.overdue}</strong>
        </span>
        <span>
          {S.handoverCountDueSoon} <strong>{h.counts.dueSoon}</strong>
        </span>
        <span>
          {S.handoverCountMajor} <strong>{h.counts.majorPending}</strong>
        </span>
        <span>
          {S.handoverVisitors} <strong>{h.openVisitors.length}</strong>
        </span>
      </div>
      <div className="rp-section">{S.handoverOpenTable}</div>
      <EntriesPrintTable rows={open} empty={S.handoverNoOpen} timeColumn="time" />
      <div className="rp-section">{S.handoverVisitors}</div>
      <table className="rp-table">
        <colgroup>
          <col style={{ width: '22mm' }} />
          <col style={{ width: '20mm' }} />
          <col />
          <col style={{ width: '22mm' }} />
          <col style={{ width: '28mm' }} />
        </colgroup>
        <thead>
          <tr>
            <th>{S.visitorName}</th>
            <th>{S.visitorUnit}</th>
            <th>{S.visitorReason}</th>
            <th>{S.visitorPlate}</th>
            <th>{S.visitorInAt}</th>
          </tr>
        </thead>
        <tbody>
          {h.openVisitors.length === 0 && (
            <tr>
              <td colSpan={5}>{S.handoverNoVisitors}</td>
            </tr>
          )}
          {h.openVisitors.map((v) => (
            <tr key={v.id}>
              <td>{v.name}</td>
              <td>{v.unitCode ?? ''}</td>
              <td>{v.reason}</td>
              <td>{v.plate}</td>
              <td>{officeDateTime(v.inAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <SignatureLines labels={[S.printHandoverFrom, S.printHandoverTo]} />
    </>
  );
}
