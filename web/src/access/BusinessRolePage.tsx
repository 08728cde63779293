/** /access/business-roles/:id — one business role: what it gives, who gets it by rule, what it requires. */
import { Button, Checkbox, Field, Heading, Label, Paragraph, Select, Spinner, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../app/ErrorAlert';
import { PageBreadcrumbs } from '../app/PageBreadcrumbs';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { usePositions } from '../identity/queries';
import { PersonPicker } from '../org/PersonPicker';
import { useOrgUnits, type Ref } from '../org/queries';
import { ChooseAndAddForm } from './ChooseAndAddForm';
import { fieldProblem, hasFieldProblem } from './field-problem';
import { RouteLink } from '../org/RouteLink';
import {
  useAddRule,
  useBusinessRole,
  useCompetences,
  useDeleteBusinessRole,
  useDeleteRule,
  useDropCompetence,
  useLinkSystemRole,
  useRequireCompetence,
  useSystemRoles,
  useUnlinkSystemRole,
  useUpdateBusinessRole,
  type BusinessRoleDetail,
} from './queries';

export function BusinessRolePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('access');
  const { can } = useSession();
  const role = useBusinessRole(id);
  usePageTitle(role.data?.name ?? t('roles.title'));
  if (role.isPending) return <Spinner aria-label={t('loading')} />;
  if (role.error) return <ErrorAlert error={role.error} />;
  const data = role.data;
  const editable = can('access:write');

  return (
    <div className="page">
      <PageBreadcrumbs
        label={t('breadcrumbs')}
        trail={[
          { to: '/access', label: t('roles.title') },
          { to: `/access/business-roles/${data.id}`, label: data.name },
        ]}
      />
      <Heading level={1} data-size="lg">
        {data.name}
      </Heading>
      <Paragraph>{data.description || t('role.noDescription')}</Paragraph>
      <dl className="access-facts">
        <dt>{t('roles.requestable')}</dt>
        <dd>{data.requestable ? t('yes') : t('no')}</dd>
        <dt>{t('role.owner')}</dt>
        <dd>{data.ownerPersonId ? <RouteLink to={`/people/${data.ownerPersonId}`}>{data.ownerName}</RouteLink> : '–'}</dd>
        <dt>{t('role.holders')}</dt>
        <dd>{data.holderCount}</dd>
      </dl>
      {editable && <EditRole role={data} />}
      <SystemRolesOfRole role={data} editable={editable} />
      <RulesOfRole role={data} editable={editable} />
      <CompetencesOfRole role={data} editable={editable} />
    </div>
  );
}

function EditRole({ role }: { role: BusinessRoleDetail }) {
  const { t } = useTranslation('access');
  const update = useUpdateBusinessRole(role.id);
  const remove = useDeleteBusinessRole(role.id);
  const navigate = useNavigate();
  const [name, setName] = useState(role.name);
  const [description, setDescription] = useState(role.description);
  const [requestable, setRequestable] = useState(role.requestable);
  const [owner, setOwner] = useState<Ref | null>(role.ownerPersonId ? { id: role.ownerPersonId, name: role.ownerName ?? '' } : null);
  const [saved, setSaved] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    update.mutate({ name, description, requestable, ownerPersonId: owner?.id ?? null }, { onSuccess: () => setSaved(true) });
  };
  return (
    <section className="page-section" aria-labelledby="access-edit-heading">
      <Heading level={2} data-size="sm" id="access-edit-heading">
        {t('role.edit')}
      </Heading>
      <form onSubmit={submit} className="access-form">
        <Textfield label={t('roles.name')} value={name} onChange={(event) => setName(event.target.value)} error={fieldProblem(update.error, 'name')} required />
        <Textfield
          label={t('roles.descriptionLabel')}
          description={t('roles.descriptionHelp')}
          multiline
          rows={3}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          error={fieldProblem(update.error, 'description')}
        />
        <Checkbox label={t('roles.requestableLabel')} checked={requestable} onChange={(event) => setRequestable(event.target.checked)} />
        <PersonPicker
          legend={t('role.owner')}
          searchLabel={t('role.ownerSearch')}
          noneLabel={t('role.noOwner')}
          value={owner}
          onChange={setOwner}
          name="business-role-owner"
          error={fieldProblem(update.error, 'ownerPersonId')}
        />
        {update.error && !hasFieldProblem(update.error, ['name', 'description', 'ownerPersonId']) && <ErrorAlert error={update.error} />}
        {remove.error && <ErrorAlert error={remove.error} />}
        <div className="button-row">
          <Button type="submit" disabled={update.isPending}>
            {t('role.save')}
          </Button>
          <Button type="button" variant="secondary" data-color="danger" onClick={() => remove.mutate(undefined, { onSuccess: () => void navigate('/access') })}>
            {t('role.delete')}
          </Button>
        </div>
        <p aria-live="polite">{saved ? t('role.saved') : ''}</p>
      </form>
    </section>
  );
}

