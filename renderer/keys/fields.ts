import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { officeFormat } from '../dates';

/** The key desk's date-and-time boxes (due times): to the minute, office time. */
export const DATE_TIME = { showTime: { format: 'HH:mm' }, format: 'YYYY-MM-DD HH:mm', style: { width: '100%' } } as const;

/** A stored instant as a date-time box's value, in office time. */
export const pickerOf = (iso: string): Dayjs => dayjs(officeFormat(iso, 'YYYY-MM-DD HH:mm'));

/** A dialog's `afterOpen`: the keyboard starts in this field. */
export const focusField = (form: FormInstance, name: string) => () => (form.getFieldInstance(name) as { focus?: () => void } | undefined)?.focus?.();
