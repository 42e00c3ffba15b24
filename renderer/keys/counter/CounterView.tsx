import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Card, Col, Row, Typography, type InputRef } from 'antd';
import type { ScanResult } from '../../../shared/contract/keys';
import { borrowerKeyOf } from '../../../shared/keys';
import { call } from '../../api/client';
import { useFunctionKey } from '../../components/useFunctionKey';
import { useScanner } from '../../components/useScanner';
import { printHash } from '../../print/route';
import { useOpenPrint } from '../../print/useOpenPrint';
import { useSession } from '../../session/SessionContext';
import { LOAN_SLIP_FORM } from '../print/forms';
import { LoanTable } from '../loans/LoanTable';
import { removeScannedText } from '../KeyFormModal';
import { ScanBox } from '../ScanBox';
import { S } from '../strings';
import { BorrowerPanel } from './BorrowerPanel';
import { useBorrower } from './borrower';
import { LendModal } from './LendModal';
import { ReturnModal } from './ReturnModal';

type Open = { kind: 'lend' | 'return'; scan: ScanResult } | null;

/**
 * 钥匙台: the borrower on the left, the scan box on the right. A tag scanned (or typed and Enter)
 * opens the lend form for a key in the cabinet, the return form for a lent one, and anything else
 * is refused on screen in Chinese. The scan box holds the focus whenever no dialog is open, so the
 * scanner's burst lands there; one landing in the borrower's boxes is taken as a scan too (and
 * taken out of that box). A scan while a dialog is open is the dialog's to refuse (KeyFormModal).
 */
export function CounterView() {
  const { operator } = useSession();
  const [borrower, setBorrower] = useBorrower(operator.id);
  const [open, setOpen] = useState<Open>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const scanBox = useRef<InputRef>(null);
  const openPrint = useOpenPrint();
  const focusScanBox = useCallback(() => scanBox.current?.focus(), []);
  useFunctionKey(S.scanKey, focusScanBox, open === null);

  useEffect(() => {
    if (open === null) focusScanBox();
  }, [open, focusScanBox]);

  const onTag = async (raw: string) => {
    const tag = raw.trim().toUpperCase();
    if (!tag || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await call('keys.byTag', { tag });
      if (!result.ok) {
        setProblem(result.error.kind === 'not_found' ? S.scanUnknown(tag) : result.error.message);
        return;
      }
      const next = result.value.next;
      if (next.action === 'refuse') setProblem(`${S.scanRefused(tag)}：${next.message}`);
      else setOpen({ kind: next.action, scan: result.value });
    } finally {
      setBusy(false);
    }
  };

  // A scan into one of the borrower's boxes (the custodian typing a name when the key comes): the
  // code goes back out of that box and is taken as a scan. The scan box takes its own (ScanBox).
  useScanner((code, scan) => {
    if (!scan.field?.closest('[data-testid="borrower-panel"]')) return;
    removeScannedText(scan.field, code);
    void onTag(code);
  }, open === null);

  const holderKey = borrower.borrowerName.trim()
    ? borrowerKeyOf({ personId: borrower.personId, name: borrower.borrowerName, phone: borrower.borrowerPhone, organisation: borrower.organisation })
    : null;

  return (
    <Row gutter={16}>
      <Col xs={24} md={9}>
        <BorrowerPanel borrower={borrower} onChange={setBorrower} />
      </Col>
      <Col xs={24} md={15}>
        <Card size="small" title={S.scanLabel}>
          <ScanBox label={S.scanLabel} placeholder={S.scanPh} testId="key-scan" inputRef={scanBox} enabled={open === null} onCode={(code) => void onTag(code)} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {`${S.scanHelp}（${S.scanKey}）`}
          </Typography.Paragraph>
          {problem && <Alert type="error" showIcon data-testid="scan-problem" title={problem} style={{ marginTop: 12 }} />}
        </Card>
        {holderKey && (
          <Card size="small" title={S.holdingTitle} style={{ marginTop: 16 }}>
            <LoanTable filters={{ status: 'open', borrowerKey: holderKey }} height={240} />
          </Card>
        )}
      </Col>
      {open?.kind === 'lend' && (
        <LendModal
          scan={open.scan}
          borrower={borrower}
          onBorrower={setBorrower}
          onClose={() => setOpen(null)}
          onLent={(loan) => {
            setOpen(null);
            openPrint(printHash(LOAN_SLIP_FORM, { serial: loan.no }));
          }}
        />
      )}
      {open?.kind === 'return' && <ReturnModal scan={open.scan} onClose={() => setOpen(null)} onReturned={() => setOpen(null)} />}
    </Row>
  );
}
