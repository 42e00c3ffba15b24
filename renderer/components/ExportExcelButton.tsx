import { useState } from 'react';
import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Result } from '../../shared/result';
import { useNotify } from './notify';
import { downloadBase64 } from '../estate/download';
import { S } from './strings';

/** 导出Excel: runs the desk's export command and saves its file through the browser's download. */
export function ExportExcelButton(props: { run(): Promise<Result<{ fileName: string; contentBase64: string }>> }) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const result = await props.run();
    setBusy(false);
    if (!result.ok) {
      notify.error(result.error);
      return;
    }
    downloadBase64(result.value.fileName, result.value.contentBase64);
    notify.success(S.exported(result.value.fileName));
  };
  return (
    <Button icon={<DownloadOutlined aria-hidden />} loading={busy} onClick={() => void run()}>
      {S.exportExcel}
    </Button>
  );
}
