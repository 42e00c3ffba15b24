import { useMemo } from 'react';
import { App } from 'antd';
import type { CommandError } from '../../shared/result';
import { S } from './strings';

/**
 * The one way the UI reports a command's outcome, so every desk sounds the same:
 * short success toasts; the operator's own mistakes (validation, conflict, not found) as
 * error toasts; missing rights as a warning card; system faults as a card that stays until
 * closed. Lost or locked sessions are left to the session logic, which shows login or the lock screen.
 */
export function useNotify() {
  const { message, notification } = App.useApp();
  return useMemo(
    () => ({
      success(text: string) {
        void message.success(text, 2);
      },
      error(error: CommandError) {
        switch (error.kind) {
          case 'validation':
          case 'conflict':
          case 'not_found':
            void message.error(error.message, 4);
            return;
          case 'approval_required':
            // The approval dialog was cancelled: the operator knows; a short reminder is enough.
            void message.warning(error.message, 4);
            return;
          case 'rate_limited':
            notification.warning({ title: S.rateLimitedTitle, description: error.message });
            return;
          case 'forbidden':
            notification.warning({ title: S.forbiddenTitle, description: error.message });
            return;
          case 'internal':
            notification.error({ title: S.internalTitle, description: error.message, duration: false });
            return;
          case 'unauthenticated':
            return;
        }
      },
    }),
    [message, notification],
  );
}

export type Notify = ReturnType<typeof useNotify>;
