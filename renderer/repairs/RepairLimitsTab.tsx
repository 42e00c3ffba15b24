import { Button, Checkbox, Form, Input, Space, Typography } from 'antd';
import { newRepairCategoryKey, type RepairCategoryDef, type RepairLimits } from '../../shared/repairs';
import { DeskSettingsForm } from '../components/DeskSettingsForm';
import { DurationInput } from '../components/DurationInput';
import { S } from './strings';
import { useRepairCategories } from './categories';

type MinuteField = Exclude<keyof RepairLimits, 'maskPhoneOnSlip' | 'categories'>;

const FIELDS: { key: MinuteField; label: string; help: string; maxHours: number }[] = [
  { key: 'arriveMinutes', label: S.limitsArrive, help: S.limitsArriveHelp, maxHours: 24 },
  { key: 'backMinutes', label: S.limitsBack, help: S.limitsBackHelp, maxHours: 24 },
  { key: 'inspectionMinutes', label: S.limitsInspection, help: S.limitsInspectionHelp, maxHours: 720 },
  { key: 'callbackMinutes', label: S.limitsCallback, help: S.limitsCallbackHelp, maxHours: 720 },
  { key: 'dueSoonMinutes', label: S.limitsDueSoon, help: S.limitsDueSoonHelp, maxHours: 24 },
  { key: 'appointmentPastMinutes', label: S.limitsAppointmentPast, help: S.limitsAppointmentPastHelp, maxHours: 168 },
];

/** 设置 → 维修设置: the procedure's time rules in hours and minutes, how the 维修单 prints the phone, and the 维修类别. */
export function RepairLimitsTab() {
  return (
    <DeskSettingsForm
      section="repairLimits"
      command="repairs.updateSettings"
      text={{ intro: S.limitsIntro, readOnly: S.limitsReadOnly, save: S.limitsSave, saved: S.limitsSaved }}
    >
      {FIELDS.map((f) => (
        <Form.Item key={f.key} label={f.label} name={f.key} required extra={f.help}>
          <DurationInput label={f.label} maxHours={f.maxHours} />
        </Form.Item>
      ))}
      <Form.Item name="maskPhoneOnSlip" valuePropName="checked">
        <Checkbox>{S.limitsMaskPhone}</Checkbox>
      </Form.Item>
      <CategoryList />
    </DeskSettingsForm>
  );
}

/**
 * 维修类别: rename, add, stop offering. A saved category has no remove button — orders keep its key —
 * and the server refuses a list that drops one; a row added before saving can be taken out again.
 */
function CategoryList() {
  const form = Form.useFormInstance();
  const saved = new Set(useRepairCategories().all.map((c) => c.key));
  return (
    <>
      <Typography.Title level={5}>{S.categoriesTitle}</Typography.Title>
      <Typography.Paragraph type="secondary">{S.categoriesHelp}</Typography.Paragraph>
      <Form.List name="categories">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => {
              const key = form.getFieldValue(['categories', field.name, 'key']) as string;
              return (
                <Space key={field.key} align="baseline" data-testid={`category-${key}`}>
                  <span style={{ width: 20, display: 'inline-block', color: '#888' }}>{i + 1}</span>
                  <Form.Item name={[field.name, 'key']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'label']} rules={[{ required: true, message: S.categoryName }]}>
                    <Input aria-label={`${S.categoryName} ${i + 1}`} maxLength={10} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'enabled']} valuePropName="checked">
                    <Checkbox>{S.categoryEnabled}</Checkbox>
                  </Form.Item>
                  {!saved.has(key) && (
                    <Button type="link" onClick={() => remove(field.name)}>
                      {S.categoryRemoveUnsaved}
                    </Button>
                  )}
                </Space>
              );
            })}
            <Form.Item>
              <Button
                onClick={() => {
                  const list = (form.getFieldValue('categories') as RepairCategoryDef[] | undefined) ?? [];
                  add({ key: newRepairCategoryKey(list), label: '', enabled: true });
                }}
              >
                {S.categoryAdd}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
    </>
  );
}
