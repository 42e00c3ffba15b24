import { Form, Input, InputNumber, Select } from 'antd';
import type { EstateView } from '../../shared/contract/estate';
import { readBuildingCode } from '../../shared/estate';
import { FormModal } from '../components/FormModal';
import { useCommandForm } from '../components/forms';
import { useNotify } from '../components/notify';
import { S } from './strings';

interface Values {
  estateId: number;
  code: string;
  name: string;
  floors: number | null;
}

export function BuildingFormModal(props: { estates: EstateView[]; estateId: number | undefined; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm<Values>();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'estate.saveBuilding');
  const onFinish = async (v: Values) => {
    // "1号楼" or "A座" typed as the number is also the office's name for the building.
    const name = v.name?.trim() || (readBuildingCode(v.code ?? '')?.name ?? '');
    const result = await submit({ estateId: v.estateId, code: v.code ?? '', name, floors: v.floors ?? null });
    if (result.ok) {
      notify.success(S.buildingCreated);
      props.onSaved();
    }
  };
  return (
    <FormModal
      title={S.buildingTitle}
      formProps={formProps}
      submitting={submitting}
      onFinish={onFinish}
      onClose={props.onClose}
      initialValues={{ estateId: props.estateId ?? props.estates[0]?.id }}
    >
      <Form.Item label={S.buildingEstate} name="estateId" required hidden={props.estates.length < 2}>
        <Select options={props.estates.map((e) => ({ value: e.id, label: e.name }))} />
      </Form.Item>
      <Form.Item label={S.buildingCode} name="code" required extra={S.buildingCodeHelp}>
        <Input autoFocus maxLength={20} />
      </Form.Item>
      <Form.Item label={S.buildingName} name="name">
        <Input maxLength={30} placeholder={S.buildingNamePh} />
      </Form.Item>
      <Form.Item label={S.buildingFloors} name="floors">
        <InputNumber min={1} max={200} precision={0} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}
