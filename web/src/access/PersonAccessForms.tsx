/**
 * The changes an access administrator makes on a person's page: record or remove a competence
 * [kompetanse], and give or end a business role by hand. Each change recomputes the person's access
 * on the server, so a role held back for a missing competence becomes active when it is recorded.
 */
import { Button, Field, Heading, Label, Paragraph, Select, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app/ErrorAlert';
import { RouteLink } from '../org/RouteLink';
import { fieldProblem, hasFieldProblem, monthsFromToday } from './field-problem';
import {
  useAssignRole,
  useBusinessRoles,
  useCompetences,
  useEndAssignment,
  useRemovePersonCompetence,
  useSetPersonCompetence,
  type PersonEntitlements,
} from './queries';

type Day = (value: string | null) => string;

export function PersonCompetences({ personId, data, day, editable }: { personId: string; data: PersonEntitlements; day: Day; editable: boolean }) {
  const { t } = useTranslation('access');
  const remove = useRemovePersonCompetence(personId);
  return (
    <>
      <Heading level={3} data-size="xs" id="person-competences-heading">
        {t('person.competences')}
      </Heading>
      {data.competences.length === 0 ? (
        <Paragraph>{t('person.noCompetences')}</Paragraph>
      ) : (
        <ul className="access-list" aria-labelledby="person-competences-heading">
          {data.competences.map((competence) => (
            <li key={competence.id}>
              {competence.competenceName} — {competence.expiresOn ? t('person.expires', { date: day(competence.expiresOn) }) : t('person.noExpiry')}{' '}
              {!competence.valid && (
                <Tag data-color="danger" data-size="sm">
                  {t('person.expired')}
                </Tag>
              )}
              {editable && (
                <Button variant="tertiary" data-size="sm" onClick={() => remove.mutate(competence.competenceId)} disabled={remove.isPending}>
                  {t('remove')}
                  <span className="access-visually-hidden"> {competence.competenceName}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {remove.error && <ErrorAlert error={remove.error} />}
      {editable && <RecordCompetence personId={personId} />}
    </>
  );
}

function RecordCompetence({ personId }: { personId: string }) {
  const { t } = useTranslation('access');
  const competences = useCompetences();
  const record = useSetPersonCompetence(personId);
  const [competenceId, setCompetenceId] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [saved, setSaved] = useState('');
  const choose = (id: string) => {
    setCompetenceId(id);
    // A competence valid for some months runs out that long from today, unless the user says otherwise.
    const months = competences.data?.items.find((c) => c.id === id)?.validityMonths;
    setExpiresOn(months ? monthsFromToday(months) : '');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved('');
    const name = competences.data?.items.find((c) => c.id === competenceId)?.name ?? '';
    record.mutate(
      { competenceId, expiresOn: expiresOn || null },
      {
        onSuccess: () => {
          setCompetenceId('');
          setExpiresOn('');
          setSaved(t('person.competenceRecorded', { name }));
        },
      },
    );
  };
  const fields = ['competenceId', 'expiresOn'];
  return (
    <form onSubmit={submit} className="access-inline-form" aria-labelledby="person-record-competence-heading">
      <Heading level={4} data-size="2xs" id="person-record-competence-heading" className="access-visually-hidden">
        {t('person.recordCompetence')}
      </Heading>
      <Field>
        <Label>{t('person.competence')}</Label>
        <Select value={competenceId} onChange={(event) => choose(event.target.value)} required aria-invalid={Boolean(fieldProblem(record.error, 'competenceId')) || undefined}>
          <Select.Option value="">{t('role.chooseCompetence')}</Select.Option>
          {competences.data?.items.map((c) => (
            <Select.Option key={c.id} value={c.id}>
              {c.name}
            </Select.Option>
          ))}
        </Select>
        {fieldProblem(record.error, 'competenceId') && <ValidationMessage>{fieldProblem(record.error, 'competenceId')}</ValidationMessage>}
      </Field>
      <Textfield
        type="date"
        label={t('person.expiresOn')}
        description={t('person.expiresOnHelp')}
        value={expiresOn}
        onChange={(event) => setExpiresOn(event.target.value)}
        error={fieldProblem(record.error, 'expiresOn')}
      />
      <Button type="submit" variant="secondary" disabled={!competenceId || record.isPending}>
        {t('person.recordCompetence')}
      </Button>
      {record.error && !hasFieldProblem(record.error, fields) && <ErrorAlert error={record.error} />}
      <p aria-live="polite" className="access-status">
        {saved}
      </p>
    </form>
  );
}

export function PersonAssignments({ personId, data, day, editable }: { personId: string; data: PersonEntitlements; day: Day; editable: boolean }) {
  const { t } = useTranslation('access');
  const end = useEndAssignment(personId);
  return (
    <>
      <Heading level={3} data-size="xs" id="person-assignments-heading">
        {t('person.assignments')}
      </Heading>
      {data.assignments.length === 0 ? (
        <Paragraph>{t('person.noAssignments')}</Paragraph>
      ) : (
        <ul className="access-list" aria-labelledby="person-assignments-heading">
          {data.assignments.map((assignment) => (
            <li key={assignment.id}>
              <RouteLink to={`/access/business-roles/${assignment.businessRoleId}`}>{assignment.businessRoleName}</RouteLink>{' '}
              {t('person.assignmentText', {
                source: t(`person.sources.${assignment.source}`),
                from: day(assignment.validFrom),
                to: assignment.validTo ? day(assignment.validTo) : t('person.untilFurther'),
              })}
              {assignment.note && <span> {t('person.assignmentNote', { note: assignment.note })}</span>}
              {editable && assignment.source === 'manual' && (
                <Button variant="tertiary" data-size="sm" onClick={() => end.mutate(assignment.id)} disabled={end.isPending}>
                  {t('person.endAssignment')}
                  <span className="access-visually-hidden"> {assignment.businessRoleName}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {end.error && <ErrorAlert error={end.error} />}
      {editable && <AssignRole personId={personId} />}
    </>
  );
}

function AssignRole({ personId }: { personId: string }) {
  const { t } = useTranslation('access');
  const roles = useBusinessRoles();
  const assign = useAssignRole(personId);
  const [businessRoleId, setBusinessRoleId] = useState('');
  const [note, setNote] = useState('');
  const [validTo, setValidTo] = useState('');
  const [saved, setSaved] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved('');
    const name = roles.data?.items.find((r) => r.id === businessRoleId)?.name ?? '';
    assign.mutate(
      { businessRoleId, note, validTo: validTo || null },
      {
        onSuccess: () => {
          setBusinessRoleId('');
          setNote('');
          setValidTo('');
          setSaved(t('person.assigned', { name }));
        },
      },
    );
  };
  const fields = ['businessRoleId', 'note', 'validTo'];
  return (
    <form onSubmit={submit} className="access-form" aria-labelledby="person-assign-heading">
      <Heading level={4} data-size="2xs" id="person-assign-heading">
        {t('person.assign')}
      </Heading>
      <Field>
        <Label>{t('person.businessRole')}</Label>
        <Select value={businessRoleId} onChange={(event) => setBusinessRoleId(event.target.value)} required aria-invalid={Boolean(fieldProblem(assign.error, 'businessRoleId')) || undefined}>
          <Select.Option value="">{t('person.chooseBusinessRole')}</Select.Option>
          {roles.data?.items.map((role) => (
            <Select.Option key={role.id} value={role.id}>
              {role.name}
            </Select.Option>
          ))}
        </Select>
        {fieldProblem(assign.error, 'businessRoleId') && <ValidationMessage>{fieldProblem(assign.error, 'businessRoleId')}</ValidationMessage>}
      </Field>
      <Textfield
        label={t('person.reason')}
        description={t('person.reasonHelp')}
        multiline
        rows={2}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={fieldProblem(assign.error, 'note')}
        required
      />
      <Textfield
        type="date"
        label={t('person.validTo')}
        description={t('person.validToHelp')}
        value={validTo}
        onChange={(event) => setValidTo(event.target.value)}
        error={fieldProblem(assign.error, 'validTo')}
      />
      {assign.error && !hasFieldProblem(assign.error, fields) && <ErrorAlert error={assign.error} />}
      <div className="button-row">
        <Button type="submit" disabled={!businessRoleId || assign.isPending}>
          {t('person.assignButton')}
        </Button>
      </div>
      <p aria-live="polite" className="access-status">
        {saved}
      </p>
    </form>
  );
}
