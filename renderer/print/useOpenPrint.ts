import { useCallback } from 'react';
import { App } from 'antd';

/**
 * Opens a print route in this window. Toasts still on screen ("已导出…") would otherwise be
 * laid out — and printed — over the form, so they go first.
 */
export function useOpenPrint() {
  const { message, notification } = App.useApp();
  return useCallback(
    (hash: string) => {
      message.destroy();
      notification.destroy();
      window.location.hash = hash;
    },
    [message, notification],
  );
}
