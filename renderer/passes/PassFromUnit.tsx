import { useState } from 'react';
import { Button } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import type { UnitCard } from '../../shared/contract/estate';
import { PASS_OFFICE_ROLES } from '../../shared/contract/passes';
import { hasAnyRole } from '../../shared/permissions';
import { useSession } from '../session/SessionContext';
import { NewPassModal } from './NewPassModal';
import { S } from './strings';

/** 物品放行 on the unit card: 新申请 for this unit (the unit card's F8 stays 报修's). */
export function PassFromUnitButton(props: { card: UnitCard }) {
  const { operator } = useSession();
  const [open, setOpen] = useState(false);
  if (!hasAnyRole(operator.roles, PASS_OFFICE_ROLES)) return null;
  return (
    <>
      <Button icon={<ExportOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {S.passFromUnit}
      </Button>
      {open && <NewPassModal unit={props.card} onClose={() => setOpen(false)} />}
    </>
  );
}
