import type { ReactNode } from 'react';
import type { ReceiptView } from '../../../shared/contract/fees-counter';
import { PAYMENT_METHOD_LABELS } from '../../../shared/fees-counter';
import { formatYuan } from '../../../shared/money';
import { officeDateTime } from '../../dates';
import { PrintHeader, SignatureLines } from '../../print/parts';
import type { PrintFormProps } from '../../print/registry';
import { S } from '../strings';
import './fees-print.css';

type ReceiptFormProps = PrintFormProps & { data: ReceiptView };

/**
 * 收款收据 (and its 红冲, a negative receipt naming the original): every line's item and period,
 * discounts with their reasons, the total in figures and in capitals, the method and its reference,
 * cash received and change, the cashier and the date. Only what fees.printReceipt returned is
 * printed; its number, 补打 count and 作废 mark come from the server (PrintHeader, the watermark).
 */
export function ReceiptPrint(props: ReceiptFormProps) {
  const r = props.data;
  const reversal = r.kind === 'reversal';
  return (
    <FeeSheet {...props} title={reversal ? S.reversalTitle : props.title}>
      {reversal && r.originalNo && (
        <div className="sf-total" data-testid="receipt-reversal">
          {S.prReversal}
          <span className="sf-mark">{S.prReverses(r.originalNo)}</span>
        </div>
      )}
      <Facts
        items={[
          [S.prUnit, r.unitCode],
          [S.prPayer, r.payerName],
          [S.prIssuedAt, officeDateTime(r.createdAt)],
        ]}
      />
      <table className="sf-table" data-testid="receipt-lines">
        <colgroup>
          <col />
          <col style={{ width: '16mm' }} />
          <col style={{ width: '20mm' }} />
        </colgroup>
        <thead>
          <tr>
            <th>{S.colItem}</th>
            <th>{S.colPeriod}</th>
            <th className="sf-num">{S.colAmount}</th>
          </tr>
        </thead>
        <tbody>
          {r.lines.map((l) => (
            <tr key={l.id}>
              <td>
                {l.kind === 'discount' ? S.prDiscount(l.note) : l.item}
                {l.kind === 'late_fee' ? `（${S.colLateFee}）` : ''}
              </td>
              <td>{l.period ?? ''}</td>
              <td className="sf-num">{formatYuan(l.amountFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Total fen={r.totalFen} capitals={r.totalCapitals} />
      <Facts items={paymentFacts(r)} />
      {r.discountApproverName && <div className="sf-note">{S.prApprovedBy(r.discountApproverName)}</div>}
      <SignatureLines labels={[S.prSignPayer, S.prSignCashier]} />
    </FeeSheet>
  );
}

/**
 * 保证金退款单: the deposit's original receipt, each deduction with its reason, what is paid out
 * (in figures and capitals), to whom and how; signed by the payee.
 */
export function RefundSlipPrint(props: ReceiptFormProps) {
  const r = props.data;
  return (
    <FeeSheet {...props}>
      <Facts
        items={[
          [S.prUnit, r.unitCode],
          [S.prOriginal, r.originalNo ?? S.none],
          [S.prIssuedAt, officeDateTime(r.createdAt)],
          [S.prPayer, r.payerName],
        ]}
      />
      <table className="sf-table" data-testid="refund-lines">
        <colgroup>
          <col />
          <col style={{ width: '22mm' }} />
        </colgroup>
        <tbody>
          {r.lines.map((l) => (
            <tr key={l.id}>
              <td>{l.kind === 'deduction' ? S.prDeduction(l.note) : `${S.prDeposit}：${l.item}`}</td>
              <td className="sf-num">{formatYuan(Math.abs(l.amountFen))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* A refund's lines and total are negative (money out); the slip states what is paid out. */}
      <Total fen={Math.abs(r.totalFen)} capitals={r.totalCapitals} label={S.prRefund} />
      <Facts items={paymentFacts(r)} />
      <SignatureLines labels={[S.prSignRefund, S.prSignCashier]} />
    </FeeSheet>
  );
}

/** Method and reference, cash received and change (cash only), the cashier. */
function paymentFacts(r: ReceiptView): [string, string][] {
  const facts: [string, string][] = [[S.prMethod, PAYMENT_METHOD_LABELS[r.method]]];
  if (r.reference) facts.push([S.prReference, r.reference]);
  if (r.cashReceivedFen !== null) facts.push([S.prReceived, formatYuan(r.cashReceivedFen)], [S.prChange, formatYuan(r.changeFen)]);
  facts.push([S.prCashier, r.cashierName]);
  return facts;
}

/** The header, and the roll's narrower layout (sf-roll) when printed on an 80 mm roll. */
function FeeSheet(props: PrintFormProps & { children: ReactNode }) {
  const roll = props.paper.heightMm === null;
  return (
    <div className={roll ? 'sf-roll' : undefined}>
      <PrintHeader {...props} qrMm={roll ? 14 : 16} />
      {props.children}
    </div>
  );
}

function Facts(props: { items: readonly (readonly [string, string])[] }) {
  return (
    <div className="sf-facts">
      {props.items.map(([label, value]) => (
        <span key={label}>{`${label}：${value}`}</span>
      ))}
    </div>
  );
}

/**
 * The amount in figures and in 人民币大写 (the server's fenToCapitals of the amount's size: a
 * reversal says 红冲 in its title, never a negative capital).
 */
function Total(props: { fen: number; capitals: string; label?: string }) {
  return (
    <>
      <div className="sf-total" data-testid="receipt-total">{`${props.label ?? S.prTotal}：${formatYuan(props.fen)}`}</div>
      <div className="sf-capitals" data-testid="receipt-capitals">{`${S.prCapitals}：${props.capitals}`}</div>
    </>
  );
}
