import { useRef, useState, type Ref, type RefObject } from 'react';
import { Input, type InputRef } from 'antd';
import { BarcodeOutlined } from '@ant-design/icons';
import { useScanner } from '../components/useScanner';

/**
 * The box a tag is scanned into (the counter, the audit). A scanner's burst is taken through
 * useScanner, whatever the box had typed in it; a code typed by hand, with Enter. The scanner's
 * own Enter then reaches the box too (it is in no form): `tookEnter` keeps it from being taken twice.
 */
export function ScanBox(props: {
  label: string;
  placeholder: string;
  testId: string;
  onCode(code: string): void;
  inputRef?: RefObject<InputRef | null>;
  /** Off while a dialog is open: a scan then is the dialog's to refuse. */
  enabled?: boolean;
  width?: number;
}) {
  const [text, setText] = useState('');
  const own = useRef<InputRef>(null);
  const input = props.inputRef ?? own;
  const tookEnter = useRef(false);
  useScanner((code, scan) => {
    if (!scan.field || scan.field !== input.current?.input) return;
    tookEnter.current = true;
    setText('');
    props.onCode(code);
  }, props.enabled ?? true);
  return (
    <Input
      ref={input as Ref<InputRef>}
      size="large"
      aria-label={props.label}
      data-testid={props.testId}
      prefix={<BarcodeOutlined aria-hidden />}
      placeholder={props.placeholder}
      value={text}
      autoFocus
      autoComplete="off"
      style={props.width ? { width: props.width } : undefined}
      onChange={(e) => setText(e.target.value)}
      onPressEnter={() => {
        const typed = text.trim();
        setText('');
        if (tookEnter.current) tookEnter.current = false;
        else if (typed) props.onCode(typed);
      }}
    />
  );
}
