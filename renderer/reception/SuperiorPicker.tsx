import { Select, Typography } from 'antd';
import type { Superior } from '../../shared/contract/reception';
import { useCommandResult } from '../components/useCommandResult';
import { S } from './strings';

/**
 * 上报给: a supervisor or admin (reception.superiors), found by name, pinyin or initials (`wzg` →
 * 吴主管); Enter takes the first match. The value is the operator id.
 */
export function SuperiorPicker(props: { id?: string; value?: number | null; onChange?(operatorId: number | null): void; autoFocus?: boolean }) {
  const { value: superiors, error } = useCommandResult('reception.superiors', {});
  const options = (superiors ?? []).map((s: Superior) => ({
    value: s.operatorId,
    label: (
      <span>
        {s.name} <Typography.Text type="secondary">{s.detail}</Typography.Text>
      </span>
    ),
    title: s.name,
    searchText: s.searchText,
  }));
  return (
    <Select<number>
      id={props.id}
      autoFocus={props.autoFocus}
      showSearch={{ filterOption: (typed, option) => !!option?.searchText.includes(typed.trim().toLowerCase()) }}
      loading={!superiors && !error}
      placeholder={S.escalateToPh}
      notFoundContent={superiors && superiors.length === 0 ? S.escalateNobody : undefined}
      value={props.value ?? undefined}
      onChange={(operatorId) => props.onChange?.(operatorId ?? null)}
      options={options}
    />
  );
}
