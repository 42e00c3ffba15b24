import { useState } from 'react';
import { Button } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import type { UnitCard } from '../../shared/contract/estate';
import { unitContacts } from '../../shared/reception';
import { usesDesk } from '../../shared/permissions';
import { useSession } from '../session/SessionContext';
import { LogEntryModal, type LogPrefill } from './LogEntryModal';
import { useNewEntryShortcut } from './useNewEntryShortcut';
import { S } from './strings';

/** The unit, with its residents offered as the contact (the owner first, chosen), channel 来访. */
export function prefillFromCard(card: UnitCard): LogPrefill {
  const { unit } = card;
  return {
    unitCode: unit.code,
    contacts: unitContacts(card.people),
    pick: { key: `unit:${unit.id}`, kind: 'unit', unitId: unit.id, personId: null, title: unit.code, subtitle: '' },
  };
}

/** 登记接待 (F4) on the unit card: the log form with the unit and its owner filled in. */
export function LogFromUnitButton(props: { card: UnitCard }) {
  const { operator } = useSession();
  const allowed = usesDesk(operator.roles, 'reception');
  const [open, setOpen] = useState(false);
  useNewEntryShortcut(() => setOpen(true), allowed);
  if (!allowed) return null;
  return (
    <>
      <Button type="primary" icon={<FormOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {`${S.logFromUnit} (${S.logFromUnitKey})`}
      </Button>
      {open && <LogEntryModal prefill={prefillFromCard(props.card)} onClose={() => setOpen(false)} />}
    </>
  );
}
