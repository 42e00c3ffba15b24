import { useState } from 'react';
import { Button, Result, Spin } from 'antd';
import { EstateEmpty } from './EstateEmpty';
import { ImportWizard } from './ImportWizard';
import { UnitCardView } from './UnitCardView';
import type { UnitFilters } from './unitFilters';
import { UnitList } from './UnitList';
import { useEstatePage } from './route';
import { useOverview } from './useOverview';
import { S } from './strings';

/**
 * 房屋住户: the unit list (with the estate's buildings on the left), the unit card and the
 * roster import. The filters live here so they survive a trip to a unit card and back.
 */
export function EstateDesk() {
  const page = useEstatePage();
  const overview = useOverview();
  const [filters, setFilters] = useState<UnitFilters>({});

  if (page.page === 'unit') return <UnitCardView key={page.unitId} unitId={page.unitId} estates={overview.estates ?? []} />;
  if (page.page === 'import') return <ImportWizard estates={overview.estates} />;

  if (!overview.estates) {
    if (overview.error) {
      return <Result status="warning" title={overview.error.message} extra={<Button onClick={overview.reload}>{S.retry}</Button>} />;
    }
    return (
      <div style={{ display: 'grid', placeItems: 'center', minHeight: 240 }}>
        <Spin description={S.loading} />
      </div>
    );
  }
  const units = overview.estates.reduce((n, e) => n + e.buildings.reduce((m, b) => m + b.unitCount, 0), 0);
  if (!overview.estates.length || units === 0) return <EstateEmpty estates={overview.estates} />;
  return <UnitList estates={overview.estates} filters={filters} onFilters={setFilters} />;
}
