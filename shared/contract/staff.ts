import { z } from 'zod';
import { defineCommand, returns } from './define';
import { id, requiredText, text } from '../zod-zh';
import { optionalPhone } from '../phone';

/** The staff directory: technicians, guards, officers by department; later desks assign work to them. */
export interface DepartmentView {
  id: number;
  name: string;
  active: boolean;
  staffCount: number;
}

export interface StaffView {
  id: number;
  name: string;
  departmentId: number;
  departmentName: string;
  position: string;
  mobile: string | null;
  operatorId: number | null;
  operatorName: string | null;
  active: boolean;
}

export const staffCommands = {
  'staff.departments': defineCommand({
    name: 'staff.departments',
    summary: '部门列表',
    input: z.strictObject({}),
    output: returns<DepartmentView[]>(),
    access: 'signed_in',
    writes: false,
  }),
  'staff.saveDepartment': defineCommand({
    name: 'staff.saveDepartment',
    summary: '新增、改名或停用部门',
    input: z.strictObject({ id: id().optional(), name: requiredText(20), active: z.boolean().default(true) }),
    output: returns<DepartmentView>(),
    access: ['supervisor', 'admin'],
    writes: true,
    affects: ['reception'],
  }),
  'staff.list': defineCommand({
    name: 'staff.list',
    summary: '员工名录',
    input: z.strictObject({ departmentId: id().optional(), includeInactive: z.boolean().default(false) }),
    output: returns<StaffView[]>(),
    access: 'signed_in',
    writes: false,
  }),
  'staff.save': defineCommand({
    name: 'staff.save',
    summary: '新增或修改员工（可关联登录账号）',
    input: z.strictObject({
      id: id().optional(),
      name: requiredText(40),
      departmentId: id(),
      position: text(30).default(''),
      /** A mobile, or the department's landline (with area code). */
      mobile: optionalPhone,
      operatorId: id().nullable().default(null),
      active: z.boolean().default(true),
    }),
    output: returns<StaffView>(),
    access: ['supervisor', 'admin'],
    writes: true,
    // Entries show their handler's name and department; the 上报 picker a superior's position.
    affects: ['reception'],
  }),
} as const;
