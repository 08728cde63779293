/** The access area: its own tabs (request, my requests, inbox, deputy) above the page. */
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { SectionNavigation } from '../app/SectionNavigation';
import { useSession } from '../app/session';
import { useInboxCount } from './queries';
import './requests.css';

/** Approving and naming deputies belong to those who lead people or own systems; anyone with waiting items sees the inbox. */
export function useApproverRole(): boolean {
  const { user } = useSession();
  return user.roles.some((role) => role === 'manager' || role === 'system_owner' || role === 'admin');
}

export function RequestsLayout() {
  const { t } = useTranslation('requests');
  const approver = useApproverRole();
  const count = useInboxCount(true).data?.count ?? 0;
  const tabs = [
    { to: '/requests', label: t('nav.catalogue'), end: true },
    { to: '/requests/mine', label: t('nav.mine') },
    ...(approver || count > 0 ? [{ to: '/requests/inbox', label: count > 0 ? `${t('nav.inbox')} (${count})` : t('nav.inbox') }] : []),
    ...(approver ? [{ to: '/requests/deputies', label: t('nav.deputies') }] : []),
  ];
  return (
    <div>
      <SectionNavigation label={t('nav.sections')} links={tabs} className="requests-tabs" />
      <Outlet />
    </div>
  );
}
