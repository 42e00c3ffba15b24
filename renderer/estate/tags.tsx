import { Tag } from 'antd';
import { UNIT_STATE_LABELS, type UnitState } from '../../shared/estate';

const STATE_COLORS: Record<UnitState, string> = {
  unsold: 'default',
  vacant: 'gold',
  occupied: 'green',
  renovating: 'orange',
  let: 'blue',
};

export function UnitStateTag(props: { state: UnitState }) {
  return (
    <Tag color={STATE_COLORS[props.state]} style={{ marginInlineEnd: 0 }}>
      {UNIT_STATE_LABELS[props.state]}
    </Tag>
  );
}
