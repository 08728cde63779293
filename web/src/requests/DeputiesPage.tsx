/** "Stedfortreder": name a deputy for a period, see and end current arrangements. */
import { Alert, Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { useFormat } from '../app/format';
import { PageLoading } from '../app/PageLoading';
import { usePageTitle } from '../app/page-title';
import { PageSection } from '../org/PageSection';
import { PersonPicker } from '../org/PersonPicker';
import type { Ref } from './queries';
import { useCreateDeputy, useDeleteDeputy, useDeputies } from './queries';

const isoDay = (date: Date) => date.toLocaleDateString('en-CA');
const inDays = (days: number) => isoDay(new Date(Date.now() + days * 86_400_000));

export function DeputiesPage() {
  const { t } = useTranslation('requests');
  usePageTitle(t('deputies.title'));
  const format = useFormat();
  const list = useDeputies();
  const create = useCreateDeputy();
  const remove = useDeleteDeputy();
  const [person, setPerson] = useState<Ref | null>(null);
  const [from, setFrom] = useState(isoDay(new Date()));
  const [to, setTo] = useState(inDays(14));
  const [reason, setReason] = useState('');
  const [missingPerson, setMissingPerson] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const problems = create.error instanceof ApiError ? create.error.problems : [];
  const fieldError = (field: string) => problems.find((problem) => problem.field === field)?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!person) {
      setMissingPerson(true);
      return;
    }
    setMissingPerson(false);
    create.mutate(
      { deputyPersonId: person.id, validFrom: from, validTo: to, reason },
      {
        onSuccess: (saved) => {
          setMessage(t('deputies.saved', { name: saved.deputy.name, from: format.date(saved.validFrom), to: format.date(saved.validTo) }));
          setPerson(null);
          setReason('');
        },
      },
    );
  };

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('deputies.title')}
      </Heading>
      <Paragraph>{t('deputies.intro')}</Paragraph>
      {message && (
        <Alert data-color="success" role="status">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
      <PageSection id="deputies-list" title={t('deputies.listHeading')}>
        {list.isPending && <PageLoading />}
        {list.error && <ErrorAlert error={list.error} />}
        {remove.error && <ErrorAlert error={remove.error} />}
        {list.data?.items.length === 0 && <Paragraph>{t('deputies.empty')}</Paragraph>}
        {list.data && list.data.items.length > 0 && (
          <Table aria-labelledby="deputies-list">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('deputies.colManager')}</Table.HeaderCell>
                <Table.HeaderCell>{t('deputies.colDeputy')}</Table.HeaderCell>
                <Table.HeaderCell>{t('deputies.colPeriod')}</Table.HeaderCell>
                <Table.HeaderCell>{t('deputies.colReason')}</Table.HeaderCell>
                <Table.HeaderCell>{t('deputies.colStatus')}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="visually-hidden">{t('deputies.end')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.items.map((item) => (
                <Table.Row key={item.id}>
                  <Table.Cell>{item.manager.name}</Table.Cell>
                  <Table.Cell>{item.deputy.name}</Table.Cell>
                  <Table.Cell>{`${format.date(item.validFrom)} – ${format.date(item.validTo)}`}</Table.Cell>
                  <Table.Cell>{item.reason}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={item.active ? 'success' : 'info'} data-size="sm">
                      {item.active ? t('deputies.active') : t('deputies.upcoming')}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>
                    {item.canEdit && (
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        loading={remove.isPending && remove.variables === item.id}
                        onClick={() => remove.mutate(item.id, { onSuccess: () => setMessage(t('deputies.ended', { name: item.deputy.name })) })}
                      >
                        {t('deputies.end')}
                        <span className="visually-hidden">{` – ${item.deputy.name}`}</span>
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </PageSection>
      <PageSection id="deputies-form" title={t('deputies.formHeading')}>
        <form onSubmit={submit} noValidate className="requests-form">
          <PersonPicker
            legend={t('deputies.person')}
            searchLabel={t('deputies.search')}
            noneLabel={t('deputies.none')}
            value={person}
            onChange={setPerson}
            name="deputy"
            error={missingPerson ? t('deputies.pickPerson') : fieldError('deputyPersonId')}
          />
          <div className="requests-dates">
            <Textfield type="date" label={t('deputies.from')} value={from} onChange={(event) => setFrom(event.target.value)} error={fieldError('validFrom')} required />
            <Textfield type="date" label={t('deputies.to')} value={to} onChange={(event) => setTo(event.target.value)} error={fieldError('validTo')} required />
          </div>
          <Textfield label={t('deputies.reason')} description={t('deputies.reasonHint')} value={reason} onChange={(event) => setReason(event.target.value)} autoComplete="off" />
          {create.error && !problems.some((p) => p.field === 'deputyPersonId' || p.field === 'validFrom' || p.field === 'validTo') && <ErrorAlert error={create.error} />}
          <div>
            <Button type="submit" loading={create.isPending}>
              {t('deputies.save')}
            </Button>
          </div>
        </form>
      </PageSection>
    </>
  );
}
