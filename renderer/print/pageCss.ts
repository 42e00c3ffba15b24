import type { Paper } from '../../shared/print';

/**
 * The `@page` rule for a paper, plus the sheet width. A roll has no fixed height: the preview
 * measures its content and passes `rollHeightMm`, so the PDF / printer gets one page that long.
 */
export function pageCss(paper: Paper, rollHeightMm: number | null): string {
  const { top, right, bottom, left } = paper.marginMm;
  const height = paper.heightMm ?? Math.max(20, Math.ceil(rollHeightMm ?? 100));
  return [
    `@page { size: ${paper.widthMm}mm ${height}mm; margin: ${top}mm ${right}mm ${bottom}mm ${left}mm; }`,
    `.print-sheet { width: ${paper.widthMm - left - right}mm; }`,
  ].join('\n');
}

/** Content height of the page in mm for a roll, from its measured CSS pixels (96 px = 1 in). */
export function rollHeightMm(paper: Paper, contentPx: number): number {
  return (contentPx * 25.4) / 96 + paper.marginMm.top + paper.marginMm.bottom;
}
