import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { CalendarOutlined, FileAddOutlined, GiftOutlined, PayCircleOutlined, SwapOutlined } from '@ant-design/icons';
import type { ReceiptView } from '../../../shared/contract/fees-counter';
import { formatYuan } from '../../../shared/money';
import { LoadState } from '../../components/LoadState';
import { UnitPicker } from '../../components/pickers/UnitPicker';
import { useCommandResult } from '../../components/useCommandResult';
import { useFunctionKey } from '../../components/useFunctionKey';
import { printHash } from '../../print/route';
import { useOpenPrint } from '../../print/useOpenPrint';
import { RECEIPT_FORM } from '../print/forms';
import { feesHash, go, replaceHash } from '../route';
import { S } from '../strings';
import { BillTable } from './BillTable';
import { PayDialog, type PayMode } from './PayDialog';
import { selectionOf } from './payment';
import { ChargeDialog } from './ChargeDialog';
import { PrepayDialog, prepayRange, type CounterPrepay } from './PrepayDialog';
import '../fees.css';

const UNIT_BOX = 'fees-counter-unit';

/**
 * 收银台: find the unit, see what it owes, tick the bills, take the money. After a payment the
 * receipt prints at once and the counter is left empty for the next person (the print preview's
 * 返回 comes back to `#/fees`, the unit box focused).
 */
export function CounterView(props: { unitId: number | null }) {
  const { unitId } = props;
  useEffect(() => {
    if (unitId === null) document.getElementById(UNIT_BOX)?.focus();
  }, [unitId]);
  // The box only finds a unit (the card below names the one open), so it stays empty for the next search.
  return (
    <div>
      <Space align="center" style={{ marginBottom: 12 }} wrap>
        <Typography.Text strong>{S.counterUnit}</Typography.Text>
        <UnitPicker
          id={UNIT_BOX}
          aria-label={S.counterUnit}
          placeholder={unitId === null ? S.counterUnitPh : S.counterOtherUnitPh}
          value={null}
          onChange={(id) => go(id === null ? feesHash.counter : feesHash.unit(id))}
          style={{ width: 280 }}
        />
      </Space>
      {unitId === null ? <Alert type="info" showIcon title={S.counterPickHint} /> : <UnitCounter key={unitId} unitId={unitId} />}
    </div>
  );
}

