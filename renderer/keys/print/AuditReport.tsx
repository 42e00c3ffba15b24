import type { AuditKeyLine, AuditView } from '../../../shared/contract/keys';
import { officeDateTime } from '../../dates';
import { PrintHeader, SignatureLines } from '../../print/parts';
import type { PrintFormProps } from '../../print/registry';
import { S } from '../strings';
import { SlipTable } from './LoanSlip';
import './keys-print.css';

/** 钥匙盘点报告 (A4): the audit's lists — missing first — and what changed since the previous audit. */
export function AuditReport(props: PrintFormProps & { data: AuditView }) {
  const a = props.data;
  const c = a.comparison;
  return (
    <>
      <PrintHeader {...props} />
      <SlipTable>
        <tr>
          <th>{S.auditStarted}</th>
          <td>{officeDateTime(a.startedAt)}</td>
          <th>{S.auditFinished}</th>
          <td>{a.finishedAt ? officeDateTime(a.finishedAt) : S.auditOpenList}</td>
        </tr>
        <tr>
          <th>{S.auditOperator}</th>
          <td>{a.operatorName}</td>
          <th>{S.auditScanned}</th>
          <td>{S.auditCounts(a)}</td>
        </tr>
        {a.note && (
          <tr>
            <th>{S.auditNote}</th>
            <td colSpan={3}>{a.note}</td>
          </tr>
        )}
      </SlipTable>
      <KeyLines title={S.auditMissing} lines={a.missingKeys} />
      <KeyLines title={S.auditUnexpected} lines={a.unexpectedKeys} />
      <KeyLines title={S.auditLent} lines={a.lentKeys} />
      <div className="ys-section">{S.auditUnknownTags}</div>
      <div>{a.unknownTags.join('、') || S.auditNothing}</div>
      <div className="ys-section">{c ? S.auditComparison(c.previousNo, officeDateTime(c.previousAt)) : S.auditNoPrevious}</div>
      {c && (
        <SlipTable>
          <tr>
            <th>{S.auditNewlyMissing}</th>
            <td colSpan={3}>{c.newlyMissing.join('、') || S.auditNothing}</td>
          </tr>
          <tr>
            <th>{S.auditStillMissing}</th>
            <td colSpan={3}>{c.stillMissing.join('、') || S.auditNothing}</td>
          </tr>
          <tr>
            <th>{S.auditFound}</th>
            <td colSpan={3}>{c.found.join('、') || S.auditNothing}</td>
          </tr>
        </SlipTable>
      )}
      <SignatureLines labels={[S.auditSignCustodian, S.auditSignSupervisor]} />
    </>
  );
}

function KeyLines(props: { title: string; lines: AuditKeyLine[] }) {
  return (
    <>
      <div className="ys-section">{`${props.title}（${props.lines.length}）`}</div>
      {props.lines.length === 0 ? (
        <div>{S.auditNothing}</div>
      ) : (
        <table className="ys-table">
          <colgroup>
            <col style={{ width: '24mm' }} />
            <col style={{ width: '40mm' }} />
            <col style={{ width: '22mm' }} />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th>{S.colTag}</th>
              <th>{S.colTarget}</th>
              <th>{S.colPosition}</th>
              <th>{S.colLoan}</th>
            </tr>
          </thead>
          <tbody>
            {props.lines.map((l) => (
              <tr key={l.keyId}>
                <td>{l.tag}</td>
                <td>{l.target}</td>
                <td>{l.position}</td>
                <td>{l.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
