import { Alert, Button, Dialog, Heading, Link, Paragraph, Skeleton } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { HistoryList } from '../audit/HistoryList';
import { CriticalityTag } from './CriticalityTag';
import type { SystemDetail } from './model';
import { useDeleteSystem, useSystem } from './queries';
import { SystemDetails } from './SystemDetails';
import { systemPageSections } from './system-sections';

export function SystemPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('catalogue');
  const system = useSystem(id);
  const saved = (useLocation().state as { saved?: 'created' | 'updated' } | null)?.saved;
  usePageTitle(system.data?.name ?? t('title'));

  if (system.isPending) {
    return (
      <div className="page">
        <Skeleton variant="text" width={20} />
        <Skeleton variant="rectangle" height="12rem" />
      </div>
    );
  }
  if (system.error) {
    return (
      <div className="page">
        <Heading level={1} data-size="lg">
          {t('title')}
        </Heading>
        <ErrorAlert error={system.error} />
        <BackToList />
      </div>
    );
  }

  return (
    <div className="page">
      <BackToList />
      <SystemHeader system={system.data} />
      {saved && (
        <Alert data-color="success" role="status">
          <Paragraph>{saved === 'created' ? t('form.created') : t('form.saved')}</Paragraph>
        </Alert>
      )}
      <nav aria-label={t('detail.sections')} className="section-links">
        <Link href="#system-details">{t('detail.details')}</Link>
        <Link href="#system-history">{t('detail.history')}</Link>
      </nav>
      <section id="system-details" aria-labelledby="system-details-heading" className="page-section">
        <Heading level={2} data-size="md" id="system-details-heading">
          {t('detail.details')}
        </Heading>
        <SystemDetails system={system.data} />
      </section>
      {systemPageSections.map((Section, index) => (
        <Section key={index} systemId={id} />
      ))}
      <div id="system-history" className="page-section">
        <HistoryList entityType="systems" entityId={id} />
      </div>
    </div>
  );
}

function BackToList() {
  const { t } = useTranslation('catalogue');
  return (
    <Link asChild>
      <RouterLink to="/systems">{t('detail.backToList')}</RouterLink>
    </Link>
  );
}

function SystemHeader({ system }: { system: SystemDetail }) {
  const { t } = useTranslation('catalogue');
  const { can } = useSession();
  return (
    <div className="page-header">
      <div className="system-title">
        <Heading level={1} data-size="lg">
          {system.name}
        </Heading>
        <Paragraph className="system-title__tags">
          <span>{t(`lifecyclePhase.${system.lifecyclePhase}`)}</span>
          <CriticalityTag criticality={system.criticality} />
        </Paragraph>
      </div>
      {can('catalogue:write') && (
        <div className="button-row">
          <Button asChild variant="primary">
            <RouterLink to={`/systems/${system.id}/edit`}>{t('detail.edit')}</RouterLink>
          </Button>
          <DeleteSystem system={system} />
        </div>
      )}
    </div>
  );
}

function DeleteSystem({ system }: { system: SystemDetail }) {
  const { t } = useTranslation(['catalogue', 'app']);
  const [open, setOpen] = useState(false);
  const remove = useDeleteSystem(system.id);
  const navigate = useNavigate();
  return (
    <>
      <Button variant="secondary" data-color="danger" onClick={() => setOpen(true)}>
        {t('detail.delete')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} closeButton={t('app:close')} aria-labelledby="delete-system-heading">
        <Dialog.Block>
          <Heading level={2} data-size="xs" id="delete-system-heading">
            {t('detail.confirmDelete', { name: system.name })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          {remove.error && <ErrorAlert error={remove.error} />}
          <div className="button-row">
            <Button
              data-color="danger"
              loading={remove.isPending}
              onClick={() => remove.mutate(undefined, { onSuccess: () => void navigate('/systems') })}
            >
              {t('detail.delete')}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('detail.cancel')}
            </Button>
          </div>
        </Dialog.Block>
      </Dialog>
    </>
  );
}
