/** "Til godkjenning": requests waiting for the signed-in person, as approver or deputy; approve or reject with a comment. */
import { Alert, Button, Card, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app/ErrorAlert';
import { useFormat } from '../app/format';
import { PageLoading } from '../app/PageLoading';
import { usePageTitle } from '../app/page-title';
import { useDecide, useInbox, type InboxItem } from './queries';
import { RequestTimeline } from './RequestTimeline';

function InboxCard({ item, onDone }: { item: InboxItem; onDone(message: string): void }) {
  const { t } = useTranslation('requests');
  const format = useFormat();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const decide = useDecide();
  const { request } = item;
  const headingId = `inbox-${item.stepId}`;

  const send = (decision: 'approved' | 'rejected') => {
    if (decision === 'rejected' && !comment.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    decide.mutate(
      { id: request.id, stepId: item.stepId, decision, comment: comment.trim() },
      { onSuccess: () => onDone(t(`inbox.${decision}`, { role: request.businessRole.name, name: request.forPerson.name })) },
    );
  };

  return (
    <Card data-color="neutral" aria-labelledby={headingId} role="group">
      <Heading level={2} data-size="xs" id={headingId}>
        {t('inbox.for', { role: request.businessRole.name, name: request.forPerson.name })}
      </Heading>
      <Paragraph data-size="sm" className="requests-meta">
        {t('inbox.requestedBy', { name: request.requester.name, when: format.dateTime(request.createdAt) })}
      </Paragraph>
      {item.asDeputyFor && (
        <Alert data-color="info" data-size="sm">
          <Paragraph data-size="sm">{t('inbox.asDeputy', { name: item.asDeputyFor.name })}</Paragraph>
        </Alert>
      )}
      {item.kind === 'system_owner' && <Paragraph data-size="sm">{t('inbox.asOwner', { systems: item.systemNames })}</Paragraph>}
      <Paragraph>{t('mine.reason', { reason: request.reason })}</Paragraph>
      <Paragraph data-size="sm">
        {request.wantedTo
          ? t('mine.period', { from: format.date(request.wantedFrom), to: format.date(request.wantedTo) })
          : t('mine.periodOpen', { from: format.date(request.wantedFrom) })}
      </Paragraph>
      <RequestTimeline request={request} />
      <Textfield
        multiline
        rows={2}
        label={t('inbox.comment')}
        description={t('inbox.commentHint')}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        error={missing ? t('inbox.commentRequired') : undefined}
      />
      {decide.error && <ErrorAlert error={decide.error} />}
      <div className="requests-actions">
        <Button data-size="sm" onClick={() => send('approved')} loading={decide.isPending && decide.variables?.decision === 'approved'}>
          {t('inbox.approve')}
        </Button>
        <Button data-size="sm" variant="secondary" data-color="danger" onClick={() => send('rejected')} loading={decide.isPending && decide.variables?.decision === 'rejected'}>
          {t('inbox.reject')}
        </Button>
      </div>
    </Card>
  );
}

export function InboxPage() {
  const { t } = useTranslation('requests');
  usePageTitle(t('inbox.title'));
  const inbox = useInbox();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('inbox.title')}
      </Heading>
      <Paragraph>{t('inbox.intro')}</Paragraph>
      {message && (
        <Alert data-color="success" role="status">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
      {inbox.isPending && <PageLoading />}
      {inbox.error && <ErrorAlert error={inbox.error} />}
      {inbox.data?.items.length === 0 && <Paragraph>{t('inbox.empty')}</Paragraph>}
      {inbox.data && inbox.data.items.length > 0 && (
        <ul className="requests-list" aria-label={t('inbox.title')}>
          {inbox.data.items.map((item) => (
            <li key={item.stepId}>
              <InboxCard item={item} onDone={setMessage} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
