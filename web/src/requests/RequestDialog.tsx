/** The request dialog: a reason (required) and the period the access is wanted for. */
import { Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { useCreateRequest, type CatalogueRole } from './queries';

const today = () => new Date().toLocaleDateString('en-CA');

export function RequestDialog({ role, onClose }: { role: CatalogueRole; onClose(sent?: string): void }) {
  const { t } = useTranslation('requests');
  const [reason, setReason] = useState('');
  const [from, setFrom] = useState(today());
  const [to, setTo] = useState('');
  const create = useCreateRequest();
  const problems = create.error instanceof ApiError ? create.error.problems : [];
  const fieldError = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const shown = ['reason', 'wantedFrom', 'wantedTo'];
  const allShown = problems.length > 0 && problems.every((problem) => problem.field && shown.includes(problem.field));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { businessRoleId: role.id, reason, wantedFrom: from, wantedTo: to || null },
      {
        onSuccess: (created) => {
          const approver = created.steps.find((step) => step.open)?.approver?.name ?? t('status.nobody');
          onClose(t('dialog.sent', { name: role.name, approver }));
        },
      },
    );
  };

  return (
    <Dialog open onClose={() => onClose()} aria-labelledby="request-dialog-heading" closeButton={t('dialog.close')}>
      <form onSubmit={submit} noValidate>
        <Dialog.Block>
          <Heading level={2} data-size="sm" id="request-dialog-heading">
            {t('dialog.heading', { name: role.name })}
          </Heading>
          <Paragraph data-size="sm">{role.description}</Paragraph>
        </Dialog.Block>
        <Dialog.Block className="requests-form">
          <Textfield
            multiline
            rows={4}
            label={t('dialog.reason')}
            description={t('dialog.reasonHint')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={fieldError('reason')}
            required
          />
          <div className="requests-dates">
            <Textfield type="date" label={t('dialog.from')} value={from} onChange={(event) => setFrom(event.target.value)} error={fieldError('wantedFrom')} required />
            <Textfield type="date" label={t('dialog.to')} description={t('dialog.toHint')} value={to} onChange={(event) => setTo(event.target.value)} error={fieldError('wantedTo')} />
          </div>
          {create.error && !allShown && <ErrorAlert error={create.error} />}
        </Dialog.Block>
        <Dialog.Block className="requests-actions">
          <Button type="submit" loading={create.isPending}>
            {t('dialog.send')}
          </Button>
          <Button type="button" variant="secondary" onClick={() => onClose()}>
            {t('dialog.cancel')}
          </Button>
        </Dialog.Block>
      </form>
    </Dialog>
  );
}
