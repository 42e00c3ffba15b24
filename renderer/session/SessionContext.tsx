import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionView } from '../../shared/contract/auth';
import type { OperatorView } from '../../shared/contract/operators';
import type { CommandError } from '../../shared/result';
import { call, onUnauthenticated } from '../api/client';
import { leaveSignOutNotice } from './signOutNotice';

export type SessionState =
  | { status: 'loading' }
  | { status: 'failed'; error: CommandError }
  | { status: 'ready'; session: SessionView };

export interface SessionApi {
  session: SessionView;
  operator: OperatorView;
  /** Re-read auth.session (after settings change, an unauthenticated answer…). */
  refresh(): Promise<void>;
  /** Show the lock screen at once and tell the server. */
  lock(): Promise<void>;
  logout(): Promise<void>;
  /** The server ended the session (too many wrong passwords): back to the login page, which says why. */
  signedOutByServer(message: string): Promise<void>;
}

/** Loads auth.session, keeps it current, and re-reads it whenever a command finds the session gone. */
export function useSessionLoader() {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    const result = await call('auth.session', {});
    setState((prev) => {
      if (result.ok) return { status: 'ready', session: result.value };
      // Once the app is up, a failed re-read keeps what is on screen; the failing command already said why.
      return prev.status === 'ready' ? prev : { status: 'failed', error: result.error };
    });
  }, []);

  useEffect(() => {
    void refresh();
    return onUnauthenticated(() => void refresh());
  }, [refresh]);

  const setLocked = useCallback((locked: boolean) => {
    setState((prev) => (prev.status === 'ready' ? { status: 'ready', session: { ...prev.session, locked } } : prev));
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    void refresh();
  }, [refresh]);

  return { state, refresh, setLocked, retry };
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider(props: {
  session: SessionView;
  operator: OperatorView;
  refresh(): Promise<void>;
  setLocked(locked: boolean): void;
  children: ReactNode;
}) {
  const { session, operator, refresh, setLocked } = props;
  const api = useMemo<SessionApi>(
    () => ({
      session,
      operator,
      refresh,
      async lock() {
        // Lock the screen first: a slow or failed call must not leave the desk open.
        setLocked(true);
        await call('auth.lock', {});
      },
      async logout() {
        await call('auth.logout', {});
        await refresh();
      },
      async signedOutByServer(message) {
        leaveSignOutNotice(message);
        await refresh();
      },
    }),
    [session, operator, refresh, setLocked],
  );
  return <SessionContext.Provider value={api}>{props.children}</SessionContext.Provider>;
}

/** The signed-in operator and session actions; only inside the signed-in app. */
export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside SessionProvider');
  return api;
}
