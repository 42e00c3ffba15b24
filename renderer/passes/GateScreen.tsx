import { Typography } from 'antd';
import { S } from './strings';

export function GateScreen() {
  return (
    <div data-testid="gate-screen">
      <Typography.Title level={3}>{S.gateTitle}</Typography.Title>
    </div>
  );
}
