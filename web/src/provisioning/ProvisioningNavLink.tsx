/** The main navigation's "Provisjonering" item, for those who may see it. */
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../app/session';

export function ProvisioningNavLink() {
  const { t } = useTranslation('provisioning');
  const { can } = useSession();
  if (!can('provisioning:read')) return null;
  return (
    <li>
      <NavLink to="/provisioning" className="ds-focus">
        {t('nav.link')}
      </NavLink>
    </li>
  );
}
