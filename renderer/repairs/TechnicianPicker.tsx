import type { CSSProperties } from 'react';
import { Select, Typography } from 'antd';
import { useCommandResult } from '../components/useCommandResult';
import { S } from './strings';

/**
 * A technician from the staff directory (active staff only), each with their open orders and
 * today's dispatches so the desk can spread the work. The value is the staff id.
 */
export function TechnicianPicker(props: {
  id?: string;
  value?: number | null;
  onChange?(staffId: number | null): void;
  exclude?: number | null;
  autoFocus?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  'aria-label'?: string;
}) {
  const { value: technicians } = useCommandResult('repairs.technicians', {});
  const options = (technicians ?? [])
    .filter((t) => t.staffId !== props.exclude)
    .map((t) => ({
      value: t.staffId,
      label: `${t.name}（${t.departmentName}）`,
      search: `${t.name} ${t.departmentName} ${t.position}`,
      load: S.technicianLoad(t.open, t.today),
    }));
  return (
    <Select<number>
      id={props.id}
      aria-label={props['aria-label']}
      autoFocus={props.autoFocus}
      allowClear
      loading={!technicians}
      showSearch={{ optionFilterProp: 'search' }}
      placeholder={props.placeholder ?? S.technicianPh}
      value={props.value ?? undefined}
      style={props.style}
      options={options}
      optionRender={(o) => (
        <span style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
          <span>{o.data.label}</span>
          <Typography.Text type="secondary">{o.data.load}</Typography.Text>
        </span>
      )}
      onChange={(v) => props.onChange?.(v ?? null)}
    />
  );
}
