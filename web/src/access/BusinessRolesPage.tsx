/** /access — the business roles [forretningsroller], a new one, and a full recompute with its runs. */
import { Button, Checkbox, Heading, Paragraph, Spinner, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { useDebounced } from '../app/use-debounced';
import { RouteLink } from '../org/RouteLink';
import { RecomputePanel } from './RecomputePanel';
import { useBusinessRoles, useCreateBusinessRole } from './queries';

export function BusinessRolesPage() {
  const { t } = useTranslation('access');
  const { can } = useSession();
  usePageTitle(t('roles.title'));
  const [q, setQ] = useState('');
  const query = useDebounced(q, 250);
  const roles = useBusinessRoles({ q: query });

  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('roles.title')}
      </Heading>
      <Paragraph>{t('roles.intro')}</Paragraph>
      <Paragraph>
        <RouteLink to="/access/competences">{t('competences.link')}</RouteLink>
      </Paragraph>
      <Textfield className="access-search" type="search" label={t('roles.search')} value={q} onChange={(event) => setQ(event.target.value)} />
      {roles.error && <ErrorAlert error={roles.error} />}
      {roles.isPending ? (
        <Spinner aria-label={t('loading')} />
      ) : roles.data && roles.data.items.length === 0 ? (
        <Paragraph>{t('roles.none')}</Paragraph>
      ) : (
        <div className="access-table-wrap">
          <Table zebra>
            <caption className="access-visually-hidden">{t('roles.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('roles.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('roles.description')}</Table.HeaderCell>
                <Table.HeaderCell>{t('roles.systemRoles')}</Table.HeaderCell>
                <Table.HeaderCell>{t('roles.rules')}</Table.HeaderCell>
                <Table.HeaderCell>{t('roles.requestable')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {roles.data?.items.map((role) => (
                <Table.Row key={role.id}>
                  <Table.Cell>
                    <RouteLink to={`/access/business-roles/${role.id}`}>{role.name}</RouteLink>{' '}
                    {role.sensitive && (
                      <Tag data-color="warning" data-size="sm">
                        {t('sensitivity.sensitive')}
                      </Tag>
                    )}
                  </Table.Cell>
                  <Table.Cell>{role.description}</Table.Cell>
                  <Table.Cell>{role.systemRoleCount}</Table.Cell>
                  <Table.Cell>{role.ruleCount}</Table.Cell>
                  <Table.Cell>{role.requestable ? t('yes') : t('no')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {can('access:write') && <NewBusinessRole />}
      {can('access:write') && <RecomputePanel />}
    </div>
  );
}

function NewBusinessRole() {
  const { t } = useTranslation('access');
  const create = useCreateBusinessRole();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [requestable, setRequestable] = useState(true);
  const problem = (field: string) => (create.error instanceof ApiError ? create.error.problems.find((p) => p.field === field)?.message : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, description, requestable, ownerPersonId: null }, { onSuccess: (role) => void navigate(`/access/business-roles/${role.id}`) });
  };
  return (
    <section className="page-section" aria-labelledby="access-new-role-heading">
      <Heading level={2} data-size="sm" id="access-new-role-heading">
        {t('roles.new')}
      </Heading>
      <form onSubmit={submit} className="access-form">
        <Textfield label={t('roles.name')} value={name} onChange={(event) => setName(event.target.value)} error={problem('name')} required />
        <Textfield label={t('roles.descriptionLabel')} description={t('roles.descriptionHelp')} multiline rows={3} value={description} onChange={(event) => setDescription(event.target.value)} />
        <Checkbox label={t('roles.requestableLabel')} checked={requestable} onChange={(event) => setRequestable(event.target.checked)} />
        {create.error && !problem('name') && <ErrorAlert error={create.error} />}
        <div className="button-row">
          <Button type="submit" disabled={create.isPending}>
            {t('roles.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}
