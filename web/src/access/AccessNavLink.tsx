/** The main navigation's "Tilgang" item: the role catalogue is open to everyone who may read it. */
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../app/session';

export function AccessNavLink() {
  const { t } = useTranslation('access');
  const { can } = useSession();
  if (!can('access:read')) return null;
  return (
    <li>
      <NavLink to="/access" className="ds-focus">
        {t('nav.link')}
      </NavLink>
    </li>
  );
}
