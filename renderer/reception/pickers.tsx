import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { Select, Typography } from 'antd';
import type { Superior } from '../../shared/contract/reception';
import type { SearchHit } from '../../shared/contract/search';
import type { DepartmentView, StaffView } from '../../shared/contract/staff';
import { call } from '../api/client';
import { useCommandResult } from '../components/useCommandResult';
import { useCounterSearch } from '../search/useCounterSearch';
import { S } from './strings';

/** Who the information is about: a unit, or a resident (and their unit), found with the counter search. */
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

function HitLabel(props: { title: string; subtitle: string }) {
  return (
    <span>
      {props.title} <Typography.Text type="secondary">{props.subtitle}</Typography.Text>
    </span>
  );
}

function notFound(text: string, current: boolean, empty: string) {
  if (!text.trim()) return null;
  return current ? empty : S.whoSearching;
}

/**
 * The 房屋 / 住户 box of the log form: type a unit code, a name, pinyin initials or a mobile tail.
 * Form.Item passes `id` (so the label points at the input) and the unitId value; the pick itself
 * is the parent's state, because a person carries more than a unit id.
 */
export function WhoPicker(props: { id?: string; pick: WhoPick | null; onPick(pick: WhoPick | null): void; autoFocus?: boolean }) {
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
      placeholder={S.whoPh}
      value={chosen?.key}
      notFoundContent={notFound(text, current, S.whoNotFound)}
      onChange={(key) => {
        setText('');
        props.onPick(key ? ([...extra, ...picks].find((p) => p.key === key) ?? null) : null);
      }}
      options={options}
    />
  );
}

/** A unit only (filters, the visitor form): value is the unit id. */
export function UnitPicker(props: {
  id?: string;
  value?: number | null;
  onChange?(unitId: number | null): void;
  placeholder?: string;
  style?: CSSProperties;
  'aria-label'?: string;
}) {
  const [text, setText] = useState('');
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
      allowClear
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      placeholder={props.placeholder ?? S.filterUnitPh}
      value={value}
      style={props.style}
      notFoundContent={notFound(text, current, S.whoNotFound)}
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

/** 处理人: a member of staff or a whole department, as 's:12' / 'd:3'. */
export type HandlerKey = `s:${number}` | `d:${number}`;

export function handlerKey(staffId: number | null, departmentId: number | null): HandlerKey | undefined {
  if (staffId !== null) return `s:${staffId}`;
  if (departmentId !== null) return `d:${departmentId}`;
  return undefined;
}

export function handlerIds(key: string | null | undefined): { handlerStaffId: number | null; handlerDepartmentId: number | null } {
  const m = key?.match(/^([sd]):(\d+)$/);
  if (!m) return { handlerStaffId: null, handlerDepartmentId: null };
  return m[1] === 's' ? { handlerStaffId: Number(m[2]), handlerDepartmentId: null } : { handlerStaffId: null, handlerDepartmentId: Number(m[2]) };
}

/** staff.departments and staff.list, loaded once per page (the directory changes rarely). */
let directory: Promise<{ departments: DepartmentView[]; staff: StaffView[] }> | null = null;

function loadDirectory() {
  directory ??= Promise.all([call('staff.departments', {}), call('staff.list', {})]).then(([d, s]) => {
    if (!d.ok || !s.ok) directory = null; // try again next time
    return { departments: d.ok ? d.value.filter((x) => x.active) : [], staff: s.ok ? s.value.filter((x) => x.active) : [] };
  });
  return directory;
}

export function useDirectory() {
  const [dir, setDir] = useState<{ departments: DepartmentView[]; staff: StaffView[] } | null>(null);
  useEffect(() => {
    let live = true;
    void loadDirectory().then((d) => live && setDir(d));
    return () => {
      live = false;
    };
  }, []);
  return dir;
}

/** Grouped by department: the department itself first, then its people. */
export function HandlerPicker(props: {
  id?: string;
  value?: string | null;
  onChange?(key: string | null): void;
  placeholder?: string;
  style?: CSSProperties;
  'aria-label'?: string;
}) {
  const dir = useDirectory();
  const options = useMemo(
    () =>
      (dir?.departments ?? []).map((d) => ({
        label: d.name,
        title: d.name,
        options: [
          { value: `d:${d.id}`, label: S.handlerDept(d.name) },
          ...(dir?.staff ?? [])
            .filter((s) => s.departmentId === d.id)
            .map((s) => ({ value: `s:${s.id}`, label: s.position ? `${s.name}（${s.position}）` : s.name })),
        ],
      })),
    [dir],
  );
  return (
    <Select<string>
      id={props.id}
      aria-label={props['aria-label']}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={!dir}
      placeholder={props.placeholder ?? S.handlerPh}
      value={props.value ?? undefined}
      style={props.style}
      onChange={(key) => props.onChange?.(key ?? null)}
      options={options}
    />
  );
}

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
