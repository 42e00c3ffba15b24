import { staffKeyIds } from '../components/pickers/StaffPicker';

/** A StaffPicker key → an entry's 处理人 fields, as the reception commands name them. */
export function handlerIds(key: string | null | undefined): { handlerStaffId: number | null; handlerDepartmentId: number | null } {
  const { staffId, departmentId } = staffKeyIds(key);
  return { handlerStaffId: staffId, handlerDepartmentId: departmentId };
}
