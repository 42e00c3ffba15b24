import { Col, Form, Input, Row } from 'antd';
import { S } from './strings';

/** The vehicle and its driver, as the application plans them and the gate records them. */
export interface VehicleValues {
  plate: string;
  driverName: string;
  driverIdTail: string;
}

/** '' plate = carried out by hand (the contract's null). */
export function vehicleInput(v: Partial<VehicleValues>): { plate: string | null; driverName: string; driverIdTail: string } {
  const plate = (v.plate ?? '').trim();
  return { plate: plate || null, driverName: v.driverName ?? '', driverIdTail: v.driverIdTail ?? '' };
}

/** 车牌号, 司机姓名, 证件号后 4 位: one row, under the contract's field names. */
export function VehicleFields(props: { autoFocusPlate?: boolean }) {
  return (
    <Row gutter={12}>
      <Col span={8}>
        <Form.Item label={S.plate} name="plate">
          <Input maxLength={12} placeholder={S.platePh} autoFocus={props.autoFocusPlate} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item label={S.driverName} name="driverName">
          <Input maxLength={40} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item label={S.driverIdTail} name="driverIdTail" extra={S.idTailHelp}>
          <Input maxLength={6} />
        </Form.Item>
      </Col>
    </Row>
  );
}
