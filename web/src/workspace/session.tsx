import { createContext, useContext, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, getJson, sendJson } from '../api/client.js';
import { formText } from './workspace-api.js';

export type Role = 'viewer' | 'documenter' | 'analyst' | 'admin';
const RANK: Record<Role, number> = { viewer: 1, documenter: 2, analyst: 3, admin: 4 };

export interface Session {
  username: string;
  role: Role;
  csrfToken: string;
}

export const can = (session: Session, needs: Role): boolean => RANK[session.role] >= RANK[needs];

const SessionContext = createContext<Session | null>(null);
export const SessionProvider = SessionContext.Provider;

/** The logged-in account; the workspace renders its pages only once there is one. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside the workspace');
  return s;
}

/** Who is logged in, from the session cookie the browser holds (none: `null`). */
export function useCurrentSession(): {
  session: Session | null | undefined;
  setSession: (s: Session | null) => void;
  error: Error | null;
} {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    getJson<Session>('/api/session', controller.signal).then(setSession, (e: unknown) => {
      if (controller.signal.aborted) return;
      if (e instanceof ApiError && e.status === 401) setSession(null);
      else setError(e instanceof Error ? e : new Error(String(e)));
    });
    return () => controller.abort();
  }, []);
  return { session, setSession, error };
}

export function LoginForm({
  onLogin,
  notice = null,
}: {
  onLogin: (s: Session) => void;
  /** Why the form is back (the session ended), said before the fields. */
  notice?: string | null;
}) {
  const { t } = useTranslation('workspace');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    sendJson<Session>('POST', '/api/session', {
      username: formText(form, 'username'),
      password: formText(form, 'password'),
    }).then(onLogin, (err: unknown) => {
      setBusy(false);
      setError(
        err instanceof ApiError && err.status === 401
          ? t('login.wrong')
          : err instanceof Error
            ? err.message
            : String(err),
      );
    });
  };
  return (
    <form className="ws-form ws-login" onSubmit={submit} aria-labelledby="login-title">
      <h2 id="login-title">{t('login.title')}</h2>
      {notice && <p role="alert">{notice}</p>}
      <p>{t('login.why')}</p>
      <label htmlFor="login-username">{t('login.username')}</label>
      <input id="login-username" name="username" autoComplete="username" required />
      <label htmlFor="login-password">{t('login.password')}</label>
      <input
        id="login-password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      {error && (
        <p className="status status-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  );
}
