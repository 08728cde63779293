/** "Mine forespørsler": what one asked for (or was asked for on one's behalf), with its course. */
import { Alert, Button, Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { ErrorAlert } from '../app/ErrorAlert';
import { useFormat } from '../app/format';
import { PageLoading } from '../app/PageLoading';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { useCancelRequest, useMyRequests } from './queries';
import { RequestTimeline, StatusTag } from './RequestTimeline';

export function MyRequestsPage() {
  const { t } = useTranslation('requests');
  usePageTitle(t('mine.title'));
  const format = useFormat();
  const { user } = useSession();
  const mine = useMyRequests();
  const cancel = useCancelRequest();
  const [message, setMessage] = useState<string | null>(null);

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('mine.title')}
      </Heading>
      <Paragraph>{t('mine.intro')}</Paragraph>
      {message && (
        <Alert data-color="success" role="status">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
      {cancel.error && <ErrorAlert error={cancel.error} />}
      {mine.isPending && <PageLoading />}
      {mine.error && <ErrorAlert error={mine.error} />}
      {mine.data?.items.length === 0 && (
        <Paragraph>
          {t('mine.empty')}{' '}
          <Link asChild>
            <RouterLink to="/requests">{t('mine.askLink')}</RouterLink>
          </Link>
        </Paragraph>
      )}
      {mine.data && mine.data.items.length > 0 && (
        <ul className="requests-list" aria-label={t('mine.title')}>
          {mine.data.items.map((request) => (
            <li key={request.id}>
              <Card data-color="neutral" data-testid="my-request">
                <div className="requests-card-head">
                  <Heading level={2} data-size="xs">
                    {request.businessRole.name}
                  </Heading>
                  <StatusTag request={request} />
                </div>
                {request.forPerson.id !== user.personId && <Paragraph data-size="sm">{t('mine.forPerson', { name: request.forPerson.name })}</Paragraph>}
                {request.requester.id !== user.personId && <Paragraph data-size="sm">{t('mine.askedBy', { name: request.requester.name })}</Paragraph>}
                <Paragraph data-size="sm" className="requests-meta">
                  {t('mine.reason', { reason: request.reason })}
                  {' · '}
                  {request.wantedTo
                    ? t('mine.period', { from: format.date(request.wantedFrom), to: format.date(request.wantedTo) })
                    : t('mine.periodOpen', { from: format.date(request.wantedFrom) })}
                </Paragraph>
                <RequestTimeline request={request} />
                {request.canCancel && (
                  <div className="requests-actions">
                    <Button
                      variant="secondary"
                      data-size="sm"
                      loading={cancel.isPending && cancel.variables === request.id}
                      onClick={() =>
                        cancel.mutate(request.id, { onSuccess: () => setMessage(t('mine.cancelled', { name: request.businessRole.name })) })
                      }
                    >
                      {t('mine.cancel')}
                      <span className="visually-hidden">{` – ${request.businessRole.name}`}</span>
                    </Button>
                  </div>
                )}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
