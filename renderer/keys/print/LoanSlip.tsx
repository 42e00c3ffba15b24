import type { ReactNode } from 'react';
import type { LoanRow } from '../../../shared/contract/keys';
import { BORROWER_TYPE_LABELS } from '../../../shared/keys';
import { officeDateTime } from '../../dates';
import { PrintHeader, SignatureLines } from '../../print/parts';
import type { PrintFormProps } from '../../print/registry';
import { S } from '../strings';
import './keys-print.css';

/**
 * 钥匙借用登记表, one loan's line: what the borrower signs when taking the key, with the return
 * left blank for the custodian to confirm by hand. Printed from the stored loan (keys.printLoanSlip):
 * the ID's last digits only, the phone as the operator's role may see it.
 */
export function LoanSlip(props: PrintFormProps & { data: LoanRow }) {
  const l = props.data;
  const phone = l.phoneConfirmation ? `${l.phoneConfirmation.phone} ${officeDateTime(l.phoneConfirmation.at)} ${l.phoneConfirmation.confirmedBy}` : '';
  return (
    <>
      <PrintHeader {...props} qrMm={14} />
      <SlipTable>
        <tr>
          <th>{S.slipKey}</th>
          <td>{`${l.tag}（${S.slipKeys(l.keyCount)}）`}</td>
          <th>{S.slipTarget}</th>
          <td>{l.target}</td>
        </tr>
        <tr>
          <th>{S.slipBorrower}</th>
          <td>{`${l.borrowerName}（${BORROWER_TYPE_LABELS[l.borrowerType]}）`}</td>
          <th>{S.slipPhone}</th>
          <td>{l.borrowerPhone || S.none}</td>
        </tr>
        <tr>
          <th>{S.slipOrganisation}</th>
          <td>{l.organisation || S.none}</td>
          <th>{S.slipIdTail}</th>
          <td>{l.idTail || S.none}</td>
        </tr>
        <tr>
          <th>{S.slipPurpose}</th>
          <td colSpan={3}>{l.purpose}</td>
        </tr>
        <tr>
          <th>{S.slipLentAt}</th>
          <td>{officeDateTime(l.lentAt)}</td>
          <th>{S.slipDueAt}</th>
          <td data-testid="slip-due">{officeDateTime(l.dueAt)}</td>
        </tr>
        {(l.approverName || l.authorisation || phone) && (
          <tr>
            <th>{S.slipApprover}</th>
            <td>{l.approverName || S.none}</td>
            <th>{S.slipAuthorisation}</th>
            <td>{[l.authorisation, phone && `${S.slipPhoneConfirmation}：${phone}`].filter(Boolean).join('；') || S.none}</td>
          </tr>
        )}
        <tr>
          <th>{S.slipOperator}</th>
          <td>{l.operatorName}</td>
          <th>{S.slipReturned}</th>
          <td>{l.returnedAt ? officeDateTime(l.returnedAt) : ''}</td>
        </tr>
      </SlipTable>
      <SignatureLines labels={[S.slipBorrowerSign, S.slipReturnSign]} />
    </>
  );
}

/** Label, value, label, value: the register's ruled rows. */
export function SlipTable(props: { children: ReactNode }) {
  return (
    <table className="ys-table">
      <colgroup>
        <col style={{ width: '20mm' }} />
        <col />
        <col style={{ width: '20mm' }} />
        <col />
      </colgroup>
      <tbody>{props.children}</tbody>
    </table>
  );
}
