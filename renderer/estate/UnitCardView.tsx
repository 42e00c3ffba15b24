import { useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, List, Row, Space, Timeline, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { EstateView, UnitCard } from '../../shared/contract/estate';
import { formatAreaDm2, UNIT_STATE_LABELS, UNIT_TYPE_LABELS } from '../../shared/estate';
import { LoadState } from '../components/LoadState';
import { useCommandResult } from '../components/useCommandResult';
import { useBackButton } from '../components/useBackButton';
import { officeDateTimeSeconds } from '../dates';
import { PeopleSection } from './PeopleSection';
import { UnitFormModal } from './UnitFormModal';
import { VehiclesSection } from './VehiclesSection';
import { useEstateRights } from './roles';
import { estateHash, go } from './route';
import { UnitStateTag } from './tags';
import { S } from './strings';
import { useDesks } from '../desk-module';
import { useSession } from '../session/SessionContext';
import { usesDesk } from '../../shared/permissions';
import { isDeskKey } from '../../shared/desks';

/** 房屋卡片: everything the counter needs about one unit on one screen. */
export function UnitCardView(props: { unitId: number; estates: EstateView[] }) {
  const { unitId } = props;
  const rights = useEstateRights();
  const actions = useDesks().unitCardActions;
  const { value: card, error, reload } = useCommandResult('estate.unitCard', { id: unitId });
  const [editing, setEditing] = useState(false);
  const back = useBackButton(() => go(estateHash.list));

  if (!card) return <LoadState error={error} loading={S.cardLoading} back={back} onRetry={reload} />;

  const { unit } = card;
  return (
    <div data-testid="unit-card">
      <Space align="center" wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space align="center" size="middle" wrap>
          {back}
          <Typography.Title level={2} style={{ margin: 0, fontVariantNumeric: 'tabular-nums' }}>
            {unit.code}
          </Typography.Title>
          <UnitStateTag state={unit.state} />
          <Typography.Text type="secondary">{unit.estateName}</Typography.Text>
        </Space>
        <Space wrap>
          {/* The desks' actions on this unit (接待登记's 登记接待, F4…). */}
          {actions.map((Action, i) => (
            <Action key={i} card={card} />
          ))}
          {rights.edit && (
            <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
              {S.editUnit}
            </Button>
          )}
        </Space>
      </Space>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, lg: 4 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'type', label: S.fieldType, children: UNIT_TYPE_LABELS[unit.type] },
          { key: 'area', label: S.fieldArea, children: unit.areaDm2 === null ? S.none : `${formatAreaDm2(unit.areaDm2)} ${S.areaUnit}` },
          { key: 'floor', label: S.fieldFloor, children: unit.floor === null ? S.none : S.floorText(unit.floor) },
          { key: 'estate', label: S.fieldEstate, children: `${unit.estateName} ${unit.buildingName}` },
          { key: 'notes', label: S.fieldNotes, span: 'filled', children: unit.notes || S.none },
        ]}
      />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <PeopleSection card={card} />
          <VehiclesSection card={card} />
        </Col>
        <Col xs={24} xl={8}>
          <OpenItems card={card} />
          <History card={card} />
        </Col>
      </Row>
      {editing && (
        <UnitFormModal
          estates={props.estates}
          unit={unit}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
    </div>
  );
}

function OpenItems(props: { card: UnitCard }) {
  const { openItemHref } = useDesks();
  const { operator } = useSession();
  const groups = props.card.openItems.filter((g) => g.items.length);
  return (
    <Card size="small" title={S.openItems} style={{ marginBottom: 16 }}>
      {groups.length === 0 ? (
        <Typography.Text type="secondary">{S.noOpenItems}</Typography.Text>
      ) : (
        groups.map((g) => (
          <List
            key={g.desk}
            size="small"
            header={<strong>{g.label}</strong>}
            dataSource={g.items}
            renderItem={(item) => {
              // A link only into a desk this operator works at (the receptionist sees a unit's unpaid bills, not the counter).
              const href = isDeskKey(g.desk) && usesDesk(operator.roles, g.desk) ? openItemHref(g.desk, item.id) : null;
              return (
                <List.Item key={item.id} extra={<Typography.Text type="secondary">{officeDateTimeSeconds(item.at)}</Typography.Text>}>
                  <List.Item.Meta title={href ? <a href={href}>{item.title}</a> : item.title} description={item.detail} />
                </List.Item>
              );
            }}
          />
        ))
      )}
    </Card>
  );
}

function History(props: { card: UnitCard }) {
  const { history } = props.card;
  return (
    <Card size="small" title={S.history} style={{ marginBottom: 16 }}>
      {history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={S.noHistory} />
      ) : (
        <Timeline
          items={history.map((h, i) => ({
            key: i,
            title: officeDateTimeSeconds(h.at),
            content: (
              <div>
                <div>
                  <strong>{S.historyLine(h.from ? UNIT_STATE_LABELS[h.from] : null, UNIT_STATE_LABELS[h.to])}</strong>
                </div>
                {h.reason && <div>{h.reason}</div>}
                <Typography.Text type="secondary">{S.historyBy(h.operatorName)}</Typography.Text>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
