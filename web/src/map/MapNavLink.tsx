import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../app/session';

/** The main navigation's "Arkitekturkart" item. */
export function MapNavLink() {
  const { t } = useTranslation('map');
  const { can } = useSession();
  if (!can('map:read')) return null;
  return (
    <li>
      <NavLink to="/map" className="ds-focus">
        {t('nav.map')}
      </NavLink>
    </li>
  );
}
