import { useState } from 'react';
import { Button, Form, Radio, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { AssignmentRow, FeeItemRow } from '../../../shared/contract/fees-billing';
import { ASSIGNMENT_SCOPES, ASSIGNMENT_SCOPE_LABELS, type AssignmentScope } from '../../../shared/fees';
import { UNIT_TYPES, UNIT_TYPE_LABELS } from '../../../shared/estate';
import { formatYuan } from '../../../shared/money';
import { FormModal } from '../../components/FormModal';
import { MoneyInput, moneyRule } from '../../components/MoneyInput';
import { useCommandForm } from '../../components/forms';
import { useNotify } from '../../components/notify';
import { useCommandResult } from '../../components/useCommandResult';
import { UnitPicker } from '../../components/pickers/UnitPicker';
import { BuildingSelect, MonthPicker, thisMonth } from './parts';
import { S } from './strings';

/** Where one fee item applies: single units, buildings or unit types, each from a month to a month (or open). */
export function AssignmentsSection(props: { item: FeeItemRow; canEdit: boolean }) {
  const { item, canEdit } = props;
  const { value: rows } = useCommandResult('fees.assignments', { feeItemId: item.id });
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<AssignmentRow | null>(null);
  return (
    <section style={{ marginTop: 16 }} aria-label={S.assignmentsTitle(item.name)}>
      <Space style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {S.assignmentsTitle(item.name)}
        </Typography.Title>
        {canEdit && (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
            {S.newAssignment}
          </Button>
        )}
      </Space>
      <Table<AssignmentRow>
        size="small"
        bordered
        aria-label={S.assignmentsTable}
        rowKey="id"
        pagination={false}
        loading={!rows}
        dataSource={rows ?? []}
        columns={[
          { key: 'scope', title: S.colScope, render: (_, r) => ASSIGNMENT_SCOPE_LABELS[r.scope] },
          { key: 'target', title: S.colTarget, render: (_, r) => r.targetLabel },
          { key: 'start', title: S.colStart, render: (_, r) => r.startMonth },
          { key: 'end', title: S.colEnd, render: (_, r) => r.endMonth ?? S.openEnded },
          { key: 'rate', title: S.colOwnRate, align: 'right', render: (_, r) => (r.rateFen === null ? S.itemRate : formatYuan(r.rateFen)) },
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  title: S.actions,
                  render: (_: unknown, r: AssignmentRow) => (
                    <Button size="small" onClick={() => setEnding(r)}>
                      {S.endAssignment}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <AssignmentModal item={item} onClose={() => setAdding(false)} />}
      {ending && <EndAssignmentModal row={ending} onClose={() => setEnding(null)} />}
    </section>
  );
}

interface AssignmentValues {
  scope: AssignmentScope;
  unitId?: number | null;
  buildingId?: number | null;
  unitType?: string;
  startMonth: string;
  endMonth: string | null;
  rateFen: number | string | null;
}

function AssignmentModal(props: { item: FeeItemRow; onClose(): void }) {
  const [form] = Form.useForm<AssignmentValues>();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'fees.saveAssignment');
  const scope = Form.useWatch('scope', form) ?? 'unit_type';
  const onFinish = async (v: AssignmentValues) => {
    const target = v.scope === 'unit' ? v.unitId : v.scope === 'building' ? v.buildingId : v.unitType;
    const result = await submit({
      feeItemId: props.item.id,
      scope: v.scope,
      target: target === null || target === undefined ? '' : String(target),
      startMonth: v.startMonth,
      endMonth: v.endMonth ?? null,
      rateFen: typeof v.rateFen === 'number' ? v.rateFen : null,
    });
    if (!result.ok) {
      // The server names the field `target`; show it on whichever box chose it.
      const message = result.error.fields?.target;
      if (message) form.setFields([{ name: v.scope === 'unit' ? 'unitId' : v.scope === 'building' ? 'buildingId' : 'unitType', errors: [message] }]);
      return;
    }
    notify.success(S.assignmentSaved);
    props.onClose();
  };
  return (
    <FormModal<AssignmentValues>
      title={`${S.newAssignment}：${props.item.name}`}
      formProps={formProps}
      submitting={submitting}
      onFinish={(v) => void onFinish(v)}
      onClose={props.onClose}
      initialValues={{ scope: 'unit_type', unitType: 'residential', startMonth: thisMonth(), endMonth: null, rateFen: null }}
    >
      <Form.Item label={S.fieldScope} name="scope" required>
        <Radio.Group optionType="button" options={ASSIGNMENT_SCOPES.map((s) => ({ value: s, label: ASSIGNMENT_SCOPE_LABELS[s] }))} />
      </Form.Item>
      {scope === 'unit' && (
        <Form.Item label={S.fieldUnit} name="unitId" required>
          <UnitPicker aria-label={S.fieldUnit} />
        </Form.Item>
      )}
      {scope === 'building' && (
        <Form.Item label={S.fieldBuilding} name="buildingId" required>
          <BuildingSelect aria-label={S.fieldBuilding} />
        </Form.Item>
      )}
      {scope === 'unit_type' && (
        <Form.Item label={S.fieldUnitType} name="unitType" required>
          <Select aria-label={S.fieldUnitType} options={UNIT_TYPES.map((t) => ({ value: t, label: UNIT_TYPE_LABELS[t] }))} />
        </Form.Item>
      )}
      <Space>
        <Form.Item label={S.fieldStart} name="startMonth" required>
          <MonthPicker aria-label={S.fieldStart} />
        </Form.Item>
        <Form.Item label={S.fieldEnd} name="endMonth">
          <MonthPicker aria-label={S.fieldEnd} allowClear />
        </Form.Item>
      </Space>
      <Form.Item label={S.fieldOwnRate} name="rateFen" rules={[moneyRule()]}>
        <MoneyInput aria-label={S.fieldOwnRate} />
      </Form.Item>
    </FormModal>
  );
}

function EndAssignmentModal(props: { row: AssignmentRow; onClose(): void }) {
  const [form] = Form.useForm<{ endMonth: string }>();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'fees.endAssignment');
  return (
    <FormModal<{ endMonth: string }>
      title={S.endAssignmentTitle(props.row.targetLabel)}
      formProps={formProps}
      submitting={submitting}
      onFinish={(v) =>
        void submit({ id: props.row.id, endMonth: v.endMonth }).then((result) => {
          if (!result.ok) return;
          notify.success(S.assignmentEnded);
          props.onClose();
        })
      }
      onClose={props.onClose}
      initialValues={{ endMonth: thisMonth() }}
    >
      <Form.Item label={S.fieldLastMonth} name="endMonth" required>
        <MonthPicker aria-label={S.fieldLastMonth} />
      </Form.Item>
    </FormModal>
  );
}
