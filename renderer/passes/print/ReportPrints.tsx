import type { DutyList, MonthlyReport } from '../../../shared/contract/passes';
import { officeDateTime } from '../../dates';
import { PrintHeader, SignatureLines } from '../../print/parts';
import type { PrintFormProps } from '../../print/registry';
import { DUTY_COLUMNS, MONTHLY_COLUMNS, monthlySections, type ReportColumn } from '../reportColumns';
import { S } from '../strings';
import './passes-print.css';

/** 门岗值班登记表 on A4: the day's passes at the gate, signed over at the change of shift. */
export function DutyListPrint(props: PrintFormProps & { data: DutyList }) {
  const d = props.data;
  return (
    <>
      <PrintHeader {...props} />
      <div className="fx-muted" style={{ marginBottom: '1.5mm' }}>
        {`${S.dutyDay}：${d.day}\u3000${S.printDutySummary(d.approved, d.released, d.refused, d.expired)}\u3000${S.printGeneratedAt}：${officeDateTime(d.generatedAt)}`}
      </div>
      <ReportTable columns={DUTY_COLUMNS} rows={d.rows} rowKey={(r) => String(r.id)} testId="duty-print" />
      <SignatureLines labels={[S.printHandover, S.printTakeover]} />
    </>
  );
}

/** 物品放行月报 on A4: by type and by building, what the figures count, made and checked. */
export function MonthlyPrint(props: PrintFormProps & { data: MonthlyReport }) {
  const r = props.data;
  return (
    <>
      <PrintHeader {...props} />
      <div className="fx-muted" style={{ marginBottom: '1.5mm' }}>
        {`${S.monthMonth}：${r.month}\u3000${S.printOverrides(r.overrides)}\u3000${S.printGeneratedAt}：${officeDateTime(r.generatedAt)}`}
      </div>
      {monthlySections(r).map((s) => (
        <ReportTable key={s.key} columns={MONTHLY_COLUMNS.map((c) => (c.key === 'label' ? { ...c, title: s.title } : c))} rows={s.rows} rowKey={(row) => row.key} testId={`monthly-print-${s.key}`} />
      ))}
      <div className="fx-muted">{r.countRule}</div>
      <SignatureLines labels={[S.printReporter, S.printReviewer]} />
    </>
  );
}

function ReportTable<Row>(props: { columns: readonly ReportColumn<Row>[]; rows: readonly Row[]; rowKey(row: Row): string; testId: string }) {
  return (
    <table className="fx-table" data-testid={props.testId}>
      <thead>
        <tr>
          {props.columns.map((c) => (
            <th key={c.key} className={c.numeric ? 'fx-num' : undefined}>
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.length === 0 && (
          <tr>
            <td colSpan={props.columns.length}>{S.reportEmpty}</td>
          </tr>
        )}
        {props.rows.map((row) => (
          <tr key={props.rowKey(row)}>
            {props.columns.map((c) => (
              <td key={c.key} className={c.numeric ? 'fx-num' : undefined}>
                {c.value(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
