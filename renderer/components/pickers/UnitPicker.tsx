import { useState, type CSSProperties } from 'react';
import { Select } from 'antd';
import { useCounterSearch } from '../../search/useCounterSearch';
import { S } from '../strings';
import { HitLabel, notFoundText } from './hits';

/** A unit, found with the counter search (filters, the visitor form): the value is the unit id. */
export function UnitPicker(props: {
  id?: string;
  value?: number | null;
  onChange?(unitId: number | null): void;
  placeholder?: string;
  style?: CSSProperties;
  'aria-label'?: string;
  /** Focus on mount: a dialog opened by a key (F8) takes the unit code typed right after it. */
  autoFocus?: boolean;
}) {
  const [text, setText] = useState('');
  // The code of a unit picked earlier, for when the search no longer lists it.
  const [labels, setLabels] = useState<Record<number, string>>({});
  const { answer, current } = useCounterSearch(text, 10);
  const hits = answer.groups.filter((g) => g.kind === 'unit').flatMap((g) => g.hits);
  const value = props.value ?? undefined;
  const options = hits.map((h) => ({ value: Number(h.id), label: h.title, title: h.subtitle }));
  if (value !== undefined && !options.some((o) => o.value === value)) options.unshift({ value, label: labels[value] ?? `#${value}`, title: '' });
  return (
    <Select<number>
      id={props.id}
      aria-label={props['aria-label']}
      autoFocus={props.autoFocus}
      allowClear
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      placeholder={props.placeholder ?? S.unitPickerPh}
      value={value}
      style={props.style}
      notFoundContent={notFoundText(text, current)}
      optionRender={(o) => <HitLabel title={String(o.label)} subtitle={String(o.data.title ?? '')} />}
      onChange={(id) => {
        setText('');
        const hit = hits.find((h) => Number(h.id) === id);
        if (hit) setLabels((l) => ({ ...l, [id]: hit.title }));
        props.onChange?.(id ?? null);
      }}
      options={options}
    />
  );
}
