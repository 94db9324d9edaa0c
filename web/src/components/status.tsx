import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="status" role="status">
      {t('status.loading')}
    </p>
  );
}

export function ErrorMessage({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    <p className="status status-error" role="alert">
      {t('status.error')} {error.message}
    </p>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('status.notFoundTitle')}</h1>
      <p>{t('status.notFound')}</p>
    </section>
  );
}
