import { Alert, Button, ErrorSummary, Field, Fieldset, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { ApiError } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { PersonPicker } from '../org/PersonPicker';
import { LicenceRows } from './LicenceRows';
import { criticalities, dpaStatuses, hostingKinds, lifecyclePhases, type SystemDetail } from './model';
import { useSaveSystem, useSystem, useSystemFacets } from './queries';
import {
  inputId,
  problemsByField,
  toFormValues,
  toSystemInput,
  validateSystemForm,
  type FieldErrors,
  type SystemFormValues,
} from './system-form';
import { UnitSelect } from './UnitSelect';

export function SystemForm({ system }: { system?: SystemDetail }) {
  const { t } = useTranslation('catalogue');
  const navigate = useNavigate();
  const [values, setValues] = useState<SystemFormValues>(() => toFormValues(system));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  // Each failed attempt mounts a new summary, which takes focus (Designsystemet's element does that on connect).
  const [attempt, setAttempt] = useState(0);
  const save = useSaveSystem(system?.id);
  const facets = useSystemFacets();
  const latest = useSystem(system?.id);
  const conflict = save.error instanceof ApiError && save.error.code === 'version_conflict';
  const errorCount = Object.keys(errors).length + general.length;
  const alertRef = useRef<HTMLDivElement>(null);
  // A refused save is told at the top of the form; bring it into view where the user pressed Save.
  useEffect(() => {
    if (save.error) alertRef.current?.focus();
  }, [save.error]);

  const set = <K extends keyof SystemFormValues>(key: K, value: SystemFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateSystemForm(values, {
      required: t('form.required'),
      invalidNumber: t('form.invalidNumber'),
      negative: t('form.negative'),
      wholeNumber: t('form.wholeNumber'),
    });
    setErrors(found);
    setGeneral([]);
    setAttempt((count) => count + 1);
    if (Object.keys(found).length > 0) return;
    save.mutate(
      { ...toSystemInput(values), ...(system ? { version: system.version } : {}) },
      {
        onSuccess: (saved) => void navigate(`/systems/${saved.id}`, { state: { saved: system ? 'updated' : 'created' } }),
        onError: (error) => {
          // The only thing a system can clash with is another system's name.
          if (error instanceof ApiError && error.code === 'conflict') {
            setErrors({ name: error.detail ?? error.title });
            setAttempt((count) => count + 1);
          } else if (error instanceof ApiError && error.problems.length > 0) {
            const placed = problemsByField(error.problems);
            setErrors(placed.fields);
            setGeneral(placed.general);
            setAttempt((count) => count + 1);
          }
        },
      },
    );
  };

  const error = (field: string) => errors[field];
  const fieldLabel = (field: string): string => {
    const [head, index, leaf] = field.split('.');
    if (head === 'licences' && index !== undefined && leaf) return `${t('form.licence', { number: Number(index) + 1 })}: ${t(`field.${leaf}`)}`;
    const labels: Record<string, string> = { ownerPersonId: 'owner', administratorPersonId: 'administrator', owningUnitId: 'owningUnit' };
    return t(`field.${labels[field] ?? field}`, { defaultValue: field });
  };

  return (
    <form onSubmit={submit} noValidate className="system-form">
      {errorCount > 0 && (
        <ErrorSummary key={attempt}>
          <ErrorSummary.Heading>{t('form.errorSummary')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {general.map((message) => (
              <ErrorSummary.Item key={message}>{message}</ErrorSummary.Item>
            ))}
            {Object.entries(errors).map(([field, message]) => (
              <ErrorSummary.Item key={field}>
                <ErrorSummary.Link href={`#${inputId(field)}`}>
                  {fieldLabel(field)}: {message}
                </ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      {conflict && (
        <Alert data-color="warning" role="alert" ref={alertRef} tabIndex={-1}>
          <Paragraph>{t('form.conflict')}</Paragraph>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => void latest.refetch()} loading={latest.isFetching}>
            {t('form.reload')}
          </Button>
        </Alert>
      )}
      {save.error && !conflict && !(save.error instanceof ApiError && (save.error.problems.length > 0 || save.error.code === 'conflict')) && (
        <div ref={alertRef} tabIndex={-1}>
          <ErrorAlert error={save.error} />
        </div>
      )}

      <Fieldset>
        <Fieldset.Legend>{t('form.about')}</Fieldset.Legend>
        <Textfield
          id={inputId('name')}
          label={t('field.name')}
          value={values.name}
          onChange={(event) => set('name', event.target.value)}
          error={error('name')}
          required
          aria-required
          autoComplete="off"
        />
        <Textfield
          id={inputId('description')}
          label={t('field.description')}
          multiline
          rows={4}
          value={values.description}
          onChange={(event) => set('description', event.target.value)}
          error={error('description')}
        />
        <div className="form-grid">
          <CodeSelect
            field="lifecyclePhase"
            label={t('field.lifecyclePhase')}
            value={values.lifecyclePhase}
            options={lifecyclePhases.map((value) => ({ value, label: t(`lifecyclePhase.${value}`) }))}
            onChange={(value) => set('lifecyclePhase', value as SystemFormValues['lifecyclePhase'])}
            error={error('lifecyclePhase')}
          />
          <CodeSelect
            field="criticality"
            label={t('field.criticality')}
            value={values.criticality}
            options={criticalities.map((value) => ({ value, label: t(`criticality.${value}`) }))}
            onChange={(value) => set('criticality', value as SystemFormValues['criticality'])}
            error={error('criticality')}
          />
        </div>
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t('form.responsibility')}</Fieldset.Legend>
        <div className="form-grid">
          <div id={inputId('ownerPersonId')}>
            <PersonPicker
              legend={t('field.owner')}
              searchLabel={t('form.searchOwner')}
              noneLabel={t('form.nobody')}
              name="ownerPersonId"
              value={values.owner}
              onChange={(person) => set('owner', person)}
              error={error('ownerPersonId')}
            />
          </div>
          <div id={inputId('administratorPersonId')}>
            <PersonPicker
              legend={t('field.administrator')}
              searchLabel={t('form.searchAdministrator')}
              noneLabel={t('form.nobody')}
              name="administratorPersonId"
              value={values.administrator}
              onChange={(person) => set('administrator', person)}
              error={error('administratorPersonId')}
            />
          </div>
        </div>
        <UnitSelect
          id={inputId('owningUnitId')}
          label={t('field.owningUnit')}
          value={values.owningUnitId}
          onChange={(value) => set('owningUnitId', value)}
          error={error('owningUnitId')}
        />
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t('form.operationAndCost')}</Fieldset.Legend>
        <div className="form-grid">
          <Textfield
            id={inputId('supplier')}
            label={t('field.supplier')}
            value={values.supplier}
            onChange={(event) => set('supplier', event.target.value)}
            error={error('supplier')}
            list="system-supplier-options"
            autoComplete="off"
          />
          <datalist id="system-supplier-options">
            {(facets.data?.suppliers ?? []).map((supplier) => (
              <option key={supplier} value={supplier} />
            ))}
          </datalist>
          <CodeSelect
            field="hosting"
            label={t('field.hosting')}
            value={values.hosting}
            options={[{ value: '', label: t('form.notChosen') }, ...hostingKinds.map((value) => ({ value, label: t(`hosting.${value}`) }))]}
            onChange={(value) => set('hosting', value as SystemFormValues['hosting'])}
            error={error('hosting')}
          />
          <Textfield
            id={inputId('annualCost')}
            label={t('field.annualCost')}
            inputMode="decimal"
            value={values.annualCost}
            onChange={(event) => set('annualCost', event.target.value)}
            error={error('annualCost')}
            autoComplete="off"
          />
          <CodeSelect
            field="dpaStatus"
            label={t('field.dpaStatus')}
            value={values.dpaStatus}
            options={dpaStatuses.map((value) => ({ value, label: t(`dpaStatus.${value}`) }))}
            onChange={(value) => set('dpaStatus', value as SystemFormValues['dpaStatus'])}
            error={error('dpaStatus')}
          />
        </div>
      </Fieldset>

      <LicenceRows rows={values.licences} onChange={(rows) => set('licences', rows)} errors={errors} />

      <div className="button-row">
        <Button type="submit" loading={save.isPending}>
          {t('form.save')}
        </Button>
        <Button asChild variant="secondary">
          <RouterLink to={system ? `/systems/${system.id}` : '/systems'}>{t('form.cancel')}</RouterLink>
        </Button>
      </div>
    </form>
  );
}

function CodeSelect({
  field,
  label,
  value,
  options,
  onChange,
  error,
}: {
  field: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  error?: string;
}) {
  return (
    <Field>
      <Label htmlFor={inputId(field)}>{label}</Label>
      <Select id={inputId(field)} value={value} onChange={(event) => onChange(event.target.value)} aria-invalid={error ? true : undefined}>
        {options.map((option) => (
          <Select.Option key={option.value} value={option.value}>
            {option.label}
          </Select.Option>
        ))}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}
