/** /access/competences — the competences [kompetanse] roles can require: list, new, change, remove. */
import { Button, Heading, Paragraph, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { fieldProblem, hasFieldProblem } from './field-problem';
import { useCompetences, useCreateCompetence, useDeleteCompetence, useUpdateCompetence, type Competence, type CompetenceInput } from './queries';
import { PageBreadcrumbs } from '../app/PageBreadcrumbs';

export function CompetencesPage() {
  const { t } = useTranslation('access');
  const { can } = useSession();
  usePageTitle(t('competences.title'));
  const competences = useCompetences();
  const remove = useDeleteCompetence();
  const [editing, setEditing] = useState<string | null>(null);
  const editable = can('access:write');

  return (
    <div className="page">
      <PageBreadcrumbs
        label={t('breadcrumbs')}
        trail={[
          { to: '/access', label: t('roles.title') },
          { to: '/access/competences', label: t('competences.title') },
        ]}
      />
      <Heading level={1} data-size="lg">
        {t('competences.title')}
      </Heading>
      <Paragraph>{t('competences.intro')}</Paragraph>
      {competences.error && <ErrorAlert error={competences.error} />}
      {competences.isPending ? (
        <Spinner aria-label={t('loading')} />
      ) : competences.data && competences.data.items.length === 0 ? (
        <Paragraph>{t('competences.none')}</Paragraph>
      ) : (
        <div className="access-table-wrap">
          <Table data-size="sm">
            <caption className="access-visually-hidden">{t('competences.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('competences.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('competences.description')}</Table.HeaderCell>
                <Table.HeaderCell>{t('competences.validity')}</Table.HeaderCell>
                {editable && <Table.HeaderCell>{t('actions')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {competences.data?.items.map((competence) => (
                <Table.Row key={competence.id}>
                  <Table.Cell>{competence.name}</Table.Cell>
                  <Table.Cell>{competence.description || '–'}</Table.Cell>
                  <Table.Cell>{competence.validityMonths ? t('competences.months', { count: competence.validityMonths }) : t('competences.noExpiry')}</Table.Cell>
                  {editable && (
                    <Table.Cell>
                      <Button variant="tertiary" data-size="sm" aria-expanded={editing === competence.id} onClick={() => setEditing(editing === competence.id ? null : competence.id)}>
                        {t('edit')}
                        <span className="access-visually-hidden"> {competence.name}</span>
                      </Button>
                      <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => remove.mutate(competence.id)} disabled={remove.isPending}>
                        {t('remove')}
                        <span className="access-visually-hidden"> {competence.name}</span>
                      </Button>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {remove.error && <ErrorAlert error={remove.error} />}
      {editable && editing && competences.data?.items.some((c) => c.id === editing) && (
        <EditCompetence key={editing} competence={competences.data.items.find((c) => c.id === editing)!} onDone={() => setEditing(null)} />
      )}
      {editable && <NewCompetence />}
    </div>
  );
}

function NewCompetence() {
  const { t } = useTranslation('access');
  const create = useCreateCompetence();
  const [saved, setSaved] = useState('');
  return (
    <section className="page-section" aria-labelledby="access-new-competence-heading">
      <Heading level={2} data-size="sm" id="access-new-competence-heading">
        {t('competences.new')}
      </Heading>
      <CompetenceForm
        submitLabel={t('competences.create')}
        pending={create.isPending}
        error={create.error}
        saved={saved}
        onSubmit={(input, reset) => {
          setSaved('');
          create.mutate(input, {
            onSuccess: (competence) => {
              reset();
              setSaved(t('competences.created', { name: competence.name }));
            },
          });
        }}
      />
    </section>
  );
}

function EditCompetence({ competence, onDone }: { competence: Competence; onDone(): void }) {
  const { t } = useTranslation('access');
  const update = useUpdateCompetence(competence.id);
  return (
    <section className="page-section" aria-labelledby="access-edit-competence-heading">
      <Heading level={2} data-size="sm" id="access-edit-competence-heading" tabIndex={-1} ref={(heading) => heading?.focus()}>
        {t('competences.editHeading', { name: competence.name })}
      </Heading>
      <CompetenceForm
        initial={competence}
        submitLabel={t('role.save')}
        pending={update.isPending}
        error={update.error}
        saved=""
        onSubmit={(input) => update.mutate(input, { onSuccess: onDone })}
        onCancel={onDone}
      />
    </section>
  );
}

interface CompetenceFormProps {
  initial?: CompetenceInput;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  saved: string;
  onSubmit(input: CompetenceInput, reset: () => void): void;
  onCancel?(): void;
}

/** Name, description and how many months it is valid (empty: it does not expire). */
function CompetenceForm({ initial, submitLabel, pending, error, saved, onSubmit, onCancel }: CompetenceFormProps) {
  const { t } = useTranslation('access');
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [months, setMonths] = useState(initial?.validityMonths ? String(initial.validityMonths) : '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ name, description, validityMonths: months ? Number(months) : null }, () => {
      setName('');
      setDescription('');
      setMonths('');
    });
  };
  return (
    <form onSubmit={submit} className="access-form">
      <Textfield label={t('competences.name')} value={name} onChange={(event) => setName(event.target.value)} error={fieldProblem(error, 'name')} required />
      <Textfield label={t('competences.description')} multiline rows={2} value={description} onChange={(event) => setDescription(event.target.value)} error={fieldProblem(error, 'description')} />
      <Textfield
        type="number"
        min={1}
        max={600}
        inputMode="numeric"
        label={t('competences.validityLabel')}
        description={t('competences.validityHelp')}
        value={months}
        onChange={(event) => setMonths(event.target.value)}
        error={fieldProblem(error, 'validityMonths')}
      />
      {Boolean(error) && !hasFieldProblem(error, ['name', 'description', 'validityMonths']) && <ErrorAlert error={error} />}
      <div className="button-row">
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('cancel')}
          </Button>
        )}
      </div>
      <p aria-live="polite" className="access-status">
        {saved}
      </p>
    </form>
  );
}
