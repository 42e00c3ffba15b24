import type { IssueView } from '../../../shared/contract/keys';
import { ID_DOC_TYPE_LABELS } from '../../../shared/keys';
import { officeDateTime } from '../../dates';
import { PrintHeader, SignatureLines } from '../../print/parts';
import type { PrintFormProps } from '../../print/registry';
import { S } from '../strings';
import { SlipTable } from './LoanSlip';
import './keys-print.css';

/** 钥匙发放登记表, one issue's line: the owner signs for the keys counted in front of them (the document's last digits only). */
export function IssueSlip(props: PrintFormProps & { data: IssueView }) {
  const i = props.data;
  return (
    <>
      <PrintHeader {...props} qrMm={14} />
      <SlipTable>
        <tr>
          <th>{S.slipKey}</th>
          <td>{i.tag}</td>
          <th>{S.slipTarget}</th>
          <td>{i.target}</td>
        </tr>
        <tr>
          <th>{S.slipRecipient}</th>
          <td>{i.recipientName}</td>
          <th>{S.slipDoc}</th>
          <td>{`${ID_DOC_TYPE_LABELS[i.docType]} 后几位 ${i.docTail}`}</td>
        </tr>
        <tr>
          <th>{S.slipCounted}</th>
          <td>{S.slipKeys(i.keysCounted)}</td>
          <th>{S.slipAck}</th>
          <td>{i.acknowledged ? S.slipAcked : S.none}</td>
        </tr>
        <tr>
          <th>{S.slipIssuedAt}</th>
          <td>{officeDateTime(i.issuedAt)}</td>
          <th>{S.slipOperator}</th>
          <td>{i.operatorName}</td>
        </tr>
        {i.note && (
          <tr>
            <th>{S.issueNote}</th>
            <td colSpan={3}>{i.note}</td>
          </tr>
        )}
      </SlipTable>
      <SignatureLines labels={[S.slipOwnerSign, S.slipOperator]} />
    </>
  );
}
