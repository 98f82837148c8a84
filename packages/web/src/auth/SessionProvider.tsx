import type { Identity } from '@pm/shared';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { callApi, onSessionLost } from '../api/apiClient';
import { navigateAway } from '../components/Link';

interface SessionState {
  /** undefined while the first /me is on its way; null when nobody is signed in. */
  identity: Identity | null | undefined;
  signIn: (username: string, password: string) => Promise<Identity>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

/** Who is signed in, asked of the server once at start; the session itself lives in an httpOnly cookie. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [identity, setIdentity] = useState<Identity | null | undefined>(undefined);

  useEffect(() => {
    let current = true;
    callApi('auth.me').then(
      ({ identity }) => current && setIdentity(identity),
      () => current && setIdentity(null),
    );
    const stopListening = onSessionLost(() => setIdentity(null));
    return () => {
      current = false;
      stopListening();
    };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const { identity } = await callApi('auth.login', { body: { username, password } });
    setIdentity(identity);
    return identity;
  }, []);

  const signOut = useCallback(async () => {
    await callApi('auth.logout').catch(() => undefined);
    setIdentity(null);
    navigateAway('/');
  }, []);

  const value = useMemo(() => ({ identity, signIn, signOut }), [identity, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

function useSessionState(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The signed-in account, or null (also while the session is still being checked). */
export function useSession(): Identity | null {
  return useSessionState().identity ?? null;
}

/** Signing in and out, and whether the session check has finished. */
export function useSessionControl() {
  const { identity, signIn, signOut } = useSessionState();
  return { checking: identity === undefined, signIn, signOut };
}
