/** A request's course: sent, each approval step (who, as whose deputy, with comment), then provisioning. */
import { Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import type { AccessRequest, ApprovalStep } from './queries';
import { requestStatus } from './status';

function stepTitle(step: ApprovalStep, t: (key: string, options?: Record<string, unknown>) => string) {
  return step.kind === 'manager' ? t('step.manager') : t('step.system_owner', { systems: step.systemNames });
}

export function StatusTag({ request }: { request: AccessRequest }) {
  const { t } = useTranslation('requests');
  const format = useFormat();
  const status = requestStatus(request, t('status.nobody'));
  return (
    <Tag data-color={status.color}>
      {t(`status.${status.key}`, { who: status.waitingFor.join(', '), from: format.date(request.wantedFrom) })}
    </Tag>
  );
}

export function RequestTimeline({ request }: { request: AccessRequest }) {
  const { t } = useTranslation('requests');
  const format = useFormat();
  const nobody = t('status.nobody');
  return (
    <ol className="requests-timeline" aria-label={t('mine.timeline', { name: request.businessRole.name })}>
      <li>{t('mine.created', { when: format.dateTime(request.createdAt) })}</li>
      {request.steps.map((step) => {
        const approver = step.approver?.name ?? nobody;
        let line: string;
        if (step.decision) {
          line = t(`step.${step.decision}`, { name: step.decidedBy?.name ?? '' });
          if (step.decidedBy && step.approver && step.decidedBy.id !== step.approver.id) line += ` ${t('step.asDeputy', { name: step.approver.name })}`;
          if (step.decidedAt) line += `, ${format.dateTime(step.decidedAt)}`;
        } else if (step.open && (request.state === 'pending_manager' || request.state === 'pending_owner')) {
          line = t('step.waiting', { name: approver });
        } else if (request.state === 'pending_manager' || request.state === 'pending_owner') {
          line = t('step.notYet', { name: approver });
        } else {
          return null;
        }
        return (
          <li key={step.id}>
            <strong>{stepTitle(step, t)}:</strong> {line}
            {step.comment && <> – {t('step.comment', { comment: step.comment })}</>}
            {!step.decision && step.deputies.length > 0 && (
              <Paragraph data-size="sm" className="requests-meta">
                {t('step.deputies', { names: step.deputies.map((d) => d.name).join(', ') })}
              </Paragraph>
            )}
            {step.escalation === 'own_request' && (
              <Paragraph data-size="sm" className="requests-meta">
                {t('step.escalated')}
              </Paragraph>
            )}
            {(step.escalation === 'no_manager' || step.escalation === 'no_owner') && !step.decision && (
              <Paragraph data-size="sm" className="requests-meta">
                {t('step.noApprover')}
              </Paragraph>
            )}
          </li>
        );
      })}
      {request.state === 'approved' && request.fulfilment && (
        <li>
          <StatusTag request={request} />
          {request.fulfilment.waitingSystems.length > 0 && (
            <Paragraph data-size="sm">{t('mine.waitingSystems', { systems: request.fulfilment.waitingSystems.join(', ') })}</Paragraph>
          )}
          {request.fulfilment.failures.map((failure) => (
            <Paragraph key={failure.systemName} data-size="sm">
              {t('mine.failure', { system: failure.systemName, error: failure.error })}
            </Paragraph>
          ))}
        </li>
      )}
    </ol>
  );
}
