import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { Select } from 'antd';
import type { DepartmentView, StaffView } from '../../../shared/contract/staff';
import { call } from '../../api/client';
import { S } from '../strings';

/** A member of staff or a whole department (a 处理人, who a job goes to), as 's:12' / 'd:3'. */
export type StaffKey = `s:${number}` | `d:${number}`;

export function staffKey(staffId: number | null, departmentId: number | null): StaffKey | undefined {
  if (staffId !== null) return `s:${staffId}`;
  if (departmentId !== null) return `d:${departmentId}`;
  return undefined;
}

export function staffKeyIds(key: string | null | undefined): { staffId: number | null; departmentId: number | null } {
  const m = key?.match(/^([sd]):(\d+)$/);
  if (!m) return { staffId: null, departmentId: null };
  return m[1] === 's' ? { staffId: Number(m[2]), departmentId: null } : { staffId: null, departmentId: Number(m[2]) };
}

interface Directory {
  departments: DepartmentView[];
  staff: StaffView[];
}

/** staff.departments and staff.list, loaded once per page (the directory changes rarely). */
let directory: Promise<Directory> | null = null;

function loadDirectory() {
  directory ??= Promise.all([call('staff.departments', {}), call('staff.list', {})]).then(([d, s]) => {
    if (!d.ok || !s.ok) directory = null; // try again next time
    return { departments: d.ok ? d.value.filter((x) => x.active) : [], staff: s.ok ? s.value.filter((x) => x.active) : [] };
  });
  return directory;
}

function useDirectory() {
  const [dir, setDir] = useState<Directory | null>(null);
  useEffect(() => {
    let live = true;
    void loadDirectory().then((d) => live && setDir(d));
    return () => {
      live = false;
    };
  }, []);
  return dir;
}

/** Active staff grouped by department: the department itself first, then its people. */
export function StaffPicker(props: {
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
          { value: `d:${d.id}`, label: S.staffPickerDepartment(d.name) },
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
      placeholder={props.placeholder ?? S.staffPickerPh}
      value={props.value ?? undefined}
      style={props.style}
      onChange={(key) => props.onChange?.(key ?? null)}
      options={options}
    />
  );
}
