import type { MonthlySummary } from '../../../shared/contract/repairs';
import { officeDateTime } from '../../dates';
import { PrintHeader, SignatureLines } from '../../print/parts';
import type { PrintFormProps } from '../../print/registry';
import { SUMMARY_COLUMNS, summaryRows } from '../summaryColumns';
import { S } from '../strings';
import './repairs-print.css';

/** 维修月度汇总表 on A4: the same columns as the screen, what they count, signed by who made and checked it. */
export function SummaryPrint(props: PrintFormProps & { data: MonthlySummary }) {
  const s = props.data;
  return (
    <>
      <PrintHeader {...props} />
      <div className="wx-muted" style={{ marginBottom: '1.5mm' }}>
        {`${S.summaryMonth}：${s.month}\u3000${S.sumGeneratedAt}：${officeDateTime(s.generatedAt)}\u3000${S.sumVoided(s.voided)}`}
      </div>
      <table className="wx-table" data-testid="summary-print">
        <thead>
          <tr>
            {SUMMARY_COLUMNS.map((c) => (
              <th key={c.key} className={c.numeric ? 'wx-num' : undefined}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summaryRows(s).map((r) => (
            <tr key={`${r.category ?? 'all'}-${r.scope ?? 'all'}`}>
              {SUMMARY_COLUMNS.map((c) => (
                <td key={c.key} className={c.numeric ? 'wx-num' : undefined}>
                  {c.value(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="wx-muted">{s.countRule}</div>
      <SignatureLines labels={[S.printReporter, S.printReviewer]} />
    </>
  );
}
