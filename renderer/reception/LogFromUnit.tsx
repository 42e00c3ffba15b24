import { useState } from 'react';
import { Button } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import type { UnitCard } from '../../shared/contract/estate';
import { RECEPTION_ROLES } from '../../shared/contract/reception';
import { LINK_ROLE_LABELS } from '../../shared/estate';
import { hasAnyRole } from '../desks';
import { useSession } from '../session/SessionContext';
import { LogEntryModal, type LogPrefill } from './LogEntryModal';
import { useF4 } from './keys';
import { receptionHash } from './route';
import { S } from './strings';

/** The unit and its first current owner (else the unit alone), channel 来访. */
export function prefillFromCard(card: UnitCard): LogPrefill {
  const { unit } = card;
  const owner = card.people.find((l) => l.role === 'owner' && !l.endDate);
  if (owner) {
    return {
      unitCode: unit.code,
      contactName: owner.person.name,
      pick: {
        key: `person:${owner.person.id}`,
        kind: 'person',
        unitId: unit.id,
        personId: owner.person.id,
        title: owner.person.name,
        subtitle: `${unit.code} ${LINK_ROLE_LABELS.owner}`,
      },
    };
  }
  return { unitCode: unit.code, contactName: '', pick: { key: `unit:${unit.id}`, kind: 'unit', unitId: unit.id, personId: null, title: unit.code, subtitle: '' } };
}

/** 登记接待 (F4) on the unit card: the log form with the unit and its owner filled in. */
export function LogFromUnitButton(props: { card: UnitCard; onLogged(): void }) {
  const { operator } = useSession();
  const allowed = hasAnyRole(operator.roles, RECEPTION_ROLES);
  const [open, setOpen] = useState(false);
  useF4(() => setOpen(true), allowed);
  if (!allowed) return null;
  return (
    <>
      <Button type="primary" icon={<FormOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {`${S.logFromUnit} (${S.logFromUnitKey})`}
      </Button>
      {open && <LogEntryModal prefill={prefillFromCard(props.card)} onClose={() => setOpen(false)} onLogged={props.onLogged} />}
    </>
  );
}

/** Open items on the unit card that belong to this desk link to their entry. */
export function openItemHref(desk: string, id: string): string | null {
  return desk === 'reception' ? receptionHash.entry(id) : null;
}
