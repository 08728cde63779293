import { Button } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { api } from './api';
import { AccessNavLink } from '../access/AccessNavLink';
import { ProvisioningNavLink } from '../provisioning/ProvisioningNavLink';
import { ScimNavLink } from '../scim/ScimNavLink';
import { MapNavLink } from '../map/MapNavLink';
import { PortalNavLink } from '../portal/PortalNav';
import { RequestsNavLink } from '../requests/RequestsNavLink';
import { IdentityNavLink } from '../identity/IdentityNavLink';
import { NoticeBell } from '../notices/NoticeBell';
import { LanguageSwitch } from './LanguageSwitch';
import { useSession } from './session';

export function AppHeader() {
  const session = useSession();
  return (
    <header className="app-header">
      <div className="app-header__top">
        <div className="app-header__brand">
          <NavLink to="/" className="app-header__product ds-focus">
            Grunnmur
          </NavLink>
          <span className="app-header__tenant">{session.tenant.name}</span>
        </div>
        <div className="app-header__tools">
          <LanguageSwitch />
          <NoticeBell />
          <SignedInUser />
        </div>
      </div>
      <MainNavigation />
    </header>
  );
}

function MainNavigation() {
  const { t } = useTranslation('app');
  const { can } = useSession();
  const items = [
    { to: '/', label: t('nav.overview'), end: true },
    { to: '/org', label: t('nav.org') },
    { to: '/people', label: t('nav.people') },
    { to: '/systems', label: t('nav.systems') },
    { to: '/processes', label: t('processes:nav') },
    ...(can('audit:read') ? [{ to: '/audit', label: t('nav.audit') }] : []),
  ];
  return (
    <nav aria-label={t('nav.label')} className="app-nav">
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="ds-focus">
              {item.label}
            </NavLink>
          </li>
        ))}
        <RequestsNavLink />
        <AccessNavLink />
        <MapNavLink />
        <PortalNavLink />
        <ProvisioningNavLink />
        <IdentityNavLink />
        <ScimNavLink />
        <li>
          {/* The API docs are served by the server, outside the web app's router. */}
          <a href="/api/docs" className="ds-focus">{t('nav.apiDocs')}</a>
        </li>
      </ul>
    </nav>
  );
}

function SignedInUser() {
  const { t } = useTranslation(['app', 'auth']);
  const { user } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => api.post<void>('/api/auth/sign-out'),
    onSettled: () => {
      queryClient.clear();
      void navigate('/sign-in');
    },
  });
  const roles = user.roles.map((role) => t(`auth:roles.${role}`, { defaultValue: role })).join(', ');
  return (
    <div className="app-header__user">
      <span>
        <span className="app-header__user-name">{user.displayName}</span>
        {roles && <span className="app-header__user-roles">{roles}</span>}
      </span>
      <Button variant="secondary" data-size="sm" onClick={() => signOut.mutate()} loading={signOut.isPending}>
        {t('signOut')}
      </Button>
    </div>
  );
}
