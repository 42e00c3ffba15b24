import type { DailyReport } from '../../../shared/contract/reception';
import { officeDateTime } from '../../../shared/office-time';
import { CATEGORIES, CATEGORY_LABELS, CHANNEL_LABELS } from '../../../shared/reception';
import { PrintHeader, SignatureLines } from '../../print/parts';
import type { PrintFormProps } from '../../print/registry';
import { EntriesPrintTable } from './EntriesPrintTable';
import { S } from '../strings';
import './reception-print.css';

/** 客服中心日报表 on A4: the counts grid, repairs 入户/公共, complaints, overdue and carried over, the entries. */
export function DailyReportPrint(props: PrintFormProps & { data: DailyReport }) {
  const r = props.data;
  const figures: [string, number][] = [
    [S.dailyTotal, r.total],
    [S.dailyInHome, r.repairs.inHome],
    [S.dailyPublic, r.repairs.public],
    [S.dailyComplaints, r.complaints.complaints],
    [S.dailySuggestions, r.complaints.suggestions],
    [S.dailyClosedSameDay, r.closedSameDay],
    [S.dailyMajor, r.major],
    [S.dailyVoided, r.voided],
    [S.dailyOverdue, r.overdue],
    [S.dailyCarriedOver, r.carriedOver],
    [S.dailyStillOpen, r.stillOpen],
    [S.dailyVisitors, r.visitors],
  ];
  const column = (c: (typeof CATEGORIES)[number]) => r.grid.reduce((n, g) => n + (g.counts[c] ?? 0), 0);
  return (
    <>
      <PrintHeader {...props} />
      <div className="rp-muted" style={{ marginBottom: '1.5mm' }}>
        {S.printDay}：{r.day}{'\u3000'}{S.printGeneratedAt}：{officeDateTime(r.generatedAt)}
      </div>
      <div className="rp-figures">
        {figures.map(([label, n]) => (
          <span key={label}>
            {label} <strong>{n}</strong>
          </span>
        ))}
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
      <div className="rp-section">{S.dailyEntriesTable}</div>
      <EntriesPrintTable rows={r.entries} empty={S.printEntriesNone} timeColumn="state" />
      <SignatureLines labels={[S.printReporter, S.printReviewer]} />
    </>
  );
}
