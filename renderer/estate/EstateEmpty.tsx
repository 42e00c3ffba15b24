import { useState } from 'react';
import { App, Button, Form, Input, Result, Space } from 'antd';
import { DatabaseOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import type { EstateView } from '../../shared/contract/estate';
import { call } from '../api/client';
import { FormModal } from '../components/FormModal';
import { useCommandForm } from '../components/forms';
import { useNotify } from '../components/notify';
import { BuildingFormModal } from './BuildingFormModal';
import { UnitFormModal } from './UnitFormModal';
import { useEstateRights } from './roles';
import { estateHash, go } from './route';
import { S } from './strings';

type Dialog = 'estate' | 'building' | 'unit' | null;

/** No estate or no unit yet: the first steps of a new office. */
export function EstateEmpty(props: { estates: EstateView[] }) {
  const rights = useEstateRights();
  const { modal } = App.useApp();
  const notify = useNotify();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [generating, setGenerating] = useState(false);
  const hasEstate = props.estates.length > 0;
  const hasBuilding = props.estates.some((e) => e.buildings.length > 0);

  const generate = () =>
    modal.confirm({
      title: S.generateDemo,
      content: S.generateDemoConfirm,
      okText: S.confirm,
      cancelText: S.cancel,
      onOk: async () => {
        setGenerating(true);
        const result = await call('estate.generateDemo', {});
        setGenerating(false);
        if (!result.ok) {
          notify.error(result.error);
          return;
        }
        modal.success({ title: S.generateDemo, content: S.generateDemoDone(result.value), okText: S.confirm });
      },
    });

  const saved = () => setDialog(null);

  // Once an estate exists the page says so and names the next step, instead of still asking for one.
  const sub = !rights.edit
    ? S.emptySubNoRights
    : hasEstate
      ? S.estateReadySub
      : !rights.supervise
        ? `${S.emptySub}${S.emptySubNoEstateRights}`
        : S.emptySub;
  return (
    <>
      <Result
        status={hasEstate ? 'success' : undefined}
        icon={hasEstate ? undefined : <DatabaseOutlined aria-hidden />}
        title={hasEstate ? S.estateReadyTitle(props.estates.map((e) => e.name)) : S.emptyTitle}
        subTitle={sub}
        extra={
          <Space wrap style={{ justifyContent: 'center' }}>
            {rights.supervise && (
              <Button type={hasEstate ? 'default' : 'primary'} icon={<PlusOutlined aria-hidden />} onClick={() => setDialog('estate')}>
                {S.newEstate}
              </Button>
            )}
            {rights.edit && hasEstate && (
              <Button type="primary" icon={<ImportOutlined aria-hidden />} onClick={() => go(estateHash.import)}>
                {S.importRoster}
              </Button>
            )}
            {rights.edit && hasEstate && (
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => setDialog('building')}>
                {S.newBuilding}
              </Button>
            )}
            {rights.edit && hasBuilding && (
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => setDialog('unit')}>
                {S.newUnit}
              </Button>
            )}
            {rights.admin && (
              <Button loading={generating} icon={<DatabaseOutlined aria-hidden />} onClick={generate}>
                {S.generateDemo}
              </Button>
            )}
          </Space>
        }
      />
      {dialog === 'estate' && <EstateFormModal onClose={() => setDialog(null)} onSaved={saved} />}
      {dialog === 'building' && <BuildingFormModal estates={props.estates} estateId={props.estates[0]?.id} onClose={() => setDialog(null)} onSaved={saved} />}
      {dialog === 'unit' && <UnitFormModal estates={props.estates} unit={null} onClose={() => setDialog(null)} onSaved={saved} />}
    </>
  );
}

function EstateFormModal(props: { onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm<{ name: string }>();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'estate.saveEstate');
  const onFinish = async (v: { name: string }) => {
    const result = await submit({ name: v.name ?? '' });
    if (result.ok) {
      notify.success(S.estateCreated);
      props.onSaved();
    }
  };
  return (
    <FormModal title={S.newEstateTitle} formProps={formProps} submitting={submitting} onFinish={onFinish} onClose={props.onClose}>
      <Form.Item label={S.estateName} name="name" required>
        <Input autoFocus maxLength={60} />
      </Form.Item>
    </FormModal>
  );
}
