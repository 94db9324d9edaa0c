import { useTranslation } from 'react-i18next';

interface Source {
  id: string;
  title: string | null;
  url: string | null;
}

/** Sources as links (their URL) or as their title where a source has no URL. */
export function SourcesList({ sources, limit }: { sources: Source[]; limit?: number }) {
  const { t } = useTranslation();
  const shown = limit === undefined ? sources : sources.slice(0, limit);
  return (
    <details className="sources">
      <summary>
        {t('facility.sources')} ({sources.length})
      </summary>
      <ul>
        {shown.map((s) => (
          <li key={s.id}>
            {s.url ? (
              <a href={s.url} rel="noreferrer noopener" target="_blank">
                {s.title ?? hostOf(s.url)}
              </a>
            ) : (
              (s.title ?? s.id)
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return u.hostname + (u.pathname.length > 1 ? u.pathname : '');
  } catch {
    return url;
  }
}
