import { useState } from 'react';
import { Button, Card, Segmented, Space, Typography } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import type { LoanRow } from '../../../shared/contract/keys';
import { BORROWER_TYPES, BORROWER_TYPE_LABELS } from '../../../shared/keys';
import { LabelFilter } from '../../components/LabelFilter';
import { useCommandResult } from '../../components/useCommandResult';
import { S } from '../strings';
import { LoanTable, type LoanFilters } from './LoanTable';

type Quick = 'all' | 'open' | 'due_soon' | 'overdue' | 'returned';

/** `?due=overdue` / `?due=due_soon` (the header badge) or `?status=…`: the list a link asks for. */
export function loanFiltersFromQuery(q: URLSearchParams): LoanFilters | null {
  const asked = q.get('due') ?? q.get('status');
  return asked === 'overdue' || asked === 'due_soon' || asked === 'open' || asked === 'returned' ? { status: asked } : null;
}

/**
 * 借用记录: open, due soon, overdue and returned loans; a borrower's name opens their history
 * (every loan of theirs, what they hold now).
 */
export function LoansView(props: { filters: LoanFilters; onFilters(f: LoanFilters): void }) {
  const { filters, onFilters } = props;
  const [person, setPerson] = useState<string | null>(null);
  const set = (patch: Partial<LoanFilters>) => onFilters({ ...filters, ...patch });
  const personOf = (l: LoanRow) => setPerson(l.borrowerKey);
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<Quick>
          aria-label={S.quickFilter}
          value={filters.status ?? 'all'}
          onChange={(v) => set({ status: v === 'all' ? undefined : v })}
          options={[
            { value: 'all', label: S.quickAll },
            { value: 'open', label: S.quickOpen },
            { value: 'due_soon', label: S.quickDueSoon },
            { value: 'overdue', label: S.quickOverdue },
            { value: 'returned', label: S.quickReturned },
          ]}
        />
        <LabelFilter label={S.filterBorrowerType} all={S.allBorrowerTypes} values={BORROWER_TYPES} labels={BORROWER_TYPE_LABELS} value={filters.borrowerType} onChange={(borrowerType) => set({ borrowerType })} />
      </Space>
      {person && <PersonHistoryCard borrowerKey={person} onClose={() => setPerson(null)} />}
      <LoanTable filters={filters} onPerson={personOf} personLink={(l) => l.borrowerKey !== null} />
    </div>
  );
}

/** One borrower's loans (keys.personHistory): how many they hold now, and every loan of theirs. */
export function PersonHistoryCard(props: { borrowerKey: string; onClose(): void }) {
  const { value } = useCommandResult('keys.personHistory', { borrowerKey: props.borrowerKey });
  return (
    <Card
      size="small"
      data-testid="person-history"
      title={value ? S.personTitle(value.name) : S.loading}
      extra={<Button size="small" type="text" aria-label={S.clearFilters} icon={<CloseOutlined aria-hidden />} onClick={props.onClose} />}
      style={{ marginBottom: 12 }}
    >
      {value && (
        <>
          <Typography.Paragraph>{[S.personHolding(value.holding), value.phone, value.organisation].filter(Boolean).join(' · ')}</Typography.Paragraph>
          <LoanTable filters={{ borrowerKey: props.borrowerKey }} height={220} />
        </>
      )}
    </Card>
  );
}
