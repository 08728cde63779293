import { Heading, Link, Skeleton } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { useSystem } from './queries';
import { SystemForm } from './SystemForm';

/** `/systems/new` and `/systems/:id/edit`: the same form, empty or filled from the system. */
export function SystemEditPage() {
  const { id } = useParams();
  const { t } = useTranslation('catalogue');
  const system = useSystem(id);
  const title = id ? t('form.editTitle', { name: system.data?.name ?? '' }) : t('form.newTitle');
  usePageTitle(title);

  return (
    <div className="page">
      <Link asChild>
        <RouterLink to={id ? `/systems/${id}` : '/systems'}>{id ? t('form.backToSystem') : t('detail.backToList')}</RouterLink>
      </Link>
      {id && system.isPending && <Skeleton variant="rectangle" height="20rem" />}
      {id && system.error && <ErrorAlert error={system.error} />}
      {(!id || system.data) && (
        <>
          <Heading level={1} data-size="lg">
            {title}
          </Heading>
          {/* A new version from the server (after a conflict) starts the form again from it. */}
          <SystemForm key={system.data ? `${system.data.id}-${system.data.version}` : 'new'} system={system.data} />
        </>
      )}
    </div>
  );
}
