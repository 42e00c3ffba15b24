import { Result } from 'antd';
import { S } from '../strings';

/** A desk that exists in the menu but not yet in this version: said plainly, nothing fake. */
export function ComingSoon(props: { title: string }) {
  return <Result status="info" title={S.deskComing(props.title)} subTitle={S.deskComingSub} />;
}
