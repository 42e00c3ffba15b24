import type { EntryDetail } from '../../../shared/contract/reception';
import { officeDateTime } from '../../dates';
import { CATEGORY_LABELS, URGENCY_LABELS } from '../../../shared/reception';
import { PrintHeader, SignatureLines } from '../../print/parts';
import type { PrintFormProps } from '../../print/registry';
import { S } from '../strings';
import './reception-print.css';

/**
 * What the 处理情况回复 box holds: the handler replies on record and, once closed, the result —
 * each with its time. Empty when nothing was replied yet: the box is then filled in by hand.
 */
function replyLines(e: EntryDetail): { at: string; text: string }[] {
  const replies = e.events
    .filter((ev) => ev.kind === 'handler_reply')
    .map((ev) => ({ at: ev.at, text: S.slipReplyLine(ev.operatorName, ev.text) }));
  if (e.state === 'closed' && e.closedAt) replies.push({ at: e.closedAt, text: S.slipResultLine(e.result) });
  return replies;
}

/**
 * 工作联系单: what the front desk hands the person responsible (staff feedback, or any entry that
 * needs a paper trail). Only what reception.get returned is printed: the server masks.
 */
export function WorkContactSlip(props: PrintFormProps & { data: EntryDetail }) {
  const e = props.data;
  const contact = [e.contactName, e.contactPhone].filter(Boolean).join(' ');
  const replies = replyLines(e);
  return (
    <>
      <PrintHeader {...props} qrMm={14} />
      <table className="rp-table">
        <colgroup>
          <col style={{ width: '22mm' }} />
          <col />
          <col style={{ width: '26mm' }} />
          <col />
        </colgroup>
        <tbody>
          <tr>
            <th>{S.slipFromDept}</th>
            <td>{S.slipFromDeptValue}</td>
            <th>{S.slipTo}</th>
            <td>{e.handlerLabel || S.none}</td>
          </tr>
          <tr>
            <th>{S.slipNo}</th>
            <td>
              {e.no}
              {e.urgency === 'major' && <span className="rp-major">{URGENCY_LABELS.major}</span>}
            </td>
            <th>{S.slipReceivedAt}</th>
            <td>{officeDateTime(e.receivedAt)}</td>
          </tr>
          <tr>
            <th>{S.slipUnit}</th>
            <td>{e.unitCode ?? S.none}</td>
            <th>{S.slipDueAt}</th>
            <td>{officeDateTime(e.handlerDueAt)}</td>
          </tr>
          <tr>
            <th>{S.slipContact}</th>
            <td>{contact || S.none}</td>
            <th>{S.slipCategory}</th>
            <td>{CATEGORY_LABELS[e.category]}</td>
          </tr>
        </tbody>
      </table>
      <div className="rp-section">{S.slipContent}</div>
      <div className="rp-box rp-content" style={{ minHeight: '18mm' }}>
        {e.content}
      </div>
      <div className="rp-section">{S.slipReply}</div>
      <div className="rp-box rp-content" style={{ minHeight: '20mm' }} data-testid="slip-reply">
        {replies.length === 0 ? (
          <span className="rp-muted rp-by-hand">{S.slipReplyByHand}</span>
        ) : (
          replies.map((r) => <div key={`${r.at}${r.text}`}>{`${officeDateTime(r.at)}  ${r.text}`}</div>)
        )}
      </div>
      <SignatureLines labels={[S.slipIssuer, S.slipReceiver]} />
      <div className="rp-muted" style={{ marginTop: '2mm' }}>
        {S.slipReplyTime}：{replies.length ? officeDateTime(replies[0]!.at) : S.slipReplyTimeBlanks}
      </div>
    </>
  );
}
