import { useMemo, useState } from 'react';
import { Button, Checkbox, Form, Input, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnDef } from '@tanstack/react-table';
import type { VacancyRow } from '../../../shared/contract/fees-billing';
import { VACANCY_MIN_MONTHS } from '../../../shared/fees';
import { DataTable } from '../../components/DataTable';
import { FormModal } from '../../components/FormModal';
import { useCommandForm } from '../../components/forms';
import { useNotify } from '../../components/notify';
import { sortableFields, useCommandList } from '../../components/useCommandList';
import { UnitPicker } from '../../components/pickers/UnitPicker';
import { MonthPicker, shiftMonth, thisMonth } from './parts';
import { S } from './strings';

const SORTABLE = sortableFields('fees.vacancies');

/** 空置: units registered vacant (≥ 3 months, billed at the reduced rate), registered, renewed and ended here. */
export function VacancyTab() {
  const [activeOnly, setActiveOnly] = useState(true);
  const [unitId, setUnitId] = useState<number | null>(null);
  const list = useCommandList('fees.vacancies', { ...(activeOnly ? { active: true } : {}), ...(unitId ? { unitId } : {}) }, { sort: { field: 'endMonth', desc: false } });
  const [registering, setRegistering] = useState(false);
  const [renewing, setRenewing] = useState<VacancyRow | null>(null);
  const [ending, setEnding] = useState<VacancyRow | null>(null);
  const columns = useMemo<ColumnDef<VacancyRow, unknown>[]>(
    () => [
      { id: 'unitCode', header: S.colUnit, cell: ({ row }) => row.original.unitCode },
      { id: 'startMonth', header: S.colStart, cell: ({ row }) => row.original.startMonth },
      { id: 'endMonth', header: S.colEnd, cell: ({ row }) => row.original.endMonth },
      { id: 'months', header: S.colMonths, cell: ({ row }) => row.original.months },
      { id: 'state', header: S.colState, cell: ({ row }) => <Tag color={row.original.state === 'active' ? 'blue' : undefined}>{S.vacancyStates[row.original.state]}</Tag> },
      { id: 'note', header: S.colNote, cell: ({ row }) => [row.original.note, row.original.endReason].filter(Boolean).join('；') || S.none },
      {
        id: 'actions',
        header: S.actions,
        cell: ({ row }) =>
          row.original.state === 'ended' ? null : (
            <Space size="small">
              <Button size="small" onClick={() => setRenewing(row.original)}>
                {S.renew}
              </Button>
              {row.original.state === 'active' && (
                <Button size="small" onClick={() => setEnding(row.original)}>
                  {S.end}
                </Button>
              )}
            </Space>
          ),
      },
    ],
    [],
  );
  return (
    <div>
      <Typography.Paragraph type="secondary">{S.vacancyMin(VACANCY_MIN_MONTHS)}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setRegistering(true)}>
          {S.newVacancy}
        </Button>
        <UnitPicker aria-label={S.filterUnit} placeholder={S.filterUnit} value={unitId} onChange={setUnitId} style={{ width: 220 }} />
        <Checkbox checked={activeOnly} onChange={(e) => setActiveOnly(e.target.checked)}>
          {S.activeOnly}
        </Checkbox>
      </Space>
      <DataTable<VacancyRow> label={S.vacancyTable} columns={columns} list={list} sortable={SORTABLE} rowKey={(r) => r.id} height={420} />
      {registering && <RegisterModal onClose={() => setRegistering(false)} />}
      {renewing && <RenewModal row={renewing} onClose={() => setRenewing(null)} />}
      {ending && <EndModal row={ending} onClose={() => setEnding(null)} />}
    </div>
  );
}

interface RegisterValues {
  unitId: number | null;
  startMonth: string;
  endMonth: string;
  note: string;
}

function RegisterModal(props: { onClose(): void }) {
  const [form] = Form.useForm<RegisterValues>();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'fees.registerVacancy');
  const start = thisMonth();
  return (
    <FormModal<RegisterValues>
      title={S.newVacancy}
      formProps={formProps}
      submitting={submitting}
      onFinish={(v) =>
        void submit({ ...v, unitId: v.unitId ?? 0 }).then((r) => {
          if (!r.ok) return;
          notify.success(S.vacancySaved(r.value.unitCode));
          props.onClose();
        })
      }
      onClose={props.onClose}
      initialValues={{ unitId: null, startMonth: start, endMonth: shiftMonth(start, VACANCY_MIN_MONTHS - 1), note: '' }}
    >
      <Form.Item label={S.fieldUnit} name="unitId" required>
        <UnitPicker aria-label={S.fieldUnit} />
      </Form.Item>
      <Space>
        <Form.Item label={S.colStart} name="startMonth" required>
          <MonthPicker aria-label={S.colStart} />
        </Form.Item>
        <Form.Item label={S.colEnd} name="endMonth" required>
          <MonthPicker aria-label={S.colEnd} />
        </Form.Item>
      </Space>
      <Form.Item label={S.fieldNote} name="note">
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

function RenewModal(props: { row: VacancyRow; onClose(): void }) {
  const [form] = Form.useForm<{ endMonth: string }>();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'fees.renewVacancy');
  return (
    <FormModal<{ endMonth: string }>
      title={S.renewTitle(props.row.unitCode)}
      formProps={formProps}
      submitting={submitting}
      onFinish={(v) =>
        void submit({ id: props.row.id, endMonth: v.endMonth }).then((r) => {
          if (!r.ok) return;
          notify.success(S.renewed);
          props.onClose();
        })
      }
      onClose={props.onClose}
      initialValues={{ endMonth: shiftMonth(props.row.endMonth, VACANCY_MIN_MONTHS) }}
    >
      <Form.Item label={S.fieldNewEnd} name="endMonth" required>
        <MonthPicker aria-label={S.fieldNewEnd} />
      </Form.Item>
    </FormModal>
  );
}

function EndModal(props: { row: VacancyRow; onClose(): void }) {
  const [form] = Form.useForm<{ lastMonth: string; reason: string }>();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'fees.endVacancy');
  return (
    <FormModal<{ lastMonth: string; reason: string }>
      title={S.endTitle(props.row.unitCode)}
      formProps={formProps}
      submitting={submitting}
      onFinish={(v) =>
        void submit({ id: props.row.id, ...v }).then((r) => {
          if (!r.ok) return;
          notify.success(S.ended);
          props.onClose();
        })
      }
      onClose={props.onClose}
      initialValues={{ lastMonth: thisMonth(), reason: '' }}
    >
      <Form.Item label={S.fieldEndLast} name="lastMonth" required>
        <MonthPicker aria-label={S.fieldEndLast} />
      </Form.Item>
      <Form.Item label={S.fieldEndReason} name="reason" required>
        <Input autoFocus maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
