import { useState } from 'react';
import { Button, Checkbox, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { FeeItemRow } from '../../../shared/contract/fees-billing';
import { FEE_EDIT_ROLES, FEE_KINDS, FEE_KIND_LABELS, FEE_METHODS, FEE_METHOD_LABELS, METERS, METER_LABELS, METER_UNITS, type FeeMethod, type Meter } from '../../../shared/fees';
import { formatYuan } from '../../../shared/money';
import { hasAnyRole } from '../../../shared/permissions';
import { FormModal } from '../../components/FormModal';
import { LoadState } from '../../components/LoadState';
import { MoneyInput, moneyRule } from '../../components/MoneyInput';
import { useCommandForm } from '../../components/forms';
import { useNotify } from '../../components/notify';
import { useCommandResult } from '../../components/useCommandResult';
import { useSession } from '../../session/SessionContext';
import { AssignmentsSection } from './AssignmentsSection';
import { S } from './strings';

/** "¥2.50 元/m²/月", "¥3.20 元/吨": an item's rate as the list and the run's basis say it. */
export function rateText(method: FeeMethod, rateFen: number, meter: Meter | null): string {
  const suffix = method === 'metered' ? `${S.rateSuffix.metered}${METER_UNITS[meter ?? 'water']}` : S.rateSuffix[method];
  return `${formatYuan(rateFen)} ${suffix}`;
}

/**
 * 收费项目: the office's fee items with their kind, method and rate; supervisors add and change
 * them (a new rate re-issues only unpaid bills, and says how many), and set where each applies.
 */
export function ItemsTab() {
  const { value: items, error, reload } = useCommandResult('fees.items', {});
  const { operator } = useSession();
  const canEdit = hasAnyRole(operator.roles, FEE_EDIT_ROLES);
  const [editing, setEditing] = useState<FeeItemRow | 'new' | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  if (!items) return <LoadState error={error} loading={S.loading} onRetry={reload} />;
  const current = items.find((i) => i.id === selected) ?? null;
  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {S.newItem}
          </Button>
        )}
        {!canEdit && <Typography.Text type="secondary">{S.editOnlySupervisor}</Typography.Text>}
      </Space>
      <Table<FeeItemRow>
        size="small"
        bordered
        aria-label={S.itemsTable}
        data-testid="fee-items"
        rowKey="id"
        pagination={false}
        dataSource={items}
        rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
        onRow={(r) => ({ onClick: () => setSelected(r.id), onDoubleClick: () => canEdit && setEditing(r) })}
        columns={[
          { key: 'name', title: S.colName, render: (_, r) => <Button type="link" style={{ padding: 0 }} onClick={() => setSelected(r.id)}>{r.name}</Button> },
          { key: 'kind', title: S.colKind, render: (_, r) => FEE_KIND_LABELS[r.kind] },
          { key: 'method', title: S.colMethod, render: (_, r) => FEE_METHOD_LABELS[r.method] },
          { key: 'rate', title: S.colRate, align: 'right', render: (_, r) => <span data-testid="fee-item-rate">{rateText(r.method, r.rateFen, r.meter)}</span> },
          { key: 'assignments', title: S.colAssignments, align: 'right', render: (_, r) => r.activeAssignments },
          { key: 'enabled', title: S.colEnabled, render: (_, r) => (r.enabled ? <Tag color="green">{S.enabled}</Tag> : <Tag>{S.disabled}</Tag>) },
          ...(canEdit
            ? [{ key: 'actions', title: S.actions, render: (_: unknown, r: FeeItemRow) => <Button size="small" onClick={() => setEditing(r)} aria-label={`${S.edit} ${r.name}`}>{S.edit}</Button> }]
            : []),
        ]}
      />
      {current ? <AssignmentsSection item={current} canEdit={canEdit} /> : <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{S.pickItemForAssignments}</Typography.Paragraph>}
      {editing && <ItemModal item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

interface ItemValues {
  name: string;
  kind: FeeItemRow['kind'];
  method: FeeMethod;
  rateFen: number | string | null;
  meter: Meter | null;
  enabled: boolean;
}

function ItemModal(props: { item: FeeItemRow | null; onClose(): void }) {
  const [form] = Form.useForm<ItemValues>();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'fees.saveItem');
  const method = Form.useWatch('method', form) ?? props.item?.method ?? 'area';
  const { item } = props;
  const onFinish = async (v: ItemValues) => {
    const result = await submit({ ...(item ? { id: item.id } : {}), ...v, meter: v.method === 'metered' ? v.meter : null } as never);
    if (!result.ok) return;
    const { repriced } = result.value;
    notify.success(repriced > 0 ? S.itemRepriced(v.name, repriced) : S.itemSaved(v.name));
    props.onClose();
  };
  return (
    <FormModal<ItemValues>
      title={item ? S.editItem(item.name) : S.newItem}
      formProps={formProps}
      submitting={submitting}
      onFinish={(v) => void onFinish(v)}
      onClose={props.onClose}
      initialValues={item ?? { kind: 'management', method: 'area', meter: null, enabled: true, rateFen: null }}
    >
      <Form.Item label={S.fieldName} name="name" required>
        <Input maxLength={30} autoFocus />
      </Form.Item>
      <Form.Item label={S.fieldKind} name="kind" required extra={item ? S.fixedOnceSaved : undefined}>
        <Select disabled={item !== null} options={FEE_KINDS.map((k) => ({ value: k, label: FEE_KIND_LABELS[k] }))} />
      </Form.Item>
      <Form.Item label={S.fieldMethod} name="method" required>
        <Select disabled={item !== null} options={FEE_METHODS.map((m) => ({ value: m, label: FEE_METHOD_LABELS[m] }))} />
      </Form.Item>
      {method === 'metered' && (
        <Form.Item label={S.fieldMeter} name="meter" required>
          <Select disabled={item !== null} options={METERS.map((m) => ({ value: m, label: METER_LABELS[m] }))} />
        </Form.Item>
      )}
      <Form.Item label={S.rateLabel[method]} name="rateFen" required rules={[moneyRule({ required: true })]} extra={item ? S.rateChangeNote : undefined}>
        <MoneyInput required aria-label={S.rateLabel[method]} />
      </Form.Item>
      <Form.Item name="enabled" valuePropName="checked">
        <Checkbox>{S.fieldEnabled}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
