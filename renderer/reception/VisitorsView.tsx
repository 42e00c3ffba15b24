import { useCallback, useMemo, useState } from 'react';
import { Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Space, Tag, Typography } from 'antd';
import { createColumnHelper } from '@tanstack/react-table';
import type { Dayjs } from 'dayjs';
import type { VisitorView } from '../../shared/contract/reception';
import { afterToday, futureTimes, officeDateTime, officeNow } from '../dates';
import { PHONE_INPUT_MAX } from '../../shared/phone';
import { DataTable } from '../components/DataTable';
import { FormModal } from '../components/FormModal';
import { useCommandForm } from '../components/forms';
import { useNotify } from '../components/notify';
import { call } from '../api/client';
import { sortableFields, useCommandList, type FiltersOf } from '../components/useCommandList';
import { DatesAndUnitFilters } from './filters';
import { UnitPicker } from '../components/pickers/UnitPicker';
import { S } from './strings';
import { useTouched } from './useTouched';

type VisitorFilters = FiltersOf<'reception.visitors'>;
const col = createColumnHelper<VisitorView>();
const SORTABLE = sortableFields('reception.visitors');
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** 访客登记: a quick form on top, then who is in (open visits first) and who has left. */
export function VisitorsView() {
  const notify = useNotify();
  const [filters, setFilters] = useState<VisitorFilters>({});
  const [q, setQ] = useState('');
  const [voiding, setVoiding] = useState<VisitorView | null>(null);
  const list = useCommandList('reception.visitors', filters, { pageSize: 50 });
  const set = (patch: Partial<VisitorFilters>) => setFilters({ ...filters, ...patch });

  const signOut = useCallback(
    async (v: VisitorView) => {
      const result = await call('reception.visitorOut', { id: v.id, outAt: null });
      if (!result.ok) {
        notify.error(result.error);
        return;
      }
      notify.success(S.visitorOutDone(v.name));
    },
    [notify],
  );

  const columns = useMemo(
    () => [
      col.accessor('no', { header: S.visitorNo, size: 136 }),
      col.accessor('name', { header: S.visitorName, size: 90 }),
      col.accessor('phone', { header: S.visitorPhone, size: 110 }),
      col.accessor('unitCode', { header: S.visitorUnit, size: 90, cell: (c) => c.getValue() ?? '' }),
      col.accessor('reason', { header: S.visitorReason, size: 160, cell: (c) => <Typography.Text ellipsis={{ tooltip: c.getValue() }}>{c.getValue()}</Typography.Text> }),
      col.accessor('plate', { header: S.visitorPlate, size: 90 }),
      col.accessor('companions', { header: S.colCompanions, size: 56 }),
      col.accessor('inAt', { header: S.visitorInAt, size: 132, cell: (c) => <span style={NOWRAP}>{officeDateTime(c.getValue())}</span> }),
      col.display({
        id: 'outAt',
        header: S.visitorOutAt,
        size: 124,
        cell: (c) => {
          const v = c.row.original;
          if (v.voided) return <Tag>{S.visitorVoided}</Tag>;
          if (v.outAt) return <span style={NOWRAP}>{officeDateTime(v.outAt)}</span>;
          return <Tag color="processing">{S.visitorStillIn}</Tag>;
        },
      }),
      col.display({
        id: 'actions',
        header: S.visitorActions,
        size: 124,
        cell: (c) => {
          const v = c.row.original;
          if (v.voided) return null;
          return (
            <Space size={4}>
              {!v.outAt && (
                <Button size="small" type="primary" onClick={() => void signOut(v)} aria-label={`${S.visitorOut} ${v.name}`}>
                  {S.visitorOut}
                </Button>
              )}
              <Button size="small" danger onClick={() => setVoiding(v)} aria-label={`${S.visitorVoid} ${v.name}`}>
                {S.visitorVoid}
              </Button>
            </Space>
          );
        },
      }),
    ],
    [signOut],
  );

  return (
    <div>
      <VisitorInForm />
      <Space wrap style={{ marginBottom: 12 }}>
        <Checkbox checked={!!filters.open} onChange={(e) => set({ open: e.target.checked || undefined })}>
          {S.visitorOpenOnly}
        </Checkbox>
        <DatesAndUnitFilters filters={filters} set={set} />
        <Input.Search
          allowClear
          aria-label={S.visitorSearch}
          placeholder={S.visitorSearch}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          style={{ width: 200 }}
        />
      </Space>
      <DataTable label={S.visitorsTable} columns={columns} list={list} sortable={SORTABLE} rowKey={(v) => v.id} height="max(240px, calc(100vh - 470px))" />
      {voiding && <VoidVisitorModal visitor={voiding} onClose={() => setVoiding(null)} />}
    </div>
  );
}

