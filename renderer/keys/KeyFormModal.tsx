import { useState, type ComponentProps } from 'react';
import { Alert } from 'antd';
import { FormModal } from '../components/FormModal';
import { useScanner } from '../components/useScanner';
import { S } from './strings';

/**
 * Puts a field back as it was before a scan typed into it. The scanner "types" the code into
 * whatever has the focus; useScanner has already stopped its Enter, and the field's own value
 * setter plus an input event is how React's controlled input learns of the change.
 */
export function removeScannedText(field: HTMLElement, code: string): void {
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) || !field.value.endsWith(code)) return;
  const proto = field instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, field.value.slice(0, -code.length));
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Every dialog of the key desk: the platform's FormModal, plus the scan guard. A tag scanned while
 * the dialog is open (the custodian reaching for the next key) never submits it — useScanner stops
 * the Enter — and is not taken for anything: the dialog says so on screen, above its fields, and
 * the code is taken out of the field it landed in.
 */
export function KeyFormModal<Values>(props: ComponentProps<typeof FormModal<Values>>) {
  const [rejected, setRejected] = useState<string | null>(null);
  const formName = props.formProps.name;
  useScanner((code, scan) => {
    // antd's <Form name> is the form element's id: only scans into this dialog's fields are its business.
    const form = scan.field?.closest('form');
    if (!scan.field || form?.id !== formName) return;
    removeScannedText(scan.field, code);
    setRejected(code);
  });
  return (
    <FormModal<Values> {...props}>
      {rejected && <Alert type="warning" showIcon data-testid="scan-not-taken" title={S.scanNotTaken(rejected)} style={{ marginBottom: 12 }} closable onClose={() => setRejected(null)} />}
      {props.children}
    </FormModal>
  );
}
