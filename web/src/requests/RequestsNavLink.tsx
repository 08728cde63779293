/** The main navigation's "Tilgang" item (a list item), with how many requests wait for the signed-in person. */
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../app/session';
import { useInboxCount } from './queries';
import './requests.css';

export function RequestsNavLink() {
  const { t } = useTranslation('requests');
  const { can, user } = useSession();
  const enabled = can('requests:use') && user.personId !== null;
  const count = useInboxCount(enabled).data?.count ?? 0;
  if (!enabled) return null;
  return (
    <li>
      <NavLink to="/requests" className="ds-focus">
      {t('nav.link')}
      {count > 0 && (
        <>
          <span className="requests-badge" aria-hidden="true">
            {count}
          </span>
          <span className="visually-hidden">{`, ${t('nav.pending', { count })}`}</span>
        </>
      )}
      </NavLink>
    </li>
  );
}
