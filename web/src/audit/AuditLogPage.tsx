import { Alert, Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { ErrorAlert } from '../app/ErrorAlert';
import { useFormat } from '../app/format';
import { Paginator } from '../app/Paginator';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { AuditFilters } from './AuditFilters';
import { auditPageSize, useAuditLogState } from './audit-log-state';
import { describeEvent, entityPath, parentPath } from './describe';
import { HistoryLineText, useEntityNoun } from './HistoryLineText';
import type { AuditEvent } from './model';
import { useAuditLog } from './queries';

/** `/audit`: the whole log, newest first, filtered and paged, with links to the objects. */
export function AuditLogPage() {
  const { t } = useTranslation('audit');
  usePageTitle(t('title'));
  const { can } = useSession();
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      {can('audit:read') ? (
        <AuditLog />
      ) : (
        <Alert data-color="info">
          <Paragraph>{t('log.noAccess')}</Paragraph>
        </Alert>
      )}
    </div>
  );
}

function AuditLog() {
  const { t } = useTranslation('audit');
  const state = useAuditLogState();
  const log = useAuditLog(state.query);
  return (
    <>
      <Paragraph>{t('intro')}</Paragraph>
      <AuditFilters state={state} />
      <div className="list-status" role="status">
        {log.data && <Paragraph data-size="sm">{t('log.total', { count: log.data.total })}</Paragraph>}
        {log.isFetching && <Spinner aria-hidden data-size="xs" />}
      </div>
      {log.error && <ErrorAlert error={log.error} />}
      {log.data?.items.length === 0 && <Paragraph>{t('log.none')}</Paragraph>}
      {log.data && log.data.items.length > 0 && <AuditTable events={log.data.items} />}
      {log.data && (
        <Paginator
          page={state.query.page}
          pageSize={auditPageSize}
          total={log.data.total}
          label={t('log.pagination')}
          onChange={(page) => state.update({ page })}
        />
      )}
    </>
  );
}

function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation('audit');
  const format = useFormat();
  return (
    <div className="table-scroll">
      <Table zebra className="audit-table">
        <caption className="visually-hidden">{t('log.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('log.when')}</Table.HeaderCell>
            <Table.HeaderCell>{t('log.who')}</Table.HeaderCell>
            <Table.HeaderCell>{t('log.object')}</Table.HeaderCell>
            <Table.HeaderCell>{t('log.what')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {events.map((event) => (
            <Table.Row key={event.id}>
              <Table.Cell className="nowrap">
                <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time>
              </Table.Cell>
              <Table.Cell>{event.actorName ?? t('history.unknownActor')}</Table.Cell>
              <Table.Cell>
                <AuditObject event={event} />
              </Table.Cell>
              <Table.Cell>
                <ul className="audit-table__lines">
                  {describeEvent(event).map((line, index) => (
                    <li key={index}>
                      <HistoryLineText line={line} />
                    </li>
                  ))}
                </ul>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/** The object an event is about, linked to its page (or to the page of what it belongs to). */
function AuditObject({ event }: { event: AuditEvent }) {
  const { t } = useTranslation('audit');
  const noun = useEntityNoun();
  const type = noun(event.entityType);
  const label = event.entityLabel ?? '';
  const path = event.action === 'delete' && !parentPath(event) ? undefined : (entityPath(event.entityType, event.entityId) ?? parentPath(event));
  return (
    <>
      <span className="audit-table__type">{type}</span>{' '}
      {path ? (
        <Link asChild>
          <RouterLink to={path}>{label || t('log.open')}</RouterLink>
        </Link>
      ) : (
        label
      )}
    </>
  );
}
