import { checkIdCard, ID_CARD_PROBLEMS, normalizeIdCard, type IdCardProblem } from '../../shared/idcard';
import { readPhone, type PhoneReading } from '../../shared/phone';
import {
  BUILDING_CODE_HELP,
  ENTRANCE_CODE_HELP,
  GENDER_LABELS,
  keyForLabel,
  parseAreaDm2,
  readBuildingCode,
  readEntranceCode,
  UNIT_STATE_LABELS,
  UNIT_TYPE_LABELS,
  type BuildingReading,
  type Gender,
  type UnitState,
  type UnitType,
} from '../../shared/estate';
import type { RosterField } from '../../shared/estate-import';

/** One roster row's cells read as the office wrote them; null where a cell is blank or unreadable. */
export interface RosterCells {
  building: BuildingReading | null;
  /** '' for no entrance; null when unreadable or contradicting the building cell. */
  entrance: string | null;
  room: string;
  floor: number | null;
  areaDm2: number | null;
  type: UnitType | null;
  state: UnitState | null;
  name: string;
  gender: Gender | null;
  phone: PhoneReading | null;
  idNumber: string | null;
  idProblem: IdCardProblem | null;
  moveInDate: string | null;
  notes: string;
}

export const ROOM_CODE = /^[0-9A-Z]{1,8}$/;

function parseDate(text: string): string | 'invalid' | null {
  if (!text) return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!m) return 'invalid';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1950 || y > 2100) return 'invalid';
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Read and check each cell of one row on its own (rows are compared with each other by the caller). */
export function readRosterCells(get: (field: RosterField) => string, today: Date): { cell: RosterCells; errors: { field: RosterField; message: string }[] } {
  const errors: { field: RosterField; message: string }[] = [];
  const bad = (field: RosterField, message: string) => errors.push({ field, message });

  const buildingText = get('building');
  const building = readBuildingCode(buildingText);
  if (!buildingText) bad('building', '楼栋不能为空');
  else if (!building) bad('building', BUILDING_CODE_HELP);
  let entrance = readEntranceCode(get('entrance'));
  if (entrance === null) bad('entrance', ENTRANCE_CODE_HELP);
  else if (building?.entrance) {
    // "1号楼2单元" in the building column: the entrance comes with it, and must agree with the 单元 column.
    if (!entrance) entrance = building.entrance;
    else if (entrance !== building.entrance) {
      bad('entrance', `楼栋一栏写的是 ${building.entrance} 单元，单元一栏却是 ${get('entrance')}，请核对`);
      entrance = null;
    }
  }
  const room = get('room').normalize('NFKC').toUpperCase().replace(/[室号房]$/u, '');
  if (!room) bad('room', '房号不能为空');
  else if (!ROOM_CODE.test(room)) bad('room', '房号只能是数字或字母');

  const floorText = get('floor').replace(/[层楼]$/u, '');
  let floor: number | null = null;
  if (floorText) {
    if (!/^-?\d{1,3}$/.test(floorText) || Number(floorText) < -10 || Number(floorText) > 200) bad('floor', '楼层应为整数');
    else floor = Number(floorText);
  }
  const area = parseAreaDm2(get('area').normalize('NFKC'));
  if (area === 'invalid') bad('area', '面积应为正数，最多两位小数，且不超过 10000');
  const typeText = get('type');
  const type = typeText ? keyForLabel(UNIT_TYPE_LABELS, typeText) : null;
  if (typeText && !type) bad('type', `房屋类型应为：${Object.values(UNIT_TYPE_LABELS).join('、')}`);
  const stateText = get('state');
  const state = stateText ? keyForLabel(UNIT_STATE_LABELS, stateText) : null;
  if (stateText && !state) bad('state', `状态应为：${Object.values(UNIT_STATE_LABELS).join('、')}`);

  const name = get('ownerName');
  const genderText = get('gender');
  const gender = genderText ? keyForLabel(GENDER_LABELS, genderText.replace(/性$/u, '')) : null;
  if (genderText && !gender) bad('gender', '性别应为 男 或 女');
  const phone = readPhone(get('mobile'));
  if (phone && !phone.ok) bad('mobile', phone.message);
  const idNumber = normalizeIdCard(get('idNumber').normalize('NFKC').replace(/\s/g, '')) || null;
  const idProblem = idNumber ? checkIdCard(idNumber, today) : null;
  if (idProblem) bad('idNumber', ID_CARD_PROBLEMS[idProblem]);
  const moveIn = parseDate(get('moveInDate'));
  if (moveIn === 'invalid') bad('moveInDate', '日期格式应为 2020-06-01');
  if (!name && (phone || idNumber)) bad('ownerName', '填了手机或身份证号，但没有业主姓名');
  if (name.length > 40) bad('ownerName', '姓名最多 40 个字');
  const notes = get('notes');
  if (notes.length > 500) bad('notes', '备注最多 500 个字');

  return {
    cell: {
      building,
      entrance,
      room,
      floor,
      areaDm2: area === 'invalid' ? null : area,
      type,
      state,
      name,
      gender,
      phone,
      idNumber,
      idProblem,
      moveInDate: moveIn === 'invalid' ? null : moveIn,
      notes,
    },
    errors,
  };
}
