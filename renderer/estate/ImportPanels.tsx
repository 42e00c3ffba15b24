import { Alert, Button, Card, Descriptions, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { ROSTER_COLUMNS, type ImportMerge, type ImportPreview, type ImportProblem, type RosterField } from '../../shared/estate-import';
import { S } from './strings';

const LABEL = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.label])) as Record<RosterField, string>;

/**
 * Which sheet row is the header, and which of its columns holds each template column. When a
 * required column is missing this is where the clerk lands, told what to choose.
 */
export function HeaderAndMapping(props: { preview: ImportPreview; onHeaderRow(row: number): void; onMap(field: RosterField, header: string | null): void }) {
  const { preview } = props;
  return (
    <Card size="small" title={S.mapping} style={{ marginBottom: 16 }}>
      {preview.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={S.missingColumns(preview.missing.map((f) => LABEL[f]))}
          description={S.missingHelp(preview.headerRow)}
        />
      )}
      <Space align="center" wrap style={{ marginBottom: 12 }}>
        <span>{S.headerRow}</span>
        <Select<number>
          aria-label={S.headerRow}
          value={preview.headerRow}
          onChange={props.onHeaderRow}
          options={preview.headerCandidates.map((c) => ({ value: c.row, label: S.headerRowOption(c.row, c.text) }))}
          style={{ width: 420 }}
          popupMatchSelectWidth={false}
        />
        <Typography.Text type="secondary">{S.headerRowNote(preview.headerRow, preview.rows)}</Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary">
        {S.mappingHelp}
        {preview.mappingRemembered && ` ${S.mappingRemembered}`}
      </Typography.Paragraph>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(230px, 1fr))', gap: '8px 16px' }}>
        {ROSTER_COLUMNS.map((c) => (
          <label key={c.key} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <span style={{ flex: '0 0 72px' }}>
              {c.label}
              {c.required && <Typography.Text type="danger"> *</Typography.Text>}
            </span>
            <Select<string>
              allowClear
              aria-label={c.label}
              placeholder={S.mappingNone}
              status={preview.missing.includes(c.key) ? 'warning' : undefined}
              value={preview.mapping[c.key] ?? undefined}
              onChange={(h) => props.onMap(c.key, h ?? null)}
              options={preview.headers.filter(Boolean).map((h) => ({ value: h, label: h }))}
              style={{ flex: 1, minWidth: 0 }}
            />
          </label>
        ))}
      </div>
    </Card>
  );
}

/** 将新增 / 已新增: what the import writes, counted by the import itself (a dry run in the preview). */
export function ImportTotals(props: { preview: ImportPreview; done?: boolean }) {
  const p = props.preview;
  const c = p.counts;
  const triple = (x: { create: number; update: number; unchanged: number }) => S.countsTriple(x.create, x.update, x.unchanged);
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, lg: 2 }}
      style={{ marginBottom: 16 }}
      title={S.previewSummary(p.rows, p.validRows, p.merged.length)}
      items={[
        { key: 'buildings', label: S.countsBuildings, children: S.countsNew(c.buildings) },
        { key: 'units', label: S.countsUnits, children: triple(c.units) },
        { key: 'people', label: S.countsPeople, children: triple(c.people) },
        { key: 'links', label: S.countsLinks, children: S.countsLinkPair(c.links.create, c.links.unchanged) },
      ]}
    />
  );
}

/** Rows folded into an earlier one: said, not silently merged. */
export function MergedRows(props: { merged: ImportMerge[] }) {
  if (!props.merged.length) return null;
  return (
    <Card size="small" title={`${S.merged}（${props.merged.length}）`} style={{ marginBottom: 16 }}>
      <Table<ImportMerge>
        size="small"
        aria-label={S.mergedTable}
        rowKey="row"
        dataSource={props.merged}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { title: S.colRow, dataIndex: 'row', width: 80 },
          { title: S.colInto, dataIndex: 'into', width: 100 },
          { title: S.colUnit, dataIndex: 'unitCode', width: 120 },
          { title: S.colOwner, dataIndex: 'owner', width: 120 },
          { title: S.colWhy, dataIndex: 'why', render: (why: ImportMerge['why'], m) => S.mergedWhy(why, m.into) },
        ]}
      />
    </Card>
  );
}

/** Every problem with its row, column, cell and unit; downloadable as the rows themselves, to fix and import again. */
export function ProblemList(props: { problems: ImportProblem[]; onDownload(): void; downloading: boolean }) {
  const { problems } = props;
  return (
    <Card
      size="small"
      title={`${S.problems}（${problems.length}）`}
      style={{ marginBottom: 16 }}
      extra={
        problems.length > 0 && (
          <Button size="small" icon={<DownloadOutlined aria-hidden />} loading={props.downloading} onClick={props.onDownload}>
            {S.downloadProblems}
          </Button>
        )
      }
    >
      <Table<ImportProblem & { key: number }>
        size="small"
        aria-label={S.problemsTable}
        dataSource={problems.map((p, i) => ({ ...p, key: i }))}
        locale={{ emptyText: S.noProblems }}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { title: S.colRow, dataIndex: 'row', width: 70 },
          { title: S.colColumn, dataIndex: 'column', width: 120 },
          { title: S.colValue, dataIndex: 'value', width: 180, render: (v: string) => v || S.emptyCell },
          { title: S.colUnit, dataIndex: 'unitCode', width: 110 },
          { title: S.colProblem, dataIndex: 'message' },
        ]}
      />
    </Card>
  );
}
