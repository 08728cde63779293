import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../app/session';

/** The main navigation's "SCIM" item: only for those who manage API tokens (administrators). */
export function ScimNavLink() {
  const { t } = useTranslation('scim');
  const { can } = useSession();
  if (!can('tokens:manage')) return null;
  return (
    <li>
      <NavLink to="/settings/scim" className="ds-focus">
        {t('nav.link')}
      </NavLink>
    </li>
  );
}
