import { useCallback, useState } from 'react';
import type { FormInstance, FormRule } from 'antd';
import { getCommand, type CommandInput, type CommandName, type CommandOutput } from '../../shared/contract';
import type { CommandError, Result } from '../../shared/result';
import { fieldErrors } from '../../shared/zod-zh';
import { call } from '../api/client';
import { useNotify } from './notify';
import { S } from './strings';

interface CommandFormOptions {
  /**
   * Show errors on the form only (login, setup, lock screen: they have their own alert area).
   * Otherwise whatever cannot be pinned to a field goes through the notification convention.
   */
  quiet?: boolean;
}

/**
 * Submit a form through a command. The values are checked with the command's own zod schema
 * first — the very schema the server parses — so the operator sees the same Chinese messages
 * without a round trip; the server's `error.fields` land on the same fields afterwards.
 * Form field names must be the input's keys (dot paths for nested ones).
 */
export function useCommandForm<N extends CommandName>(form: FormInstance, name: N, options: CommandFormOptions = {}) {
  const notify = useNotify();
  const [submitting, setSubmitting] = useState(false);
  /** What could not be shown on a field, for the page's own alert (quiet forms). */
  const [formError, setFormError] = useState<CommandError | null>(null);
  const { quiet = false } = options;

  const report = useCallback(
    (error: CommandError) => {
      const leftover = putFieldErrors(form, error.fields ?? {});
      // An error pinned to the fields the operator is looking at needs no second toast.
      const unshown = !error.fields || leftover.length > 0;
      const shown: CommandError = leftover.length && error.kind === 'validation' ? { ...error, message: `${error.message}：${leftover.join('；')}` } : error;
      setFormError(unshown ? shown : null);
      if (!quiet && unshown) notify.error(shown);
    },
    [form, notify, quiet],
  );

  const submit = useCallback(
    async (input: CommandInput<N>): Promise<Result<CommandOutput<N>>> => {
      setFormError(null);
      const parsed = getCommand(name).input.safeParse(input);
      if (!parsed.success) {
        const error: CommandError = { kind: 'validation', message: S.formInvalid, fields: fieldErrors(parsed.error) };
        report(error);
        return { ok: false, error };
      }
      setSubmitting(true);
      try {
        const result = await call(name, input);
        if (!result.ok) report(result.error);
        return result;
      } finally {
        setSubmitting(false);
      }
    },
    [name, report],
  );

  // Messages set by setFields are not rules, so antd would leave them up after the operator fixes
  // the value; a changed field drops its message (rule-backed fields revalidate on their own).
  const onValuesChange = useCallback((changed: Record<string, unknown>) => clearChangedFieldErrors(form, changed), [form]);

  /**
   * Spread onto the antd <Form>: `<Form {...formProps} …>`. The form's name prefixes its field
   * ids, so two forms on screen (a dialog under the lock screen) never share an id and a label.
   */
  const formProps = { form, onValuesChange, name: name.replace(/\W/g, '-') };
  return { submit, submitting, formError, formProps };
}

/** A changed field drops the message the server set on it (see useCommandForm's onValuesChange). */
export function clearChangedFieldErrors(form: FormInstance, changed: Record<string, unknown>): void {
  form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })));
}

/** Sets messages on the matching registered fields; returns the messages no field could take. */
export function putFieldErrors(form: FormInstance, fields: Record<string, string>): string[] {
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const leftover: string[] = [];
  const onForm: { name: (string | number)[]; errors: string[] }[] = [];
  for (const [path, message] of Object.entries(fields)) {
    if (registered.has(path)) onForm.push({ name: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [message] });
    else leftover.push(message);
  }
  if (onForm.length) form.setFields(onForm);
  return leftover;
}

/** "确认密码" must repeat the field named `of`; a form-only rule, the contract never sees it. */
export function sameAs(of: string): FormRule[] {
  return [
    { required: true, message: S.confirmPasswordRequired },
    ({ getFieldValue }) => ({
      validator: (_rule, value) => (value === getFieldValue(of) ? Promise.resolve() : Promise.reject(new Error(S.passwordMismatch))),
    }),
  ];
}
