/** "Endre person": a name change, a new e-mail address, or guest → employee; PUT /api/org/persons/:id. */
import { Button, Dialog, Field, Heading, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { useUpdatePerson, type PersonDetail, type PersonKind } from './queries';

const personKinds: PersonKind[] = ['employee', 'guest', 'consultant'];
const shownFields = ['givenName', 'familyName', 'email', 'kind'];

interface EditPersonDialogProps {
  person: PersonDetail;
  onClose(message?: string): void;
}

export function EditPersonDialog({ person, onClose }: EditPersonDialogProps) {
  const { t } = useTranslation('org');
  const [givenName, setGivenName] = useState(person.givenName);
  const [familyName, setFamilyName] = useState(person.familyName);
  const [email, setEmail] = useState(person.email ?? '');
  const [kind, setKind] = useState<PersonKind>(person.kind);
  const update = useUpdatePerson(person.id);

  const problems = update.error instanceof ApiError ? update.error.problems : [];
  const fieldError = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const allShown = problems.length > 0 && problems.every((problem) => problem.field && shownFields.includes(problem.field));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { givenName, familyName, email: email.trim() || null, kind },
      { onSuccess: (saved) => onClose(t('editPerson.done', { name: saved.name })) },
    );
  };

  return (
    <Dialog open onClose={() => onClose()} aria-labelledby="edit-person-heading" closeButton={t('dialog.close')}>
      <form onSubmit={submit} noValidate>
        <Dialog.Block>
          <Heading level={2} data-size="sm" id="edit-person-heading">
            {t('editPerson.heading', { name: person.name })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block className="org-form">
          <Textfield label={t('person.givenName')} value={givenName} onChange={(event) => setGivenName(event.target.value)} error={fieldError('givenName')} required autoComplete="off" />
          <Textfield label={t('person.familyName')} value={familyName} onChange={(event) => setFamilyName(event.target.value)} error={fieldError('familyName')} required autoComplete="off" />
          <Textfield label={t('person.email')} type="email" value={email} onChange={(event) => setEmail(event.target.value)} error={fieldError('email')} autoComplete="off" />
          <Field>
            <Label>{t('person.kind')}</Label>
            <Select value={kind} onChange={(event) => setKind(event.target.value as PersonKind)}>
              {personKinds.map((option) => (
                <Select.Option key={option} value={option}>
                  {t(`personKind.${option}`)}
                </Select.Option>
              ))}
            </Select>
            {fieldError('kind') && <ValidationMessage>{fieldError('kind')}</ValidationMessage>}
          </Field>
          {update.error && !allShown && <ErrorAlert error={update.error} />}
        </Dialog.Block>
        <Dialog.Block className="org-actions">
          <Button type="submit" loading={update.isPending}>
            {t('edit.save')}
          </Button>
          <Button type="button" variant="secondary" onClick={() => onClose()}>
            {t('dialog.cancel')}
          </Button>
        </Dialog.Block>
      </form>
    </Dialog>
  );
}
