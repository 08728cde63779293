/** The lifecycle area's own navigation: upcoming changes, guests, the HR file, settings. */
import { useTranslation } from 'react-i18next';
import { SectionNavigation } from '../app/SectionNavigation';
import { useSession } from '../app/session';

export function IdentityNav() {
  const { t } = useTranslation('identity');
  const { can } = useSession();
  const items = [
    { to: '/identity', label: t('nav.upcoming'), end: true },
    { to: '/identity/guests', label: t('nav.guests') },
    ...(can('identity:manage') ? [{ to: '/identity/hr', label: t('nav.hr') }, { to: '/identity/settings', label: t('nav.settings') }] : []),
  ];
  return (
    <SectionNavigation label={t('nav.label')} links={items} className="identity-nav" />
  );
}

/** A date as the reader's language writes it. */
export function useDay() {
  const { i18n } = useTranslation();
  return (value: string | null) => (value ? new Date(`${value}T00:00:00`).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'nb-NO') : '–');
}
