import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { SectionNavigation } from '../app/SectionNavigation';
import { useSession } from '../app/session';

/** The main navigation's "Prosessportal" item. */
export function PortalNavLink() {
  const { t } = useTranslation('portal');
  const { can } = useSession();
  if (!can('portal:read')) return null;
  return (
    <li>
      <NavLink to="/portal" className="ds-focus">
        {t('nav.portal')}
      </NavLink>
    </li>
  );
}

/** The portal's own sub-navigation. */
export function PortalSubNav() {
  const { t } = useTranslation('portal');
  const { can } = useSession();
  const items = [
    { to: '/portal', label: t('nav.home'), end: true },
    { to: '/portal/automation', label: t('nav.automation') },
    ...(can('portal:write')
      ? [
          { to: '/portal/role-gaps', label: t('nav.roleGaps') },
          { to: '/portal/import', label: t('nav.import') },
          { to: '/portal/code-lists', label: t('nav.codeLists') },
        ]
      : []),
  ];
  return (
    <SectionNavigation label={t('nav.label')} links={items} className="portal-subnav" />
  );
}
