import { useMemo, useState } from 'react';
import { Button, DatePicker, Descriptions, Select, Space, Typography, theme } from 'antd';
import { createColumnHelper } from '@tanstack/react-table';
import type { Dayjs } from 'dayjs';
import { COMMAND_NAMES, commands } from '../../shared/contract';
import { AUDIT_DESKS, AUDIT_DESK_KEYS, auditDeskOf, type AuditDesk, type AuditRow } from '../../shared/contract/audit';
import { DataTable } from '../components/DataTable';
import { sortableFields, useCommandList } from '../components/useCommandList';
import { useCommandResult } from '../components/useCommandResult';
import { officeDateTimeSeconds, officeDayRange } from '../dates';
import { S } from './strings';

const col = createColumnHelper<AuditRow>();
const SORTABLE = sortableFields('audit.list');
const WRITING_COMMANDS = COMMAND_NAMES.filter((n) => commands[n].writes);
const DESK_OPTIONS = AUDIT_DESK_KEYS.map((k) => ({ value: k, label: AUDIT_DESKS[k] }));

/**
 * 操作日志: who did what to which record, in the office's words (the server resolves the summary,
 * the kind of record and its own number); the raw command, entity and ids, and what was stored
 * before and after, open under the row (Enter or 详情).
 */
export function AuditTab() {
  const [operatorId, setOperatorId] = useState<number | undefined>();
  const [desk, setDesk] = useState<AuditDesk | undefined>();
  const [command, setCommand] = useState<string | undefined>();
  const [days, setDays] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  // The operator filter names operators: a new one, or a new name, belongs in it.
  const operators = useCommandResult('audit.operators', {}, { refreshOn: ['operators'] });

  // Days are picked on the office calendar; the filter wants the UTC instants that bound them.
  const from = days?.[0] ? officeDayRange(days[0].format('YYYY-MM-DD')).start : undefined;
  const to = days?.[1] ? officeDayRange(days[1].format('YYYY-MM-DD')).end : undefined;
  const list = useCommandList('audit.list', { operatorId, desk, command, from, to }, { sort: { field: 'at', desc: true } });

  const commandOptions = useMemo(
    () => WRITING_COMMANDS.filter((n) => !desk || auditDeskOf(n) === desk).map((n) => ({ value: n, label: commands[n].summary })),
    [desk],
  );
  const operatorOptions = (operators.value ?? []).map((o) => ({ value: o.id, label: `${o.displayName}（${o.login}）` }));

  const toggle = (id: number) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const columns = useMemo(
    () => [
      col.accessor('at', { header: S.colAt, size: 160, cell: (c) => officeDateTimeSeconds(c.getValue()) }),
      col.accessor('operatorName', {
        header: S.colOperator,
        size: 120,
        cell: (c) => (c.getValue() ? `${c.getValue()}（${c.row.original.operatorLogin}）` : S.system),
      }),
      col.accessor('desk', { header: S.colDesk, size: 90 }),
      col.accessor('commandSummary', { id: 'command', header: S.colCommand, size: 220 }),
      col.accessor('entityLabel', { header: S.colEntity, size: 80 }),
      col.accessor('record', { header: S.colRecord, size: 160, cell: (c) => c.getValue() ?? '' }),
      col.display({
        id: 'detail',
        header: S.colDetail,
        size: 70,
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
          placeholder={S.allOperators}
          aria-label={S.filterOperator}
          value={operatorId}
          onChange={setOperatorId}
          options={operatorOptions}
          style={{ width: 180 }}
        />
        <Select
          allowClear
          placeholder={S.allDesks}
          aria-label={S.filterDesk}
          value={desk}
          onChange={(v: AuditDesk | undefined) => {
            setDesk(v);
            // A command of another desk would leave the list empty for no visible reason.
            if (v && command && auditDeskOf(command) !== v) setCommand(undefined);
          }}
          options={DESK_OPTIONS}
          style={{ width: 150 }}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={S.allCommands}
          aria-label={S.filterCommand}
          value={command}
          onChange={setCommand}
          options={commandOptions}
          style={{ width: 260 }}
        />
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
        renderDetail={(r) => <AuditDetail row={r} />}
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

/** The raw names as stored, then before and after side by side (ID and phone numbers masked by the server). */
function AuditDetail({ row }: { row: AuditRow }) {
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
    <div data-testid="audit-detail">
      <Descriptions
        size="small"
        column={4}
        style={{ marginBottom: 8 }}
        items={[
          { key: 'command', label: S.rawCommand, children: <Typography.Text code>{row.command}</Typography.Text> },
          { key: 'entity', label: S.rawEntity, children: <Typography.Text code>{row.entity}</Typography.Text> },
          { key: 'entityId', label: S.rawEntityId, children: row.entityId ?? S.none },
          { key: 'id', label: S.rawAuditId, children: row.id },
          // Dual control: the second person who approved this command.
          ...(row.approverName ? [{ key: 'approver', label: S.approver, children: row.approverName }] : []),
        ]}
      />
      <div style={{ display: 'flex', gap: 12 }}>
        {block(S.before, row.before)}
        {block(S.after, row.after)}
      </div>
    </div>
  );
}
