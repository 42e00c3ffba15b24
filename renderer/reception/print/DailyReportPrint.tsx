import type { DailyReport } from '../../../shared/contract/reception';
import { officeDateTime } from '../../dates';
import { CATEGORIES, CATEGORY_LABELS, CHANNEL_LABELS, dailyFigures } from '../../../shared/reception';
import { PrintHeader, SignatureLines } from '../../print/parts';
import type { PrintFormProps } from '../../print/registry';
import { EntriesPrintTable } from './EntriesPrintTable';
import { S } from '../strings';
import './reception-print.css';

/** 客服中心日报表 on A4: the counts grid, repairs 入户/公共, complaints, overdue and carried over, the entries. */
export function DailyReportPrint(props: PrintFormProps & { data: DailyReport }) {
  const r = props.data;
  const column = (c: (typeof CATEGORIES)[number]) => r.grid.reduce((n, g) => n + (g.counts[c] ?? 0), 0);
  return (
    <>
      <PrintHeader {...props} />
      <div className="rp-muted" style={{ marginBottom: '1.5mm' }}>
        {S.printDay}：{r.day}{'\u3000'}{S.printGeneratedAt}：{officeDateTime(r.generatedAt)}
      </div>
      <div className="rp-figures">
        {dailyFigures(r).map((f) => (
          <span key={f.label}>
            {f.label} <strong>{f.value}</strong>
          </span>
        ))}
      </div>
      <div className="rp-muted" style={{ marginBottom: '1.5mm' }}>
        {r.countRule}
      </div>
      <table className="rp-table">
        <thead>
          <tr>
            <th>{S.colChannel}</th>
            {CATEGORIES.map((c) => (
              <th key={c} className="rp-num">
                {CATEGORY_LABELS[c]}
              </th>
            ))}
            <th className="rp-num">{S.dailyRowTotal}</th>
          </tr>
        </thead>
        <tbody>
          {r.grid.map((g) => (
            <tr key={g.channel}>
              <td>{CHANNEL_LABELS[g.channel]}</td>
              {CATEGORIES.map((c) => (
                <td key={c} className="rp-num">
                  {g.counts[c] ?? 0}
                </td>
              ))}
              <td className="rp-num">{g.total}</td>
            </tr>
          ))}
          <tr>
            <th>{S.dailyRowTotal}</th>
            {CATEGORIES.map((c) => (
              <th key={c} className="rp-num">
                {column(c)}
              </th>
            ))}
            <th className="rp-num">{r.total}</th>
          </tr>
        </tbody>
      </table>
      <div className="rp-section">{S.dailyEntriesHeading(r.entries.length, r.voided)}</div>
      <EntriesPrintTable rows={r.entries} empty={S.printEntriesNone} timeColumn="state" />
      <SignatureLines labels={[S.printReporter, S.printReviewer]} />
    </>
  );
}
