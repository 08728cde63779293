/** "Koblinger": how each system is reached (SCIM, LDAP/AD or manual), and the mass-removal threshold. */
import { Alert, Button, Checkbox, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app/ErrorAlert';
import { PageLoading } from '../app/PageLoading';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { useConnectors, useSaveConnector, useSaveSettings, useSettings, type Connector } from './queries';

type Kind = 'manual' | 'ldap' | 'scim';
const settingFields: Record<Kind, string[]> = {
  manual: [],
  ldap: ['url', 'bindDn', 'usersDn', 'disabledDn', 'groupsDn', 'upnSuffix', 'placeholderMember'],
  scim: ['baseUrl'],
};
type Flavour = 'openldap' | 'active_directory';
/** LDAP settings that only one flavour uses (server: ldapSettingsSchema). */
const flavourOnly: Record<string, Flavour> = { upnSuffix: 'active_directory', placeholderMember: 'openldap' };
/** Help under an LDAP field, where the flavours differ in what the setting means. */
const fieldHelp: Record<Flavour, Record<string, string>> = {
  openldap: { disabledDn: 'fieldHelp.disabledDnOpenldap', placeholderMember: 'fieldHelp.placeholderMember' },
  active_directory: { url: 'fieldHelp.urlAd', usersDn: 'fieldHelp.usersDnAd', disabledDn: 'fieldHelp.disabledDnAd', upnSuffix: 'fieldHelp.upnSuffix' },
};
const fieldsFor = (kind: Kind, flavour: string) => settingFields[kind].filter((f) => kind !== 'ldap' || !flavourOnly[f] || flavourOnly[f] === flavour);
const secretField: Record<Kind, string | null> = { manual: null, ldap: 'bindPassword', scim: 'bearerToken' };

function ConnectorForm({ connector, onDone }: { connector: Connector; onDone(): void }) {
  const { t } = useTranslation('provisioning');
  const save = useSaveConnector();
  const [kind, setKind] = useState<Kind>(connector.kind ?? 'manual');
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(Object.entries(connector.settings).map(([k, v]) => [k, String(v ?? '')])));
  const [flavour, setFlavour] = useState(String(connector.settings.flavour ?? 'openldap'));
  const [secret, setSecret] = useState('');
  const [enabled, setEnabled] = useState(connector.kind ? connector.enabled : true);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const settings: Record<string, unknown> = Object.fromEntries(fieldsFor(kind, flavour).filter((f) => values[f]?.trim()).map((f) => [f, values[f]!.trim()]));
    if (kind === 'ldap') settings.flavour = flavour;
    const secretName = secretField[kind];
    save.mutate({ systemId: connector.systemId, kind, settings, enabled, ...(secretName && secret ? { secrets: { [secretName]: secret } } : {}) }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} className="provisioning-stack" aria-labelledby="connector-form-heading">
      <Heading level={2} data-size="sm" id="connector-form-heading">
        {t('connectors.editHeading', { system: connector.systemName })}
      </Heading>
      <Field>
        <Label>{t('connectors.kind')}</Label>
        <Select value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
          {(['manual', 'ldap', 'scim'] as const).map((k) => (
            <Select.Option key={k} value={k}>
              {t(`kinds.${k}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {kind === 'ldap' && (
        <Field>
          <Label>{t('connectors.flavour')}</Label>
          <Select value={flavour} onChange={(event) => setFlavour(event.target.value)}>
            <Select.Option value="openldap">OpenLDAP</Select.Option>
            <Select.Option value="active_directory">Active Directory</Select.Option>
          </Select>
        </Field>
      )}
      {fieldsFor(kind, flavour).map((field) => {
        const help = kind === 'ldap' ? fieldHelp[flavour as Flavour]?.[field] : undefined;
        return (
          <Textfield
            key={field}
            label={t(`fields.${field}`)}
            description={help ? t(help) : undefined}
            value={values[field] ?? ''}
            onChange={(event) => setValues({ ...values, [field]: event.target.value })}
            autoComplete="off"
          />
        );
      })}
      {secretField[kind] && (
        <Textfield
          type="password"
          label={t(`fields.${secretField[kind]}`)}
          description={connector.hasSecrets ? t('connectors.secretStored') : t('connectors.secretMissing')}
          value={secret}
          onChange={(event) => setSecret(event.target.value)}
          autoComplete="new-password"
        />
      )}
      <Checkbox label={t('connectors.enabled')} checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
      {save.error && <ErrorAlert error={save.error} />}
      <div className="provisioning-actions">
        <Button type="submit" loading={save.isPending}>
          {t('connectors.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('connectors.cancel')}
        </Button>
      </div>
    </form>
  );
}

function ThresholdForm() {
  const { t } = useTranslation('provisioning');
  const settings = useSettings();
  const save = useSaveSettings();
  const [percent, setPercent] = useState('');
  const [minimum, setMinimum] = useState('');
  const [reviewScim, setReviewScim] = useState(false);
  useEffect(() => {
    if (settings.data) {
      setPercent(String(settings.data.massRemovalPercent));
      setMinimum(String(settings.data.massRemovalMinimum));
      setReviewScim(settings.data.reviewScimChanges);
    }
  }, [settings.data]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ massRemovalPercent: Number(percent), massRemovalMinimum: Number(minimum), reviewScimChanges: reviewScim });
  };
  return (
    <form onSubmit={submit} className="provisioning-stack" aria-labelledby="threshold-heading">
      <Heading level={2} data-size="sm" id="threshold-heading">
        {t('threshold.title')}
      </Heading>
      <Paragraph>{t('threshold.intro')}</Paragraph>
      <Textfield label={t('threshold.percent')} type="number" inputMode="numeric" value={percent} onChange={(event) => setPercent(event.target.value)} />
      <Textfield label={t('threshold.minimum')} type="number" inputMode="numeric" value={minimum} onChange={(event) => setMinimum(event.target.value)} />
      <Checkbox
        label={t('threshold.reviewScim')}
        description={t('threshold.reviewScimHelp')}
        checked={reviewScim}
        onChange={(event) => setReviewScim(event.target.checked)}
      />
      {save.error && <ErrorAlert error={save.error} />}
      {save.isSuccess && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('threshold.saved')}</Paragraph>
        </Alert>
      )}
      <div>
        <Button type="submit" loading={save.isPending}>
          {t('threshold.save')}
        </Button>
      </div>
    </form>
  );
}

export function ConnectorsPage() {
  const { t } = useTranslation('provisioning');
  usePageTitle(t('connectors.title'));
  const { can } = useSession();
  const connectors = useConnectors();
  const [editing, setEditing] = useState<string | null>(null);
  const current = connectors.data?.items.find((c) => c.systemId === editing);
  return (
    <section aria-labelledby="connectors-heading" className="provisioning-stack-wide">
      <Heading level={1} data-size="lg" id="connectors-heading">
        {t('connectors.title')}
      </Heading>
      <Paragraph>{t('connectors.intro')}</Paragraph>
      {current && can('provisioning:configure') && <ConnectorForm key={current.systemId} connector={current} onDone={() => setEditing(null)} />}
      {connectors.isPending ? (
        <PageLoading />
      ) : connectors.error ? (
        <ErrorAlert error={connectors.error} />
      ) : (
        <Table zebra data-size="sm">
          <caption className="visually-hidden">{t('connectors.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('columns.system')}</Table.HeaderCell>
              <Table.HeaderCell>{t('connectors.kind')}</Table.HeaderCell>
              <Table.HeaderCell>{t('connectors.where')}</Table.HeaderCell>
              <Table.HeaderCell>{t('connectors.status')}</Table.HeaderCell>
              {can('provisioning:configure') && <Table.HeaderCell>{t('columns.do')}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {connectors.data.items.map((c) => (
              <Table.Row key={c.systemId}>
                <Table.Cell>{c.systemName}</Table.Cell>
                <Table.Cell>{c.kind ? t(`kinds.${c.kind}`) : t('kinds.none')}</Table.Cell>
                <Table.Cell>{String(c.settings.url ?? c.settings.baseUrl ?? '')}</Table.Cell>
                <Table.Cell>{c.kind ? (c.enabled ? t('connectors.on') : t('connectors.off')) : ''}</Table.Cell>
                {can('provisioning:configure') && (
                  <Table.Cell>
                    <Button data-size="sm" variant="secondary" onClick={() => setEditing(c.systemId)} aria-label={t('connectors.editFor', { system: c.systemName })}>
                      {t('connectors.edit')}
                    </Button>
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {can('provisioning:configure') && <ThresholdForm />}
    </section>
  );
}
