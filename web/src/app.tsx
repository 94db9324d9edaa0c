import { Redirect, Route, Switch, useParams } from 'wouter';
import { Layout } from './components/layout.js';
import { DEFAULT_LANGUAGE, isLanguage, preferredLanguage } from './i18n/i18n.js';
import { useLanguage } from './i18n/use-language.js';
import { PageRoutes } from './routes/pages.js';

/** `/xx/...`: the language is the first path segment, so a shared link keeps its language. */
function LanguageRoot() {
  const { lang } = useParams<{ lang: string }>();
  const ready = useLanguage(isLanguage(lang) ? lang : null);
  if (!isLanguage(lang)) {
    // An unknown first segment is most likely a path without a language: keep the path.
    const rest = window.location.pathname + window.location.search;
    return <Redirect to={`~/${DEFAULT_LANGUAGE}${rest}`} replace />;
  }
  if (!ready) return null;
  return (
    <Layout>
      <PageRoutes />
    </Layout>
  );
}

export function App() {
  return (
    <Switch>
      <Route path="/:lang" nest>
        <LanguageRoot />
      </Route>
      <Route>
        <Redirect to={`/${preferredLanguage()}/`} replace />
      </Route>
    </Switch>
  );
}
