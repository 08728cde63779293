/** "Til godkjenning": runs the mass-removal guard held, with exactly what each would do. */
import { Alert, Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app/ErrorAlert';
import { useFormat } from '../app/format';
import { PageLoading } from '../app/PageLoading';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { OperationTable } from './OperationTable';
import { peopleChanges } from './people-changes';
import { useBatch, useBatches, useDecideBatch, type Batch } from './queries';

function HeldBatch({ batch, onDone }: { batch: Batch; onDone(message: string): void }) {
  const { t } = useTranslation('provisioning');
  const format = useFormat();
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  const detail = useBatch(open ? batch.id : null);
  const decide = useDecideBatch();
  const headingId = `batch-${batch.id}`;
  const run = (decision: 'approve' | 'reject') =>
    decide.mutate({ id: batch.id, decision }, { onSuccess: () => onDone(t(decision === 'approve' ? 'held.approved' : 'held.rejected')) });
  return (
    <Card data-color="warning" role="group" aria-labelledby={headingId}>
      <Heading level={2} data-size="xs" id={headingId}>
        {t('held.batchHeading', { origin: t(`origins.${batch.origin}`, { defaultValue: batch.origin }), when: format.dateTime(batch.createdAt) })}
      </Heading>
      <Paragraph>{batch.holdReason}</Paragraph>
      <Paragraph data-size="sm">{t('held.counts', { grants: batch.grantCount, removals: batch.revokeCount, other: batch.otherCount })}</Paragraph>
      <div className="provisioning-actions">
        <Button data-size="sm" variant="tertiary" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('held.hide') : t('held.show')}
        </Button>
        {can('provisioning:approve') && (
          <>
            <Button data-size="sm" onClick={() => run('approve')} loading={decide.isPending && decide.variables?.decision === 'approve'}>
              {t('held.approve')}
            </Button>
            <Button data-size="sm" variant="secondary" data-color="danger" onClick={() => run('reject')} loading={decide.isPending && decide.variables?.decision === 'reject'}>
              {t('held.reject')}
            </Button>
          </>
        )}
      </div>
      {decide.error && <ErrorAlert error={decide.error} />}
      {open &&
        (detail.isPending ? (
          <PageLoading />
        ) : detail.error ? (
          <ErrorAlert error={detail.error} />
        ) : (
          <>
            <Paragraph data-size="sm">{t('held.people', { ...peopleChanges(detail.data.operations) })}</Paragraph>
            <OperationTable items={detail.data.operations} caption={t('held.contentCaption')} />
          </>
        ))}
    </Card>
  );
}

export function HeldPage() {
  const { t } = useTranslation('provisioning');
  usePageTitle(t('held.title'));
  const batches = useBatches('held');
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section aria-labelledby="held-heading" className="provisioning-stack">
      <Heading level={1} data-size="lg" id="held-heading">
        {t('held.title')}
      </Heading>
      <Paragraph>{t('held.intro')}</Paragraph>
      {message && (
        <Alert data-color="success" role="status">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
      {batches.isPending ? (
        <PageLoading />
      ) : batches.error ? (
        <ErrorAlert error={batches.error} />
      ) : batches.data.items.length === 0 ? (
        <Paragraph>{t('held.none')}</Paragraph>
      ) : (
        batches.data.items.map((batch) => <HeldBatch key={batch.id} batch={batch} onDone={setMessage} />)
      )}
    </section>
  );
}
