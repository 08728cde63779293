/** "Rediger enhet": name, code, kind and leader; PUT /api/org/units/:id. The parent changes by moving. */
import { Button, Dialog, Field, Heading, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { PersonPicker } from './PersonPicker';
import { useUpdateUnit, type OrgUnitDetail, type Ref } from './queries';

/** The kinds the UI names; a kind from an import that is not here is kept and shown as is. */
export const unitKinds = [
  'municipality',
  'sector',
  'department',
  'section',
  'unit',
  'staff',
  'school',
  'kindergarten',
  'nursing_home',
  'home_care',
  'housing',
  'health_station',
  'service',
  'office',
] as const;

interface EditUnitDialogProps {
  unit: OrgUnitDetail;
  onClose(message?: string): void;
}

export function EditUnitDialog({ unit, onClose }: EditUnitDialogProps) {
  const { t } = useTranslation('org');
  const [name, setName] = useState(unit.name);
  const [code, setCode] = useState(unit.code);
  const [kind, setKind] = useState(unit.kind);
  const [leader, setLeader] = useState<Ref | null>(unit.manager);
  const update = useUpdateUnit(unit.id);
  const kinds: string[] = (unitKinds as readonly string[]).includes(unit.kind) ? [...unitKinds] : [...unitKinds, unit.kind];

  const fieldError = (field: string) =>
    update.error instanceof ApiError ? update.error.problems.find((problem) => problem.field === field)?.message : undefined;
  // Problems on fields the form shows appear beside them; anything else in one alert.
  const shownFields = ['name', 'code', 'kind', 'managerPersonId'];
  const hasFieldErrors =
    update.error instanceof ApiError &&
    update.error.problems.length > 0 &&
    update.error.problems.every((problem) => problem.field && shownFields.includes(problem.field));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { name, code, kind, parentId: unit.parent?.id ?? null, managerPersonId: leader?.id ?? null },
      { onSuccess: () => onClose(t('edit.done', { name })) },
    );
  };

  return (
    <Dialog open onClose={() => onClose()} aria-labelledby="edit-unit-heading" closeButton={t('dialog.close')}>
      <form onSubmit={submit} noValidate>
        <Dialog.Block>
          <Heading level={2} data-size="sm" id="edit-unit-heading">
            {t('edit.heading', { name: unit.name })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block className="org-form">
          <Textfield label={t('unit.name')} value={name} onChange={(event) => setName(event.target.value)} error={fieldError('name')} required />
          <Textfield label={t('unit.code')} value={code} onChange={(event) => setCode(event.target.value)} error={fieldError('code')} required />
          <Field>
            <Label>{t('unit.kind')}</Label>
            <Select value={kind} onChange={(event) => setKind(event.target.value)} aria-invalid={Boolean(fieldError('kind')) || undefined}>
              {kinds.map((option) => (
                <Select.Option key={option} value={option}>
                  {t(`unitKind.${option}`, { defaultValue: option })}
                </Select.Option>
              ))}
            </Select>
            {fieldError('kind') && <ValidationMessage>{fieldError('kind')}</ValidationMessage>}
          </Field>
          <PersonPicker
            name="unit-leader"
            legend={t('unit.leader')}
            searchLabel={t('edit.searchLeader')}
            noneLabel={t('unit.noLeader')}
            value={leader}
            onChange={setLeader}
            error={fieldError('managerPersonId')}
          />
          {update.error && !hasFieldErrors && <ErrorAlert error={update.error} />}
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
