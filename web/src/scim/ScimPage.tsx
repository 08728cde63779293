import { Alert, Heading, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app/ErrorAlert';
import { useFormat } from '../app/format';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { PageSection } from '../org/PageSection';
import { useScimOverview, type ScimOverview } from './queries';

/** `/settings/scim` (`/scim` itself belongs to the server): where an HR system or Entra ID sends people and groups, with which key, and what it did lately. */
export function ScimPage() {
  const { t } = useTranslation('scim');
  usePageTitle(t('title'));
  const { can } = useSession();
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      {can('tokens:manage') ? (
        <Overview />
      ) : (
        <Alert data-color="info">
          <Paragraph>{t('noAccess')}</Paragraph>
        </Alert>
      )}
    </div>
  );
}

function Overview() {
  const { t } = useTranslation('scim');
  const overview = useScimOverview();
  if (overview.error) return <ErrorAlert error={overview.error} />;
  if (!overview.data) return <Spinner aria-label={t('loading')} />;
  const data = overview.data;
  return (
    <>
      <PageSection id="scim-endpoint" title={t('endpoint.heading')}>
        <Paragraph>{t('endpoint.text')}</Paragraph>
        <Paragraph>
          <code data-testid="scim-endpoint">{data.endpoint}</code>
        </Paragraph>
        <Paragraph data-size="sm">
          {t('endpoint.counts', { users: data.counts.linkedUsers, groups: data.counts.groups, gone: data.counts.deprovisionedUsers })}
        </Paragraph>
      </PageSection>
      <PageSection id="scim-token" title={t('token.heading')}>
        <Paragraph>{t('token.text')}</Paragraph>
        <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <code>npx grunnmur token create --tenant KORTNAVN --role scim_client --name &quot;Entra ID&quot;</code>
        </pre>
        <Paragraph data-size="sm">{t('token.after')}</Paragraph>
        <Tokens tokens={data.tokens} />
      </PageSection>
      <PageSection id="scim-activity" title={t('activity.heading')}>
        <Activity events={data.activity} />
      </PageSection>
    </>
  );
}

function Tokens({ tokens }: { tokens: ScimOverview['tokens'] }) {
  const { t } = useTranslation('scim');
  const format = useFormat();
  if (tokens.length === 0) return <Paragraph>{t('token.none')}</Paragraph>;
  return (
    <div className="table-scroll">
      <Table zebra>
        <caption className="visually-hidden">{t('token.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('token.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('token.created')}</Table.HeaderCell>
            <Table.HeaderCell>{t('token.lastUsed')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {tokens.map((token) => (
            <Table.Row key={token.id}>
              <Table.Cell>{token.name}</Table.Cell>
              <Table.Cell>{format.dateTime(token.createdAt)}</Table.Cell>
              <Table.Cell>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('token.never')}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

const knownEntities = ['persons', 'employments', 'positions', 'scim_users', 'scim_groups', 'scim_group_members'] as const;
const knownActions = ['insert', 'update', 'delete'] as const;

function Activity({ events }: { events: ScimOverview['activity'] }) {
  const { t } = useTranslation('scim');
  const format = useFormat();
  if (events.length === 0) return <Paragraph>{t('activity.none')}</Paragraph>;
  const entity = (type: string) => ((knownEntities as readonly string[]).includes(type) ? t(`activity.entity.${type as (typeof knownEntities)[number]}`) : type);
  const action = (name: string) => ((knownActions as readonly string[]).includes(name) ? t(`activity.action.${name as (typeof knownActions)[number]}`) : name);
  return (
    <div className="table-scroll">
      <Table zebra>
        <caption className="visually-hidden">{t('activity.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('activity.when')}</Table.HeaderCell>
            <Table.HeaderCell>{t('activity.who')}</Table.HeaderCell>
            <Table.HeaderCell>{t('activity.what')}</Table.HeaderCell>
            <Table.HeaderCell>{t('activity.object')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {events.map((event) => (
            <Table.Row key={event.id}>
              <Table.Cell>{format.dateTime(event.occurredAt)}</Table.Cell>
              <Table.Cell>{event.actorName}</Table.Cell>
              <Table.Cell>
                {action(event.action)} – {entity(event.entityType)}
              </Table.Cell>
              <Table.Cell>{event.entityLabel ?? ''}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
