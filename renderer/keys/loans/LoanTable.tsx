import { useMemo, useState } from 'react';
import { Button, Space, Tag } from 'antd';
import { createColumnHelper } from '@tanstack/react-table';
import type { LoanRow } from '../../../shared/contract/keys';
import { BORROWER_TYPE_LABELS } from '../../../shared/keys';
import { officeDateTime } from '../../dates';
import { DataTable } from '../../components/DataTable';
import { sortableFields, useCommandList, type FiltersOf } from '../../components/useCommandList';
import { printHash } from '../../print/route';
import { useOpenPrint } from '../../print/useOpenPrint';
import { LOAN_SLIP_FORM } from '../print/forms';
import { go, keysHash } from '../route';
import { LoanStatusText } from '../tags';
import { S } from '../strings';
import { ChaseModal, ExtendModal } from './LoanActions';

export type LoanFilters = FiltersOf<'keys.loans'>;

const col = createColumnHelper<LoanRow>();
const SORTABLE = sortableFields('keys.loans');
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/**
 * Loans, server-paged: the loans tab, the borrower at the counter, a key's and a person's history.
 * An open loan offers 延期 and 催还 in its row; every loan reprints its slip. Enter on a row opens the key.
 */
export function LoanTable(props: { filters: LoanFilters; height?: number | string; onPerson?(loan: LoanRow): void; personLink?(loan: LoanRow): boolean }) {
  const list = useCommandList('keys.loans', props.filters, { sort: { field: 'dueAt', desc: false }, pageSize: 50 });
  const openPrint = useOpenPrint();
  const [acting, setActing] = useState<{ kind: 'extend' | 'chase'; loan: LoanRow } | null>(null);
  const { onPerson, personLink } = props;

  const columns = useMemo(
    () => [
      col.accessor('no', { header: S.colNo, size: 110 }),
      col.accessor('tag', { header: S.colTag, size: 90 }),
      col.accessor('target', { header: S.colTarget, size: 110 }),
      col.accessor((r) => r, {
        id: 'borrower',
        header: S.colBorrower,
        size: 150,
        cell: (c) => {
          const l = c.getValue();
          const who = `${l.borrowerName}（${BORROWER_TYPE_LABELS[l.borrowerType]}${l.organisation ? ` · ${l.organisation}` : ''}）`;
          return onPerson && (personLink?.(l) ?? true) ? (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onPerson(l)}>
              {who}
            </Button>
          ) : (
            who
          );
        },
      }),
      col.accessor('lentAt', { header: S.colLentAt, size: 128, cell: (c) => <span style={NOWRAP}>{officeDateTime(c.getValue())}</span> }),
      col.accessor('dueAt', { header: S.colDueAt, size: 128, cell: (c) => <span style={NOWRAP}>{officeDateTime(c.getValue())}</span> }),
      col.accessor((r) => r, {
        id: 'status',
        header: S.colStatus,
        size: 150,
        cell: (c) => (
          <Space size={4}>
            <LoanStatusText loan={c.getValue()} />
            {c.getValue().partial && <Tag color="warning">{S.partialMark}</Tag>}
          </Space>
        ),
      }),
      col.accessor('chases', { header: S.colChases, size: 50 }),
      col.accessor((r) => r, {
        id: 'actions',
        header: '',
        size: 170,
        cell: (c) => {
          const l = c.getValue();
          return (
            <Space size={4}>
              {l.returnedAt === null && (
                <>
                  <Button size="small" onClick={() => setActing({ kind: 'extend', loan: l })}>
                    {S.actExtend}
                  </Button>
                  <Button size="small" onClick={() => setActing({ kind: 'chase', loan: l })}>
                    {S.actChase}
                  </Button>
                </>
              )}
              <Button size="small" aria-label={`${S.actPrintSlip} ${l.no}`} onClick={() => openPrint(printHash(LOAN_SLIP_FORM, { serial: l.no }))}>
                {S.actPrintSlip}
              </Button>
            </Space>
          );
        },
      }),
    ],
    [openPrint, onPerson, personLink],
  );

  return (
    <>
      <DataTable label={S.loansTable} columns={columns} list={list} sortable={SORTABLE} rowKey={(r) => r.id} onOpen={(r) => go(keysHash.key(r.keyId))} height={props.height} />
      {acting?.kind === 'extend' && <ExtendModal loan={acting.loan} onClose={() => setActing(null)} />}
      {acting?.kind === 'chase' && <ChaseModal loan={acting.loan} onClose={() => setActing(null)} />}
    </>
  );
}
