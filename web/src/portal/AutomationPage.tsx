import { Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { BarChart } from '../app/BarChart';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { PageSection } from '../org/PageSection';
import { PortalSubNav } from './PortalNav';
import { useAutomationRanking } from './queries';
import './portal.css';

/** Processes ranked by the hours a year automation would free (as OS2autoproces counts it). */
export function AutomationPage() {
  const { t, i18n } = useTranslation('portal');
  usePageTitle(t('automation.title'));
  const ranking = useAutomationRanking();
  const format = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 1 });
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('automation.title')}
      </Heading>
      <PortalSubNav />
      <Paragraph>{t('automation.intro')}</Paragraph>
      {ranking.isPending ? (
        <Spinner aria-label={t('loading')} />
      ) : ranking.error ? (
        <ErrorAlert error={ranking.error} />
      ) : ranking.data.items.length === 0 ? (
        <Paragraph>{t('automation.empty')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('automation.total', { hours: format.format(ranking.data.totalHoursPerYear) })}</Paragraph>
          <PageSection id="automation-chart" title={t('automation.chart')}>
            <BarChart
              title={t('automation.chart')}
              bars={ranking.data.items.slice(0, 10).map((row) => ({ label: row.name, value: row.hoursPerYear }))}
              summary={ranking.data.items
                .slice(0, 10)
                .map((row) => `${row.name}: ${format.format(row.hoursPerYear)} ${t('automation.hoursUnit')}`)
                .join(', ')}
            />
          </PageSection>
          <PageSection id="automation-table" title={t('automation.ranked')}>
            <Table zebra className="portal-table">
              <caption className="visually-hidden">{t('automation.ranked')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>#</Table.HeaderCell>
                  <Table.HeaderCell>{t('automation.process')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('automation.occurrences')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('automation.minutes')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('automation.degree')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('automation.hours')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('automation.assessment')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {ranking.data.items.map((row, index) => (
                  <Table.Row key={row.processId}>
                    <Table.Cell>{index + 1}</Table.Cell>
                    <Table.Cell>
                      <Link asChild>
                        <RouterLink to={`/portal/processes/${row.processId}`}>{row.name}</RouterLink>
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{format.format(row.occurrencesPerYear)}</Table.Cell>
                    <Table.Cell>{format.format(row.minutesEach)}</Table.Cell>
                    <Table.Cell>{`${row.automationDegree} %`}</Table.Cell>
                    <Table.Cell>{format.format(row.hoursPerYear)}</Table.Cell>
                    <Table.Cell>{row.assessment}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </PageSection>
        </>
      )}
    </div>
  );
}
