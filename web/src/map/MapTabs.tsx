import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The map's own pages. */
export function MapTabs() {
  const { t } = useTranslation('map');
  const tabs = [
    { to: '/map', label: t('tabs.map'), end: true },
    { to: '/map/model', label: t('tabs.model') },
    { to: '/map/matrices', label: t('tabs.matrices') },
    { to: '/map/quality', label: t('tabs.quality') },
    { to: '/map/views', label: t('tabs.views') },
  ];
  return (
    <nav aria-label={t('title')} className="map-tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end} className="ds-focus">
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
