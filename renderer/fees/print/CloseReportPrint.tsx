import type { CloseView } from '../../../shared/contract/fees-counter';
import { differenceText, PAYMENT_METHOD_LABELS } from '../../../shared/fees-counter';
import { formatYuan } from '../../../shared/money';
import { officeDateTime } from '../../dates';
import { PrintHeader, SignatureLines } from '../../print/parts';
import type { PrintFormProps } from '../../print/registry';
import { S } from '../strings';
import './fees-print.css';

/**
 * 收费日结报表 (A4): the cashier's shift as it was closed — per method the payments, voids,
 * reversals and refunds and what should be there; the cash counted and the difference; signed by
 * the cashier, the checker and the supervisor. Read from the stored close (fees.printClose).
 */
export function CloseReportPrint(props: PrintFormProps & { data: CloseView }) {
  const c = props.data;
  const fact = (label: string, value: string) => <span key={label}>{`${label}：${value}`}</span>;
  return (
    <>
      <PrintHeader {...props} />
      <div className="sf-facts" data-testid="close-facts">
        {fact(S.prCloseCashier, c.cashierName)}
        {fact(S.colClosedAt, officeDateTime(c.closedAt))}
        {fact(S.prCloseFrom, c.firstAt ? officeDateTime(c.firstAt) : S.none)}
        {fact(S.prCloseTo, c.lastAt ? officeDateTime(c.lastAt) : S.none)}
        {fact(S.prCloseReceipts, `${c.receiptCount}（${c.firstNo ?? S.none} ~ ${c.lastNo ?? S.none}）`)}
      </div>
      <ShiftTable figures={c} />
      <table className="sf-table" data-testid="close-cash">
        <tbody>
          <tr>
            <th>{S.colExpectedCash}</th>
            <td className="sf-num">{formatYuan(c.expectedCashFen)}</td>
            <th>{S.colCounted}</th>
            <td className="sf-num">{formatYuan(c.countedCashFen)}</td>
            <th>{S.colDifference}</th>
            <td>{differenceText(c.differenceFen)}</td>
          </tr>
        </tbody>
      </table>
      {c.note && <div className="sf-note">{c.note}</div>}
      <SignatureLines labels={[S.prCloseCashier, S.prSignAuditor, S.prSignSupervisor]} />
    </>
  );
}

/** Per method: payments, voids, reversals, refunds, expected; the same table on screen (日结) and on paper. */
export function ShiftTable(props: { figures: Pick<CloseView, 'methods' | 'expectedFen'>; className?: string; label?: string }) {
  const { figures } = props;
  const sum = (pick: (m: CloseView['methods'][number]) => number) => figures.methods.reduce((s, m) => s + pick(m), 0);
  const cell = (count: number, fen: number) => (count ? `${formatYuan(fen)}（${count}）` : S.none);
  return (
    <table className={props.className ?? 'sf-table'} aria-label={props.label} data-testid="shift-methods">
      <thead>
        <tr>
          <th>{S.colMethod}</th>
          <th className="sf-num">{S.colPayments}</th>
          <th className="sf-num">{S.colVoids}</th>
          <th className="sf-num">{S.colReversals}</th>
          <th className="sf-num">{S.colRefunds}</th>
          <th className="sf-num">{S.colExpected}</th>
        </tr>
      </thead>
      <tbody>
        {figures.methods.map((m) => (
          <tr key={m.method} data-method={m.method}>
            <td>{PAYMENT_METHOD_LABELS[m.method]}</td>
            <td className="sf-num">{cell(m.paymentCount, m.paymentsFen)}</td>
            <td className="sf-num">{cell(m.voidCount, m.voidsFen)}</td>
            <td className="sf-num">{cell(m.reversalCount, m.reversalsFen)}</td>
            <td className="sf-num">{cell(m.refundCount, m.refundsFen)}</td>
            <td className="sf-num" data-testid={`expected-method-${m.method}`}>{formatYuan(m.expectedFen)}</td>
          </tr>
        ))}
        <tr data-method="total">
          <th>{S.closeTotal}</th>
          <td className="sf-num">{cell(sum((m) => m.paymentCount), sum((m) => m.paymentsFen))}</td>
          <td className="sf-num">{cell(sum((m) => m.voidCount), sum((m) => m.voidsFen))}</td>
          <td className="sf-num">{cell(sum((m) => m.reversalCount), sum((m) => m.reversalsFen))}</td>
          <td className="sf-num">{cell(sum((m) => m.refundCount), sum((m) => m.refundsFen))}</td>
          <td className="sf-num" data-testid="expected-total">{formatYuan(figures.expectedFen)}</td>
        </tr>
      </tbody>
    </table>
  );
}
