import { Button, Heading, Link, Paragraph, Skeleton, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { PageSection } from '../org/PageSection';
import { BpmnViewer } from '../processes/BpmnViewer';
import type { ProcessPageData } from './model';
import { PortalSubNav } from './PortalNav';
import { useProcessPage, useSaveAssessment } from './queries';
import './portal.css';

export function ProcessPortalPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('portal');
  const page = useProcessPage(id);
  usePageTitle(page.data?.name ?? t('title'));
  if (page.isPending) {
    return (
      <div className="page">
        <Skeleton variant="text" width={20} />
        <Skeleton variant="rectangle" height="12rem" />
      </div>
    );
  }
  if (page.error) {
    return (
      <div className="page">
        <Heading level={1} data-size="lg">
          {t('title')}
        </Heading>
        <ErrorAlert error={page.error} />
      </div>
    );
  }
  const process = page.data;
  return (
    <div className="page">
      <Link asChild>
        <RouterLink to="/portal">{t('process.back')}</RouterLink>
      </Link>
      <Heading level={1} data-size="lg">
        {process.name}
      </Heading>
      <PortalSubNav />
      {process.purpose && <Paragraph>{process.purpose}</Paragraph>}
      <Paragraph data-size="sm" className="portal-muted">
        {t('process.version', { version: process.version })}
        {process.owner ? ` · ${t('process.ownedBy', { name: process.owner.name })}` : ''}
        {process.owner?.email ? ' · ' : ''}
        {process.owner?.email && <Link href={`mailto:${process.owner.email}`}>{process.owner.email}</Link>}
      </Paragraph>
      {process.classifications.length > 0 && (
        <ul className="portal-tags" aria-label={t('process.classifications')}>
          {process.classifications.map((c) => (
            <li key={c.id}>
              <Tag data-size="sm">{`${c.list}: ${c.code} ${c.name}`}</Tag>
            </li>
          ))}
        </ul>
      )}
      <PageSection id="portal-diagram" title={t('process.diagram')}>
        <BpmnViewer xml={process.bpmnXml} label={t('process.diagramLabel', { name: process.name })} height={420} />
      </PageSection>
      <PageSection id="portal-steps" title={t('process.steps')}>
        <Steps process={process} />
      </PageSection>
      <PageSection id="portal-systems" title={t('process.systems')}>
        <Systems process={process} />
      </PageSection>
      <PageSection id="portal-documents" title={t('process.documents')}>
        {process.documents.length === 0 ? (
          <Paragraph>{t('process.noDocuments')}</Paragraph>
        ) : (
          <ul className="portal-list">
            {process.documents.map((document) => (
              <li key={document.id}>
                <Link href={`/api/documents/${document.id}/file`} download>
                  {document.name}
                </Link>{' '}
                <span className="portal-muted">{t('process.documentVersion', { version: document.currentVersion })}</span>{' '}
                <Link asChild>
                  <RouterLink to={`/documents/${document.id}`}>
                    {t('process.documentVersions')}
                  </RouterLink>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </PageSection>
      <PageSection id="portal-automation" title={t('automation.title')}>
        <Automation process={process} />
      </PageSection>
    </div>
  );
}

function Steps({ process }: { process: ProcessPageData }) {
  const { t } = useTranslation('portal');
  if (process.steps.length === 0) return <Paragraph>{t('process.noSteps')}</Paragraph>;
  return (
    <Table zebra className="portal-table">
      <caption className="visually-hidden">{t('process.steps')}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>#</Table.HeaderCell>
          <Table.HeaderCell>{t('process.step')}</Table.HeaderCell>
          <Table.HeaderCell>{t('process.role')}</Table.HeaderCell>
          <Table.HeaderCell>{t('process.system')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {process.steps.map((step, index) => (
          <Table.Row key={step.elementId}>
            <Table.Cell>{index + 1}</Table.Cell>
            <Table.Cell>{step.name}</Table.Cell>
            <Table.Cell>{step.businessRole?.name ?? step.lane ?? '–'}</Table.Cell>
            <Table.Cell>
              {step.system ? `${step.system.name}${step.systemRole ? ` (${step.systemRole.name})` : ''}` : step.manual ? t('process.manual') : '–'}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function Systems({ process }: { process: ProcessPageData }) {
  const { t } = useTranslation('portal');
  if (process.systems.length === 0) return <Paragraph>{t('process.noSystems')}</Paragraph>;
  return (
    <ul className="portal-list">
      {process.systems.map((system) => (
        <li key={system.id}>
          <Link asChild>
            <RouterLink to={`/systems/${system.id}`}>{system.name}</RouterLink>
          </Link>
          {system.systemRoles.length > 0 && <span className="portal-muted">{` – ${system.systemRoles.map((r) => r.name).join(', ')}`}</span>}
          <div className="portal-ask">
            {system.requestableBusinessRoles.length > 0 ? (
              system.requestableBusinessRoles.map((role) => (
                <Link key={role.id} asChild>
                  <RouterLink to={`/requests/new?businessRole=${role.id}`}>{t('process.askFor', { role: role.name })}</RouterLink>
                </Link>
              ))
            ) : (
              <Link asChild>
                <RouterLink to="/requests/new">{t('process.askCatalogue')}</RouterLink>
              </Link>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

function Automation({ process }: { process: ProcessPageData }) {
  const { t, i18n } = useTranslation('portal');
  const { can } = useSession();
  const save = useSaveAssessment(process.id);
  const [values, setValues] = useState({
    occurrencesPerYear: String(process.automation?.occurrencesPerYear ?? ''),
    minutesEach: String(process.automation?.minutesEach ?? ''),
    automationDegree: String(process.automation?.automationDegree ?? ''),
    assessment: process.automation?.assessment ?? '',
  });
  const format = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 1 });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      occurrencesPerYear: Number(values.occurrencesPerYear),
      minutesEach: Number(values.minutesEach.replace(',', '.')),
      automationDegree: Number(values.automationDegree),
      assessment: values.assessment,
    });
  };
  return (
    <>
      {process.automation ? (
        <Paragraph>
          {t('automation.summary', {
            occurrences: format.format(process.automation.occurrencesPerYear),
            minutes: format.format(process.automation.minutesEach),
            degree: process.automation.automationDegree,
            hours: format.format(process.automation.hoursPerYear),
          })}
          {process.automation.assessment && ` ${process.automation.assessment}`}
        </Paragraph>
      ) : (
        <Paragraph>{t('automation.none')}</Paragraph>
      )}
      {can('portal:write') && (
        <form className="portal-form" onSubmit={submit}>
          <Textfield label={t('automation.occurrences')} inputMode="numeric" value={values.occurrencesPerYear} onChange={(e) => setValues({ ...values, occurrencesPerYear: e.target.value })} />
          <Textfield label={t('automation.minutes')} inputMode="decimal" value={values.minutesEach} onChange={(e) => setValues({ ...values, minutesEach: e.target.value })} />
          <Textfield label={t('automation.degree')} inputMode="numeric" value={values.automationDegree} onChange={(e) => setValues({ ...values, automationDegree: e.target.value })} />
          <Textfield label={t('automation.assessment')} multiline rows={2} value={values.assessment} onChange={(e) => setValues({ ...values, assessment: e.target.value })} />
          {save.error && <ErrorAlert error={save.error} />}
          <Button type="submit" variant="secondary" data-size="sm" disabled={save.isPending}>
            {t('automation.save')}
          </Button>
        </form>
      )}
    </>
  );
}