function SystemRolesOfRole({ role, editable }: { role: BusinessRoleDetail; editable: boolean }) {
  const { t } = useTranslation('access');
  const all = useSystemRoles();
  const link = useLinkSystemRole(role.id);
  const unlink = useUnlinkSystemRole(role.id);
  const linked = new Set(role.systemRoles.map((r) => r.id));
  return (
    <section className="page-section" aria-labelledby="access-system-roles-heading">
      <Heading level={2} data-size="sm" id="access-system-roles-heading">
        {t('role.systemRoles')}
      </Heading>
      {role.systemRoles.length === 0 ? (
        <Paragraph>{t('role.noSystemRoles')}</Paragraph>
      ) : (
        <Table data-size="sm">
          <caption className="access-visually-hidden">{t('role.systemRoles')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('systemRoles.system')}</Table.HeaderCell>
              <Table.HeaderCell>{t('systemRoles.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('systemRoles.accessLevel')}</Table.HeaderCell>
              <Table.HeaderCell>{t('systemRoles.sensitivity')}</Table.HeaderCell>
              {editable && <Table.HeaderCell>{t('actions')}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {role.systemRoles.map((systemRole) => (
              <Table.Row key={systemRole.id}>
                <Table.Cell>
                  <RouteLink to={`/systems/${systemRole.systemId}`}>{systemRole.systemName}</RouteLink>
                </Table.Cell>
                <Table.Cell>{systemRole.name}</Table.Cell>
                <Table.Cell>{systemRole.accessLevel || '–'}</Table.Cell>
                <Table.Cell>
                  <SensitivityTag sensitivity={systemRole.sensitivity} />
                </Table.Cell>
                {editable && (
                  <Table.Cell>
                    <Button variant="tertiary" data-size="sm" onClick={() => unlink.mutate(systemRole.id)}>
                      {t('remove')}
                      <span className="access-visually-hidden"> {`${systemRole.systemName} ${systemRole.name}`}</span>
                    </Button>
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {editable && (
        <ChooseAndAddForm
          label={t('role.addSystemRole')}
          placeholder={t('role.chooseSystemRole')}
          options={(all.data?.items ?? []).filter((r) => !linked.has(r.id)).map((r) => ({ id: r.id, label: `${r.systemName} – ${r.name}` }))}
          pending={link.isPending}
          onAdd={(id, done) => link.mutate(id, { onSuccess: done })}
        />
      )}
      {(link.error || unlink.error) && <ErrorAlert error={link.error ?? unlink.error} />}
    </section>
  );
}

function RulesOfRole({ role, editable }: { role: BusinessRoleDetail; editable: boolean }) {
  const { t } = useTranslation('access');
  const units = useOrgUnits();
  const positions = usePositions();
  const add = useAddRule(role.id);
  const remove = useDeleteRule(role.id);
  const [unitId, setUnitId] = useState('');
  const [positionId, setPositionId] = useState('');
  const [includeSubUnits, setIncludeSubUnits] = useState(true);
  return (
    <section className="page-section" aria-labelledby="access-rules-heading">
      <Heading level={2} data-size="sm" id="access-rules-heading">
        {t('role.rules')}
      </Heading>
      <Paragraph>{t('role.rulesIntro')}</Paragraph>
      {role.rules.length === 0 ? (
        <Paragraph>{t('role.noRules')}</Paragraph>
      ) : (
        <ul className="access-list">
          {role.rules.map((rule) => (
            <li key={rule.id}>
              {t('role.ruleText', {
                unit: rule.orgUnitName ?? t('role.anyUnit'),
                sub: rule.orgUnitName ? (rule.includeSubUnits ? t('role.withSubUnits') : t('role.withoutSubUnits')) : '',
                position: rule.positionTitle ?? t('role.anyPosition'),
              })}
              {editable && (
                <Button variant="tertiary" data-size="sm" onClick={() => remove.mutate(rule.id)}>
                  {t('remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form
          className="access-inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate({ orgUnitId: unitId || null, includeSubUnits, positionId: positionId || null }, { onSuccess: () => setUnitId('') });
          }}
        >
          <Field>
            <Label>{t('role.unit')}</Label>
            <Select value={unitId} onChange={(event) => setUnitId(event.target.value)}>
              <Select.Option value="">{t('role.anyUnit')}</Select.Option>
              {units.data?.map((unit) => (
                <Select.Option key={unit.id} value={unit.id}>
                  {unit.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Checkbox label={t('role.includeSubUnits')} checked={includeSubUnits} onChange={(event) => setIncludeSubUnits(event.target.checked)} />
          <Field>
            <Label>{t('role.position')}</Label>
            <Select value={positionId} onChange={(event) => setPositionId(event.target.value)}>
              <Select.Option value="">{t('role.anyPosition')}</Select.Option>
              {positions.data?.map((position) => (
                <Select.Option key={position.id} value={position.id}>
                  {position.title}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Button type="submit" variant="secondary" disabled={add.isPending}>
            {t('role.addRule')}
          </Button>
        </form>
      )}
      {(add.error || remove.error) && <ErrorAlert error={add.error ?? remove.error} />}
    </section>
  );
}

function CompetencesOfRole({ role, editable }: { role: BusinessRoleDetail; editable: boolean }) {
  const { t } = useTranslation('access');
  const all = useCompetences();
  const require = useRequireCompetence(role.id);
  const drop = useDropCompetence(role.id);
  const required = new Set(role.requiredCompetences.map((c) => c.id));
  return (
    <section className="page-section" aria-labelledby="access-competences-heading">
      <Heading level={2} data-size="sm" id="access-competences-heading">
        {t('role.competences')}
      </Heading>
      <Paragraph>{t('role.competencesIntro')}</Paragraph>
      {role.requiredCompetences.length === 0 ? (
        <Paragraph>{t('role.noCompetences')}</Paragraph>
      ) : (
        <ul className="access-list">
          {role.requiredCompetences.map((competence) => (
            <li key={competence.id}>
              {competence.name}
              {competence.validityMonths ? ` (${t('role.validFor', { months: competence.validityMonths })})` : ''}
              {editable && (
                <Button variant="tertiary" data-size="sm" onClick={() => drop.mutate(competence.id)}>
                  {t('remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <ChooseAndAddForm
          label={t('role.addCompetence')}
          placeholder={t('role.chooseCompetence')}
          options={(all.data?.items ?? []).filter((c) => !required.has(c.id)).map((c) => ({ id: c.id, label: c.name }))}
          pending={require.isPending}
          onAdd={(id, done) => require.mutate(id, { onSuccess: done })}
        />
      )}
      {(require.error || drop.error) && <ErrorAlert error={require.error ?? drop.error} />}
    </section>
  );
}

export function SensitivityTag({ sensitivity }: { sensitivity: 'normal' | 'sensitive' }) {
  const { t } = useTranslation('access');
  return (
    <Tag data-color={sensitivity === 'sensitive' ? 'warning' : 'neutral'} data-size="sm">
      {t(`sensitivity.${sensitivity}`)}
    </Tag>
  );
}
