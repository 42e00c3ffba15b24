import { Form } from 'antd';
import type { CommandName, CommandOutput } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { useCommandForm } from '../components/forms';
import { useNotify } from '../components/notify';

/** One command, one dialog: submit, then (on success) a short toast and `onDone` with the answer. */
export function useKeyAction<N extends CommandName>(name: N, onDone: (value: CommandOutput<N>) => void, doneText: string | ((value: CommandOutput<N>) => string)) {
  const [form] = Form.useForm();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, name);
  const finish = (result: Result<CommandOutput<N>>) => {
    if (!result.ok) return;
    notify.success(typeof doneText === 'function' ? doneText(result.value) : doneText);
    onDone(result.value);
  };
  return { form, submit, submitting, formProps, finish };
}
