import type { ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';

/**
 * A dialog holding one form: OK submits it, Enter in any field submits it, Esc or 取消 closes.
 * Mount it only while open, so every opening starts from a clean form.
 */
export function FormModal<Values>(props: {
  title: string;
  /** From useCommandForm. */
  formProps: { form: FormInstance<Values>; name: string; onValuesChange(changed: Record<string, unknown>): void };
  submitting: boolean;
  okText?: string;
  onFinish(values: Values): void;
  onClose(): void;
  initialValues?: Partial<Values>;
  /**
   * Once the dialog is shown and holds the focus lock: where the keyboard starts. `autoFocus` alone
   * loses to a dialog already open underneath (its lock pulls the focus back until this one's holds).
   */
  afterOpen?(): void;
  children: ReactNode;
}) {
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      confirmLoading={props.submitting}
      onOk={() => props.formProps.form.submit()}
      onCancel={props.onClose}
      maskClosable={false}
      afterOpenChange={(open) => {
        if (open) props.afterOpen?.();
      }}
    >
      <Form {...props.formProps} layout="vertical" onFinish={props.onFinish} initialValues={props.initialValues} autoComplete="off">
        {props.children}
        {/* Lets Enter submit a form with several fields (implicit submission needs a submit button). */}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
