import { useState } from 'react';
import { Button, Card, Form, Input, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { UnitCard, VehicleView } from '../../shared/contract/estate';
import { FormModal } from '../components/FormModal';
import { useCommandForm } from '../components/forms';
import { useNotify } from '../components/notify';
import { useEstateRights } from './roles';
import { S } from './strings';

/** 车辆 of the unit, with the owner's name. */
export function VehiclesSection(props: { card: UnitCard }) {
  const rights = useEstateRights();
  const [adding, setAdding] = useState(false);
  return (
    <Card
      size="small"
      title={S.vehicles}
      style={{ marginBottom: 16 }}
      extra={
        rights.people && (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
            {S.addVehicle}
          </Button>
        )
      }
    >
      <Table<VehicleView>
        size="small"
        aria-label={S.vehiclesTable}
        rowKey="id"
        pagination={false}
        dataSource={props.card.vehicles}
        locale={{ emptyText: S.noVehicles }}
        columns={[
          { title: S.colPlate, dataIndex: 'plate', width: 140, render: (p: string) => <strong>{p}</strong> },
          { title: S.colVehicleOwner, dataIndex: 'personName', width: 140, render: (n: string | null) => n ?? '' },
          { title: S.colVehicleNotes, dataIndex: 'notes' },
        ]}
      />
      {adding && (
        <VehicleFormModal
          card={props.card}
          onClose={() => setAdding(false)}
          onSaved={() => setAdding(false)}
        />
      )}
    </Card>
  );
}

interface Values {
  plate: string;
  personId: number | null;
  notes: string;
}

function VehicleFormModal(props: { card: UnitCard; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm<Values>();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'estate.saveVehicle');
  const current = props.card.people.filter((l) => !l.endDate);
  // One person may hold several roles on the unit; offer each person once.
  const owners = [...new Map(current.map((l) => [l.person.id, l.person.name])).entries()];
  const onFinish = async (v: Values) => {
    const result = await submit({ plate: v.plate ?? '', unitId: props.card.unit.id, personId: v.personId ?? null, notes: v.notes ?? '' });
    if (result.ok) {
      notify.success(S.vehicleSaved(result.value.plate));
      props.onSaved();
    }
  };
  const firstOwner = current.find((l) => l.role === 'owner')?.person.id ?? null;
  return (
    <FormModal title={S.vehicleTitle} formProps={formProps} submitting={submitting} onFinish={onFinish} onClose={props.onClose} initialValues={{ personId: firstOwner, notes: '' }}>
      <Form.Item label={S.vehiclePlate} name="plate" required>
        <Input autoFocus maxLength={12} placeholder={S.vehiclePlatePh} />
      </Form.Item>
      <Form.Item label={S.vehicleOwner} name="personId">
        <Select allowClear placeholder={S.vehicleOwnerPh} options={owners.map(([id, name]) => ({ value: id, label: name }))} />
      </Form.Item>
      <Form.Item label={S.vehicleNotes} name="notes">
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
