import { useState } from 'react';
import { Button, Card, Space, Table, Tag, theme } from 'antd';
import { PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import type { LinkView, UnitCard } from '../../shared/contract/estate';
import { LINK_ROLE_LABELS } from '../../shared/estate';
import { EndLinkModal, LinkExistingModal, PersonFormModal, RevealIdModal } from './PersonModals';
import { useEstateRights } from './roles';
import { S } from './strings';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

type Dialog = { kind: 'create' | 'linkExisting' } | { kind: 'edit' | 'end' | 'reveal'; link: LinkView } | null;

/** 住户: who is linked to the unit now (and who was, greyed), and the counter's actions on them. */
export function PeopleSection(props: { card: UnitCard }) {
  const { card } = props;
  const { token } = theme.useToken();
  const rights = useEstateRights();
  const [dialog, setDialog] = useState<Dialog>(null);
  // Current links first; among ended ones, the latest ended first.
  const people = [...card.people].sort((a, b) => {
    if (!a.endDate !== !b.endDate) return a.endDate ? 1 : -1;
    return (b.endDate ?? '').localeCompare(a.endDate ?? '');
  });

  const close = () => setDialog(null);

  return (
    <Card
      size="small"
      title={S.people}
      style={{ marginBottom: 16 }}
      extra={
        rights.people && (
          <Space>
            <Button size="small" type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
              {S.addPerson}
            </Button>
            <Button size="small" icon={<UserAddOutlined aria-hidden />} onClick={() => setDialog({ kind: 'linkExisting' })}>
              {S.linkExisting}
            </Button>
          </Space>
        )
      }
    >
      <Table<LinkView>
        size="small"
        aria-label={S.peopleTable}
        rowKey="linkId"
        pagination={false}
        dataSource={people}
        locale={{ emptyText: S.noPeople }}
        onRow={(link) => (link.endDate ? { style: { color: token.colorTextDisabled } } : {})}
        columns={[
          {
            title: S.colName,
            key: 'name',
            width: 150,
            render: (_, link) => (
              <Space size={4} wrap>
                <span style={{ fontWeight: link.endDate ? undefined : 600 }}>{link.person.name}</span>
                {link.endDate && <Tag>{S.ended(link.endDate)}</Tag>}
              </Space>
            ),
          },
          { title: S.colRole, key: 'role', width: 100, render: (_, link) => <span style={NOWRAP}>{LINK_ROLE_LABELS[link.role]}</span> },
          {
            title: S.colPhone,
            key: 'phone',
            width: 150,
            // A resident with only a landline (kept as the other phone) is still reachable: show it.
            render: (_, link) => <span style={NOWRAP}>{link.person.mobile ?? link.person.otherPhone ?? ''}</span>,
          },
          { title: S.colIdNumber, key: 'id', width: 190, render: (_, link) => <span style={{ fontFamily: 'monospace' }}>{link.person.idNumberMasked}</span> },
          { title: S.colStart, key: 'start', width: 110, render: (_, link) => <span style={NOWRAP}>{link.startDate ?? ''}</span> },
          ...(rights.people
            ? [
                {
                  title: S.colActions,
                  key: 'actions',
                  width: 250,
                  render: (_: unknown, link: LinkView) => (
                    <Space size={0} wrap>
                      <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', link })}>
                        {S.editPerson}
                      </Button>
                      {!link.endDate && (
                        <Button type="link" size="small" danger onClick={() => setDialog({ kind: 'end', link })}>
                          {S.endLink}
                        </Button>
                      )}
                      {rights.revealIds && link.person.idNumberMasked && (
                        <Button type="link" size="small" onClick={() => setDialog({ kind: 'reveal', link })}>
                          {S.revealId}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {dialog?.kind === 'create' && <PersonFormModal unitId={card.unit.id} link={null} onClose={close} onSaved={close} />}
      {dialog?.kind === 'edit' && <PersonFormModal unitId={card.unit.id} link={dialog.link} onClose={close} onSaved={close} />}
      {dialog?.kind === 'linkExisting' && <LinkExistingModal unitId={card.unit.id} onClose={close} onSaved={close} />}
      {dialog?.kind === 'end' && <EndLinkModal link={dialog.link} onClose={close} onSaved={close} />}
      {dialog?.kind === 'reveal' && <RevealIdModal link={dialog.link} onClose={close} />}
    </Card>
  );
}