function UnitCounter(props: { unitId: number }) {
  const openPrint = useOpenPrint();
  const { value: owed, error } = useCommandResult('fees.unpaid', { unitId: props.unitId }, { refreshOn: ['repairs'] });
  const { value: card } = useCommandResult('estate.unitCard', { id: props.unitId });
  const [unticked, setUnticked] = useState<ReadonlySet<number>>(new Set());
  const [paying, setPaying] = useState<PayMode | null>(null);
  const [prepays, setPrepays] = useState<CounterPrepay[]>([]);
  const [prepaying, setPrepaying] = useState(false);
  const [charging, setCharging] = useState(false);

  const bills = owed?.bills ?? [];
  // Once the bills are in, the keyboard is on them: ↑↓, Space, F9.
  const loaded = owed !== null;
  useEffect(() => {
    if (loaded) document.querySelector<HTMLElement>('[data-testid="unpaid-bills"] tbody tr')?.focus();
  }, [loaded]);
  const selection = selectionOf(bills, unticked);
  // A month prepaid is billed at payment; one already billed (and listed above) is not also ticked.
  const prepaidBills = new Set(prepays.flatMap((p) => p.preview.months.map((m) => m.billId)).filter((id): id is number => id !== null));
  const billIds = selection.ids.filter((id) => !prepaidBills.has(id));
  const prepayFen = prepays.reduce((sum, p) => sum + p.preview.totalFen, 0);
  const dueFen = bills.filter((b) => billIds.includes(b.id)).reduce((sum, b) => sum + b.amountFen + b.lateFeeFen, 0) + prepayFen;
  const canPay = (billIds.length > 0 || prepays.length > 0) && !paying && !prepaying;
  useFunctionKey(S.payKey, () => setPaying('pay'), canPay);
  useFunctionKey(S.prepayKey, () => setPrepaying(true), !paying && !prepaying && owed !== null);

  if (!owed) return <LoadState error={error} loading={S.counterLoading} />;
  const owner = card?.people.find((l) => l.role === 'owner')?.person.name ?? '';
  const toggle = (id: number) =>
    setUnticked((u) => {
      const next = new Set(u);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const toggleAll = () => setUnticked(selection.ids.length === bills.length ? new Set(bills.map((b) => b.id)) : new Set());

  const paid = (receipt: ReceiptView) => {
    setPaying(null);
    // The counter is cleared for the next person, then the receipt prints: 返回 lands on the empty counter.
    replaceHash(feesHash.counter);
    openPrint(printHash(RECEIPT_FORM, { serial: receipt.no }));
  };

  return (
    <Card size="small" data-testid="fees-counter">
      <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={S.colUnit}>
          <span data-testid="counter-unit">{owed.unitCode}</span>
        </Descriptions.Item>
        <Descriptions.Item label={S.payPayer}>{owner || S.none}</Descriptions.Item>
        <Descriptions.Item label={S.colOverdue}>{S.monthsOverdue(owed.monthsOverdue)}</Descriptions.Item>
        <Descriptions.Item label={S.colDue}>
          <span data-testid="counter-owed">{S.unitArrears(formatYuan(owed.totalFen + owed.lateFeeFen))}</span>
        </Descriptions.Item>
      </Descriptions>
      {bills.length ? (
        <BillTable bills={bills} unticked={unticked} onToggle={toggle} onToggleAll={toggleAll} />
      ) : (
        <Alert type="success" showIcon title={S.billsNone} data-testid="counter-no-bills" />
      )}
      {prepays.map((p) => (
        <Alert
          key={p.feeItemId}
          type="info"
          style={{ marginTop: 8 }}
          data-testid="counter-prepay"
          title={S.prepayRow(p.preview.item, prepayRange(p.preview), formatYuan(p.preview.totalFen))}
          action={
            <Button size="small" onClick={() => setPrepays((all) => all.filter((q) => q.feeItemId !== p.feeItemId))}>
              {S.prepayRemove}
            </Button>
          }
        />
      ))}
      <Space style={{ marginTop: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <span className="fees-total" data-testid="selection-total">
          {prepays.length
            ? S.selectionWithPrepay(billIds.length, prepays.reduce((n, p) => n + p.months, 0), formatYuan(dueFen))
            : S.selectionTotal(billIds.length, formatYuan(dueFen))}
        </span>
        <Space wrap>
          <Typography.Text type="secondary">{S.keysHint}</Typography.Text>
          <Button icon={<SwapOutlined aria-hidden />} onClick={() => go(feesHash.counter)}>
            {S.clearUnit}
          </Button>
          <Button icon={<FileAddOutlined aria-hidden />} onClick={() => setCharging(true)}>
            {S.charge}
          </Button>
          <Button icon={<CalendarOutlined aria-hidden />} onClick={() => setPrepaying(true)}>
            {`${S.prepay} (${S.prepayKey})`}
          </Button>
          <Button icon={<GiftOutlined aria-hidden />} disabled={!canPay} onClick={() => setPaying('discount')}>
            {S.payDiscount}
          </Button>
          <Button type="primary" icon={<PayCircleOutlined aria-hidden />} disabled={!canPay} onClick={() => setPaying('pay')}>
            {`${S.pay} (${S.payKey})`}
          </Button>
        </Space>
      </Space>
      {paying && (
        <PayDialog
          mode={paying}
          unitId={props.unitId}
          unitCode={owed.unitCode}
          payer={owner}
          billIds={billIds}
          prepay={prepays.map((p) => ({ feeItemId: p.feeItemId, months: p.months }))}
          dueFen={dueFen}
          onPaid={paid}
          onClose={() => setPaying(null)}
        />
      )}
      {charging && <ChargeDialog unitId={props.unitId} unitCode={owed.unitCode} onDone={() => setCharging(false)} onClose={() => setCharging(false)} />}
      {prepaying && (
        <PrepayDialog
          unitId={props.unitId}
          unitCode={owed.unitCode}
          onAdd={(p) => {
            setPrepays((all) => [...all.filter((q) => q.feeItemId !== p.feeItemId), p]);
            setPrepaying(false);
          }}
          onClose={() => setPrepaying(false)}
        />
      )}
    </Card>
  );
}
