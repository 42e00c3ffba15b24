import type { ReminderBatch, ReminderNotice } from '../../../../shared/contract/fees-billing';
import { formatYuan } from '../../../../shared/money';
import { PrintHeader, SignatureLines } from '../../../print/parts';
import type { PrintFormProps } from '../../../print/registry';
import { S } from '../strings';
import '../../print/fees-print.css';
import './fees-billing-print.css';

/**
 * 催缴通知单: one page per unit in arrears (one for a unit, every unit of a building for a batch),
 * each with the unpaid bills, the late fee, the total in figures and in capitals, as
 * fees.printReminder answered — masked and counted by the server.
 */
export function ReminderNoticePrint(props: PrintFormProps & { data: ReminderBatch }) {
  const batch = props.data;
  if (batch.notices.length === 0)
    return (
      <>
        <PrintHeader {...props} />
        <p>{batch.record.startsWith('B') ? S.reminderBatchEmpty : S.reminderEmpty}</p>
      </>
    );
  return (
    <>
      {batch.notices.map((n) => (
        <section key={n.unitId} className="fb-notice" data-testid="reminder-notice">
          <PrintHeader {...props} />
          <Notice notice={n} date={batch.date} />
        </section>
      ))}
    </>
  );
}

/** 项目, 期间, 依据 (the widest: '120.50 m² × 2.50 元/m²'), 期限, 金额, 滞纳金. */
const COLUMN_WIDTHS = ['20%', '11%', '29%', '14%', '13%', '13%'];

function Notice(props: { notice: ReminderNotice; date: string }) {
  const n = props.notice;
  return (
    <>
      <p className="fb-lead">{S.reminderDear(n.unitCode, n.ownerNames)}</p>
      <p className="fb-body">{S.reminderBody(n.months, props.date)}</p>
      <table className="sf-table">
        <colgroup>
          {COLUMN_WIDTHS.map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th>{S.reminderItem}</th>
            <th>{S.reminderPeriod}</th>
            <th>{S.reminderBasis}</th>
            <th>{S.reminderDue}</th>
            <th className="sf-num">{S.reminderAmount}</th>
            <th className="sf-num">{S.reminderLateFee}</th>
          </tr>
        </thead>
        <tbody>
          {n.bills.map((b) => (
            <tr key={b.id}>
              <td>{b.item}</td>
              <td>{b.period ?? S.none}</td>
              <td>{b.basis || S.none}</td>
              <td>{b.dueDate ?? S.none}</td>
              <td className="sf-num">{formatYuan(b.amountFen)}</td>
              <td className="sf-num">{b.lateFeeFen ? formatYuan(b.lateFeeFen) : S.none}</td>
            </tr>
          ))}
          <tr className="fb-total">
            <td colSpan={4}>{`${S.reminderTotal}（${S.reminderCapitals}：${n.capitals}）`}</td>
            <td className="sf-num" data-testid="reminder-total">
              {formatYuan(n.totalFen)}
            </td>
            <td className="sf-num">{n.lateFeeFen ? formatYuan(n.lateFeeFen) : S.none}</td>
          </tr>
        </tbody>
      </table>
      <div className="sf-note">{`${S.reminderUnit}：${n.unitCode}（${n.buildingName}）\u3000${S.reminderDate}：${props.date}`}</div>
      <SignatureLines labels={[S.reminderReceiver, S.reminderIssuer]} />
    </>
  );
}
