import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Popconfirm, Result, Select, Space, Spin, Steps, Table, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { EstateView } from '../../shared/contract/estate';
import { IMPORT_MAX_BYTES, ROSTER_COLUMNS, type ImportPreview, type ImportProblem, type ImportResult, type RosterField } from '../../shared/estate-import';
import type { CommandError } from '../../shared/result';
import { call } from '../api/client';
import { useNotify } from '../components/notify';
import { downloadBase64, readAsBase64 } from './download';
import { useEstateRights } from './roles';
import { estateHash, go } from './route';
import { S } from './strings';

type Mapping = Partial<Record<RosterField, string | null>>;
interface PickedFile {
  name: string;
  base64: string;
}

/** 导入业主名册: pick the file, check every row and map the columns, then import the valid rows. */
export function ImportWizard(props: { estates: EstateView[] | null; onImported(): void }) {
  const notify = useNotify();
  const rights = useEstateRights();
  const [estateId, setEstateId] = useState<number | undefined>();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [error, setError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);

  if (!props.estates) return <Spin />;
  const estates = props.estates;
  const chosenEstate = estateId ?? (estates.length === 1 ? estates[0]!.id : undefined);

  const back = (
    <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => go(estateHash.list)}>
      {S.backToList}
    </Button>
  );
  if (!rights.edit) return <Result status="403" title={S.importTitle} subTitle={S.importNoRights} extra={back} />;
  if (!estates.length) {
    return (
      <Result status="info" title={S.importTitle} subTitle={S.importNeedsEstate} extra={back} />
    );
  }

  const runPreview = async (nextMapping: Mapping) => {
    if (!file || !chosenEstate) return;
    setBusy(true);
    setError(null);
    const answer = await call('estate.importPreview', { estateId: chosenEstate, fileName: file.name, contentBase64: file.base64, mapping: nextMapping });
    setBusy(false);
    if (answer.ok) {
      setPreview(answer.value);
      setMapping(nextMapping);
    } else if (answer.error.kind === 'validation') setError(answer.error);
    else notify.error(answer.error);
  };

  const commit = async () => {
    if (!file || !chosenEstate) return;
    setBusy(true);
    setError(null);
    const answer = await call('estate.importCommit', { estateId: chosenEstate, fileName: file.name, contentBase64: file.base64, mapping });
    setBusy(false);
    if (answer.ok) {
      setResult(answer.value);
      props.onImported();
    } else if (answer.error.kind === 'validation') setError(answer.error);
    else notify.error(answer.error);
  };

  const template = async () => {
    const answer = await call('estate.importTemplate', {});
    if (answer.ok) downloadBase64(answer.value.fileName, answer.value.contentBase64);
    else notify.error(answer.error);
  };

  const pick = async (picked: File) => {
    setFileProblem(null);
    setPreview(null);
    setError(null);
    setMapping({});
    if (!/\.(xlsx|csv)$/i.test(picked.name)) {
      setFile(null);
      setFileProblem(S.fileWrongType);
      return;
    }
    if (picked.size > IMPORT_MAX_BYTES) {
      setFile(null);
      setFileProblem(S.fileTooBig);
      return;
    }
    try {
      setFile({ name: picked.name, base64: await readAsBase64(picked) });
    } catch {
      setFile(null);
      setFileProblem(S.fileReadFailed);
    }
  };

  const restart = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
    setMapping({});
  };

  const step = result ? 2 : preview ? 1 : 0;
  const errorAlert = error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} role="alert" />;

  return (
    <div style={{ maxWidth: 1100 }}>
      <Space style={{ marginBottom: 16 }} align="center">
        {back}
        <Typography.Title level={3} style={{ margin: 0 }}>
          {S.importTitle}
        </Typography.Title>
      </Space>
      <Steps current={step} style={{ marginBottom: 24 }} items={[{ title: S.stepFile }, { title: S.stepPreview }, { title: S.stepDone }]} />
      {step === 0 && (
        <Card>
          {errorAlert}
          <Form layout="vertical" style={{ maxWidth: 560 }}>
            {estates.length > 1 && (
              <Form.Item label={S.importEstate} required>
                <Select value={chosenEstate} onChange={setEstateId} options={estates.map((e) => ({ value: e.id, label: e.name }))} aria-label={S.importEstate} />
              </Form.Item>
            )}
            <Form.Item label={S.chooseFile} extra={S.fileHelp}>
              <Upload.Dragger
                accept=".xlsx,.csv"
                multiple={false}
                showUploadList={false}
                beforeUpload={(f) => {
                  void pick(f);
                  return false;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined aria-hidden />
                </p>
                <p className="ant-upload-text">{file ? file.name : S.chooseFile}</p>
                <p className="ant-upload-hint">{S.fileHelp}</p>
              </Upload.Dragger>
            </Form.Item>
            {fileProblem && <Alert type="error" showIcon title={fileProblem} style={{ marginBottom: 16 }} />}
            <Space>
              <Button type="primary" disabled={!file || !chosenEstate} loading={busy} onClick={() => void runPreview({})}>
                {S.next}
              </Button>
              <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void template()}>
                {S.downloadTemplate}
              </Button>
            </Space>
          </Form>
        </Card>
      )}
      {step === 1 && preview && (
        <Spin spinning={busy} description={S.previewing}>
          {errorAlert}
          <PreviewCounts preview={preview} />
          <Card size="small" title={S.mapping} style={{ marginBottom: 16 }}>
            <Typography.Paragraph type="secondary">{S.mappingHelp}</Typography.Paragraph>
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
                    value={preview.mapping[c.key] ?? undefined}
                    onChange={(h) => void runPreview({ ...preview.mapping, ...mapping, [c.key]: h ?? null })}
                    options={preview.headers.map((h) => ({ value: h, label: h }))}
                    style={{ flex: 1, minWidth: 0 }}
                  />
                </label>
              ))}
            </div>
          </Card>
          <Card size="small" title={`${S.problems}（${preview.problems.length}）`} style={{ marginBottom: 16 }}>
            <Table<ImportProblem & { key: number }>
              size="small"
              aria-label={S.problemsTable}
              dataSource={preview.problems.map((p, i) => ({ ...p, key: i }))}
              locale={{ emptyText: S.noProblems }}
              pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
              columns={[
                { title: S.colRow, dataIndex: 'row', width: 80 },
                { title: S.colColumn, dataIndex: 'column', width: 140 },
                { title: S.colProblem, dataIndex: 'message' },
              ]}
            />
          </Card>
          <Space>
            <Popconfirm title={S.commitConfirm} okText={S.confirm} cancelText={S.cancel} onConfirm={() => void commit()} disabled={preview.validRows === 0}>
              <Button type="primary" disabled={preview.validRows === 0} loading={busy}>
                {S.commit}
              </Button>
            </Popconfirm>
            <Button onClick={restart}>{S.chooseAnother}</Button>
          </Space>
        </Spin>
      )}
      {step === 2 && result && (
        <Result
          status="success"
          title={S.doneTitle}
          subTitle={S.doneSub(result.validRows, result.rows)}
          extra={
            <Space>
              <Button type="primary" onClick={() => go(estateHash.list)}>
                {S.backToList}
              </Button>
              <Button onClick={restart}>{S.importAgain}</Button>
            </Space>
          }
        >
          <PreviewCounts preview={result} />
        </Result>
      )}
    </div>
  );
}

function PreviewCounts(props: { preview: ImportPreview }) {
  const p = props.preview;
  const counts = (c: ImportPreview['units']) => `${S.countsCreate} ${c.create}，${S.countsUpdate} ${c.update}，${S.countsUnchanged} ${c.unchanged}`;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, lg: 3 }}
      style={{ marginBottom: 16 }}
      title={S.previewSummary(p.rows, p.validRows)}
      items={[
        { key: 'units', label: S.countsUnits, children: counts(p.units) },
        { key: 'people', label: S.countsPeople, children: counts(p.people) },
        { key: 'links', label: S.countsLinks, children: p.links },
      ]}
    />
  );
}
