import { Button } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import type { UnitCard } from '../../shared/contract/estate';
import { usesDesk } from '../../shared/permissions';
import { useSession } from '../session/SessionContext';
import { go, keysHash } from './route';
import { S } from './strings';

/** 钥匙 on the unit card: the register filtered to this unit's keys (where they are, who has them), to view or register one. */
export function KeysFromUnitButton(props: { card: UnitCard }) {
  const { operator } = useSession();
  if (!usesDesk(operator.roles, 'keys')) return null;
  return (
    <Button icon={<KeyOutlined aria-hidden />} onClick={() => go(`${keysHash.list}?unit=${props.card.unit.id}`)}>
      {S.fromUnit}
    </Button>
  );
}
