/** The system roles [systemroller] of one system, on its catalogue page, with forms to add one and change one. */
import { Button, Checkbox, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app/ErrorAlert';
import { useSession } from '../app/session';
import { SensitivityTag } from './BusinessRolePage';
import { fieldProblem, hasFieldProblem } from './field-problem';
import { useCreateSystemRole, useDeleteSystemRole, useSystemRoles, useUpdateSystemRole, type Sensitivity, type SystemRole, type SystemRoleInput } from './queries';

export function SystemRolesSection({ systemId }: { systemId: string }) {
  const { t } = useTranslation('access');
  const { can } = useSession();
  const roles = useSystemRoles(systemId);
  const remove = useDeleteSystemRole();
  const [editing, setEditing] = useState<string | null>(null);
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
                    <Button variant="tertiary" data-size="sm" aria-expanded={editing === role.id} onClick={() => setEditing(editing === role.id ? null : role.id)}>
                      {t('edit')}
                      <span className="access-visually-hidden"> {role.name}</span>
                    </Button>
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
      {editable && editing && roles.data?.items.some((role) => role.id === editing) && (
        <EditSystemRole key={editing} role={roles.data.items.find((role) => role.id === editing)!} onDone={() => setEditing(null)} />
      )}
      {editable && <NewSystemRole systemId={systemId} />}
    </section>
  );
}

function NewSystemRole({ systemId }: { systemId: string }) {
  const { t } = useTranslation('access');
  const create = useCreateSystemRole();
  return (
    <section aria-labelledby="system-roles-new-heading">
      <Heading level={3} data-size="xs" id="system-roles-new-heading">
        {t('systemRoles.new')}
      </Heading>
      <SystemRoleForm systemId={systemId} submitLabel={t('systemRoles.add')} mutation={create} idPrefix="new-system-role" />
    </section>
  );
}

function EditSystemRole({ role, onDone }: { role: SystemRole; onDone(): void }) {
  const { t } = useTranslation('access');
  const update = useUpdateSystemRole(role.id);
  return (
    <section aria-labelledby="system-roles-edit-heading">
      <Heading level={3} data-size="xs" id="system-roles-edit-heading" tabIndex={-1} ref={(heading) => heading?.focus()}>
        {t('systemRoles.editHeading', { name: role.name })}
      </Heading>
      <SystemRoleForm systemId={role.systemId} initial={role} submitLabel={t('role.save')} mutation={update} onDone={onDone} idPrefix="edit-system-role" />
    </section>
  );
}

interface SystemRoleFormProps {
  systemId: string;
  initial?: SystemRoleInput;
  submitLabel: string;
  mutation: { mutate(input: SystemRoleInput, options: { onSuccess(): void }): void; isPending: boolean; error: unknown };
  /** After a change is saved (editing); a new role empties the form instead. */
  onDone?(): void;
  idPrefix: string;
}

/** Name, description, access level, sensitivity, licence and the group it is provisioned as. */
function SystemRoleForm({ systemId, initial, submitLabel, mutation, onDone, idPrefix }: SystemRoleFormProps) {
  const { t } = useTranslation('access');
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [accessLevel, setAccessLevel] = useState(initial?.accessLevel ?? '');
  const [sensitivity, setSensitivity] = useState<Sensitivity>(initial?.sensitivity ?? 'normal');
  const [consumesLicence, setConsumesLicence] = useState(initial?.consumesLicence ?? false);
  const [targetGroup, setTargetGroup] = useState(initial?.targetGroup ?? '');
  const error = mutation.error;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(
      { systemId, name, description, accessLevel, sensitivity, consumesLicence, targetGroup: targetGroup || null },
      {
        onSuccess: () => {
          if (onDone) return onDone();
          setName('');
          setDescription('');
          setAccessLevel('');
          setTargetGroup('');
        },
      },
    );
  };
  const fields = ['name', 'description', 'accessLevel', 'sensitivity', 'targetGroup'];
  return (
    <form onSubmit={submit} className="access-form">
      <Textfield label={t('systemRoles.name')} value={name} onChange={(event) => setName(event.target.value)} error={fieldProblem(error, 'name')} required />
      <Textfield label={t('systemRoles.description')} multiline rows={2} value={description} onChange={(event) => setDescription(event.target.value)} error={fieldProblem(error, 'description')} />
      <Textfield label={t('systemRoles.accessLevel')} value={accessLevel} onChange={(event) => setAccessLevel(event.target.value)} error={fieldProblem(error, 'accessLevel')} />
      <Field>
        <Label htmlFor={`${idPrefix}-sensitivity`}>{t('systemRoles.sensitivity')}</Label>
        <Select id={`${idPrefix}-sensitivity`} value={sensitivity} onChange={(event) => setSensitivity(event.target.value as Sensitivity)}>
          <Select.Option value="normal">{t('sensitivity.normal')}</Select.Option>
          <Select.Option value="sensitive">{t('sensitivity.sensitive')}</Select.Option>
        </Select>
      </Field>
      <Checkbox label={t('systemRoles.licence')} checked={consumesLicence} onChange={(event) => setConsumesLicence(event.target.checked)} />
      <Textfield
        label={t('systemRoles.targetGroup')}
        description={t('systemRoles.targetGroupHelp')}
        value={targetGroup}
        onChange={(event) => setTargetGroup(event.target.value)}
        error={fieldProblem(error, 'targetGroup')}
      />
      {Boolean(error) && !hasFieldProblem(error, fields) && <ErrorAlert error={error} />}
      <div className="button-row">
        <Button type="submit" disabled={mutation.isPending}>
          {submitLabel}
        </Button>
        {onDone && (
          <Button type="button" variant="secondary" onClick={onDone}>
            {t('cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
