import { useEffect } from 'react';
import { Button, Card, Form, Input, Select } from 'antd';
import { UserSwitchOutlined } from '@ant-design/icons';
import { BORROWER_TYPES, BORROWER_TYPE_LABELS, type BorrowerType } from '../../../shared/keys';
import { PersonPicker } from '../../components/pickers/PersonPicker';
import { StaffPicker, staffKeyIds } from '../../components/pickers/StaffPicker';
import { useCommandResult } from '../../components/useCommandResult';
import type { Borrower } from './borrower';
import { S } from '../strings';

const RESIDENTS: readonly BorrowerType[] = ['owner', 'household'];

/**
 * 当前借用人: who is at the counter, chosen once for every key they take. Residents come from the
 * people on file, staff from the staff directory; everyone else is typed. No <form> element: the
 * panel submits nothing, and a tag scanned into one of its boxes is taken as a scan (CounterView).
 */
export function BorrowerPanel(props: { borrower: Borrower; onChange(patch: Partial<Borrower> | null): void }) {
  const { borrower, onChange } = props;
  const [form] = Form.useForm<Borrower>();
  const staff = useCommandResult('staff.list', { includeInactive: false }).value ?? [];
  // The store may change from outside (the lend form saved what was typed there, or 换一位借用人).
  useEffect(() => form.setFieldsValue(borrower), [form, borrower]);

  const pickStaff = (key: string | null) => {
    const { staffId } = staffKeyIds(key);
    const person = staff.find((s) => s.id === staffId);
    onChange({ staffKey: key, personId: null, borrowerName: person?.name ?? '', borrowerPhone: person?.mobile ?? '', organisation: person?.departmentName ?? '' });
  };

  return (
    <Card
      title={S.borrowerTitle}
      size="small"
      data-testid="borrower-panel"
      extra={
        <Button size="small" icon={<UserSwitchOutlined aria-hidden />} onClick={() => onChange(null)}>
          {S.borrowerClear}
        </Button>
      }
    >
      <Form form={form} component={false} layout="vertical" initialValues={borrower} onValuesChange={(changed: Partial<Borrower>) => onChange(changed)}>
        <Form.Item name="borrowerType" label={S.borrowerType}>
          <Select<BorrowerType>
            onChange={(t) => onChange({ borrowerType: t, personId: null, staffKey: null })}
            options={BORROWER_TYPES.map((t) => ({ value: t, label: BORROWER_TYPE_LABELS[t] }))}
          />
        </Form.Item>
        {RESIDENTS.includes(borrower.borrowerType) && (
          <Form.Item label={S.borrowerResident} htmlFor="borrower-resident">
            <PersonPicker id="borrower-resident" value={borrower.personId} placeholder={S.borrowerResidentPh} onChange={(personId) => onChange({ personId })} onPick={(p) => onChange({ personId: p.id, borrowerName: p.name })} />
          </Form.Item>
        )}
        {borrower.borrowerType === 'staff' && (
          <Form.Item label={S.borrowerStaff}>
            <StaffPicker aria-label={S.borrowerStaff} placeholder={S.borrowerStaffPh} value={borrower.staffKey} onChange={pickStaff} />
          </Form.Item>
        )}
        <Form.Item name="borrowerName" label={S.borrowerName}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="borrowerPhone" label={S.borrowerPhone}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="organisation" label={S.borrowerOrganisation}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="idTail" label={S.borrowerIdTail}>
          <Input maxLength={6} />
        </Form.Item>
        <Form.Item name="purpose" label={S.borrowerPurpose} style={{ marginBottom: 0 }}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Card>
  );
}
