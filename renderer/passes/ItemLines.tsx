import type { KeyboardEvent } from 'react';
import { Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { PassItemInput } from '../../shared/contract/passes';
import { ITEM_QUANTITY_MAX, PASS_ITEMS_MAX } from '../../shared/passes';
import { S } from './strings';

export interface ItemLineValue {
  name: string;
  quantity: number | null;
  unit: string;
}

export const BLANK_ITEM: ItemLineValue = { name: '', quantity: 1, unit: '件' };

/** The lines the operator filled in (a blank line Enter added at the end is no item), as the contract takes them. */
export function itemsInput(lines: readonly ItemLineValue[] | undefined): PassItemInput[] {
  return (lines ?? [])
    .filter((l) => l.name?.trim())
    .map((l) => ({ name: l.name.trim(), quantity: l.quantity ?? 0, unit: l.unit?.trim() || '件' }));
}

const focusField = (id: string) => window.setTimeout(() => document.getElementById(id)?.focus(), 0);

/**
 * 物品清单 as an editable table, kept in the form under `items` (the contract's field, so the
 * server's `items.2.quantity` lands on its cell). Keyboard only: Tab moves along a line; Enter on a
 * line goes to the next one, adding it at the end; Ctrl+Enter submits the whole form.
 */
export function ItemLines(props: { formName: string }) {
  const form = Form.useFormInstance();
  const idOf = (row: number, field: keyof ItemLineValue) => `${props.formName}_items_${row}_${field}`;
  return (
    <Form.List name="items">
      {(fields, { add, remove }) => {
        const onKeyDown = (row: number) => (e: KeyboardEvent) => {
          if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
          e.preventDefault();
          e.stopPropagation();
          if (e.ctrlKey || e.metaKey) {
            form.submit();
            return;
          }
          if (row === fields.length - 1) {
            if (fields.length >= PASS_ITEMS_MAX) return;
            add({ ...BLANK_ITEM });
          }
          focusField(idOf(row + 1, 'name'));
        };
        return (
          <div data-testid="pass-items">
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {S.itemsHint}
            </Typography.Paragraph>
            {fields.map((field, i) => (
              <Space key={field.key} align="baseline" style={{ display: 'flex' }} data-testid="pass-item-line" onKeyDown={onKeyDown(i)}>
                <span style={{ width: 20, display: 'inline-block', color: '#888' }}>{i + 1}</span>
                <Form.Item name={[field.name, 'name']} style={{ marginBottom: 8 }}>
                  <Input id={idOf(i, 'name')} aria-label={`${S.itemName} ${i + 1}`} placeholder={S.itemName} maxLength={40} style={{ width: 220 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'quantity']} style={{ marginBottom: 8 }}>
                  <InputNumber id={idOf(i, 'quantity')} aria-label={`${S.itemQuantity} ${i + 1}`} min={1} max={ITEM_QUANTITY_MAX} precision={0} style={{ width: 90 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'unit']} style={{ marginBottom: 8 }}>
                  <Input id={idOf(i, 'unit')} aria-label={`${S.itemUnit} ${i + 1}`} maxLength={8} style={{ width: 70 }} />
                </Form.Item>
                {fields.length > 1 && (
                  <Button type="text" tabIndex={-1} aria-label={`${S.itemRemove} ${i + 1}`} icon={<DeleteOutlined aria-hidden />} onClick={() => remove(field.name)} />
                )}
              </Space>
            ))}
            {fields.length < PASS_ITEMS_MAX && (
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => {
                  add({ ...BLANK_ITEM });
                  focusField(idOf(fields.length, 'name'));
                }}
              >
                {S.itemAdd}
              </Button>
            )}
          </div>
        );
      }}
    </Form.List>
  );
}
