import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { PAGES } from '../routes/pages.js';
import { LanguageSwitcher } from './language-switcher.js';
import { SyntheticBanner } from './synthetic-banner.js';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  // The tab's title names the view in the reader's language (and so do bookmarks and history).
  const page = PAGES.find(
    (p) => p.nav && (p.path === location || (p.path !== '/' && location.startsWith(`${p.path}/`))),
  );
  const title =
    page?.nav && page.path !== '/' ? `${t(page.nav)} · ${t('site.name')}` : t('site.name');
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <Link href="/" className="site-name">
          {t('site.name')}
        </Link>
        <nav aria-label={t('nav.label')}>
          <ul>
            {PAGES.filter((p) => p.nav).map((p) => (
              <li key={p.path}>
                <Link href={p.path} aria-current={location === p.path ? 'page' : undefined}>
                  {t(p.nav ?? '')}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <LanguageSwitcher />
      </header>
      <main id="main" tabIndex={-1}>
        <SyntheticBanner />
        {children}
      </main>
      <footer className="site-footer">
        <p>
          {t('site.footer')} <a href="/api/docs">{t('site.api')}</a>
        </p>
      </footer>
    </>
  );
}
