/** The provisioning area [provisjonering]: tabs for the queue, held runs, manual tasks and connectors. */
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { SectionNavigation } from '../app/SectionNavigation';
import { useOverview } from './queries';
import './provisioning.css';

export function ProvisioningLayout() {
  const { t } = useTranslation('provisioning');
  const overview = useOverview().data;
  const held = overview?.heldBatches ?? 0;
  const manual = overview?.operations.manual_pending ?? 0;
  const tabs = [
    { to: '/provisioning', label: t('nav.queue'), end: true },
    { to: '/provisioning/held', label: held > 0 ? `${t('nav.held')} (${held})` : t('nav.held') },
    { to: '/provisioning/manual', label: manual > 0 ? `${t('nav.manual')} (${manual})` : t('nav.manual') },
    { to: '/provisioning/connectors', label: t('nav.connectors') },
    { to: '/provisioning/reconciliation', label: t('nav.reconciliation') },
  ];
  return (
    <div>
      <SectionNavigation label={t('nav.sections')} links={tabs} className="provisioning-tabs" />
      <Outlet />
    </div>
  );
}
