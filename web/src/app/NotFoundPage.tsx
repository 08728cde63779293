import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { usePageTitle } from './page-title';

export function NotFoundPage() {
  const { t } = useTranslation('app');
  usePageTitle(t('notFound.title'));
  return (
    <section className="page">
      <Heading level={1} data-size="lg">
        {t('notFound.title')}
      </Heading>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Link asChild>
        <RouterLink to="/">{t('notFound.home')}</RouterLink>
      </Link>
    </section>
  );
}
