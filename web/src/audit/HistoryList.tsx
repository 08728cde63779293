import { Heading, Paragraph, Skeleton } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app/ErrorAlert';
import { useFormat } from '../app/format';
import { describeEvent, isChildEvent } from './describe';
import { HistoryLineText, useEntityNoun } from './HistoryLineText';
import type { AuditEvent } from './model';
import { useHistory } from './queries';

/**
 * An object's history as a timeline, newest first: when, who, and what changed. Rows that belong
 * to the object (a system's licence pools, a person's employments) are shown under it.
 */
export function HistoryList({ entityType, entityId, headingLevel = 2 }: { entityType: string; entityId: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('audit');
  const history = useHistory(entityType, entityId);
  return (
    <section aria-labelledby={`history-${entityId}`} className="history">
      <Heading level={headingLevel} data-size="md" id={`history-${entityId}`}>
        {t('history.heading')}
      </Heading>
      {history.isPending && <Skeleton variant="text" width={40} />}
      {history.error && <ErrorAlert error={history.error} />}
      {history.data?.length === 0 && <Paragraph>{t('history.empty')}</Paragraph>}
      {history.data && history.data.length > 0 && (
        <ol className="history__list">
          {history.data.map((event) => (
            <HistoryEntry key={event.id} event={event} child={isChildEvent(event, entityType, entityId)} />
          ))}
        </ol>
      )}
    </section>
  );
}

function HistoryEntry({ event, child }: { event: AuditEvent; child: boolean }) {
  const { t } = useTranslation('audit');
  const format = useFormat();
  const noun = useEntityNoun();
  const lines = describeEvent(event);
  // A change to a belonging row says which row first; its creation or removal already names it.
  const about = child && event.action === 'update' ? `${t('line.childPrefix', { type: noun(event.entityType), label: event.entityLabel ?? '' })} ` : '';
  return (
    <li className="history__entry">
      <Paragraph data-size="sm" className="history__meta">
        <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time>
        {' · '}
        {event.actorName ?? t('history.unknownActor')}
      </Paragraph>
      <ul className="history__lines">
        {lines.map((line, index) => (
          <li key={index}>
            {about}
            <HistoryLineText line={line} />
          </li>
        ))}
      </ul>
    </li>
  );
}
