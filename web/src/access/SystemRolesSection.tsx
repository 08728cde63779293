/** The system roles [systemroller] of one system, on its catalogue page, with a form to add one. */
import { Button, Checkbox, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { useSession } from '../app/session';
import { SensitivityTag } from './BusinessRolePage';
import { useCreateSystemRole, useDeleteSystemRole, useSystemRoles, type Sensitivity } from './queries';

export function SystemRolesSection({ systemId }: { systemId: string }) {
  const { t } = useTranslation('access');
  const { can } = useSession();
  const roles = useSystemRoles(systemId);
  const remove = useDeleteSystemRole();
  if (!can('access:read')) return null;
  const editable = can('access:write');
  return (
    <section id="system-roles" className="page-section" aria-labelledby="system-roles-heading">
      <Heading level={2} data-size="md" id="system-roles-heading">
        {t('systemRoles.heading')}
      </Heading>
      {roles.error && <ErrorAlert error={roles.error} />}
      {roles.data && roles.data.items.length === 0 && <Paragraph>{t('systemRoles.none')}</Paragraph>}
      {roles.data && roles.data.items.length > 0 && (
        <Table data-size="sm">
          <caption className="access-visually-hidden">{t('systemRoles.heading')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('systemRoles.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('systemRoles.accessLevel')}</Table.HeaderCell>
              <Table.HeaderCell>{t('systemRoles.sensitivity')}</Table.HeaderCell>
              <Table.HeaderCell>{t('systemRoles.licence')}</Table.HeaderCell>
              <Table.HeaderCell>{t('systemRoles.targetGroup')}</Table.HeaderCell>
              <Table.HeaderCell>{t('systemRoles.businessRoles')}</Table.HeaderCell>
              {editable && <Table.HeaderCell>{t('actions')}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {roles.data.items.map((role) => (
              <Table.Row key={role.id}>
                <Table.Cell>{role.name}</Table.Cell>
                <Table.Cell>{role.accessLevel || '–'}</Table.Cell>
                <Table.Cell>
                  <SensitivityTag sensitivity={role.sensitivity} />
                </Table.Cell>
                <Table.Cell>{role.consumesLicence ? t('yes') : t('no')}</Table.Cell>
                <Table.Cell>
                  <code className="access-code">{role.targetGroup ?? '–'}</code>
                </Table.Cell>
                <Table.Cell>{role.businessRoleCount}</Table.Cell>
                {editable && (
                  <Table.Cell>
                    <Button variant="tertiary" data-size="sm" onClick={() => remove.mutate(role.id)}>
                      {t('remove')}
                      <span className="access-visually-hidden"> {role.name}</span>
                    </Button>
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {remove.error && <ErrorAlert error={remove.error} />}
      {editable && <NewSystemRole systemId={systemId} />}
    </section>
  );
}

function NewSystemRole({ systemId }: { systemId: string }) {
  const { t } = useTranslation('access');
  const create = useCreateSystemRole();
  const [name, setName] = useState('');
  const [accessLevel, setAccessLevel] = useState('');
  const [sensitivity, setSensitivity] = useState<Sensitivity>('normal');
  const [consumesLicence, setConsumesLicence] = useState(false);
  const [targetGroup, setTargetGroup] = useState('');
  const problem = (field: string) => (create.error instanceof ApiError ? create.error.problems.find((p) => p.field === field)?.message : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { systemId, name, description: '', accessLevel, sensitivity, consumesLicence, targetGroup: targetGroup || null },
      {
        onSuccess: () => {
          setName('');
          setAccessLevel('');
          setTargetGroup('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} className="access-form" aria-labelledby="system-roles-new-heading">
      <Heading level={3} data-size="xs" id="system-roles-new-heading">
        {t('systemRoles.new')}
      </Heading>
      <Textfield label={t('systemRoles.name')} value={name} onChange={(event) => setName(event.target.value)} error={problem('name')} required />
      <Textfield label={t('systemRoles.accessLevel')} value={accessLevel} onChange={(event) => setAccessLevel(event.target.value)} />
      <Field>
        <Label>{t('systemRoles.sensitivity')}</Label>
        <Select value={sensitivity} onChange={(event) => setSensitivity(event.target.value as Sensitivity)}>
          <Select.Option value="normal">{t('sensitivity.normal')}</Select.Option>
          <Select.Option value="sensitive">{t('sensitivity.sensitive')}</Select.Option>
        </Select>
      </Field>
      <Checkbox label={t('systemRoles.licence')} checked={consumesLicence} onChange={(event) => setConsumesLicence(event.target.checked)} />
      <Textfield label={t('systemRoles.targetGroup')} description={t('systemRoles.targetGroupHelp')} value={targetGroup} onChange={(event) => setTargetGroup(event.target.value)} />
      {create.error && !problem('name') && <ErrorAlert error={create.error} />}
      <div className="button-row">
        <Button type="submit" disabled={create.isPending}>
          {t('systemRoles.add')}
        </Button>
      </div>
    </form>
  );
}
