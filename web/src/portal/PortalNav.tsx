import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
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
    <nav aria-label={t('nav.label')} className="portal-subnav">
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="ds-focus">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
