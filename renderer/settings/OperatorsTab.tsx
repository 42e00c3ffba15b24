import { useCallback, useMemo, useState } from 'react';
import { Button, Checkbox, Input, Select, Space, Tag, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { createColumnHelper } from '@tanstack/react-table';
import { ROLES, ROLE_LABELS, type Role } from '../../shared/roles';
import type { OperatorListRow, OperatorView } from '../../shared/contract/operators';
import { call } from '../api/client';
import { useNotify } from '../components/notify';
import { DataTable } from '../components/DataTable';
import { sortableFields, useCommandList } from '../components/useCommandList';
import { officeDateTimeSeconds } from '../dates';
import { OperatorFormModal } from './OperatorFormModal';
import { ResetPasswordModal, SetDisabledModal } from './OperatorStatusModals';
import { S } from './strings';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'status' | 'password'; operator: OperatorView } | null;

const col = createColumnHelper<OperatorListRow>();
const SORTABLE = sortableFields('operators.list');

export function OperatorsTab() {
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [includeDisabled, setIncludeDisabled] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const notify = useNotify();
  const list = useCommandList(
    'operators.list',
    { search: search || undefined, role, includeDisabled: includeDisabled || undefined },
    { sort: { field: 'login', desc: false } },
  );
  // An admin lets a clerk sign in again at once from a new computer (audited on the server).
  const clearLockout = useCallback(
    async (operator: OperatorView) => {
      const result = await call('operators.clearLockout', { id: operator.id });
      if (result.ok) notify.success(S.lockoutCleared(operator.displayName));
      else notify.error(result.error);
    },
    [notify],
  );

  const columns = useMemo(
    () => [
      col.accessor('login', { header: S.colLogin, size: 140 }),
      col.accessor('displayName', { header: S.colDisplayName, size: 140 }),
      col.accessor('roles', {
        header: S.colRoles,
        size: 220,
        cell: (c) => c.getValue().map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>),
      }),
      col.accessor('disabled', {
        header: S.colStatus,
        size: 200,
        cell: (c) => (
          <>
            {c.getValue() ? <Tag color="default">{S.statusDisabled}</Tag> : <Tag color="green">{S.statusActive}</Tag>}
            {c.row.original.loginWaitSeconds > 0 && (
              <Tooltip title={S.loginSlowedHelp}>
                <Tag color="orange">{S.loginSlowed(c.row.original.loginWaitSeconds)}</Tag>
              </Tooltip>
            )}
          </>
        ),
      }),
      col.accessor('createdAt', { header: S.colCreatedAt, size: 170, cell: (c) => officeDateTimeSeconds(c.getValue()) }),
      col.display({
        id: 'actions',
        header: S.colActions,
        size: 300,
        cell: (c) => {
          const operator = c.row.original;
          return (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', operator })}>
                {S.edit}
              </Button>
              <Button type="link" size="small" danger={!operator.disabled} onClick={() => setDialog({ kind: 'status', operator })}>
                {operator.disabled ? S.enable : S.disable}
              </Button>
              <Button type="link" size="small" onClick={() => setDialog({ kind: 'password', operator })}>
                {S.resetPassword}
              </Button>
              {operator.loginWaitSeconds > 0 && (
                <Button type="link" size="small" onClick={() => void clearLockout(operator)}>
                  {S.clearLockout}
                </Button>
              )}
            </Space>
          );
        },
      }),
    ],
    [clearLockout],
  );

  const close = () => setDialog(null);
  const saved = () => setDialog(null);

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={S.searchOperators} aria-label={S.searchOperators} onSearch={setSearch} style={{ width: 220 }} />
        <Select<Role>
          allowClear
          placeholder={S.allRoles}
          aria-label={S.roleFilter}
          value={role}
          onChange={setRole}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          style={{ width: 140 }}
        />
        <Checkbox checked={includeDisabled} onChange={(e) => setIncludeDisabled(e.target.checked)}>
          {S.includeDisabled}
        </Checkbox>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
          {S.newOperator}
        </Button>
      </Space>
      <DataTable
        label={S.operatorsTable}
        columns={columns}
        list={list}
        sortable={SORTABLE}
        rowKey={(o) => o.id}
        onOpen={(operator) => setDialog({ kind: 'edit', operator })}
      />
      {dialog?.kind === 'create' && <OperatorFormModal operator={null} onClose={close} onSaved={saved} />}
      {dialog?.kind === 'edit' && <OperatorFormModal operator={dialog.operator} onClose={close} onSaved={saved} />}
      {dialog?.kind === 'status' && <SetDisabledModal operator={dialog.operator} onClose={close} onSaved={saved} />}
      {dialog?.kind === 'password' && <ResetPasswordModal operator={dialog.operator} onClose={close} onSaved={saved} />}
    </>
  );
}
