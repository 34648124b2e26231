// Who is logged in: read once from GET /api/auth/me, changed by login and logout.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, onUnauthorised } from '../api/client.ts';
import type { SessionInfo } from '../api/types.ts';

interface SessionState {
  session: SessionInfo | null;
  checking: boolean;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [checking, setChecking] = useState(true);

  useEffect(() => {
    api
      .get<SessionInfo>('/api/auth/me')
      .then(setSession)
      .catch((error) => {
        if (!(error instanceof ApiError && error.status === 401)) console.warn(error);
        setSession(null);
      })
      .finally(() => setChecking(false));
    return onUnauthorised(() => setSession(null));
  }, []);

  const login = useCallback(async (email: string, password: string) => {
    setSession(await api.post<SessionInfo>('/api/auth/login', { email, password }));
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      setSession(null);
    }
  }, []);

  return <SessionContext.Provider value={{ session, checking, login, logout }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
