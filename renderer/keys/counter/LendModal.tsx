import { useState } from 'react';
import { Alert, Checkbox, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { LoanRow, ScanResult } from '../../../shared/contract/keys';
import { BORROWER_TYPES, BORROWER_TYPE_LABELS, loanApprovalReason, proposedDue, returnsSameDay, type BorrowerType } from '../../../shared/keys';
import { pickedToIso } from '../../dates';
import { DATE_TIME, focusField, pickerOf } from '../fields';
import { useCommandForm } from '../../components/forms';
import { useSession } from '../../session/SessionContext';
import { KeyFormModal } from '../KeyFormModal';
import { useKeyRules } from '../useKeyRules';
import type { Borrower } from './borrower';
import { S } from '../strings';

interface LendValues {
  borrowerType: BorrowerType;
  borrowerName: string;
  borrowerPhone: string;
  organisation: string;
  idTail: string;
  purpose: string;
  dueAt: Dayjs | null;
  authorisation: string;
  phoneConfirmation: boolean;
  confirmPhone: string;
  confirmedBy: string;
}


/**
 * 借出: the scanned key to the borrower at the counter, their details filled in from the panel and
 * the due time the rules give (same-day borrowers: by closing time). Enter in any field lends — the
 * second keyboard action after the scan. A loan the rules put under dual control (sales, an owner's
 * deposited key) goes to keys.lendWithApproval: the server asks, the platform's dialog takes the
 * supervisor's login and password at this screen. An owner's deposited key collected by someone
 * else asks for the ID's last digits, the owner's authorisation and the phone call with the owner.
 */
export function LendModal(props: { scan: ScanResult; borrower: Borrower; onBorrower(patch: Partial<Borrower>): void; onLent(loan: LoanRow): void; onClose(): void }) {
  const { scan, borrower } = props;
  const key = scan.key;
  const rules = useKeyRules();
  const { operator } = useSession();
  const [form] = Form.useForm<LendValues>();
  const borrowerType = (Form.useWatch('borrowerType', form) as BorrowerType | undefined) ?? borrower.borrowerType;
  const phoneConfirmed = Form.useWatch('phoneConfirmation', form) as boolean | undefined;
  const approval = loanApprovalReason(rules, key.keyClass, borrowerType) ?? scan.approvalReason;
  const { submit, submitting, formProps } = useCommandForm(form, approval ? 'keys.lendWithApproval' : 'keys.lend');
  // The server's clock, read off the due time it proposed (now + the default length): the lend
  // form's proposal agrees with the server's even when this PC's clock is off.
  const serverNow = new Date(Date.parse(scan.proposedDueAt) - rules.defaultLoanMinutes * 60_000);
  const proposal = proposedDue(rules, borrowerType, serverNow);
  const [dueTouched, setDueTouched] = useState(false);
  const nonOwner = rules.nonOwnerChecks && key.keyClass === 'deposited' && borrowerType !== 'owner';

  const onFinish = async (v: LendValues) => {
    props.onBorrower({ borrowerType: v.borrowerType, borrowerName: v.borrowerName, borrowerPhone: v.borrowerPhone, organisation: v.organisation, idTail: v.idTail, purpose: v.purpose });
    const result = await submit({
      keyId: key.id,
      borrowerType: v.borrowerType,
      personId: borrower.personId,
      borrowerName: v.borrowerName,
      borrowerPhone: v.borrowerPhone,
      organisation: v.organisation,
      idTail: v.idTail,
      purpose: v.purpose,
      // Untouched: the server's own proposal at the moment it lends (never a stale one from the form).
      dueAt: dueTouched && v.dueAt ? pickedToIso(v.dueAt) : null,
      authorisation: v.authorisation,
      phoneConfirmation: nonOwner && v.phoneConfirmation ? { phone: v.confirmPhone, at: new Date().toISOString(), confirmedBy: v.confirmedBy } : null,
    });
    if (result.ok) props.onLent(result.value);
  };

  // Where the keyboard starts: the first thing still missing, else the purpose (Enter there lends).
  // On mount already (autoFocus), not only once the dialog's opening animation ends (afterOpen): an
  // Enter typed at once must not land on the dialog's close button.
  const firstField = !borrower.borrowerName ? 'borrowerName' : !borrower.purpose ? 'purpose' : nonOwner && !borrower.idTail ? 'idTail' : 'purpose';
  const starts = (name: string) => firstField === name;
  return (
    <KeyFormModal<LendValues>
      title={S.lendTitle(key.tag, key.target)}
      okText={S.lendOk}
      formProps={formProps}
      submitting={submitting}
      onFinish={(v) => void onFinish(v)}
      onClose={props.onClose}
      initialValues={{
        borrowerType: borrower.borrowerType,
        borrowerName: borrower.borrowerName,
        borrowerPhone: borrower.borrowerPhone,
        organisation: borrower.organisation,
        idTail: borrower.idTail,
        purpose: borrower.purpose,
        dueAt: proposal ? pickerOf(proposal) : null,
        authorisation: '',
        phoneConfirmation: false,
        confirmPhone: '',
        confirmedBy: operator.displayName,
      }}
      afterOpen={focusField(form, firstField)}
    >
      {approval && <Alert type="info" showIcon data-testid="lend-approval" title={S.lendApproval(approval)} style={{ marginBottom: 12 }} />}
      <Space.Compact block>
        <Form.Item name="borrowerType" label={S.borrowerType} style={{ width: '40%' }}>
          <Select
            options={BORROWER_TYPES.map((t) => ({ value: t, label: BORROWER_TYPE_LABELS[t] }))}
            onChange={(t: BorrowerType) => {
              if (!dueTouched) {
                const next = proposedDue(rules, t, serverNow);
                form.setFieldValue('dueAt', next ? pickerOf(next) : null);
              }
            }}
          />
        </Form.Item>
        <Form.Item name="borrowerName" label={S.borrowerName} style={{ width: '60%' }}>
          <Input maxLength={40} autoFocus={starts('borrowerName')} />
        </Form.Item>
      </Space.Compact>
      <Space.Compact block>
        <Form.Item name="borrowerPhone" label={S.borrowerPhone} style={{ width: '40%' }}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="organisation" label={S.borrowerOrganisation} style={{ width: '60%' }}>
          <Input maxLength={60} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="purpose" label={S.borrowerPurpose}>
        <Input maxLength={200} autoFocus={starts('purpose')} />
      </Form.Item>
      <Form.Item
        name="dueAt"
        label={S.lendDue}
        extra={returnsSameDay(rules, borrowerType) ? S.lendDueHint(rules.closingTime) : undefined}
      >
        <DatePicker {...DATE_TIME} aria-label={S.lendDue} onChange={() => setDueTouched(true)} />
      </Form.Item>
      {nonOwner && (
        <>
          <Alert type="warning" showIcon title={S.lendNonOwner} style={{ marginBottom: 12 }} />
          {scan.allowedCollectors.length > 0 && <Typography.Paragraph>{S.lendCollectors(scan.allowedCollectors.join('、'))}</Typography.Paragraph>}
          <Form.Item name="idTail" label={S.borrowerIdTail}>
            <Input maxLength={6} autoFocus={starts('idTail')} />
          </Form.Item>
          <Form.Item name="authorisation" label={S.lendAuthorisation}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="phoneConfirmation" valuePropName="checked">
            <Checkbox>{S.lendPhoneConfirmed}</Checkbox>
          </Form.Item>
          {phoneConfirmed && (
            <Space.Compact block>
              <Form.Item name="confirmPhone" label={S.lendConfirmPhone} style={{ width: '50%' }}>
                <Input maxLength={40} />
              </Form.Item>
              <Form.Item name="confirmedBy" label={S.lendConfirmedBy} style={{ width: '50%' }}>
                <Input maxLength={20} />
              </Form.Item>
            </Space.Compact>
          )}
        </>
      )}
      {!nonOwner && (
        <Form.Item name="idTail" label={S.borrowerIdTail}>
          <Input maxLength={6} />
        </Form.Item>
      )}
    </KeyFormModal>
  );
}
