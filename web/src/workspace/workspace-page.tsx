import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Switch, useLocation } from 'wouter';
import { ErrorMessage, Loading, NotFound } from '../components/status.js';
import {
  LoginForm,
  SessionProvider,
  can,
  useCurrentSession,
  useSession,
  type Role,
  type Session,
} from './session.js';
import { onSessionLost, send } from './workspace-api.js';
import './workspace-i18n.js';
import './workspace.css';

const SearchPage = lazy(() => import('./search-page.js').then((m) => ({ default: m.SearchPage })));
const PersonPage = lazy(() => import('./person-page.js').then((m) => ({ default: m.PersonPage })));
const ImportPage = lazy(() => import('./import-page.js').then((m) => ({ default: m.ImportPage })));
const ReviewPage = lazy(() => import('./review-page.js').then((m) => ({ default: m.ReviewPage })));
const EstimatesPage = lazy(() =>
  import('./estimates-page.js').then((m) => ({ default: m.EstimatesPage })),
);
const EvidencePage = lazy(() =>
  import('./evidence-page.js').then((m) => ({ default: m.EvidencePage })),
);

/** The workspace's own sections; `needs` is the role the server asks of their routes. */
const SECTIONS: { path: string; label: string; needs: Role }[] = [
  { path: '/search', label: 'nav.search', needs: 'documenter' },
  { path: '/import', label: 'nav.import', needs: 'documenter' },
  { path: '/review', label: 'nav.review', needs: 'analyst' },
  { path: '/estimates', label: 'nav.estimates', needs: 'analyst' },
  { path: '/evidence', label: 'nav.evidence', needs: 'analyst' },
];

function Sections({ session, onLogout }: { session: Session; onLogout: () => void }) {
  const { t } = useTranslation('workspace');
  const [location] = useLocation();
  const logout = () => {
    // Logged out either way: a session the server no longer knows is no session.
    send('DELETE', '/api/session', undefined, session.csrfToken).then(onLogout, onLogout);
  };
  return (
    <div className="ws-bar">
      <nav aria-label={t('nav.label')}>
        <ul>
          {SECTIONS.filter((s) => can(session, s.needs)).map((s) => (
            <li key={s.path}>
              <Link href={s.path} aria-current={location.startsWith(s.path) ? 'page' : undefined}>
                {t(s.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="ws-who">
        {t('session.who', { username: session.username, role: t(`roles.${session.role}`) })}{' '}
        <button type="button" className="ws-link-button" onClick={logout}>
          {t('session.logout')}
        </button>
      </p>
    </div>
  );
}

/** A section the account's role does not reach: say so rather than show the server's 403. */
function Needs({ role, children }: { role: Role; children: ReactNode }) {
  const { t } = useTranslation('workspace');
  const session = useSession();
  if (can(session, role)) return <>{children}</>;
  return <p role="alert">{t('session.needs', { role: t(`roles.${role}`) })}</p>;
}

/**
 * `/:lang/workspace/…`: the analysts' pages, behind a login. Personal data shows here only,
 * fetched per view and never cached; the URL holds the view (query, person, kind, pair).
 */
export function WorkspacePage() {
  const { t } = useTranslation('workspace');
  const { session, setSession, error } = useCurrentSession();
  const [ended, setEnded] = useState(false);
  useEffect(
    () =>
      onSessionLost(() => {
        setEnded(true);
        setSession(null);
      }),
    [setSession],
  );
  return (
    <section className="workspace" aria-labelledby="ws-title">
      <h1 id="ws-title">{t('title')}</h1>
      {error && <ErrorMessage error={error} />}
      {session === undefined && !error && <Loading />}
      {session === null && (
        <LoginForm
          notice={ended ? t('session.ended') : null}
          onLogin={(s) => {
            setEnded(false);
            setSession(s);
          }}
        />
      )}
      {session && (
        <SessionProvider value={session}>
          <Sections session={session} onLogout={() => setSession(null)} />
          <Suspense fallback={<Loading />}>
            <Switch>
              <Route path="/">
                <p>{t('welcome')}</p>
              </Route>
              <Route path="/search">
                <Needs role="documenter">
                  <SearchPage />
                </Needs>
              </Route>
              <Route path="/persons/:id">
                <Needs role="documenter">
                  <PersonPage />
                </Needs>
              </Route>
              <Route path="/import">
                <Needs role="documenter">
                  <ImportPage />
                </Needs>
              </Route>
              <Route path="/review">
                <Needs role="analyst">
                  <ReviewPage />
                </Needs>
              </Route>
              <Route path="/estimates">
                <Needs role="analyst">
                  <EstimatesPage />
                </Needs>
              </Route>
              <Route path="/evidence">
                <Needs role="analyst">
                  <EvidencePage />
                </Needs>
              </Route>
              <Route component={NotFound} />
            </Switch>
          </Suspense>
        </SessionProvider>
      )}
    </section>
  );
}
