import { Button, Field, Heading, Label, Select, Textarea, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { PersonPicker } from '../org/PersonPicker';
import type { Ref } from '../org/queries';
import { possibleParents } from './hierarchy';
import { useInvalidateProcesses, useProcesses, type ProcessDetail, type ProcessLevel } from './queries';

/** Change a process's name, purpose [formål], owner [prosesseier] and place in the hierarchy. */
export function ProcessAboutForm({ detail, onDone }: { detail: ProcessDetail; onDone: () => void }) {
  const { t } = useTranslation('processes');
  const invalidate = useInvalidateProcesses();
  const all = useProcesses();
  const [name, setName] = useState(detail.name);
  const [purpose, setPurpose] = useState(detail.purpose);
  const [owner, setOwner] = useState<Ref | null>(detail.owner);
  const [parentId, setParentId] = useState(detail.parentId ?? '');
  const [level, setLevel] = useState<ProcessLevel>(detail.level);
  const save = useMutation({
    mutationFn: () => api.put<ProcessDetail>(`/api/processes/${detail.id}`, { name, purpose, ownerPersonId: owner?.id ?? null, parentId: parentId || null, level }),
    onSuccess: async () => {
      await invalidate();
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const parents = all.data ? possibleParents(all.data.items, detail.id) : detail.ancestors.slice(-1).map((a) => ({ id: a.id, name: a.name, level: a.level }));
  return (
    <form onSubmit={submit} className="grm-card" aria-labelledby="about-form-heading">
      <Heading level={2} data-size="sm" id="about-form-heading">
        {t('about.title')}
      </Heading>
      <Textfield label={t('create.name')} value={name} onChange={(event) => setName(event.target.value)} required />
      <Field>
        <Label htmlFor="about-purpose">{t('process.purpose')}</Label>
        <Field.Description>{t('about.purposeHint')}</Field.Description>
        <Textarea id="about-purpose" rows={4} value={purpose} onChange={(event) => setPurpose(event.target.value)} />
      </Field>
      <PersonPicker legend={t('process.owner')} searchLabel={t('about.ownerSearch')} noneLabel={t('about.noOwner')} value={owner} onChange={setOwner} name="process-owner" />
      <Field>
        <Label htmlFor="about-parent">{t('create.parent')}</Label>
        <Select id="about-parent" value={parentId} onChange={(event) => setParentId(event.target.value)}>
          <Select.Option value="">{t('about.top')}</Select.Option>
          {parents.map((item) => (
            <Select.Option key={item.id} value={item.id}>
              {item.name} ({t(`level.${item.level}`)})
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label htmlFor="about-level">{t('create.level')}</Label>
        <Select id="about-level" value={level} onChange={(event) => setLevel(event.target.value as ProcessLevel)}>
          {(['area', 'process', 'subprocess'] as const).map((option) => (
            <Select.Option key={option} value={option}>
              {t(`level.${option}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {save.error && <ErrorAlert error={save.error} />}
      <div className="grm-actions">
        <Button type="submit" loading={save.isPending}>
          {t('about.save')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onDone}>
          {t('about.cancel')}
        </Button>
      </div>
    </form>
  );
}
