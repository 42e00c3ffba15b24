import { useState } from 'react';
import { Alert, Button, Card, Form, Popconfirm, Result, Select, Space, Spin, Steps, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { EstateView } from '../../shared/contract/estate';
import { changesNothing, IMPORT_MAX_BYTES, type ImportPreview, type ImportResult, type RosterField } from '../../shared/estate-import';
import type { CommandError } from '../../shared/result';
import { call } from '../api/client';
import { useNotify } from '../components/notify';
import { downloadBase64, readAsBase64 } from './download';
import { HeaderAndMapping, ImportTotals, MergedRows, ProblemList } from './ImportPanels';
import { useEstateRights } from './roles';
import { estateHash, go } from './route';
import { S } from './strings';

type Mapping = Partial<Record<RosterField, string | null>>;
interface PickedFile {
  name: string;
  base64: string;
}

/**
 * 导入业主名册: pick the file; the preview finds the header row, maps the columns and checks every
 * row (the clerk may pick another header row or map columns by hand); then import the valid rows.
 * The problem list stays on the result, downloadable as the rows to fix.
 */
export function ImportWizard(props: { estates: EstateView[] | null }) {
  const notify = useNotify();
  const rights = useEstateRights();
  const [estateId, setEstateId] = useState<number | undefined>();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  /** Only what the clerk set by hand: the server adds its guesses and what it remembers. */
  const [mapping, setMapping] = useState<Mapping>({});
  const [error, setError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  const [downloading, setDownloading] = useState(false);
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
    return <Result status="info" title={S.importTitle} subTitle={S.importNeedsEstate} extra={back} />;
  }

  const rosterInput = (nextMapping: Mapping, headerRow: number | undefined) =>
    file && chosenEstate ? { estateId: chosenEstate, fileName: file.name, contentBase64: file.base64, mapping: nextMapping, headerRow } : null;

  const runPreview = async (nextMapping: Mapping, headerRow: number | undefined) => {
    const input = rosterInput(nextMapping, headerRow);
    if (!input) return;
    setBusy(true);
    setError(null);
    const answer = await call('estate.importPreview', input);
    setBusy(false);
    if (answer.ok) {
      setPreview(answer.value);
      setMapping(nextMapping);
    } else if (answer.error.kind === 'validation') setError(answer.error);
    else notify.error(answer.error);
  };

  const commit = async () => {
    const input = rosterInput(mapping, preview?.headerRow);
    if (!input) return;
    setBusy(true);
    setError(null);
    const answer = await call('estate.importCommit', input);
    setBusy(false);
    if (answer.ok) {
      setResult(answer.value);
    } else if (answer.error.kind === 'validation') setError(answer.error);
    else notify.error(answer.error);
  };

  const downloadProblems = async () => {
    const input = rosterInput(mapping, preview?.headerRow);
    if (!input) return;
    setDownloading(true);
    const answer = await call('estate.importProblems', input);
    setDownloading(false);
    if (answer.ok) downloadBase64(answer.value.fileName, answer.value.contentBase64);
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
  const unchanged = preview !== null && preview.validRows > 0 && changesNothing(preview.counts);
  const canCommit = preview !== null && preview.missing.length === 0 && preview.validRows > 0 && !unchanged;

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
            <Form.Item label={S.chooseFile}>
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
              <Button type="primary" disabled={!file || !chosenEstate} loading={busy} onClick={() => void runPreview({}, undefined)}>
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
          {preview.missing.length === 0 && <ImportTotals preview={preview} />}
          {unchanged && <Alert type="info" showIcon title={S.nothingToImport(preview.validRows)} style={{ marginBottom: 16 }} />}
          {!preview.idNumbersImported && preview.mapping.idNumber && (
            <Alert type="info" showIcon title={S.idNumbersLeftToSupervisor} style={{ marginBottom: 16 }} data-testid="import-ids-left" />
          )}
          <HeaderAndMapping
            preview={preview}
            // Another header row means other headers: what was mapped by hand no longer applies.
            onHeaderRow={(row) => void runPreview({}, row)}
            onMap={(field, header) => void runPreview({ ...mapping, [field]: header }, preview.headerRow)}
          />
          <MergedRows merged={preview.merged} />
          <ProblemList problems={preview.problems} onDownload={() => void downloadProblems()} downloading={downloading} />
          <Space>
            <Popconfirm title={S.commitConfirm} okText={S.confirm} cancelText={S.cancel} onConfirm={() => void commit()} disabled={!canCommit}>
              <Button type="primary" disabled={!canCommit} loading={busy}>
                {S.commit}
              </Button>
            </Popconfirm>
            <Button onClick={restart}>{S.chooseAnother}</Button>
          </Space>
        </Spin>
      )}
      {step === 2 && result && (
        <>
          <Result
            status={changesNothing(result.counts) ? 'info' : 'success'}
            title={changesNothing(result.counts) ? S.doneNothingTitle : S.doneTitle}
            subTitle={changesNothing(result.counts) ? S.nothingToImport(result.validRows) : S.doneSub(result.counts)}
            extra={
              <Space>
                <Button type="primary" onClick={() => go(estateHash.list)}>
                  {S.backToList}
                </Button>
                <Button onClick={restart}>{S.importAgain}</Button>
              </Space>
            }
          />
          <ImportTotals preview={result} />
          <MergedRows merged={result.merged} />
          {result.problems.length > 0 && <ProblemList problems={result.problems} onDownload={() => void downloadProblems()} downloading={downloading} />}
        </>
      )}
    </div>
  );
}
