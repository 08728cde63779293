import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { ApiError } from './api';
import { usePageTitle } from './page-title';

/** What a user sees when a page fails to render: plain words and a way back, never a stack trace. */
export function RouteError({ inShell = false }: { inShell?: boolean }) {
  const { t } = useTranslation('app');
  const error = useRouteError();
  usePageTitle(t('error.title'));
  const detail = error instanceof ApiError ? (error.detail ?? error.title) : t('error.generic');
  const content = (
    <section className="page">
      <Heading level={1} data-size="lg">
        {t('error.title')}
      </Heading>
      <Alert data-color="danger">
        <Paragraph>{detail}</Paragraph>
      </Alert>
      <Paragraph>
        <Link href="/">{t('notFound.home')}</Link>
      </Paragraph>
    </section>
  );
  return inShell ? (
    content
  ) : (
    <main id="main" className="app-main">
      {content}
    </main>
  );
}
