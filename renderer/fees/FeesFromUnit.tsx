import { Button } from 'antd';
import { PayCircleOutlined } from '@ant-design/icons';
import type { UnitCard } from '../../shared/contract/estate';
import { usesDesk } from '../../shared/permissions';
import { useSession } from '../session/SessionContext';
import { feesHash, go } from './route';
import { S } from './strings';

/** 收费 on the unit card: the counter opened on this unit, its unpaid bills ticked. */
export function FeesFromUnitButton(props: { card: UnitCard }) {
  const { operator } = useSession();
  if (!usesDesk(operator.roles, 'fees')) return null;
  return (
    <Button icon={<PayCircleOutlined aria-hidden />} onClick={() => go(feesHash.unit(props.card.unit.id))}>
      {S.feesFromUnit}
    </Button>
  );
}
