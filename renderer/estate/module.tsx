import { HomeOutlined } from '@ant-design/icons';
import type { RendererDesk } from '../desk-module';
import { EstateDesk } from './EstateDesk';

/** 房屋住户: the unit list and card everyone can use; hits with a unit open its card by default. */
export const estateModule: RendererDesk = {
  key: 'estate',
  icon: <HomeOutlined aria-hidden />,
  view: EstateDesk,
};
