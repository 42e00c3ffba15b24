import { useRef, type KeyboardEvent } from 'react';
import { Checkbox } from 'antd';
import { formatYuan } from '../../../shared/money';
import { S } from '../strings';
import { billDueFen, type CounterBill } from './payment';

/**
 * The unit's unpaid bills with a checkbox each. Keyboard first: ↑/↓ move between rows, Space
 * toggles the focused row, and the row's own checkbox is left out of the Tab order (one Tab stop
 * for the whole table, then the buttons under it).
 */
export function BillTable(props: { bills: readonly CounterBill[]; unticked: ReadonlySet<number>; onToggle(id: number): void; onToggleAll(): void }) {
  const { bills, unticked } = props;
  const ticked = (id: number) => !unticked.has(id);
  const body = useRef<HTMLTableSectionElement>(null);
  const all = bills.length > 0 && bills.every((b) => ticked(b.id));
  const some = bills.some((b) => ticked(b.id));

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, index: number, id: number) => {
    if (e.key === ' ') {
      e.preventDefault();
      props.onToggle(id);
      return;
    }
    const to = e.key === 'ArrowDown' ? index + 1 : e.key === 'ArrowUp' ? index - 1 : -1;
    if (to < 0 || to >= bills.length) return;
    e.preventDefault();
    body.current?.querySelectorAll<HTMLTableRowElement>('tr')[to]?.focus();
  };

  return (
    <table className="fees-bills" aria-label={S.billsTable} data-testid="unpaid-bills">
      <thead>
        <tr>
          <th style={{ width: 48 }}>
            <Checkbox aria-label={S.selectAll} checked={all} indeterminate={some && !all} onChange={props.onToggleAll} />
          </th>
          <th>{S.colItem}</th>
          <th>{S.colPeriod}</th>
          <th className="fees-num">{S.colAmount}</th>
          <th className="fees-num">{S.colOverdue}</th>
          <th className="fees-num">{S.colLateFee}</th>
          <th className="fees-num">{S.colDue}</th>
        </tr>
      </thead>
      <tbody ref={body}>
        {bills.map((b, i) => (
          <tr
            key={b.id}
            tabIndex={i === 0 ? 0 : -1}
            aria-selected={ticked(b.id)}
            data-bill-id={b.id}
            onKeyDown={(e) => onRowKey(e, i, b.id)}
            onClick={() => props.onToggle(b.id)}
          >
            <td>
              <Checkbox tabIndex={-1} aria-label={`${S.colSelect} ${b.item} ${b.period ?? ''}`.trim()} checked={ticked(b.id)} onClick={(e) => e.stopPropagation()} onChange={() => props.onToggle(b.id)} />
            </td>
            <td>{b.item}</td>
            <td>{b.period ?? S.none}</td>
            <td className="fees-num">{formatYuan(b.amountFen)}</td>
            <td className="fees-num" data-overdue={b.monthsOverdue > 0 ? '1' : undefined}>
              {S.monthsOverdue(b.monthsOverdue)}
            </td>
            <td className="fees-num">{b.lateFeeFen ? formatYuan(b.lateFeeFen) : S.none}</td>
            <td className="fees-num">{formatYuan(billDueFen(b))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
