import { Button, Dialog, Heading, Link, Paragraph, Skeleton, Tabs } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { HistoryList } from '../audit/HistoryList';
import { CriticalityTag } from './CriticalityTag';
import type { SystemDetail } from './model';
import { useDeleteSystem, useSystem } from './queries';
import { SystemDetails } from './SystemDetails';

export function SystemPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('catalogue');
  const system = useSystem(id);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'history' ? 'history' : 'details';
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
      <Tabs value={tab} onChange={(value) => setParams(value === 'history' ? { tab: 'history' } : {}, { replace: true })}>
        <Tabs.List>
          <Tabs.Tab value="details">{t('detail.details')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('detail.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details">
          <SystemDetails system={system.data} />
        </Tabs.Panel>
        <Tabs.Panel value="history">{tab === 'history' && <HistoryList entityType="systems" entityId={id} />}</Tabs.Panel>
      </Tabs>
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
