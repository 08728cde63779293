/** The main navigation's "Livsløp" item, for those who schedule changes (managers) and administrators. */
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../app/session';

export function IdentityNavLink() {
  const { t } = useTranslation('identity');
  const { can } = useSession();
  if (!can('identity:schedule') && !can('identity:manage')) return null;
  return (
    <li>
      <NavLink to="/identity" className="ds-focus">
        {t('nav.link')}
      </NavLink>
    </li>
  );
}
