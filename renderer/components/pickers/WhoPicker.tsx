import { useState } from 'react';
import { Select } from 'antd';
import type { SearchHit } from '../../../shared/contract/search';
import { useCounterSearch } from '../../search/useCounterSearch';
import { S } from '../strings';
import { HitLabel, notFoundText } from './hits';

/** Who a record is about: a unit, or a resident (and their unit), found with the counter search. */
export interface WhoPick {
  key: string;
  kind: 'unit' | 'person';
  unitId: number | null;
  personId: number | null;
  title: string;
  subtitle: string;
}

export function pickFromHit(hit: SearchHit): WhoPick | null {
  if (hit.kind === 'unit') return { key: `unit:${hit.id}`, kind: 'unit', unitId: Number(hit.id), personId: null, title: hit.title, subtitle: hit.subtitle };
  if (hit.kind === 'person') {
    return { key: `person:${hit.id}`, kind: 'person', unitId: hit.unitId, personId: Number(hit.id), title: hit.title, subtitle: hit.subtitle };
  }
  return null;
}

/**
 * A unit or a resident in one box: type a unit code, a name, pinyin initials or a mobile tail.
 * Form.Item passes `id` (so the label points at the input); the pick itself is the parent's
 * state, because a person carries more than a unit id. `notFound` says what to do when nobody
 * matches (the reception log: type the visitor's name instead).
 */
export function WhoPicker(props: { id?: string; pick: WhoPick | null; onPick(pick: WhoPick | null): void; autoFocus?: boolean; notFound?: string }) {
  const [text, setText] = useState('');
  const { answer, current } = useCounterSearch(text, 10);
  const picks = answer.groups.flatMap((g) => g.hits).map(pickFromHit).filter((p): p is WhoPick => p !== null);
  const units = picks.filter((p) => p.kind === 'unit');
  const people = picks.filter((p) => p.kind === 'person');
  const chosen = props.pick;
  const extra = chosen && !picks.some((p) => p.key === chosen.key) ? [chosen] : [];
  const option = (p: WhoPick) => ({ value: p.key, label: <HitLabel title={p.title} subtitle={p.subtitle} />, title: p.title });
  const options = [
    ...extra.map(option),
    ...(units.length ? [{ label: S.whoGroupUnits, title: S.whoGroupUnits, options: units.map(option) }] : []),
    ...(people.length ? [{ label: S.whoGroupPeople, title: S.whoGroupPeople, options: people.map(option) }] : []),
  ];
  return (
    <Select<string>
      id={props.id}
      autoFocus={props.autoFocus}
      allowClear
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      placeholder={S.whoPickerPh}
      value={chosen?.key}
      notFoundContent={notFoundText(text, current, props.notFound)}
      onChange={(key) => {
        setText('');
        props.onPick(key ? ([...extra, ...picks].find((p) => p.key === key) ?? null) : null);
      }}
      options={options}
    />
  );
}
