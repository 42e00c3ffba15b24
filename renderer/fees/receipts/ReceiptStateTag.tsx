import { Tag } from 'antd';
import { RECEIPT_STATE_LABELS, type ReceiptState } from '../../../shared/fees-counter';

export function ReceiptStateTag(props: { state: ReceiptState }) {
  return (
    <Tag color={props.state === 'voided' ? 'red' : 'green'} data-state={props.state}>
      {RECEIPT_STATE_LABELS[props.state]}
    </Tag>
  );
}
