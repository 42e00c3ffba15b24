import { useState } from 'react';
import { Select } from 'antd';
import { useCounterSearch } from '../../search/useCounterSearch';
import { S } from '../strings';
import { HitLabel, notFoundText } from './hits';

/**
 * A resident on file, found with the counter search's 住户 hits: the value is the person id.
 * `onPick` also gives the name, for the message that names who was chosen.
 */
export function PersonPicker(props: {
  id?: string;
  value?: number | null;
  onChange?(personId: number | null): void;
  onPick?(person: { id: number; name: string }): void;
  placeholder?: string;
  autoFocus?: boolean;
}) {
  const [text, setText] = useState('');
  const { answer, current } = useCounterSearch(text, 20);
  const hits = answer.groups.filter((g) => g.kind === 'person').flatMap((g) => g.hits);
  return (
    <Select<number>
      id={props.id}
      autoFocus={props.autoFocus}
      showSearch={{ filterOption: false, onSearch: setText }}
      placeholder={props.placeholder ?? S.personPickerPh}
      notFoundContent={notFoundText(text, current)}
      value={props.value ?? undefined}
      onChange={(id) => {
        const hit = hits.find((h) => Number(h.id) === id);
        if (hit) props.onPick?.({ id, name: hit.title });
        props.onChange?.(id ?? null);
      }}
      options={hits.map((h) => ({ value: Number(h.id), label: <HitLabel title={h.title} subtitle={h.subtitle} /> }))}
    />
  );
}
