import type { ReactNode } from 'react';
import type { OrderDetail } from '../../../shared/contract/repairs';
import { formatYuan } from '../../../shared/money';
import { ORDER_SCOPE_LABELS, quantityText, SATISFACTIONS, SATISFACTION_LABELS } from '../../../shared/repairs';
import { officeDateTime } from '../../dates';
import { PrintHeader, SignatureLines } from '../../print/parts';
import type { PrintFormProps } from '../../print/registry';
import { S } from '../strings';
import './repairs-print.css';

/** Lines the technician fills in by hand; a completed order prints its recorded lines instead. */
const BLANK_MATERIAL_LINES = 4;

/**
 * 维修单: what the technician takes to the job and brings back signed. Only what repairs.printSlip
 * returned is printed (the server masks the phone when settings say so). The QR in the header is
 * the order number: scanned at the desk, it opens the order for 回单录入.
 */
export function RepairOrderSlip(props: PrintFormProps & { data: OrderDetail }) {
  const o = props.data;
  const where = o.unitCode ?? o.location;
  const contact = [o.contactName, o.contactPhone].filter(Boolean).join(' ');
  const blanks = Math.max(0, BLANK_MATERIAL_LINES - o.materials.length);
  const done = o.completedAt !== null;
  const mark = (checked: boolean) => (checked ? '☑' : '☐');
  return (
    <>
      <PrintHeader {...props} qrMm={16} />
      <InfoTable>
          <tr>
            <th>{S.slipNo}</th>
            <td>
              {o.no}
              {o.emergency ? `（${S.emergency}）` : ''}
            </td>
            <th>{S.slipOpenedAt}</th>
            <td>{officeDateTime(o.openedAt)}</td>
          </tr>
          <tr>
            <th>{S.slipWhere}</th>
            <td>{`${where}（${ORDER_SCOPE_LABELS[o.scope]}）`}</td>
            <th>{S.slipCategory}</th>
            <td>{o.categoryLabel}</td>
          </tr>
          <tr>
            <th>{S.slipContact}</th>
            <td data-testid="slip-contact">{contact || S.none}</td>
            <th>{S.slipAppointment}</th>
            <td>{o.appointmentAt ? officeDateTime(o.appointmentAt) : S.none}</td>
          </tr>
          <tr>
            <th>{S.slipTechnician}</th>
            <td>{o.technicianLabel || S.none}</td>
            <th>{S.slipCharge}</th>
            <td>{o.chargeable ? `${S.chargeable}：${o.chargeItems}` : S.free}</td>
          </tr>
          <tr>
            <th>{S.slipFault}</th>
            <td colSpan={3} className="wx-box">
              {o.description}
            </td>
          </tr>
      </InfoTable>
      <table className="wx-table" data-testid="slip-materials">
        <colgroup>
          <col />
          <col style={{ width: '22mm' }} />
          <col style={{ width: '22mm' }} />
          <col style={{ width: '16mm' }} />
          <col style={{ width: '20mm' }} />
          <col style={{ width: '22mm' }} />
        </colgroup>
        <thead>
          <tr>
            <th>{S.slipMaterials}</th>
            <th>{S.matSpec}</th>
            <th>{S.matModel}</th>
            <th className="wx-num">{S.matQuantity}</th>
            <th className="wx-num">{S.matPrice}</th>
            <th className="wx-num">{S.matAmount}</th>
          </tr>
        </thead>
        <tbody>
          {o.materials.map((l, i) => (
            <tr key={i}>
              <td>{l.name}</td>
              <td>{l.spec}</td>
              <td>{l.model}</td>
              <td className="wx-num">{`${quantityText(l.quantity)}${l.unit}`}</td>
              <td className="wx-num">{formatYuan(l.unitPriceFen)}</td>
              <td className="wx-num">{formatYuan(l.amountFen)}</td>
            </tr>
          ))}
          {Array.from({ length: blanks }, (_, i) => (
            <tr key={`blank-${i}`} data-testid="slip-blank-line">
              <td />
              <td />
              <td />
              <td />
              <td />
              <td />
            </tr>
          ))}
          <tr>
            <th>{S.slipLabour}</th>
            <td colSpan={2} className="wx-num">
              {done ? formatYuan(o.labourFen) : ''}
            </td>
            <th colSpan={2}>{S.slipTotal}</th>
            <td className="wx-num">{done ? formatYuan(o.totalFen) : ''}</td>
          </tr>
        </tbody>
      </table>
      <InfoTable>
          <tr>
            <th>{S.slipArrivedAt}</th>
            <td>{o.arrivedAt ? officeDateTime(o.arrivedAt) : ''}</td>
            <th>{S.slipDoneAt}</th>
            <td>{o.completedAt ? officeDateTime(o.completedAt) : ''}</td>
          </tr>
          <tr>
            <th>{S.slipSatisfaction}</th>
            <td colSpan={3} className="wx-choices" data-testid="slip-satisfaction">
              {SATISFACTIONS.map((s) => (
                <span key={s}>{`${mark(o.satisfaction === s)} ${SATISFACTION_LABELS[s]}`}</span>
              ))}
            </td>
          </tr>
      </InfoTable>
      <SignatureLines labels={[S.slipTechSign, S.slipSigner]} />
    </>
  );
}

/** Label, value, label, value: the slip's ruled rows. */
function InfoTable(props: { children: ReactNode }) {
  return (
    <table className="wx-table">
      <colgroup>
        <col style={{ width: '20mm' }} />
        <col />
        <col style={{ width: '20mm' }} />
        <col />
      </colgroup>
      <tbody>{props.children}</tbody>
    </table>
  );
}
