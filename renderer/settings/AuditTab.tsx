import { useMemo, useState } from 'react';
import { Button, DatePicker, Input, Select, Space, Typography, theme } from 'antd';
import { createColumnHelper } from '@tanstack/react-table';
import type { Dayjs } from 'dayjs';
import { COMMAND_NAMES, commands, isCommandName } from '../../shared/contract';
import type { AuditRow } from '../../shared/contract/audit';
import { DataTable } from '../components/DataTable';
import { sortableFields, useCommandList } from '../components/useCommandList';
import { formatDateTime, officeDayBounds } from '../format';
import { S } from './strings';

const col = createColumnHelper<AuditRow>();
const SORTABLE = sortableFields('audit.list');
const COMMAND_OPTIONS = COMMAND_NAMES.filter((n) => commands[n].writes).map((n) => ({ value: n, label: `${commands[n].summary}（${n}）` }));

function commandLabel(name: string): string {
  return isCommandName(name) ? commands[name].summary : name;
}

export function AuditTab() {
  const [command, setCommand] = useState<string | undefined>();
  const [entity, setEntity] = useState('');
  const [entityId, setEntityId] = useState('');
  const [days, setDays] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());

  // Days are picked on the office calendar; the filter wants the UTC instants that bound them.
  const from = days?.[0] ? officeDayBounds(days[0].format('YYYY-MM-DD')).start : undefined;
  const to = days?.[1] ? officeDayBounds(days[1].format('YYYY-MM-DD')).end : undefined;
  const list = useCommandList(
    'audit.list',
    { command, entity: entity || undefined, entityId: entityId || undefined, from, to },
    { sort: { field: 'at', desc: true } },
  );

  const toggle = (id: number) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const columns = useMemo(
    () => [
      col.accessor('at', { header: S.colAt, size: 170, cell: (c) => formatDateTime(c.getValue()) }),
      col.accessor('operatorName', { header: S.colOperator, size: 110, cell: (c) => c.getValue() ?? S.system }),
      col.accessor('command', {
        header: S.colCommand,
        size: 220,
        cell: (c) => (
          <span>
            {commandLabel(c.getValue())}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.getValue()}
            </Typography.Text>
          </span>
        ),
      }),
      col.accessor('entity', { header: S.colEntity, size: 110 }),
      col.accessor('entityId', { header: S.colEntityId, size: 90, cell: (c) => c.getValue() ?? '' }),
      col.display({
        id: 'detail',
        header: S.colDetail,
        size: 80,
        cell: (c) => <ExpandButton open={expanded.has(c.row.original.id)} onClick={() => toggle(c.row.original.id)} />,
      }),
    ],
    [expanded],
  );

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={S.filterCommand}
          aria-label={S.filterCommand}
          value={command}
          onChange={setCommand}
          options={COMMAND_OPTIONS}
          style={{ width: 260 }}
        />
        <Input.Search allowClear placeholder={S.filterEntity} aria-label={S.filterEntity} onSearch={setEntity} style={{ width: 150 }} />
        <Input.Search allowClear placeholder={S.filterEntityId} aria-label={S.filterEntityId} onSearch={setEntityId} style={{ width: 150 }} />
        <DatePicker.RangePicker value={days} onChange={(v) => setDays(v)} placeholder={S.filterDates} allowEmpty={[true, true]} />
      </Space>
      <DataTable
        label={S.auditTable}
        columns={columns}
        list={list}
        sortable={SORTABLE}
        rowKey={(r) => r.id}
        onOpen={(r) => toggle(r.id)}
        expanded={expanded}
        renderDetail={(r) => <AuditChange row={r} />}
      />
    </>
  );
}

function ExpandButton(props: { open: boolean; onClick(): void }) {
  return (
    <Button type="link" size="small" aria-expanded={props.open} onClick={props.onClick}>
      {props.open ? S.collapse : S.expand}
    </Button>
  );
}

/** Before and after side by side, as the server stored them. */
function AuditChange({ row }: { row: AuditRow }) {
  const { token } = theme.useToken();
  const block = (title: string, value: unknown) => (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre
        style={{
          margin: '4px 0 0',
          padding: 8,
          maxHeight: 240,
          overflow: 'auto',
          fontSize: 12,
          background: token.colorFillQuaternary,
          borderRadius: token.borderRadius,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
        }}
      >
        {value === null || value === undefined ? S.none : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
  return (
    <div style={{ display: 'flex', gap: 12 }}>
      {block(S.before, row.before)}
      {block(S.after, row.after)}
    </div>
  );
}
