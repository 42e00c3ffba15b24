import type { ReactNode } from 'react';

/**
 * antd draws the required "*" with CSS ::before, which screen readers (and Playwright) read as
 * part of the label: "* 密码". This draws it after the label, hidden from the accessible name.
 */
export function requiredMark(label: ReactNode, info: { required: boolean }): ReactNode {
  return (
    <>
      {label}
      {info.required && (
        <span aria-hidden="true" style={{ color: '#ff4d4f', marginInlineStart: 4 }}>
          *
        </span>
      )}
    </>
  );
}
