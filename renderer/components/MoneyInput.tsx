import { useState, type CSSProperties } from 'react';
import { Input, type FormRule } from 'antd';
import { moneyProblem, moneyText, moneyValueOf, type MoneyOptions, type MoneyValue } from './moneyValue';

/**
 * The one money box. The operator types yuan as they would write it ("1409.5", "1,409.50",
 * full-width digits, "元" after); the form holds integer fen (see MoneyValue), and on leaving the
 * box, or on Enter, it shows the amount as a receipt prints it (¥1,409.50). Enter then does what it
 * does in any other field of the form. Pair it with moneyRule(options) on its Form.Item, with the
 * same options, for the Chinese message under the box.
 */
export function MoneyInput(
  props: MoneyOptions & {
    id?: string;
    value?: MoneyValue;
    onChange?(value: MoneyValue): void;
    placeholder?: string;
    autoFocus?: boolean;
    style?: CSSProperties;
    'aria-label'?: string;
  },
) {
  const { allowNegative, allowZero, required } = props;
  const options: MoneyOptions = { allowNegative, allowZero, required };
  // The text as typed, and the value it was typed for: a value set from outside (initial
  // values, a reset) replaces the text; the box's own changes come back as the same value.
  const [shown, setShown] = useState(() => ({ value: props.value, text: moneyText(props.value) }));
  if (props.value !== shown.value) setShown({ value: props.value, text: moneyText(props.value) });
  const tidy = () => setShown((s) => ({ ...s, text: moneyText(s.value) }));
  return (
    <Input
      id={props.id}
      aria-label={props['aria-label']}
      autoFocus={props.autoFocus}
      placeholder={props.placeholder ?? '¥0.00'}
      inputMode="decimal"
      autoComplete="off"
      style={props.style}
      value={shown.text}
      onChange={(e) => {
        const value = moneyValueOf(e.target.value, options);
        setShown({ value, text: e.target.value });
        props.onChange?.(value);
      }}
      onBlur={tidy}
      onPressEnter={tidy}
    />
  );
}

/**
 * The Form.Item rule for a MoneyInput: parseYuan's message for text that does not read, 请输入金额
 * for an empty box when `required` (mark the Form.Item `required` for the asterisk).
 */
export function moneyRule(options: MoneyOptions = {}): FormRule {
  return {
    validator: (_rule, value: MoneyValue) => {
      const problem = moneyProblem(value, options);
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  };
}
