import { Descriptions, Form, Input } from 'antd';
import { FormModal } from '../components/FormModal';
import { useCommandForm } from '../components/forms';
import { useNotify } from '../components/notify';
import { useCommandResult } from '../components/useCommandResult';
import { useRepairCategories } from './categories';
import { EMPTY_ORDER_FIELDS, OrderFields, orderFieldsInput, categoryKeyHandler, type OrderFieldValues } from './OrderFields';
import { go, repairsHash } from './route';
import { S } from './strings';

/**
 * 转维修单: a reception entry of category 报修 becomes an order. The unit, the contact, the content
 * and 入户/公共 come over from the entry (the server reads them); the desk adds the category, the
 * agreed time and the charge. Reached from the entry's 转维修单 button (`#/repairs/from-entry/<id>`);
 * opens the new order, or goes back to the entry when cancelled.
 */
export function FromEntryModal(props: { entryId: number }) {
  const { value: entry } = useCommandResult('reception.get', { id: props.entryId });
  const [form] = Form.useForm<OrderFieldValues & { location: string }>();
  const { offered } = useRepairCategories();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'repairs.openFromEntry');
  const backToEntry = () => go(`#/reception/entry/${props.entryId}`);
  const scope = entry ? (entry.repairScope ?? (entry.unitId !== null ? 'in_home' : 'public')) : 'in_home';
  const inHome = scope === 'in_home';
  return (
    <FormModal<OrderFieldValues & { location: string }>
      title={entry ? `${S.fromEntryTitle}：${entry.no}` : S.fromEntryTitle}
      formProps={formProps}
      submitting={submitting}
      onClose={backToEntry}
      initialValues={{ ...EMPTY_ORDER_FIELDS, location: '' }}
      onFinish={async (v) => {
        const result = await submit({ entryId: props.entryId, location: inHome ? '' : (v.location ?? ''), ...orderFieldsInput(v, inHome) });
        if (!result.ok) return;
        notify.success(S.opened(result.value.no));
        // In place of this form: 返回 from the order goes back to the entry, not to a form already used.
        window.location.replace(repairsHash.order(result.value.id));
      }}
    >
      <div onKeyDown={categoryKeyHandler(form, offered)} data-testid="from-entry">
        {entry && (
          <Descriptions
            size="small"
            column={2}
            style={{ marginBottom: 12 }}
            items={[
              { key: 'unit', label: S.fieldUnit, children: entry.unitCode ?? S.none },
              { key: 'contact', label: S.fieldContact, children: [entry.contactName, entry.contactPhone].filter(Boolean).join(' ') || S.none },
              { key: 'content', label: S.fieldDescription, span: 2, children: entry.content },
            ]}
          />
        )}
        {!inHome && (
          <Form.Item label={S.location} name="location" required>
            <Input maxLength={80} placeholder={S.locationPh} />
          </Form.Item>
        )}
        {/* Left empty, the entry's content is the order's description. */}
        <OrderFields chargeableOffered={inHome} descriptionRequired={false} />
      </div>
    </FormModal>
  );
}
