import type { Identity, Session } from '@pm/shared';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { callApi, onSessionLost } from '../api/apiClient';
import { navigateAway } from '../components/Link';

interface SessionState {
  /** undefined while the first /me is on its way; null when nobody is signed in. */
  identity: Identity | null | undefined;
  /** The account must change its (published demo) password before the server allows anything else. */
  passwordChangeRequired: boolean;
  signIn: (username: string, password: string) => Promise<Identity>;
  signOut: () => Promise<void>;
  /** Asks the server again who is signed in (after the password has been changed). */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

/** Who is signed in, asked of the server once at start; the session itself lives in an httpOnly cookie. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null | undefined>(undefined);

  useEffect(() => {
    let current = true;
    callApi('auth.me').then(
      (answer) => current && setSession(answer),
      () => current && setSession(null),
    );
    const stopListening = onSessionLost(() => setSession(null));
    return () => {
      current = false;
      stopListening();
    };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const answer = await callApi('auth.login', { body: { username, password } });
    setSession(answer);
    return answer.identity;
  }, []);

  const signOut = useCallback(async () => {
    await callApi('auth.logout').catch(() => undefined);
    setSession(null);
    navigateAway('/');
  }, []);

  const refresh = useCallback(async () => {
    setSession(await callApi('auth.me'));
  }, []);

  const value = useMemo(
    () => ({ identity: session && session.identity, passwordChangeRequired: session?.passwordChangeRequired ?? false, signIn, signOut, refresh }),
    [session, signIn, signOut, refresh],
  );
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

/** Signing in and out, whether the session check has finished, and whether the password must change first. */
export function useSessionControl() {
  const { identity, passwordChangeRequired, signIn, signOut, refresh } = useSessionState();
  return { checking: identity === undefined, passwordChangeRequired, signIn, signOut, refresh };
}
