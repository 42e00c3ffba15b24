import { useState } from 'react';
import { Checkbox, Modal, Typography } from 'antd';
import type { EstateView } from '../../shared/contract/estate';
import { call } from '../api/client';
import { useNotify } from '../components/notify';
import type { UnitFilters } from './unitFilters';
import { downloadBase64 } from './download';
import { useEstateRights } from './roles';
import { S } from './strings';

/** Export the roster (.xlsx) for the building (or estate) the list is showing. */
export function ExportModal(props: { estates: EstateView[]; filters: UnitFilters; onClose(): void }) {
  const rights = useEstateRights();
  const notify = useNotify();
  const [fullIds, setFullIds] = useState(false);
  const [busy, setBusy] = useState(false);
  const { estateId, buildingId } = props.filters;
  const building = props.estates.flatMap((e) => e.buildings).find((b) => b.id === buildingId);
  const estate = props.estates.find((e) => e.id === (building?.estateId ?? estateId));
  const scope = building ? `${estate?.name ?? ''} ${building.name || building.code}`.trim() : (estate?.name ?? S.exportAll);

  const run = async () => {
    setBusy(true);
    const result = await call('estate.exportRoster', { estateId: estate?.id, buildingId, fullIdNumbers: rights.exportFullIds && fullIds });
    setBusy(false);
    if (!result.ok) {
      notify.error(result.error);
      return;
    }
    downloadBase64(result.value.fileName, result.value.contentBase64);
    notify.success(S.exported(result.value.rows));
    props.onClose();
  };

  return (
    <Modal open title={S.exportTitle} okText={S.exportOk} confirmLoading={busy} onOk={() => void run()} onCancel={props.onClose}>
      <Typography.Paragraph>{S.exportScope(scope)}</Typography.Paragraph>
      {rights.exportFullIds && (
        <>
          <Checkbox checked={fullIds} onChange={(e) => setFullIds(e.target.checked)}>
            {S.exportFullIds}
          </Checkbox>
          {fullIds && (
            <Typography.Paragraph type="warning" style={{ marginTop: 8 }}>
              {S.exportFullIdsHelp}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Modal>
  );
}
