import { officeDateTime } from '../dates';
import { S } from './strings';

/** Window and vehicle, in the words the detail, the gate and the printed pass share. */
export const windowText = (p: { validFrom: string; validUntil: string }) => `${officeDateTime(p.validFrom)} 至 ${officeDateTime(p.validUntil)}`;
export const vehicleText = (p: { plate: string | null; driverName: string; driverIdTail: string }) =>
  [p.plate ?? '', p.driverName, p.driverIdTail ? `证件尾号 ${p.driverIdTail}` : ''].filter(Boolean).join(' · ') || S.none;
