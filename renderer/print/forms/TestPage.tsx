import { maskIdNumber, maskMobile } from '../../../shared/mask';
import { PrintHeader, SignatureLines } from '../parts';
import type { PrintFormProps } from '../registry';
import { S } from '../strings';

/** Fictional sample data: the page shows how personal data prints (masked), never a real person. */
const SAMPLE_ID = '11010519900101002X';
const SAMPLE_MOBILE = '13812345678';

/**
 * A mm ruler across the printable width, labelled 0, 10, 20… from its own left end as a ruler is:
 * measure it on paper to check the scale; the caption gives where 0 sits from the paper's edge,
 * to check the offset.
 */
export function Ruler(props: { widthMm: number }) {
  const ticks = [];
  for (let mm = 0; mm <= Math.floor(props.widthMm); mm++) {
    const tall = mm % 10 === 0 ? 5 : mm % 5 === 0 ? 3.5 : 2;
    ticks.push(<span key={mm} className="print-ruler-tick" style={{ left: `${mm}mm`, height: `${tall}mm` }} />);
    if (mm % 10 === 0) {
      ticks.push(
        <span key={`l${mm}`} className="print-ruler-label" style={{ left: `${mm}mm` }}>
          {mm}
        </span>,
      );
    }
  }
  return (
    <div className="print-ruler" data-testid="print-ruler">
      {ticks}
    </div>
  );
}

export function TestPage(props: PrintFormProps) {
  const { paper } = props;
  const innerWidth = paper.widthMm - paper.marginMm.left - paper.marginMm.right;
  return (
    <>
      <PrintHeader {...props} qrMm={14} />
      <div style={{ fontSize: '8.5pt' }}>{S.testPageRuler(paper.marginMm.left)}</div>
      <Ruler widthMm={innerWidth - 0.5} />
      <div style={{ fontSize: '8.5pt' }}>
        <div>{S.testPagePaper(paper.label)}</div>
        <div>
          {S.testPageSample}
          {S.testPageSampleName} {S.testPageSampleId} {maskIdNumber(SAMPLE_ID)} {S.testPageSampleMobile} {maskMobile(SAMPLE_MOBILE)}
        </div>
        <div>{S.testPageFont}</div>
      </div>
      <SignatureLines labels={[S.handler]} />
    </>
  );
}