interface VisitorValues {
  name: string;
  phone: string;
  unitId: number | null;
  reason: string;
  plate: string;
  companions: number | null;
  inAt: Dayjs | null;
}

function VisitorInForm() {
  const [form] = Form.useForm<VisitorValues>();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'reception.visitorIn');
  const touched = useTouched<VisitorValues>(formProps);
  const initialValues: VisitorValues = { name: '', phone: '', unitId: null, reason: '', plate: '', companions: 0, inAt: officeNow() };

  const onFinish = async (v: VisitorValues) => {
    const result = await submit({
      name: v.name ?? '',
      phone: v.phone ?? '',
      unitId: v.unitId ?? null,
      reason: v.reason ?? '',
      plate: (v.plate ?? '').toUpperCase(),
      companions: v.companions ?? 0,
      inAt: touched.time('inAt', v.inAt),
    });
    if (!result.ok) return;
    notify.success(S.visitorSaved(result.value.name));
    form.setFieldsValue({ ...initialValues, inAt: officeNow() });
    touched.reset();
  };

  return (
    <Card size="small" title={S.visitorIn} style={{ marginBottom: 12 }}>
      <Form {...touched.formProps} layout="vertical" onFinish={onFinish} initialValues={initialValues} autoComplete="off">
        <Row gutter={12} align="bottom">
          <Col flex="120px">
            <Form.Item label={S.visitorName} name="name" required style={{ marginBottom: 8 }}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col flex="140px">
            <Form.Item label={S.visitorPhone} name="phone" style={{ marginBottom: 8 }}>
              <Input maxLength={PHONE_INPUT_MAX} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col flex="150px">
            <Form.Item label={S.visitorUnit} name="unitId" style={{ marginBottom: 8 }}>
              <UnitPicker />
            </Form.Item>
          </Col>
          <Col flex="auto">
            <Form.Item label={S.visitorReason} name="reason" required style={{ marginBottom: 8 }}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col flex="110px">
            <Form.Item label={S.visitorPlate} name="plate" style={{ marginBottom: 8 }}>
              <Input maxLength={12} />
            </Form.Item>
          </Col>
          <Col flex="90px">
            <Form.Item label={S.visitorCompanions} name="companions" style={{ marginBottom: 8 }}>
              <InputNumber min={0} max={50} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col flex="180px">
            <Form.Item label={S.visitorInAt} name="inAt" style={{ marginBottom: 8 }}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={afterToday} disabledTime={futureTimes} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col flex="100px">
            <Form.Item style={{ marginBottom: 8 }}>
              <Button type="primary" htmlType="submit" loading={submitting}>
                {S.visitorSave}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}

function VoidVisitorModal(props: { visitor: VisitorView; onClose(): void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'reception.voidVisitor');
  return (
    <FormModal<{ reason: string }>
      title={S.visitorVoidTitle(props.visitor.name)}
      okText={S.voidOk}
      formProps={formProps}
      submitting={submitting}
      onClose={props.onClose}
      initialValues={{ reason: '' }}
      onFinish={async (v) => {
        const result = await submit({ id: props.visitor.id, reason: v.reason ?? '' });
        if (!result.ok) return;
        notify.success(S.visitorVoidDone);
        props.onClose();
      }}
    >
      <Form.Item label={S.voidReason} name="reason" required>
        <Input autoFocus maxLength={200} placeholder={S.voidReasonPh} />
      </Form.Item>
    </FormModal>
  );
}
