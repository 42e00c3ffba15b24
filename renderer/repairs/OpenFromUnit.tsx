import { useState } from 'react';
import { Button } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import type { UnitCard } from '../../shared/contract/estate';
import { usesDesk } from '../../shared/permissions';
import { useFunctionKey } from '../components/useFunctionKey';
import { useSession } from '../session/SessionContext';
import { OpenOrderModal } from './OpenOrderModal';
import { S } from './strings';

/** 报修 (F8) on the unit card: 新报修 for this unit, its owner offered as the contact. */
export function RepairFromUnitButton(props: { card: UnitCard }) {
  const { operator } = useSession();
  const allowed = usesDesk(operator.roles, 'repairs');
  const [open, setOpen] = useState(false);
  useFunctionKey(S.newOrderKey, () => setOpen(true), allowed);
  if (!allowed) return null;
  return (
    <>
      <Button icon={<ToolOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {`${S.repairFromUnit} (${S.newOrderKey})`}
      </Button>
      {open && <OpenOrderModal unit={props.card} onClose={() => setOpen(false)} />}
    </>
  );
}
