import { Select } from 'antd';

/** A filter over one of the labelled value lists (category, channel, state, …); cleared means all of them. */
export function LabelFilter<T extends string>(props: {
  label: string;
  all: string;
  values: readonly T[];
  labels: Record<T, string>;
  value: T | undefined;
  onChange(value: T | undefined): void;
}) {
  return (
    <Select<T>
      allowClear
      aria-label={props.label}
      placeholder={props.all}
      value={props.value}
      onChange={(value) => props.onChange(value)}
      options={props.values.map((v) => ({ value: v, label: props.labels[v] }))}
      style={{ width: 110 }}
    />
  );
}
