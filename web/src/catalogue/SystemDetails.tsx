import { Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useFormat } from '../app/format';
import type { Ref, SystemDetail } from './model';

function RefLink({ to, value }: { to: string; value: Ref | null }) {
  const { t } = useTranslation('catalogue');
  if (!value) return <>{t('detail.notSet')}</>;
  return (
    <Link asChild>
      <RouterLink to={`${to}/${value.id}`}>{value.name}</RouterLink>
    </Link>
  );
}

export function SystemDetails({ system }: { system: SystemDetail }) {
  const { t } = useTranslation('catalogue');
  const format = useFormat();
  const facts: [string, ReactNode][] = [
    [t('field.lifecyclePhase'), t(`lifecyclePhase.${system.lifecyclePhase}`)],
    [t('field.criticality'), t(`criticality.${system.criticality}`)],
    [t('field.owner'), <RefLink to="/people" value={system.owner} />],
    [t('field.administrator'), <RefLink to="/people" value={system.administrator} />],
    [t('field.owningUnit'), <RefLink to="/org/units" value={system.owningUnit} />],
    [t('field.supplier'), system.supplier ?? t('detail.notSet')],
    [t('field.hosting'), system.hosting ? t(`hosting.${system.hosting}`) : t('detail.notSet')],
    [t('field.annualCost'), system.annualCost === null ? t('detail.notSet') : format.money(system.annualCost)],
    [t('field.dpaStatus'), t(`dpaStatus.${system.dpaStatus}`)],
    [t('field.licenceCost'), format.money(system.licenceCost)],
    [t('field.updatedAt'), format.dateTime(system.updatedAt)],
    [t('field.createdAt'), format.dateTime(system.createdAt)],
  ];
  return (
    <div className="system-details">
      <section aria-labelledby="system-description">
        <Heading level={3} data-size="xs" id="system-description">
          {t('field.description')}
        </Heading>
        <Paragraph className="preserve-lines">{system.description || t('detail.noDescription')}</Paragraph>
      </section>
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label} className="facts__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <LicenceTable system={system} />
    </div>
  );
}

function LicenceTable({ system }: { system: SystemDetail }) {
  const { t } = useTranslation('catalogue');
  const format = useFormat();
  return (
    <section aria-labelledby="system-licences">
      <Heading level={3} data-size="xs" id="system-licences">
        {t('field.licences')}
      </Heading>
      {system.licences.length === 0 ? (
        <Paragraph>{t('detail.noLicences')}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table zebra>
            <caption className="visually-hidden">{t('detail.licencesCaption', { name: system.name })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('field.licenceType')}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">{t('field.count')}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">{t('field.unitPrice')}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">{t('field.lineTotal')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {system.licences.map((licence) => (
                <Table.Row key={licence.id}>
                  <Table.Cell>{licence.licenceType}</Table.Cell>
                  <Table.Cell className="numeric">{format.number(licence.count)}</Table.Cell>
                  <Table.Cell className="numeric">{format.money(licence.unitPrice)}</Table.Cell>
                  <Table.Cell className="numeric">{format.money(licence.count * licence.unitPrice)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
            <Table.Foot>
              <Table.Row>
                <Table.HeaderCell scope="row" colSpan={3}>
                  {t('detail.total')}
                </Table.HeaderCell>
                <Table.Cell className="numeric">{format.money(system.licenceCost)}</Table.Cell>
              </Table.Row>
            </Table.Foot>
          </Table>
        </div>
      )}
    </section>
  );
}
