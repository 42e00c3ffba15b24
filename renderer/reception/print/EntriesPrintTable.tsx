import type { EntryRow } from '../../../shared/contract/reception';
import { officeDateTime } from '../../dates';
import { CATEGORY_LABELS, CHANNEL_LABELS, ENTRY_STATE_LABELS, URGENCY_LABELS } from '../../../shared/reception';
import { S } from '../strings';

/** The entries on paper. No phone numbers: a report lists matters, not contacts. */
export function EntriesPrintTable(props: { rows: EntryRow[]; empty: string; timeColumn: 'state' | 'time' }) {
  return (
    <table className="rp-table">
      <colgroup>
        <col style={{ width: '29mm' }} />
        <col style={{ width: '21mm' }} />
        <col style={{ width: '11mm' }} />
        <col style={{ width: '18mm' }} />
        <col style={{ width: '14mm' }} />
        <col style={{ width: '13mm' }} />
        <col />
        <col style={{ width: '19mm' }} />
        <col style={{ width: '24mm' }} />
      </colgroup>
      <thead>
        <tr>
          <th>{S.colNo}</th>
          <th>{S.colReceivedAt}</th>
          <th>{S.colChannel}</th>
          <th>{S.colUnit}</th>
          <th>{S.colContact}</th>
          <th>{S.colCategory}</th>
          <th>{S.colContent}</th>
          <th>{S.colHandler}</th>
          <th>{props.timeColumn === 'time' ? S.colTime : S.colState}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.length === 0 && (
          <tr>
            <td colSpan={9}>{props.empty}</td>
          </tr>
        )}
        {props.rows.map((r) => (
          <tr key={r.id} className={r.state === 'voided' ? 'rp-voided' : undefined}>
            <td className="rp-nowrap">{r.no}</td>
            <td className="rp-nowrap">{officeDateTime(r.receivedAt).slice(5)}</td>
            <td>{CHANNEL_LABELS[r.channel]}</td>
            <td>{r.unitCode ?? ''}</td>
            <td>{r.contactName}</td>
            <td>
              {CATEGORY_LABELS[r.category]}
              {r.urgency === 'major' && <span className="rp-major">{URGENCY_LABELS.major}</span>}
            </td>
            <td className="rp-content">{r.content.length > 120 ? `${r.content.slice(0, 120)}…` : r.content}</td>
            <td>{r.handlerLabel}</td>
            <td>{props.timeColumn === 'time' ? r.time.text : ENTRY_STATE_LABELS[r.state]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
