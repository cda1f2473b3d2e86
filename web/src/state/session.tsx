// The signed-in user: loaded from /api/auth/me at start, set by the login page, cleared on logout or 401.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setUnauthorizedHandler, type SessionInfo } from '../api';

/** `idle`: not asked yet — the citizen's pages need no account, so they do not ask the server who is signed in. */
type Status = 'idle' | 'loading' | 'anonymous' | 'authenticated' | 'error';

/** The citizen's pages (reception, status, refutations): no account, no question about the session. */
export const CITIZEN_PATH = /^\/(reception|status|refutations)(\/|$)/;

interface SessionValue {
  status: Status;
  session: SessionInfo | null;
  /** Set when the session ended on its own (expired, logged out elsewhere). */
  expired: boolean;
  /** Set when the user signed out here: the login page then needs no way back. */
  signedOut: boolean;
  loadError: unknown;
  signIn(info: SessionInfo): void;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [status, setStatus] = useState<Status>(() => (CITIZEN_PATH.test(window.location.pathname) ? 'idle' : 'loading'));
  const [expired, setExpired] = useState(false);
  const [signedOut, setSignedOut] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);

  const apply = useCallback((info: SessionInfo | null) => {
    setCsrfToken(info?.csrfToken ?? null);
    setSession(info);
    setStatus(info ? 'authenticated' : 'anonymous');
  }, []);

  const refresh = useCallback(async () => {
    setStatus((s) => (s === 'idle' ? 'loading' : s));
    try {
      apply(await api.auth.me());
      setLoadError(null);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        apply(null);
      } else {
        setLoadError(error);
        setStatus('error');
      }
    }
  }, [apply]);

  useEffect(() => {
    if (!CITIZEN_PATH.test(window.location.pathname)) void refresh();
  }, [refresh]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setExpired(true);
      apply(null);
    });
    return () => setUnauthorizedHandler(null);
  }, [apply]);

  const signIn = useCallback((info: SessionInfo) => {
    setExpired(false);
    setSignedOut(false);
    apply(info);
  }, [apply]);

  const signOut = useCallback(async () => {
    try {
      await api.auth.logout();
    } finally {
      setExpired(false);
      setSignedOut(true);
      apply(null);
    }
  }, [apply]);

  const value = useMemo(
    () => ({ status, session, expired, signedOut, loadError, signIn, signOut, refresh }),
    [status, session, expired, signedOut, loadError, signIn, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The session of a page inside the authenticated shell. */
export function useCurrentSession(): SessionInfo {
  const { session } = useSession();
  if (!session) throw new Error('useCurrentSession without a session');
  return session;
}
