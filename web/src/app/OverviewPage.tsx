import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { criticalities, lifecyclePhases } from '../catalogue/model';
import { useSystemCounts } from '../catalogue/queries';
import { BarChart, type Bar } from './BarChart';
import { usePageTitle } from './page-title';
import { useSession } from './session';

export function OverviewPage() {
  const { t } = useTranslation('app');
  const session = useSession();
  usePageTitle(t('overview.title'));
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('overview.heading', { tenant: session.tenant.name })}
      </Heading>
      <Paragraph>{t('overview.intro')}</Paragraph>
      <div className="overview-charts">
        <SystemCountChart filter="lifecyclePhase" values={lifecyclePhases} title={t('overview.byLifecyclePhase')} />
        <SystemCountChart filter="criticality" values={criticalities} title={t('overview.byCriticality')} />
      </div>
      <OverviewLinks />
    </div>
  );
}

function SystemCountChart({
  filter,
  values,
  title,
}: {
  filter: 'lifecyclePhase' | 'criticality';
  values: readonly string[];
  title: string;
}) {
  const { t } = useTranslation(['app', 'catalogue']);
  const counts = useSystemCounts(filter, values);
  const bars: Bar[] = values.map((value, index) => ({ label: t(`catalogue:${filter}.${value}`), value: counts[index]?.data }));
  const summary = bars.map((bar) => `${bar.label} ${bar.value ?? '?'}`).join(', ');
  return (
    <Card className="overview-chart">
      <Heading level={2} data-size="sm">
        {title}
      </Heading>
      <BarChart title={title} bars={bars} summary={summary} />
    </Card>
  );
}

function OverviewLinks() {
  const { t } = useTranslation('app');
  const { can } = useSession();
  const links = [
    { to: '/systems', title: t('nav.systems'), text: t('overview.links.systems') },
    { to: '/org', title: t('nav.org'), text: t('overview.links.org') },
    { to: '/people', title: t('nav.people'), text: t('overview.links.people') },
    ...(can('audit:read') ? [{ to: '/audit', title: t('nav.audit'), text: t('overview.links.audit') }] : []),
  ];
  return (
    <section aria-labelledby="overview-links" className="page">
      <Heading level={2} data-size="md" id="overview-links">
        {t('overview.linksHeading')}
      </Heading>
      <ul className="overview-links">
        {links.map((link) => (
          <li key={link.to}>
            <Card>
              <Heading level={3} data-size="xs">
                <Link asChild>
                  <RouterLink to={link.to}>{link.title}</RouterLink>
                </Link>
              </Heading>
              <Paragraph data-size="sm">{link.text}</Paragraph>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
